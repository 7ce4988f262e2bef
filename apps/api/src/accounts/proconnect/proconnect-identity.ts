import type { ProconnectClaims } from './proconnect-client';

/** What Essaim keeps from ProConnect's claims, checked at the boundary. */
export interface ProconnectIdentity {
  sub: string;
  email: string;
  displayName: string;
  /** First nine digits of the `siret` claim, or null when there is no well-formed SIRET. */
  siren: string | null;
}

export class ProconnectClaimsError extends Error {}

const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]+$/;

/** Reads the userinfo claims; throws ProconnectClaimsError when a required one is unusable. */
export function identityFromClaims(claims: ProconnectClaims): ProconnectIdentity {
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (!sub || sub.length > 255) throw new ProconnectClaimsError('ProConnect gave no usable "sub"');
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (email.length > 254 || !EMAIL.test(email)) throw new ProconnectClaimsError('ProConnect gave no usable "email"');
  return { sub, email, displayName: displayNameOf(claims, email), siren: sirenOf(claims.siret) };
}

/** "given_name usual_name", cleaned like a typed display name (no < or >, 80 characters at most). */
function displayNameOf(claims: ProconnectClaims, email: string): string {
  const parts = [claims.given_name, claims.usual_name].filter((p): p is string => typeof p === 'string');
  const name = parts.join(' ').replace(/[<>]/g, '').replace(/\s+/g, ' ').trim().slice(0, 80).trim();
  return name.length >= 2 ? name : email.split('@')[0].slice(0, 80);
}

/** A SIRET is 14 digits (sometimes written with spaces); its first nine are the SIREN. */
export function sirenOf(siret: unknown): string | null {
  if (typeof siret !== 'string') return null;
  const digits = siret.replace(/\s/g, '');
  return /^\d{14}$/.test(digits) ? digits.slice(0, 9) : null;
}
