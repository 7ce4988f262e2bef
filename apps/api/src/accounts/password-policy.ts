import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline: 19 MiB of memory, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;

/** Passwords seen at the top of public breach lists, plus the obvious local ones. */
const COMMON_PASSWORDS = new Set([
  '1234567890', '0123456789', '12345678910', '1234567891', 'azertyuiop', 'qwertyuiop', 'motdepasse',
  'motdepasse1', 'motdepasse123', 'password123', 'password12', 'password1!', 'passwordpassword',
  'iloveyou123', 'azerty1234', 'azerty12345', 'azertyuiop1', 'qwerty1234', 'qwerty12345', '1q2w3e4r5t',
  'abcdefghij', 'aaaaaaaaaa', '0000000000', '1111111111', 'soleil1234', 'bonjour123', 'bonjour1234',
  'doudou1234', 'chouchou12', 'loulou1234', 'marseille13', 'essonne91', 'essonne9191', 'essaim1234',
  'administrateur', 'admin12345', 'administrator', 'changeme123', 'welcome123', 'letmein123',
  'football123', 'princess123', 'sunshine123', 'dragon1234', 'master1234', 'trustno1234',
]);

/** A French message explaining why the password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; displayName?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Le mot de passe doit contenir au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `Le mot de passe ne doit pas dépasser ${MAX_PASSWORD_LENGTH} caractères.`;
  }
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890)+/.test(password)) {
    return 'Ce mot de passe est trop courant : choisissez-en un plus difficile à deviner.';
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lowered.includes(localPart)) {
    return 'Le mot de passe ne doit pas reprendre votre adresse e-mail.';
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
