import { errorText } from '@essaim/domain';
import { canActForTerritory, PolicySubject } from '../common/auth/policies';
import { forbidden } from '../common/errors';

/**
 * Who may enter figures and self-assessments for a territory: its verified members and, for any
 * territory, moderators and administrators.
 */
export function canEditTerritory(user: PolicySubject, territoryCode: string): boolean {
  return canActForTerritory(user, territoryCode);
}

export function assertCanEditTerritory(user: PolicySubject, territoryCode: string): void {
  if (!canEditTerritory(user, territoryCode)) throw forbidden('TERRITORY_EDITORS_ONLY', { territoryCode });
}

/** The French sentence of the refusal, for import reports. */
export const cannotEditMessage = (territoryCode: string) => errorText('TERRITORY_EDITORS_ONLY', { territoryCode }, 'fr');
