import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
  AccountQuery,
  ChangePasswordMutation,
  DeleteAccountMutation,
  EndSessionMutation,
  LeaveMembershipMutation,
  LogoutEverywhereMutation,
  RequestMembershipMutation,
  UpdateProfileMutation,
} from '$lib/account/settings-operations';
import { settingsMessages } from '$lib/account/settings-messages';
import { accountMessages } from '$lib/account/messages';
import { formFailure, formValues, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { translator } from '$lib/i18n';
import { resolveTerritory } from '$lib/territories/resolve-territory.server';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname)}`);
  const account = await gqlLoad(event, AccountQuery);
  return { user, account, welcome: event.url.searchParams.has('bienvenue') };
};

/** Each form says which one it is (`form`), so an error shows next to it. */
const attempt = async (form: string, values: Record<string, string>, run: () => Promise<unknown>, done: Record<string, unknown> = {}) => {
  try {
    await run();
  } catch (e) {
    return formFailure(e, { ...values, form });
  }
  return { done: form, ...done };
};

export const actions: Actions = {
  profile: async (event) => {
    const { displayName } = formValues(await event.request.formData(), ['displayName']);
    return attempt('profile', { displayName }, () => gql(event, UpdateProfileMutation, { displayName }));
  },
  password: async (event) => {
    const { currentPassword, newPassword } = formValues(await event.request.formData(), ['currentPassword', 'newPassword'], ['currentPassword', 'newPassword']);
    if (!currentPassword || !newPassword) {
      return invalidForm(translator(settingsMessages, event.locals.lang)('password.missing'), { form: 'password' }, [
        !currentPassword ? 'currentPassword' : 'newPassword',
      ]);
    }
    return attempt('password', {}, () => gql(event, ChangePasswordMutation, { currentPassword, newPassword }));
  },
  request: async (event) => {
    const { territory, capacity } = formValues(await event.request.formData(), ['territory', 'capacity']);
    const t = translator(accountMessages, event.locals.lang);
    const values = { territory, capacity };
    const choice = await resolveTerritory(event, territory);
    if ('problem' in choice || !choice.code) {
      const problem = 'problem' in choice ? choice.problem : 'unknown';
      return invalidForm(t(problem === 'ambiguous' ? 'register.ambiguous' : 'register.unknownTerritory', { text: territory }), { ...values, form: 'request' }, [
        'territory',
      ]);
    }
    let status = 'PENDING';
    const result = await attempt('request', values, async () => {
      const answer = await gql(event, RequestMembershipMutation, {
        territoryCode: choice.code as string,
        capacity: capacity === 'ELECTED' ? 'ELECTED' : 'AGENT',
      });
      status = answer.requestMembership.status;
    });
    return 'done' in result ? { ...result, status } : result;
  },
  leave: async (event) => {
    const { id } = formValues(await event.request.formData(), ['id']);
    return attempt('leave', {}, () => gql(event, LeaveMembershipMutation, { id }));
  },
  endSession: async (event) => {
    const { id } = formValues(await event.request.formData(), ['id']);
    return attempt('sessions', {}, () => gql(event, EndSessionMutation, { id }));
  },
  logoutEverywhere: async (event) => {
    const result = await attempt('sessions', {}, () => gql(event, LogoutEverywhereMutation));
    if ('done' in result) redirect(303, '/?deconnexion=1');
    return result;
  },
  delete: async (event) => {
    const { password } = formValues(await event.request.formData(), ['password'], ['password']);
    const result = await attempt('delete', {}, () => gql(event, DeleteAccountMutation, { password }));
    if ('done' in result) redirect(303, '/?compte-supprime=1');
    return result;
  },
};
