import { registerEnumType } from '@nestjs/graphql';

export enum MembershipStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  REVOKED = 'REVOKED',
}

export enum VerificationMethod {
  PROCONNECT = 'PROCONNECT',
  EMAIL_DOMAIN = 'EMAIL_DOMAIN',
  APPROVAL = 'APPROVAL',
  ADMIN = 'ADMIN',
}

/** In what capacity someone speaks for a territory: shown as "Agent·e vérifié·e" or "Élu·e vérifié·e". */
export enum MembershipCapacity {
  AGENT = 'AGENT',
  ELECTED = 'ELECTED',
}

registerEnumType(MembershipStatus, { name: 'MembershipStatus', description: 'Only VERIFIED memberships grant rights for a territory.' });
registerEnumType(VerificationMethod, { name: 'VerificationMethod', description: 'How a membership was verified.' });
registerEnumType(MembershipCapacity, { name: 'MembershipCapacity', description: 'Agent or elected official of the territory.' });
