import { SetMetadata } from '@nestjs/common';
import { Role } from './role';

/**
 * Who may call an operation. Every Query, Mutation and Subscription declares exactly one
 * `@Allow(...)`; an operation without it is refused (fail closed).
 * - `'PUBLIC'`: anyone, logged in or not;
 * - `'PARTICIPANT'`: an anonymous seminar participant token or a logged-in user;
 * - a Role: a logged-in user with that role (ADMIN passes every role check).
 */
export type Audience = 'PUBLIC' | 'PARTICIPANT' | Role;

export const ALLOW_KEY = 'essaim:allow';

export const Allow = (...audiences: [Audience, ...Audience[]]) => SetMetadata(ALLOW_KEY, audiences);
