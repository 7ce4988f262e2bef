import { isApiError } from '$lib/graphql/errors';
import { redirect, type RequestEvent } from '@sveltejs/kit';
import { formFailure } from '$lib/graphql/gql.server';

/** ?de=1&a=3 → the revisions to compare (defaults: the previous and the current one). */
export function readDiffRange(url: URL, current: number): { from: number; to: number } | null {
  const from = Number(url.searchParams.get('de'));
  const to = Number(url.searchParams.get('a'));
  if (Number.isInteger(from) && Number.isInteger(to) && from >= 1 && to >= 1 && from <= current && to <= current && from !== to)
    return { from: Math.min(from, to), to: Math.max(from, to) };
  return current > 1 && !url.searchParams.has('de') ? { from: current - 1, to: current } : null;
}

/** Fields of the restore/hide forms of the history page. */
export async function readRevisionAction(event: RequestEvent) {
  const form = await event.request.formData();
  const values = {
    id: String(form.get('id') ?? ''),
    revision: String(form.get('revision') ?? ''),
    hidden: String(form.get('hidden') ?? 'true'),
    reason: String(form.get('reason') ?? '').trim(),
  };
  return { ...values, revision: Number(values.revision), hidden: values.hidden !== 'false', values };
}

/** A diff for the page, or the API's message (e.g. a hidden revision) instead of an error page. */
export async function loadDiff<D>(
  range: { from: number; to: number } | null,
  fetchDiff: (range: { from: number; to: number }) => Promise<D | null>,
): Promise<{ diff: D | null; diffError: string | null }> {
  if (!range) return { diff: null, diffError: null };
  try {
    return { diff: await fetchDiff(range), diffError: null };
  } catch (e) {
    if (isApiError(e) && (e.code === 'FORBIDDEN' || e.code === 'NOT_FOUND')) return { diff: null, diffError: e.message };
    throw e;
  }
}

/** What a history page's restore and hide forms call: the kind's mutations and where its history lives. */
export interface RevisionMutations {
  /** The history page of the document, e.g. `/pages/<slug>/historique`. */
  historyPath: (event: RequestEvent) => string;
  restore: (event: RequestEvent, variables: { id: string; revision: number }) => Promise<unknown>;
  hide: (event: RequestEvent, variables: { id: string; revision: number; hidden: boolean; reason: string }) => Promise<unknown>;
}

/** The `restore` and `hide` actions of a page's or a sheet's history page. */
export function revisionActions(kind: RevisionMutations) {
  return {
    restore: async (event: RequestEvent) => {
      const { id, revision, values } = await readRevisionAction(event);
      try {
        await kind.restore(event, { id, revision });
      } catch (e) {
        return formFailure(e, values);
      }
      redirect(303, `${kind.historyPath(event)}?restauree=${revision}`);
    },
    hide: async (event: RequestEvent) => {
      const { id, revision, hidden, reason, values } = await readRevisionAction(event);
      try {
        await kind.hide(event, { id, revision, hidden, reason });
      } catch (e) {
        return formFailure(e, values);
      }
      redirect(303, kind.historyPath(event));
    },
  };
}
