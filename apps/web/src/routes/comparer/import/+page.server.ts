import { error, redirect } from '@sveltejs/kit';
import { gqlLoad } from '$lib/graphql/gql.server';
import { DataImportPageQuery, DataImportQuery } from '$lib/benchmark/import-operations';
import type { PageServerLoad } from './$types';

/**
 * Administrators import official files here. The form posts the file straight to the API
 * (`POST /data-import`, multipart, streamed), which redirects back with `?rapport=<id>`; with
 * JavaScript the page streams the raw file and shows upload and import progress instead.
 */
export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  if (user.role !== 'ADMIN') error(403, 'Réservé aux administrateurs.');
  const reportId = event.url.searchParams.get('rapport') ?? '';
  const [page, report] = await Promise.all([
    gqlLoad(event, DataImportPageQuery),
    /^\d{1,12}$/.test(reportId) ? gqlLoad(event, DataImportQuery, { id: reportId }).then((d) => d.dataImport) : Promise.resolve(null),
  ]);
  return { sources: page.dataImportSources, recent: page.dataImports, report };
};
