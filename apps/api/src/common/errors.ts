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
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(
    PublicErrorCode.RATE_LIMITED,
    `Trop de tentatives. Réessayez dans ${Math.max(1, Math.ceil(retryAfterSeconds))} seconde(s).`,
    { retryAfterSeconds: Math.ceil(retryAfterSeconds) },
  );
export const serviceUnavailable = (message: string) => new AppError(PublicErrorCode.SERVICE_UNAVAILABLE, message);
