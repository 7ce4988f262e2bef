import { createClient, type Client } from 'graphql-ws';
import { parseLang } from '$lib/i18n';
import { WORKSHOP_LIVE_SUBSCRIPTION, WORKSHOP_STATE_SUBSCRIPTION } from './operations';
import type { LiveWorkshop } from './types';

/**
 * Follows a workshop over graphql-ws (same origin; the session or participant cookie goes
 * along). Reconnects by itself with growing delays; `onStatus` reports the connection state.
 */
export function followWorkshop(
  workshopId: string,
  onUpdate: (workshop: LiveWorkshop) => void,
  onStatus: (status: 'connected' | 'reconnecting') => void = () => undefined,
  withResults = true,
): () => void {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const client: Client = createClient({
    url,
    lazy: false,
    // The interface language (set on <html lang>), so that the API's errors come back in it.
    connectionParams: () => ({ lang: parseLang(document.documentElement.lang) }),
    // A server shutting down closes sockets with 1012 "Service Restart" (docs/deployment.md),
    // which graphql-ws retries; while it is down, attempts fail with an error event, which only
    // shouldRetry: () => true retries (the defaults give up, and after 5 attempts anyway).
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries))),
    keepAlive: 15_000,
    on: { connected: () => onStatus('connected'), closed: () => onStatus('reconnecting') },
  });
  let stopped = false;
  const subscribe = () =>
    client.subscribe<{ workshopUpdated: LiveWorkshop }>(
      { query: withResults ? WORKSHOP_LIVE_SUBSCRIPTION : WORKSHOP_STATE_SUBSCRIPTION, variables: { workshopId } },
      {
        next: (value) => value.data && onUpdate(value.data.workshopUpdated),
        error: () => {
          // e.g. the server restarted: subscribe again after a pause.
          if (!stopped) setTimeout(() => (dispose = subscribe()), 2000);
        },
        complete: () => undefined,
      },
    );
  let dispose = subscribe();
  return () => {
    stopped = true;
    dispose();
    void client.dispose();
  };
}
