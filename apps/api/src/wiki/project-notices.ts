import type { NotificationGroup, NotificationPayload, PreviousNotification } from '../notifications/follow-target';

/**
 * What followers of a sheet are told. Rule against flooding: one unread PROJECT_UPDATED
 * notification per follower, sheet and editor; a new revision by the same editor within an hour
 * of the last one replaces it with one covering every revision since (a wider diff).
 */
export const PROJECT_UPDATE_WINDOW_MS = 60 * 60 * 1000;

export const projectUpdateGroup = (projectId: number, editorId: number): NotificationGroup => ({
  key: `PROJECT_UPDATED:${projectId}:${editorId}`,
  windowMs: PROJECT_UPDATE_WINDOW_MS,
});

/** The history page comparing revisions `from` and `to` (the web's `?de=…&a=…`). */
export const projectDiffUrl = (slug: string, from: number, to: number) => `/projets/${slug}/historique?de=${from}&a=${to}`;

/** The revisions a PROJECT_UPDATED notification compares, read back from its url. */
export function announcedRange(url: string): { from: number; to: number } | null {
  const match = /[?&]de=(\d+)&a=(\d+)$/.exec(url);
  return match ? { from: Number(match[1]), to: Number(match[2]) } : null;
}

export interface SheetSaved {
  editor: string;
  title: string;
  slug: string;
  /** The revision the save started from, and the new one. */
  base: number;
  revision: number;
  /** Set when the save restored an old revision. */
  restored?: number | null;
}

/**
 * Builds the notification, summing up the replaced one (same editor, still unread) if any. When
 * part of what it sums up was already e-mailed, `mail` covers only the revisions not yet mailed:
 * each revision is mailed at most once, at once or in one digest.
 */
export function projectUpdatedNotice(save: SheetSaved, previous: PreviousNotification | null): NotificationPayload {
  const from = Math.min(save.base, announcedRange(previous?.url ?? '')?.from ?? save.base);
  const unmailedFrom = !previous
    ? from
    : previous.mailedAt
      ? save.base
      : Math.min(save.base, announcedRange(previous.mailUrl ?? previous.url)?.from ?? save.base);
  const notice = (since: number) => ({ message: updateMessage(save, since), url: projectDiffUrl(save.slug, since, save.revision) });
  return { kind: 'PROJECT_UPDATED', ...notice(from), mail: unmailedFrom > from ? notice(unmailedFrom) : null };
}

function updateMessage(save: SheetSaved, from: number): string {
  const sheet = `la fiche « ${save.title} »`;
  if (from < save.base) return `${save.editor} a modifié ${sheet} (révisions ${from + 1} à ${save.revision}).`;
  if (save.restored) return `${save.editor} a restauré la révision ${save.restored} de ${sheet} (révision ${save.revision}).`;
  return `${save.editor} a modifié ${sheet} (révision ${save.revision}).`;
}

export function projectReplicatedNotice(replicator: string, source: { title: string }, copy: { slug: string }, territoryName: string): NotificationPayload {
  return {
    kind: 'PROJECT_REPLICATED',
    message: `${replicator} réplique « ${source.title} » pour ${territoryName}.`,
    url: `/projets/${copy.slug}`,
  };
}
