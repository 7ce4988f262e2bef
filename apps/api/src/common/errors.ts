import { GraphQLError } from 'graphql';
import { errorText, type ErrorMessage, type ErrorParam, type ErrorReason, type ParamsArgument } from '@essaim/domain';

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

type Details = Record<string, unknown>;
type Params = Readonly<Record<string, ErrorParam>>;

/** After the reason: its parameters (required when its sentence has placeholders), then other extensions. */
export type ErrorArgs<R extends ErrorReason> = [...ParamsArgument<R>, details?: Details];

/**
 * An error a person can act on. Features throw it with one of the public codes, a `reason` from
 * the catalogue of @essaim/domain with its parameters and, when useful, machine-readable
 * details (e.g. the current revision on a CONFLICT). The message is French here; the response
 * says it in the caller's language (localised-errors.plugin.ts).
 */
export class AppError extends GraphQLError {
  constructor(code: PublicErrorCode, reason: ErrorReason, params: Params = {}, details: Details = {}) {
    super(errorText(reason, params, 'fr'), { extensions: { ...details, code, reason, params } });
  }

  /** From a message built elsewhere (a domain rule saying why an input is refused). */
  static of(code: PublicErrorCode, message: ErrorMessage, details: Details = {}): AppError {
    return new AppError(code, message.reason, message.params as Params, details);
  }
}

function helper(code: PublicErrorCode) {
  return <R extends ErrorReason>(reason: R, ...[params, details]: ErrorArgs<R>) => new AppError(code, reason, (params ?? {}) as Params, details);
}

/** The two helpers whose reason is optional: a generic sentence fits most callers. */
function withDefault<D extends ErrorReason>(code: PublicErrorCode, fallback: D) {
  return <R extends ErrorReason = D>(...args: [] | [reason: R, ...rest: ErrorArgs<R>]) => {
    const [reason, params, details] = args as [R?, Params?, Details?];
    return new AppError(code, reason ?? fallback, params ?? {}, details);
  };
}

export const unauthenticated = withDefault(PublicErrorCode.UNAUTHENTICATED, 'UNAUTHENTICATED');
export const forbidden = withDefault(PublicErrorCode.FORBIDDEN, 'FORBIDDEN');
export const badInput = helper(PublicErrorCode.BAD_USER_INPUT);
export const notFound = helper(PublicErrorCode.NOT_FOUND);
export const conflict = helper(PublicErrorCode.CONFLICT);
export const serviceUnavailable = helper(PublicErrorCode.SERVICE_UNAVAILABLE);
/** The reasons of RATE_LIMITED: each says what was refused; all say the wait ({wait}). */
export type RateLimitReason = 'RATE_LIMITED' | 'EMAIL_CHANGES_RATE_LIMITED' | 'VERIFICATION_RESENDS_RATE_LIMITED';
export const rateLimited = (retryAfterSeconds: number, reason: RateLimitReason = 'RATE_LIMITED') =>
  new AppError(PublicErrorCode.RATE_LIMITED, reason, { wait: waitText(retryAfterSeconds) }, { retryAfterSeconds: Math.ceil(retryAfterSeconds) });

/** Seconds under two minutes, then minutes, in both languages. */
function waitText(seconds: number): { fr: string; en: string } {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 120) return { fr: `${s} seconde(s)`, en: `${s} second(s)` };
  const m = Math.ceil(s / 60);
  return { fr: `${m} minutes`, en: `${m} minutes` };
}
