import { error } from '@sveltejs/kit';
import { gqlLoad } from '$lib/graphql/gql.server';
import { SeminarQuery } from '$lib/seminars/operations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  if (!/^\d{1,10}$/.test(event.params.id)) error(404, { message: 'Séminaire introuvable.', code: 'NOT_FOUND' });
  const { seminar } = await gqlLoad(event, SeminarQuery, { id: event.params.id });
  if (!seminar) error(404, { message: 'Séminaire introuvable.', code: 'NOT_FOUND' });
  return { seminar };
};
