import { Algorithm, hash, verify } from '@node-rs/argon2';
import { errorMessage, type ErrorMessage } from '@essaim/domain';

/** OWASP's argon2id baseline: 19 MiB of memory, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Passwords seen at the top of public breach lists, plus the obvious local ones. */
const COMMON_PASSWORDS = new Set([
  '1234567890',
  '0123456789',
  '12345678910',
  '1234567891',
  'azertyuiop',
  'qwertyuiop',
  'motdepasse',
  'motdepasse1',
  'motdepasse123',
  'password123',
  'password12',
  'password1!',
  'passwordpassword',
  'iloveyou123',
  'azerty1234',
  'azerty12345',
  'azertyuiop1',
  'qwerty1234',
  'qwerty12345',
  '1q2w3e4r5t',
  'abcdefghij',
  'aaaaaaaaaa',
  '0000000000',
  '1111111111',
  'soleil1234',
  'bonjour123',
  'bonjour1234',
  'doudou1234',
  'chouchou12',
  'loulou1234',
  'marseille13',
  'essonne91',
  'essonne9191',
  'essaim1234',
  'administrateur',
  'admin12345',
  'administrator',
  'changeme123',
  'welcome123',
  'letmein123',
  'football123',
  'princess123',
  'sunshine123',
  'dragon1234',
  'master1234',
  'trustno1234',
]);

/** Why the password is refused (a reason of the errors catalogue), or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; displayName?: string } = {}): ErrorMessage | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return errorMessage('PASSWORD_TOO_SHORT', { min: MIN_PASSWORD_LENGTH });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return errorMessage('PASSWORD_TOO_LONG', { max: MAX_PASSWORD_LENGTH });
  }
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890)+/.test(password)) {
    return errorMessage('PASSWORD_TOO_COMMON');
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lowered.includes(localPart)) {
    return errorMessage('PASSWORD_CONTAINS_EMAIL');
  }
  return null;
}

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash of a random string, verified when the account is unknown so timing does not reveal it. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = () => (decoyHash ??= hashPassword(`decoy-${Math.random()}`));
