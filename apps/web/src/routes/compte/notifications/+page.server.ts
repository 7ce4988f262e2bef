import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { MailPreferencesQuery, SetMailPreferencesMutation } from '$lib/mail/operations';
import { formFailure, gql, gqlLoad } from '$lib/graphql/gql.server';

const MODES = ['IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER'] as const;
type Mode = (typeof MODES)[number];

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname)}`);
  const { mailPreferences } = await gqlLoad(event, MailPreferencesQuery);
  return { preferences: mailPreferences };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const language = form.get('language') === 'en' ? 'en' : 'fr';
    const kinds: { kind: string; mode: Mode }[] = [];
    for (const [key, value] of form) {
      if (!key.startsWith('mode-') || typeof value !== 'string') continue;
      if ((MODES as readonly string[]).includes(value)) kinds.push({ kind: key.slice(5), mode: value as Mode });
    }
    try {
      await gql(event, SetMailPreferencesMutation, { language, kinds });
    } catch (e) {
      return formFailure(e, {});
    }
    return { saved: true };
  },
};
