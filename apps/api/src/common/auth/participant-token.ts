import { createHash, randomBytes } from 'node:crypto';

/** Where an anonymous seminar participant's token travels: a header (or a graphql-ws connection param), else this cookie. */
export const PARTICIPANT_HEADER = 'x-participant-token';
export const PARTICIPANT_COOKIE = 'essaim_participant';

/** 256 random bits, URL-safe: the anonymous participant's credential. */
export const newParticipantToken = (): string => randomBytes(32).toString('base64url');

/** Only this hash is stored, so a database leak gives no usable token. */
export const hashParticipantToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const isPlausibleToken = (token: string | null): token is string => !!token && token.length >= 20 && token.length <= 100;
