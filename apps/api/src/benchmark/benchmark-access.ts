import type { User } from '../accounts/user.entity';
import { forbidden } from '../common/errors';

/**
 * Who may enter figures and self-assessments for a territory: its own members (the
 * territory of their account) and, for any territory, moderators and administrators.
 */
export function canEditTerritory(user: Pick<User, 'role' | 'territoryCode'>, territoryCode: string): boolean {
  return user.role === 'ADMIN' || user.role === 'MODERATOR' || user.territoryCode === territoryCode;
}

export function assertCanEditTerritory(user: Pick<User, 'role' | 'territoryCode'>, territoryCode: string): void {
  if (!canEditTerritory(user, territoryCode)) throw forbidden(cannotEditMessage(territoryCode));
}

export const cannotEditMessage = (territoryCode: string) =>
  `Vous ne pouvez saisir des données que pour votre propre territoire (pas pour ${territoryCode}) ; les modérateurs et administrateurs peuvent saisir pour tous.`;
