import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../common/auth/request-context';
import { CACHEABLE } from './read-cache.front';

/**
 * Marks a response as shareable between anonymous readers: a query (never a mutation) that
 * ended without any error. The front handler decides the rest (anonymous, status, cookies).
 */
export const readCachePlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operation, response }) {
        if (operation?.operation !== 'query' || response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
        const req = contextValue.req as unknown as { [CACHEABLE]?: boolean } | undefined;
        if (req) req[CACHEABLE] = true;
      },
    };
  },
};
