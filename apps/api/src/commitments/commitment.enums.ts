import { registerEnumType } from '@nestjs/graphql';

export enum CommitmentStatus {
  TO_START = 'TO_START',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  ABANDONED = 'ABANDONED',
}
registerEnumType(CommitmentStatus, { name: 'CommitmentStatus', description: 'à lancer, en cours, réalisé, abandonné (with a reason).' });

/** Progress set by hand, or computed from the linked sheets' stages. */
export enum ProgressMode {
  MANUAL = 'MANUAL',
  FROM_PROJECTS = 'FROM_PROJECTS',
}
registerEnumType(ProgressMode, { name: 'ProgressMode' });
