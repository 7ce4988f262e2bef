import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { errorText, isErrorReason, type ErrorParam } from '@essaim/domain';
import { requestLang, type ApiLang } from './request-lang';
import { sayProblems, type FieldProblem } from './validation/problem';

/**
 * The message of an error with a catalogue reason, said in `lang`; other errors are left as they are.
 * A prefix added around the French sentence (graphql-js's `Variable "$at" got invalid value …; `)
 * is kept. Argument validation (INVALID_INPUT) says each field's problem in `lang` too.
 */
export function localiseError(error: GraphQLFormattedError, lang: ApiLang): GraphQLFormattedError {
  const reason = error.extensions?.reason;
  if (!isErrorReason(reason)) return error;
  let params = (error.extensions?.params ?? {}) as Record<string, ErrorParam>;
  let extensions = error.extensions;
  const fields = localisedFields(error.extensions?.fields, lang);
  if (fields) {
    if (reason === 'INVALID_INPUT') params = { ...params, problems: sayProblems(fields, lang) };
    extensions = { ...extensions, params, fields };
  }
  const french = errorText(reason, (error.extensions?.params ?? {}) as Record<string, ErrorParam>, 'fr');
  const said = errorText(reason, params, lang);
  const message = error.message.includes(french) && error.message !== french ? error.message.replace(french, () => said) : said;
  return { ...error, message, extensions };
}

/** The `fields` of an argument-validation error, each message said in `lang` (null when there are none). */
function localisedFields(fields: unknown, lang: ApiLang): FieldProblem[] | null {
  if (!Array.isArray(fields) || !fields.every((field: Partial<FieldProblem>) => isErrorReason(field?.reason))) return null;
  return (fields as FieldProblem[]).map((field) => ({ ...field, message: errorText(field.reason, field.params, lang) }));
}

/**
 * Says the errors of a response in the caller's language (Accept-Language, French by default).
 * Errors are built with their French sentence (logs, tests and scripts read it); only the
 * response changes. Subscriptions over WebSocket: graphql/localised-subscription-errors.ts.
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
