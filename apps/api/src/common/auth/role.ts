import { registerEnumType } from '@nestjs/graphql';
import { ROLES, Role as DomainRole } from '@essaim/domain';

export const Role = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in DomainRole]: K };
export type Role = DomainRole;

registerEnumType(Role, { name: 'Role', description: 'What an account may do. ADMIN includes every other role.' });
