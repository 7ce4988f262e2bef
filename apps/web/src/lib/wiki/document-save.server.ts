import type { ActionFailure } from '@sveltejs/kit';
import { formFailure, invalidForm, type FormFailure } from '$lib/graphql/gql.server';

/**
 * Saves a page or a sheet from the revision its form was loaded at (`baseRevision`). Returns the
 * saved slug, or the failure to return from the action; on CONFLICT the form comes back with the
 * current revision as its new base, so the next save starts from what the editor has now seen.
 */
export async function saveFromBase<V extends Record<string, string>>(
  values: V,
  save: (baseRevision: number, comment: string | null) => Promise<string>,
): Promise<{ slug: string; failure?: undefined } | { failure: ActionFailure<FormFailure<V>> }> {
  const baseRevision = Number(values.baseRevision);
  if (!Number.isInteger(baseRevision) || baseRevision < 1) return { failure: invalidForm('Révision de départ manquante : rechargez la page.', values) };
  try {
    return { slug: await save(baseRevision, values.comment || null) };
  } catch (e) {
    const failure = formFailure(e, values);
    const current = failure.data.error.extensions.currentRevision;
    if (failure.data.error.code === 'CONFLICT' && typeof current === 'number') (failure.data.values as Record<string, string>).baseRevision = String(current);
    return { failure };
  }
}
