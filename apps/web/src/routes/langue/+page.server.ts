import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { LANG_COOKIE, parseLang } from '$lib/i18n';

/** Only same-site paths: never an open redirect. */
function safePath(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '/';
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ request, cookies }) => {
    const data = await request.formData();
    const lang = parseLang(String(data.get('lang') ?? ''));
    cookies.set(LANG_COOKIE, lang, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: false, sameSite: 'lax', secure: false });
    redirect(303, safePath(data.get('redirectTo')));
  },
};
