import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
  AddEmailDomainMutation,
  EmailDomainsQuery,
  RemoveEmailDomainMutation,
  RevokeMembershipMutation,
  SetManagerMutation,
  TerritoryMembersQuery,
} from '$lib/account/settings-operations';
import { formFailure, formValues, gql } from '$lib/graphql/gql.server';
import { isApiError } from '$lib/graphql/errors';
import { resolveTerritory } from '$lib/territories/resolve-territory.server';

const isStaff = (role: string | undefined) => role === 'MODERATOR' || role === 'ADMIN';

/**
 * A territory's verified members (its managers and staff), the managers named by staff, and the
 * official e-mail domains declared by staff: how a département sets up its own verification.
 */
export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  const typed = event.url.searchParams.get('territoire') ?? '';
  const choice = typed ? await resolveTerritory(event, typed) : { code: null };
  const territoryCode = 'code' in choice ? choice.code : null;
  const staff = isStaff(user.role);
  if (!territoryCode) return { staff, typed, territory: null, members: [], domains: [] };
  try {
    const [{ territory, territoryMembers }, domains] = await Promise.all([
      gql(event, TerritoryMembersQuery, { territoryCode }),
      staff ? gql(event, EmailDomainsQuery, { territoryCode }).then((r) => r.emailDomains) : Promise.resolve([]),
    ]);
    return { staff, typed, territory, members: territoryMembers, domains };
  } catch (e) {
    if (isApiError(e) && e.code === 'FORBIDDEN') error(403, { message: e.message, code: e.code });
    throw e;
  }
};

export const actions: Actions = {
  manager: async (event) => {
    const { id, manager } = formValues(await event.request.formData(), ['id', 'manager']);
    try {
      await gql(event, SetManagerMutation, { id, manager: manager === 'true' });
    } catch (e) {
      return formFailure(e, { form: 'members' });
    }
    return { done: 'manager' };
  },
  revoke: async (event) => {
    const { id, reason } = formValues(await event.request.formData(), ['id', 'reason']);
    try {
      await gql(event, RevokeMembershipMutation, { id, reason });
    } catch (e) {
      return formFailure(e, { form: 'members', id });
    }
    return { done: 'revoke' };
  },
  addDomain: async (event) => {
    const { territoryCode, domain } = formValues(await event.request.formData(), ['territoryCode', 'domain']);
    try {
      await gql(event, AddEmailDomainMutation, { territoryCode, domain });
    } catch (e) {
      return formFailure(e, { form: 'domains', domain });
    }
    return { done: 'domain' };
  },
  removeDomain: async (event) => {
    const { domain } = formValues(await event.request.formData(), ['domain']);
    try {
      await gql(event, RemoveEmailDomainMutation, { domain });
    } catch (e) {
      return formFailure(e, { form: 'domains' });
    }
    return { done: 'domain' };
  },
};
