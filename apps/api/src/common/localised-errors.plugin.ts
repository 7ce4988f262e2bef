import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { errorText, isErrorReason, type ErrorParam } from '@essaim/domain';
import { requestLang, type ApiLang } from './request-lang';

/** The message of an error with a catalogue reason, said in `lang`; other errors are left as they are. */
export function localiseError(error: GraphQLFormattedError, lang: ApiLang): GraphQLFormattedError {
  const reason = error.extensions?.reason;
  if (!isErrorReason(reason)) return error;
  const params = (error.extensions?.params ?? {}) as Record<string, ErrorParam>;
  return { ...error, message: errorText(reason, params, lang) };
}

/**
 * Says the errors of a response in the caller's language (Accept-Language, French by default).
 * Errors are built with their French sentence (logs, tests and scripts read it); only the
 * response changes. Subscriptions over WebSocket keep the French sentence.
 */
export const localisedErrorsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors?.length) return;
        const lang = requestLang(request.http?.headers.get('accept-language'));
        if (lang === 'fr') return;
        response.body.singleResult.errors = response.body.singleResult.errors.map((error) => localiseError(error, lang));
      },
    };
  },
};
