/** The contract's error codes, plus UNAVAILABLE when the API could not be reached at all. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'UNAVAILABLE';

export type ApiErrorDetail = {
  message: string;
  code: string;
  path?: readonly (string | number)[];
  /** The input field at fault, when the API says so (`extensions.field` or `extensions.fields`). */
  fields: string[];
  extensions: Record<string, unknown>;
};

/** A failed GraphQL operation: the first error's code and its (French) message. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** Every error of the response, for pages that show more than the first. */
    readonly errors: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Input fields named by the errors (e.g. ['password']), to mark them aria-invalid. */
export function fieldsOf(error: ApiError): string[] {
  return error.errors.flatMap((e) => e.fields);
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** HTTP status of a page whose load failed with this code. */
export function statusOf(code: ApiErrorCode): number {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'BAD_USER_INPUT':
      return 400;
    case 'CONFLICT':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    case 'UNAVAILABLE':
    case 'SERVICE_UNAVAILABLE':
      return 503;
    default:
      return 500;
  }
}
