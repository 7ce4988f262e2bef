export const ROLES = ['MEMBER', 'FACILITATOR', 'MODERATOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_FR = {
  MEMBER: 'Membre',
  FACILITATOR: 'Animateur·rice',
  MODERATOR: 'Modérateur·rice',
  ADMIN: 'Administrateur·rice',
} as const satisfies Record<Role, string>;

/** Roles are ordered: each includes the powers of the ones before it, except FACILITATOR and MODERATOR which are siblings. */
export function roleIncludes(actual: Role, required: Role): boolean {
  if (actual === required || actual === 'ADMIN') return true;
  return required === 'MEMBER';
}
