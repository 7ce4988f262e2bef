import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { RegisterMutation } from '$lib/account/operations';
import { accountMessages } from '$lib/account/messages';
import { safeReturnPath } from '$lib/account/redirect';
import { proconnectOffered } from '$lib/account/proconnect.server';
import { formFailure, formValues, gql, invalidForm } from '$lib/graphql/gql.server';
import { translator } from '$lib/i18n';
import { resolveTerritory } from '$lib/territories/resolve-territory.server';
import { rememberRegisteredAddress } from '$lib/mail/registered-address.server';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (user) redirect(303, safeReturnPath(event.url.searchParams.get('retour')));
  return { proconnect: await proconnectOffered(event) };
};

export const actions: Actions = {
  default: async (event) => {
    const t = translator(accountMessages, event.locals.lang);
    const form = await event.request.formData();
    const { displayName, email, password, territory } = formValues(form, ['displayName', 'email', 'password', 'territory'], ['password']);
    // Everything but the password comes back to re-fill the form.
    const values = { displayName, email, territory };
    if (!displayName || !email || !password) {
      const missing = [!displayName && 'displayName', !email && 'email', !password && 'password'].filter((f): f is string => !!f);
      return invalidForm(t('register.missing'), values, missing);
    }
    try {
      const choice = await resolveTerritory(event, territory);
      if ('problem' in choice) {
        return invalidForm(t(choice.problem === 'unknown' ? 'register.unknownTerritory' : 'register.ambiguous', { text: territory }), values, ['territory']);
      }
      await gql(event, RegisterMutation, { input: { displayName, email, password, territoryCode: choice.code } });
    } catch (e) {
      const failure = formFailure(e, values);
      // The API calls the field territoryCode; the form calls it territory.
      failure.data.error.fields = failure.data.error.fields.map((f) => (f === 'territoryCode' ? 'territory' : f));
      return failure;
    }
    // Next: "Vérifiez votre boîte mail" (the address shown, a button to send the link again).
    rememberRegisteredAddress(event.cookies, email, event.url.protocol === 'https:');
    const retour = event.url.searchParams.get('retour');
    redirect(303, `/inscription/verifiez${retour ? `?retour=${encodeURIComponent(safeReturnPath(retour))}` : ''}`);
  },
};
