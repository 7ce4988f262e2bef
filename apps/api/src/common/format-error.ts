import { GraphQLFormattedError } from 'graphql';
import { PublicErrorCode } from './errors';
import { infrastructureFailureMessage } from './infrastructure-errors';

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
 * The single place where any error becomes what a client sees: a contract code and a message a
 * person understands. Unknown errors are logged by the caller and reach the client as a generic
 * message, never with a stack trace or SQL.
 */
export function toPublicError(
  formatted: GraphQLFormattedError,
  original: unknown,
  exposeInternals: boolean,
): GraphQLFormattedError {
  const extensions = { ...(formatted.extensions ?? {}) };
  delete extensions.stacktrace;
  delete extensions.exception;
  const code = String(extensions.code ?? '');
  // The schema's field and enum names are not announced in production (graphql-js suggests them).
  if (!exposeInternals && / Did you mean /.test(formatted.message)) formatted = { ...formatted, message: formatted.message.replace(/ Did you mean .*$/s, '') };
  // graphql-js stops after 50 invalid variable values with an error that carries no code.
  if ((!code || code === PublicErrorCode.INTERNAL_SERVER_ERROR) && TOO_MANY_VARIABLE_ERRORS.test(formatted.message)) {
    return { message: 'Trop de valeurs invalides dans les variables : les 50 premières sont signalées.', extensions: { code: PublicErrorCode.BAD_USER_INPUT } };
  }

  if (PUBLIC_CODES.has(code) && code !== PublicErrorCode.INTERNAL_SERVER_ERROR) {
    return { ...formatted, extensions: { ...extensions, code } };
  }
  if (code in APOLLO_CODES) {
    return {
      message: frenchLimitMessage(formatted.message) ?? formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: APOLLO_CODES[code as keyof typeof APOLLO_CODES], reason: code },
    };
  }
  const status = httpStatusOf(original);
  if (status && NEST_HTTP_CODES[status]) {
    return { message: formatted.message, path: formatted.path, extensions: { code: NEST_HTTP_CODES[status] } };
  }
  const unavailable = infrastructureFailureMessage(original);
  if (unavailable) {
    return { message: unavailable, path: formatted.path, extensions: { code: PublicErrorCode.SERVICE_UNAVAILABLE, infrastructure: true } };
  }
  return {
    message: exposeInternals ? formatted.message : 'Une erreur interne est survenue. Elle a été enregistrée.',
    path: formatted.path,
    extensions: { code: PublicErrorCode.INTERNAL_SERVER_ERROR },
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

/** GraphQL Armor's limit messages, said in French (the original stays in `reason`-less English logs). */
const LIMIT_MESSAGES: [RegExp, (limit: string, found: string) => string][] = [
  [/depth limit of (\d+) exceeded, found (\d+)/i, (l, f) => `Requête trop profonde : ${f} niveaux d'imbrication, ${l} au maximum (query depth limit).`],
  [/aliases limit of (\d+) exceeded, found (\d+)/i, (l, f) => `Requête refusée : ${f} alias, ${l} au maximum (aliases limit).`],
  // Armor can report a cost of NaN (it does not always resolve variables): then only the limit is said.
  [/cost limit of (\d+) exceeded, found (\S*?)\.?$/i, (l, f) =>
    Number.isFinite(Number(f)) ? `Requête trop coûteuse : coût ${Math.round(Number(f))}, ${l} au maximum (query cost limit).` : `Requête trop coûteuse : ${l} au maximum (query cost limit).`],
  [/directives limit of (\d+) exceeded, found (\d+)/i, (l, f) => `Requête refusée : ${f} directives, ${l} au maximum.`],
  [/token limit of (\d+) exceeded, found (\d+)/i, (l, f) => `Requête trop longue : ${f} éléments, ${l} au maximum.`],
  // graphql-js 16 writes "more that".
  [/Document contains more tha[nt] (\d+) tokens()/i, (l) => `Requête trop longue : plus de ${l} éléments (tokens), refusée.`],
];

export function frenchLimitMessage(message: string): string | null {
  for (const [pattern, say] of LIMIT_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return say(match[1], match[2]);
  }
  return null;
}
