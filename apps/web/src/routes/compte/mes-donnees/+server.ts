import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { PersonalDataQuery } from '$lib/account/settings-operations';
import { gql } from '$lib/graphql/gql.server';
import { isApiError } from '$lib/graphql/errors';

/** The account's data as a JSON download (RGPD right of access and portability). */
export const GET: RequestHandler = async (event) => {
  try {
    const { myPersonalData } = await gql(event, PersonalDataQuery);
    return new Response(myPersonalData, {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': 'attachment; filename="essaim-mes-donnees.json"',
        'cache-control': 'no-store',
      },
    });
  } catch (e) {
    if (isApiError(e) && e.code === 'UNAUTHENTICATED') redirect(303, '/connexion?retour=%2Fcompte');
    throw e;
  }
};
