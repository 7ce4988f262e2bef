import { registerEnumType } from '@nestjs/graphql';
import { PROJECT_STAGES, ProjectStage as DomainStage } from '@essaim/domain';

export const ProjectStage = Object.fromEntries(PROJECT_STAGES.map((s) => [s, s])) as { [K in DomainStage]: K };
export type ProjectStage = DomainStage;

registerEnumType(ProjectStage, { name: 'ProjectStage' });
