import { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/config';
import { parseCookieHeader } from '../common/cookies';
import { PARTICIPANT_COOKIE, PARTICIPANT_HEADER } from '../common/auth/participant-token';
import { isInternalError, toPublicError } from '../common/format-error';
import type { RequestContext } from '../common/auth/request-context';
import type { SessionsService } from '../accounts/sessions.service';
import { graphqlMetricsPlugin } from '../observability/graphql-metrics.plugin';
import { sharedSubscriptionHooks } from './live/shared-execution';
import { textInputPlugin } from './text-input.plugin';
import { limitErrorsInFrench, refuseOversizedSubscriptions } from './subscription-limits';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { DateTimeScalar } from '../common/scalars/date-time.scalar';
import { readCachePlugin } from '../read-cache/read-cache.plugin';
import { localisedErrorsPlugin } from '../common/localised-errors.plugin';
import { localisedSubscriptionErrors } from './localised-subscription-errors';

/** Query limits: deep, wide or aliased queries are refused before execution. */
export const QUERY_LIMITS = { maxDepth: 12, maxAliases: 15, maxCost: 20000, maxDirectives: 30, maxTokens: 3000 };

const logger = new Logger('GraphQL');

export function graphqlOptions(config: AppConfig, sessions: SessionsService): ApolloDriverConfig {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Token limit: graphql-js's own parser option below (Armor's throws from a hook: HTTP 500).
    // Suggestions: removed from every message in production by toPublicError (Armor's misses enum ones).
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  const wsHooks = sharedSubscriptionHooks(protection.validationRules as never, QUERY_LIMITS.maxTokens);
  const production = config.nodeEnv === 'production';

  return {
    autoSchemaFile: true,
    // Every DateTime input goes through one strict parser (ISO 8601 with a zone, real dates, 2000–2100).
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    sortSchema: false,
    path: '/graphql',
    graphiql: false,
    introspection: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // Armor's types come from Apollo's CommonJS build and Nest's from its ES build: same runtime objects.
    plugins: [
      ...(protection.plugins as ApolloDriverConfig['plugins'] & object),
      graphqlMetricsPlugin as never,
      textInputPlugin as never,
      readCachePlugin as never,
      localisedErrorsPlugin as never,
      // Apollo's cache-control plugin (on by default) wraps every field resolver to collect cache
      // hints nobody reads here (the read cache has its own rules): that wrapper cost more than the
      // resolvers on list pages. Inline tracing is for federation gateways only.
      ApolloServerPluginCacheControlDisabled() as never,
      ApolloServerPluginInlineTraceDisabled() as never,
    ],
    validationRules: protection.validationRules,
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        onConnect: () => true,
        // Cached parse/validate, and one execution per live update shared by the subscribers
        // that may see the same thing (graphql/live/shared-execution.ts, docs/seminars.md).
        // The HTTP limits over the WebSocket too, with the same French messages (subscription-limits.ts).
        // (Nest's type for these options omits graphql-ws's parse/validate/subscribe hooks.)
        ...({
          ...wsHooks,
          // Errors in the connection's language (its `lang` parameter or Accept-Language).
          ...localisedSubscriptionErrors,
          onSubscribe: refuseOversizedSubscriptions(QUERY_LIMITS.maxTokens),
          validate: (schema: GraphQLSchema, document: DocumentNode) => limitErrorsInFrench(wsHooks.validate(schema, document)),
        } as object),
      },
    },
    context: (args: { req?: Request; res?: Response; extra?: { request: IncomingMessage }; connectionParams?: Record<string, unknown> }) =>
      buildContext(args, sessions),
    formatError: (formatted, error) => {
      const result = toPublicError(formatted, error, !production);
      if (isInternalError(result)) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      return result;
    },
  };
}

function buildContext(
  args: { req?: Request; res?: Response; extra?: { request: IncomingMessage }; connectionParams?: Record<string, unknown> },
  sessions: SessionsService,
): RequestContext {
  const isWebSocket = !args.req && !!args.extra;
  const req = (args.req ?? { headers: args.extra?.request.headers ?? {}, cookies: parseCookieHeader(args.extra?.request.headers.cookie) }) as Request;
  const res = args.res as Response;
  let auth: ReturnType<RequestContext['auth']> | undefined;
  const headerToken = req.headers?.[PARTICIPANT_HEADER];
  const paramToken = args.connectionParams?.participantToken;
  const participantToken =
    (typeof headerToken === 'string' && headerToken) ||
    (typeof paramToken === 'string' && paramToken) ||
    (typeof req.cookies?.[PARTICIPANT_COOKIE] === 'string' && req.cookies[PARTICIPANT_COOKIE]) ||
    null;
  return {
    req,
    res,
    auth: () => (auth ??= sessions.resolve(req)),
    loaders: new Map(),
    ip: isWebSocket ? (args.extra?.request.socket.remoteAddress ?? 'unknown') : (req.ip ?? 'unknown'),
    participantToken,
  };
}
