import { error, redirect } from '@sveltejs/kit';
import { gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { saveFromBase } from '$lib/wiki/document-save.server';
import { PageQuery, UpdatePageMutation } from '$lib/wiki/page-operations';
import { parentChoices, readPageForm } from '$lib/wiki/page-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname)}`);
  const { page } = await gqlLoad(event, PageQuery, { slug: event.params.slug });
  if (!page) error(404, { message: 'Page introuvable.', code: 'NOT_FOUND' });
  return {
    wikiPage: page,
    parents: await parentChoices(event, page.id),
    values: { title: page.title, body: page.body, parentId: page.parent?.id ?? '', comment: '', baseRevision: String(page.revision) },
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { page } = await gqlLoad(event, PageQuery, { slug: event.params.slug });
    if (!page) error(404, { message: 'Page introuvable.', code: 'NOT_FOUND' });
    const { values, input } = readPageForm(await event.request.formData());
    if (!values.title) return invalidForm('Indiquez un titre.', values, ['title']);
    const saved = await saveFromBase(
      values,
      async (baseRevision, comment) => (await gql(event, UpdatePageMutation, { id: page.id, baseRevision, input, comment })).updatePage.slug,
    );
    if (saved.failure) return saved.failure;
    redirect(303, `/pages/${saved.slug}`);
  },
};
