import type { ExecutionResult, FormattedExecutionResult, GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { localiseError } from '../common/localised-errors.plugin';
import { requestLang, type ApiLang } from '../common/request-lang';

/** What graphql-ws tells its hooks about the connection (the parts read here). */
interface SocketContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra?: { request?: IncomingMessage };
}

/**
 * The language of a WebSocket connection: the `lang` connection parameter the web app sends
 * (its interface language), else the upgrade request's Accept-Language, else French.
 */
export function socketLang(ctx: SocketContext): ApiLang {
  const asked = ctx.connectionParams?.lang;
  if (asked === 'fr' || asked === 'en') return asked;
  return requestLang(ctx.extra?.request?.headers['accept-language']);
}

const localised = (errors: readonly GraphQLError[], lang: ApiLang) => errors.map((error) => localiseError(error.toJSON(), lang));

/**
 * graphql-ws hooks saying subscription errors in the connection's language, as
 * localised-errors.plugin.ts does over HTTP (Apollo's plugins do not see the WebSocket):
 * refusals before execution (onError) and errors inside results (onNext).
 */
export const localisedSubscriptionErrors = {
  onError: (ctx: SocketContext, _id: string, _payload: unknown, errors: readonly GraphQLError[]) => {
    const lang = socketLang(ctx);
    return lang === 'fr' ? undefined : localised(errors, lang);
  },
  onNext: (ctx: SocketContext, _id: string, _payload: unknown, _args: unknown, result: ExecutionResult): FormattedExecutionResult | undefined => {
    const lang = socketLang(ctx);
    if (lang === 'fr' || !result.errors?.length) return undefined;
    return { ...result, errors: localised(result.errors, lang) };
  },
};
