import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
  const { user } = await parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(url.pathname)}`);
  return { user, welcome: url.searchParams.has('bienvenue') };
};
