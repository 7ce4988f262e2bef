import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { milestoneActions } from '$lib/commitments/milestone-actions.server';
import { TerritoryCommitmentsQuery } from '$lib/commitments/operations';
import { gqlLoad } from '$lib/graphql/gql.server';

const notFound: () => never = () => error(404, { message: 'Territoire introuvable.', code: 'NOT_FOUND' });

/** "Suivi des engagements" of a territory; `?annee=2019` keeps the seminars of that year. */
export const load: PageServerLoad = async (event) => {
  const code = event.params.code.toUpperCase();
  if (!/^[0-9A-Z]{2,9}$/.test(code)) notFound();
  const annee = event.url.searchParams.get('annee');
  const year = annee && /^\d{4}$/.test(annee) && Number(annee) >= 2000 && Number(annee) <= 2100 ? Number(annee) : null;
  const data = await gqlLoad(event, TerritoryCommitmentsQuery, { code, year });
  if (!data.territory) notFound();
  return { territory: data.territory, commitments: data.territoryCommitments, years: data.commitmentYears, year };
};

export const actions: Actions = { ...milestoneActions };
