import { error, redirect, type ServerLoadEvent } from '@sveltejs/kit';
import { translator } from '$lib/i18n';
import type { CurrentUser } from '$lib/account/types';
import { isModerator } from './labels';
import { forumMessages } from './messages';

/**
 * The moderation pages are for moderators and admins: visitors log in first, members get a
 * clear 403. The API enforces the same rule on every query and mutation (@Allow('MODERATOR')).
 */
export async function requireModerator(event: Pick<ServerLoadEvent, 'parent' | 'url' | 'locals'>): Promise<CurrentUser> {
  const { user } = (await event.parent()) as { user: CurrentUser | null };
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  if (!isModerator(user)) error(403, { message: translator(forumMessages, event.locals.lang)('mod.forbidden'), code: 'FORBIDDEN' });
  return user;
}
