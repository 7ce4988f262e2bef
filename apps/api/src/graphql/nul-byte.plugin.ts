import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, visit } from 'graphql';
import { PublicErrorCode } from '../common/errors';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some((v) => containsNul(v, depth + 1));
}

/** Apollo hands back the same DocumentNode for a cached query: its literals are checked once. */
const literalsChecked = new WeakMap<DocumentNode, boolean>();

function literalsContainNul(document: DocumentNode): boolean {
  let found = literalsChecked.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      StringValue(node) {
        if (node.value.includes('\u0000')) found = true;
      },
    });
    literalsChecked.set(document, found);
  }
  return found;
}

/**
 * Refuses text containing a NUL character before any resolver runs: PostgreSQL cannot store
 * it (it would surface as an internal error), and no legitimate input needs it.
 */
export const nulBytePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        if (containsNul(request.variables) || literalsContainNul(document)) {
          // Thrown before execution: Apollo answers with the status given here (400, like validation errors).
          throw new GraphQLError('Le texte envoyé contient un caractère nul (\\u0000), refusé.', {
            extensions: { code: PublicErrorCode.BAD_USER_INPUT, http: { status: 400 } },
          });
        }
      },
    };
  },
};
