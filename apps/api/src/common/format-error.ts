import { GraphQLFormattedError } from 'graphql';
import { errorMessage, errorText, type ErrorMessage } from '@essaim/domain';
import { PublicErrorCode } from './errors';
import { infrastructureFailureReason } from './infrastructure-errors';

const PUBLIC_CODES = new Set<string>(Object.values(PublicErrorCode));

/** Apollo's own codes for requests that never reached a resolver, mapped to the contract's codes. */
const APOLLO_CODES = {
  GRAPHQL_PARSE_FAILED: PublicErrorCode.BAD_USER_INPUT,
  GRAPHQL_VALIDATION_FAILED: PublicErrorCode.BAD_USER_INPUT,
  BAD_REQUEST: PublicErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_FOUND: PublicErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_SUPPORTED: PublicErrorCode.BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE: PublicErrorCode.BAD_USER_INPUT,
} satisfies Record<string, PublicErrorCode>;

const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;

const NEST_HTTP_CODES: Record<number, PublicErrorCode> = {
  400: PublicErrorCode.BAD_USER_INPUT,
  401: PublicErrorCode.UNAUTHENTICATED,
  403: PublicErrorCode.FORBIDDEN,
  404: PublicErrorCode.NOT_FOUND,
  409: PublicErrorCode.CONFLICT,
  429: PublicErrorCode.RATE_LIMITED,
};

/**
 * The single place where any error becomes what a client sees: a contract code, a reason from
 * the catalogue when there is one, and a message a person understands (French here;
 * localised-errors.plugin.ts says it in the caller's language). Unknown errors are logged by the caller and reach the client as a generic
 * message, never with a stack trace or SQL.
 */
export function toPublicError(formatted: GraphQLFormattedError, original: unknown, exposeInternals: boolean): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) };
  delete extensions.stacktrace;
  delete extensions.exception;
  const code = String(extensions.code ?? '');
  // The schema's field and enum names are not announced in production (graphql-js suggests them).
  if (!exposeInternals && / Did you mean /.test(formatted.message)) formatted = { ...formatted, message: formatted.message.replace(/ Did you mean .*$/s, '') };
  // graphql-js stops after 50 invalid variable values with an error that carries no code.
  if ((!code || code === PublicErrorCode.INTERNAL_SERVER_ERROR) && TOO_MANY_VARIABLE_ERRORS.test(formatted.message)) {
    return {
      message: errorText('TOO_MANY_VARIABLE_ERRORS', {}, 'fr'),
      extensions: { code: PublicErrorCode.BAD_USER_INPUT, reason: 'TOO_MANY_VARIABLE_ERRORS', params: {} },
    };
  }

  if (PUBLIC_CODES.has(code) && code !== PublicErrorCode.INTERNAL_SERVER_ERROR) {
    return { ...formatted, extensions: { ...extensions, code } };
  }
  if (code in APOLLO_CODES) {
    // A query limit gets its own reason (and so its sentence in both languages); other refusals keep Apollo's code as reason.
    const limit = limitMessage(formatted.message);
    return {
      message: limit ? errorText(limit.reason, limit.params, 'fr') : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: APOLLO_CODES[code as keyof typeof APOLLO_CODES], reason: limit?.reason ?? code, ...(limit && { params: limit.params }) },
    };
  }
  const status = httpStatusOf(original);
  if (status && NEST_HTTP_CODES[status]) {
    return { message: formatted.message, path: formatted.path, extensions: { code: NEST_HTTP_CODES[status] } };
  }
  const unavailable = infrastructureFailureReason(original);
  if (unavailable) {
    return {
      message: errorText(unavailable, {}, 'fr'),
      path: formatted.path,
      extensions: { code: PublicErrorCode.SERVICE_UNAVAILABLE, reason: unavailable, params: {}, infrastructure: true },
    };
  }
  if (exposeInternals) return { message: formatted.message, path: formatted.path, extensions: { code: PublicErrorCode.INTERNAL_SERVER_ERROR } };
  return {
    message: errorText('INTERNAL_ERROR', {}, 'fr'),
    path: formatted.path,
    extensions: { code: PublicErrorCode.INTERNAL_SERVER_ERROR, reason: 'INTERNAL_ERROR', params: {} },
  };
}

function httpStatusOf(error: unknown): number | undefined {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const status = (original as { status?: unknown; getStatus?: () => number })?.getStatus?.();
  return typeof status === 'number' ? status : undefined;
}

/** Worth a line in the server log: a bug, or a failure of the disk or the database. */
export function isInternalError(formatted: GraphQLFormattedError): boolean {
  return formatted.extensions?.code === PublicErrorCode.INTERNAL_SERVER_ERROR || formatted.extensions?.infrastructure === true;
}

/** GraphQL Armor's and graphql-js's limit messages, as reasons of the catalogue (the original stays in the logs). */
const LIMIT_MESSAGES: [RegExp, (limit: string, found: string) => ErrorMessage][] = [
  [/depth limit of (\d+) exceeded, found (\d+)/i, (limit, found) => errorMessage('QUERY_TOO_DEEP', { limit, found })],
  [/aliases limit of (\d+) exceeded, found (\d+)/i, (limit, found) => errorMessage('QUERY_TOO_MANY_ALIASES', { limit, found })],
  // Armor can report a cost of NaN (it does not always resolve variables): then only the limit is said.
  [
    /cost limit of (\d+) exceeded, found (\S*?)\.?$/i,
    (limit, found) =>
      Number.isFinite(Number(found))
        ? errorMessage('QUERY_TOO_COSTLY', { limit, found: Math.round(Number(found)) })
        : errorMessage('QUERY_TOO_COSTLY_UNMEASURED', { limit }),
  ],
  [/directives limit of (\d+) exceeded, found (\d+)/i, (limit, found) => errorMessage('QUERY_TOO_MANY_DIRECTIVES', { limit, found })],
  [/token limit of (\d+) exceeded, found (\d+)/i, (limit, found) => errorMessage('QUERY_TOO_MANY_TOKENS', { limit, found })],
  // graphql-js 16 writes "more that".
  [/Document contains more tha[nt] (\d+) tokens()/i, (limit) => errorMessage('QUERY_TOO_LONG', { limit })],
];

export function limitMessage(message: string): ErrorMessage | null {
  for (const [pattern, say] of LIMIT_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return say(match[1], match[2]);
  }
  return null;
}

export function frenchLimitMessage(message: string): string | null {
  const limit = limitMessage(message);
  return limit && errorText(limit.reason, limit.params, 'fr');
}
