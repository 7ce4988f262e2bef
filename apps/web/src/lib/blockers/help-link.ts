import { BLOCKER_SEVERITY_LABELS_FR, BLOCKER_CATEGORY_LABELS_FR } from '@essaim/domain';
import { translator, type Lang } from '$lib/i18n';
import { blockerMessages } from './messages';
import type { BlockerDetail } from './types';

/** The forum's new-thread form, pre-filled through ?categorie=&titre=&message=&question (routes/forum/nouveau). */
export const FORUM_NEW_THREAD_PATH = '/forum/nouveau';

/**
 * "Demander de l'aide": a link to the forum's new-thread form with a title and a first message
 * describing the blocker (its description only when the viewer may see it).
 */
export function helpThreadUrl(blocker: BlockerDetail, lang: Lang): string {
  const t = translator(blockerMessages, lang);
  const category = BLOCKER_CATEGORY_LABELS_FR[blocker.category];
  const params = new URLSearchParams({
    categorie: 'entraide',
    question: '1',
    titre: t('help.subject', { category, project: blocker.project.title }).slice(0, 200),
    message: t('help.body', {
      project: blocker.project.title,
      territory: blocker.project.territory.name,
      category,
      severity: BLOCKER_SEVERITY_LABELS_FR[blocker.severity].toLowerCase(),
      description: blocker.descriptionHidden ? '' : blocker.description,
      // A path, not an absolute URL: the forum refuses links from new accounts (anti-spam).
      url: `/freins/${blocker.id}`,
    }),
  });
  return `${FORUM_NEW_THREAD_PATH}?${params}`;
}
