import type { Cookies } from '@sveltejs/kit';

/** The address just registered, kept an hour for "Vérifiez votre boîte mail" only (shown without JavaScript). */
const REGISTERED_COOKIE = 'essaim_inscription';

export function rememberRegisteredAddress(cookies: Cookies, email: string, secure: boolean): void {
  cookies.set(REGISTERED_COOKIE, email, { path: '/inscription', maxAge: 3600, httpOnly: true, sameSite: 'lax', secure });
}

export const registeredAddress = (cookies: Cookies): string | null => cookies.get(REGISTERED_COOKIE) ?? null;
