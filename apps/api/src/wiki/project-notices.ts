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

/** Builds the notification, summing up the replaced one (same editor, still unread) if any. */
export function projectUpdatedNotice(save: SheetSaved, previous: PreviousNotification | null): NotificationPayload {
  const from = Math.min(save.base, announcedRange(previous?.url ?? '')?.from ?? save.base);
  const sheet = `la fiche « ${save.title} »`;
  const message =
    from < save.base
      ? `${save.editor} a modifié ${sheet} (révisions ${from + 1} à ${save.revision}).`
      : save.restored
        ? `${save.editor} a restauré la révision ${save.restored} de ${sheet} (révision ${save.revision}).`
        : `${save.editor} a modifié ${sheet} (révision ${save.revision}).`;
  return { kind: 'PROJECT_UPDATED', message, url: projectDiffUrl(save.slug, from, save.revision) };
}

export function projectReplicatedNotice(replicator: string, source: { title: string }, copy: { slug: string }, territoryName: string): NotificationPayload {
  return {
    kind: 'PROJECT_REPLICATED',
    message: `${replicator} réplique « ${source.title} » pour ${territoryName}.`,
    url: `/projets/${copy.slug}`,
  };
}
