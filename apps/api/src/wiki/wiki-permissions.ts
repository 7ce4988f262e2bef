import type { User } from '../accounts/user.entity';
import { canActForTerritory as actsFor } from '../common/auth/policies';

/** A sheet is edited by verified members of its territory and by moderators/admins. */
export function canEditProject(user: User | null | undefined, project: { territoryCode: string }): boolean {
  return actsFor(user, project.territoryCode);
}

/** Sheets are created (or replicated) for a territory one is verified in; moderators/admins for any. */
export function canActForTerritory(user: User | null | undefined, territoryCode: string): boolean {
  return actsFor(user, territoryCode);
}
