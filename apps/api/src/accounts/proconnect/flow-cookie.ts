import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FlowChecks } from './proconnect-client';

export const FLOW_COOKIE = 'essaim_proconnect';
export const FLOW_COOKIE_PATH = '/auth/proconnect';
/** Time to log in at ProConnect and come back. */
export const FLOW_TTL_MS = 10 * 60_000;

export interface Flow extends FlowChecks {
  /** Same-origin path to go back to after login. */
  returnTo: string;
}

/**
 * The login in progress travels in a short-lived HttpOnly cookie, encrypted and authenticated
 * (AES-256-GCM) with a key derived from the client secret: every process of a deployment can read
 * it, nobody else can read or forge it, and nothing is stored server-side for abandoned logins.
 */
export class FlowSealer {
  private readonly key: Buffer;
  private readonly macKey: Buffer;

  constructor(clientSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', clientSecret, 'essaim', 'proconnect flow cookie', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', clientSecret, 'essaim', 'proconnect logout state', 32));
  }

  seal(flow: Flow, now = Date.now()): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify({ ...flow, exp: now + FLOW_TTL_MS }), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The flow, or null when the cookie is missing, tampered with or expired. */
  open(value: unknown, now = Date.now()): Flow | null {
    if (typeof value !== 'string' || value.length > 4096) return null;
    try {
      const raw = Buffer.from(value, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const { exp, state, nonce, codeVerifier, returnTo } = JSON.parse(text) as Flow & { exp: number };
      if (typeof exp !== 'number' || exp < now) return null;
      return { state, nonce, codeVerifier, returnTo };
    } catch {
      return null;
    }
  }

  /** A logout `state` the logout callback can check without storing anything: random part + MAC. */
  logoutState(): string {
    const random = randomBytes(24).toString('base64url');
    return `${random}.${this.mac(random)}`;
  }

  isLogoutState(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    const [random, mac] = value.split('.');
    if (!random || !mac) return false;
    const expected = Buffer.from(this.mac(random));
    const given = Buffer.from(mac);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private mac(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('base64url');
  }
}
