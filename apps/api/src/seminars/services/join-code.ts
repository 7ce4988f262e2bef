import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: easy to read on a projector and to type on a phone. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 8 characters of a 31-letter alphabet: 39.6 bits, far beyond guessing at any throttled rate. */
export const JOIN_CODE_LENGTH = 8;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** What people type: "ab-c 12d" → "ABC12D". */
export function normaliseJoinCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '');
}
