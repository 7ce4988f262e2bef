import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { DecideMembershipMutation, PendingMembershipsQuery, PendingTerritoriesQuery } from '$lib/account/settings-operations';
import { formFailure, formValues, gql, gqlLoad } from '$lib/graphql/gql.server';
import { isApiError } from '$lib/graphql/errors';

/** Membership requests a manager (of the territories they manage), a moderator or an admin can decide. */
export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  const { pendingMembershipTerritories } = await gqlLoad(event, PendingTerritoriesQuery);
  const requested = event.url.searchParams.get('territoire');
  const territoryCode = requested ?? pendingMembershipTerritories[0]?.territoryCode ?? null;
  if (!territoryCode) return { territories: pendingMembershipTerritories, territoryCode: null, requests: [] };
  try {
    const { pendingMemberships } = await gql(event, PendingMembershipsQuery, { territoryCode });
    return { territories: pendingMembershipTerritories, territoryCode, requests: pendingMemberships };
  } catch (e) {
    if (isApiError(e) && (e.code === 'FORBIDDEN' || e.code === 'BAD_USER_INPUT'))
      error(e.code === 'FORBIDDEN' ? 403 : 400, { message: e.message, code: e.code });
    throw e;
  }
};

export const actions: Actions = {
  default: async (event) => {
    const { id, decision, reason } = formValues(await event.request.formData(), ['id', 'decision', 'reason']);
    const approve = decision === 'approve';
    try {
      await gql(event, DecideMembershipMutation, { id, approve, reason: reason || null });
    } catch (e) {
      return formFailure(e, { id, reason });
    }
    return { decided: approve ? 'approved' : 'refused' };
  },
};
