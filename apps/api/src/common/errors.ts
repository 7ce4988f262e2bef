import { GraphQLError } from 'graphql';

/** The public error codes of the contract (`extensions.code`). */
export enum PublicErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/**
 * An error a person can act on. Features throw it with one of the public codes, a French
 * message for the user and, when useful, machine-readable details (e.g. the current
 * revision on a CONFLICT).
 */
export class AppError extends GraphQLError {
  constructor(code: PublicErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }
}

export const unauthenticated = (message = 'Vous devez être connecté·e pour faire cela.') =>
  new AppError(PublicErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = "Vous n'avez pas les droits nécessaires pour faire cela.") =>
  new AppError(PublicErrorCode.FORBIDDEN, message);
export const badInput = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(PublicErrorCode.BAD_USER_INPUT, message, details);
export const notFound = (what: string) => new AppError(PublicErrorCode.NOT_FOUND, `${what} introuvable.`);
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(PublicErrorCode.CONFLICT, message, details);
/** `what` starts the message (default "Trop de tentatives."); the wait is always said. */
export const rateLimited = (retryAfterSeconds: number, what = 'Trop de tentatives.') =>
  new AppError(
    PublicErrorCode.RATE_LIMITED,
    `${what} Réessayez dans ${waitText(retryAfterSeconds)}.`,
    { retryAfterSeconds: Math.ceil(retryAfterSeconds) },
  );

function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 120) return `${s} seconde(s)`;
  return `${Math.ceil(s / 60)} minutes`;
}
export const serviceUnavailable = (message: string) => new AppError(PublicErrorCode.SERVICE_UNAVAILABLE, message);
