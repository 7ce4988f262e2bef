import type { ApolloServerPlugin } from '@apollo/server';
import { graphqlOperations } from './metrics';

/** Counts operations by type and whether they ended with errors. */
export const graphqlMetricsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ operation, errors }) {
        graphqlOperations.inc({ type: operation?.operation ?? 'invalid', outcome: errors?.length ? 'error' : 'ok' });
      },
    };
  },
};
