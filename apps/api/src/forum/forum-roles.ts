import { roleIncludes } from '@essaim/domain';
import type { User } from '../accounts/user.entity';

/** Moderators and admins moderate the forum (FACILITATOR is a sibling role, not a moderator). */
export function isModerator(user: Pick<User, 'role'> | null | undefined): boolean {
  return !!user && roleIncludes(user.role, 'MODERATOR');
}
