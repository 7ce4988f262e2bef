import { errorText } from '@essaim/domain';
import { canActForTerritory, PolicySubject } from '../common/auth/policies';
import { forbidden } from '../common/errors';

/**
 * Who may enter figures and self-assessments for a territory: the common territory rule (its
 * verified members and, for any territory, moderators and administrators).
 */
export function assertCanEditTerritory(user: PolicySubject, territoryCode: string): void {
  if (!canActForTerritory(user, territoryCode)) throw forbidden('TERRITORY_EDITORS_ONLY', { territoryCode });
}

/** The French sentence of the refusal, for import reports. */
export const cannotEditMessage = (territoryCode: string) => errorText('TERRITORY_EDITORS_ONLY', { territoryCode }, 'fr');
