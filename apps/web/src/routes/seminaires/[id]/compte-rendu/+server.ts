import { error } from '@sveltejs/kit';
import { gql } from '$lib/graphql/gql.server';
import { ApiError } from '$lib/graphql/errors';
import { MinutesQuery } from '$lib/seminars/operations';
import type { RequestHandler } from './$types';

const FORMATS = {
  html: { api: 'HTML', type: 'text/html; charset=utf-8', ext: 'html' },
  markdown: { api: 'MARKDOWN', type: 'text/markdown; charset=utf-8', ext: 'md' },
  csv: { api: 'CSV', type: 'text/csv; charset=utf-8', ext: 'csv' },
} as const;

/** The minutes as a file to download (the HTML one prints to a clean PDF). */
export const GET: RequestHandler = async (event) => {
  const key = (event.url.searchParams.get('format') ?? 'html') as keyof typeof FORMATS;
  const format = FORMATS[key];
  if (!format || !/^\d{1,10}$/.test(event.params.id)) error(404, { message: 'Compte-rendu introuvable.', code: 'NOT_FOUND' });
  try {
    const { minutes } = await gql(event, MinutesQuery, { seminarId: event.params.id, format: format.api });
    return new Response(minutes, {
      headers: {
        'content-type': format.type,
        'content-disposition': `attachment; filename="compte-rendu-seminaire-${event.params.id}.${format.ext}"`,
        // The HTML minutes carry their own style and nothing else.
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  } catch (e) {
    if (e instanceof ApiError) error(e.code === 'NOT_FOUND' ? 404 : 400, { message: e.message, code: e.code });
    throw e;
  }
};
