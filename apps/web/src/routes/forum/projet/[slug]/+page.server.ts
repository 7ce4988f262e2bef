import { error, redirect } from '@sveltejs/kit';
import { forumCategoryForTheme, isTheme } from '@essaim/domain';
import { gqlLoad } from '$lib/graphql/gql.server';
import { createThreadAction } from '$lib/forum/new-thread.server';
import { CategoriesQuery, ProjectDiscussionQuery } from '$lib/forum/operations';
import type { Actions, PageServerLoad } from './$types';

/**
 * A project sheet's "Discussion" tab: its thread when it exists, otherwise the form whose
 * first message creates it (in the category of the project's first theme).
 */
export const load: PageServerLoad = async (event) => {
  if (!/^[a-z0-9-]{1,120}$/.test(event.params.slug)) error(404, { message: 'Projet introuvable.', code: 'NOT_FOUND' });
  const [{ project }, { categories }] = await Promise.all([
    gqlLoad(event, ProjectDiscussionQuery, { slug: event.params.slug }),
    gqlLoad(event, CategoriesQuery),
  ]);
  if (!project) error(404, { message: 'Projet introuvable.', code: 'NOT_FOUND' });
  if (project.discussion) redirect(303, `/forum/sujet/${project.discussion.id}`);
  const theme = project.themes.find(isTheme);
  const slug = theme ? forumCategoryForTheme(theme).slug : 'general';
  return { project, categories, initial: { categoryId: categories.find((c) => c.slug === slug)?.id, title: `Discussion : ${project.title}`.slice(0, 200) } };
};

export const actions: Actions = {
  default: async (event) => {
    const { project } = await gqlLoad(event, ProjectDiscussionQuery, { slug: event.params.slug });
    if (!project) error(404, { message: 'Projet introuvable.', code: 'NOT_FOUND' });
    return createThreadAction(event, project.id);
  },
};
