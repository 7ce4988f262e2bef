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
  if (!canEditTerritory(user, territoryCode)) throw forbidden(cannotEditMessage(territoryCode));
}

export const cannotEditMessage = (territoryCode: string) =>
  `Vous ne pouvez saisir des données que pour un territoire dont vous êtes membre vérifié·e (pas pour ${territoryCode}) ; les modérateurs et administrateurs peuvent saisir pour tous.`;
