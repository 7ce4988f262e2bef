import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, visit } from 'graphql';
import { AppError, PublicErrorCode } from '../common/errors';
import { unstorableTextReason } from '../common/text/text-rules';

type Problem = ReturnType<typeof unstorableTextReason>;

function problemIn(value: unknown, depth = 0): Problem {
  if (typeof value === 'string') return unstorableTextReason(value);
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const item of Object.values(value as Record<string, unknown>)) {
    const problem = problemIn(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** Apollo hands back the same DocumentNode for a cached query: its literals are checked once. */
const literalsChecked = new WeakMap<DocumentNode, Problem>();

function problemInLiterals(document: DocumentNode): Problem {
  let found = literalsChecked.get(document);
  if (found === undefined) {
    found = null;
    visit(document, {
      StringValue(node) {
        found ??= unstorableTextReason(node.value);
      },
    });
    literalsChecked.set(document, found);
  }
  return found;
}

/**
 * Refuses, before any resolver runs, text that cannot be stored as sent: a NUL character
 * (PostgreSQL refuses it) or a lone UTF-16 surrogate (no UTF-8 form; it would be written as
 * invalid bytes or break encoders such as encodeURIComponent). No legitimate input needs either.
 */
export const textInputPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        const problem = problemIn(request.variables) ?? problemInLiterals(document);
        if (problem) {
          // Thrown before execution: Apollo answers with the status given here (400, like validation errors).
          throw AppError.of(PublicErrorCode.BAD_USER_INPUT, problem, { http: { status: 400 } });
        }
      },
    };
  },
};
