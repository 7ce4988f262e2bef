import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit } from 'graphql';
import { PublicErrorCode } from '../common/errors';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some((v) => containsNul(v, depth + 1));
}

/**
 * Refuses text containing a NUL character before any resolver runs: PostgreSQL cannot store
 * it (it would surface as an internal error), and no legitimate input needs it.
 */
export const nulBytePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        let found = containsNul(request.variables);
        if (!found) {
          visit(document, {
            StringValue(node) {
              if (node.value.includes('\u0000')) found = true;
            },
          });
        }
        if (found) {
          // Thrown before execution: Apollo answers with the status given here (400, like validation errors).
          throw new GraphQLError('Le texte envoyé contient un caractère nul (\\u0000), refusé.', {
            extensions: { code: PublicErrorCode.BAD_USER_INPUT, http: { status: 400 } },
          });
        }
      },
    };
  },
};
