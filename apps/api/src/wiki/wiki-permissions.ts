import { roleIncludes } from '@essaim/domain';
import type { User } from '../accounts/user.entity';

/** Moderators and admins may act on any territory's content. */
export const isModerator = (user: User | null | undefined): boolean => !!user && roleIncludes(user.role, 'MODERATOR');

/** A sheet is edited by members of its territory and by moderators/admins. */
export function canEditProject(user: User | null | undefined, project: { territoryCode: string }): boolean {
  return !!user && (isModerator(user) || (!!user.territoryCode && user.territoryCode === project.territoryCode));
}

/** Sheets are created (or replicated) for one's own territory; moderators/admins for any. */
export function canActForTerritory(user: User | null | undefined, territoryCode: string): boolean {
  return canEditProject(user, { territoryCode });
}
