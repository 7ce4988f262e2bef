import type { RequestEvent } from '@sveltejs/kit';
import { gqlLoad } from '$lib/graphql/gql.server';
import { PagesQuery } from './page-operations';

/** Every page (id, title) for the parent picker, alphabetical. */
export async function parentChoices(event: RequestEvent, excludeId: string | null = null) {
  const { pages } = await gqlLoad(event, PagesQuery, { first: 100 });
  return pages.edges
    .map((e) => e.node)
    .filter((p) => p.id !== excludeId)
    .map((p) => ({ id: p.id, title: p.title }));
}

export function readPageForm(form: FormData) {
  const get = (key: string) => {
    const v = form.get(key);
    return typeof v === 'string' ? v : '';
  };
  const values = {
    title: get('title').trim(),
    body: get('body'),
    parentId: get('parentId').trim(),
    comment: get('comment').trim(),
    baseRevision: get('baseRevision').trim(),
  };
  return { values, input: { title: values.title, body: values.body, parentId: values.parentId || null } };
}
