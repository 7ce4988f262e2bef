import type { RequestEvent } from '@sveltejs/kit';
import { graphql } from '$lib/graphql/graphql';
import { gql } from '$lib/graphql/gql.server';
import { isApiError } from '$lib/graphql/errors';

const AuthProvidersQuery = graphql(`
  query AuthProviders {
    authProviders
  }
`);

const EndSessionUrlQuery = graphql(`
  query EndSessionUrl {
    endSessionUrl
  }
`);

/** Whether this instance offers ProConnect (its three settings are set); false when the API is down. */
export async function proconnectOffered(event: RequestEvent): Promise<boolean> {
  try {
    return (await gql(event, AuthProvidersQuery)).authProviders.includes('PROCONNECT');
  } catch (e) {
    if (isApiError(e)) return false;
    throw e;
  }
}

/** After a ProConnect login, where to send the browser so ProConnect's session ends too (ask before logout). */
export async function providerLogoutUrl(event: RequestEvent): Promise<string | null> {
  try {
    return (await gql(event, EndSessionUrlQuery)).endSessionUrl ?? null;
  } catch (e) {
    if (isApiError(e)) return null;
    throw e;
  }
}
