import { fail, redirect } from '@sveltejs/kit';
import { formFailure, formValues, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import {
  CastScoreMutation,
  JoinMutation,
  ProposeReformulationMutation,
  ProposeStakeMutation,
  SeminarByCodeQuery,
  SeminarQuery,
  SupportReformulationMutation,
} from '$lib/seminars/operations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const code = (event.url.searchParams.get('code') ?? '').trim().slice(0, 20);
  if (!code) return { code, found: null, seminar: null };
  const { seminarByCode } = await gqlLoad(event, SeminarByCodeQuery, { joinCode: code });
  if (!seminarByCode) return { code, found: null, seminar: null };
  const { seminar } = await gqlLoad(event, SeminarQuery, { id: seminarByCode.id });
  return { code: seminarByCode.joinCode, found: seminarByCode, seminar: seminar?.viewer.participantId ? seminar : null };
};

const withCode = (event: { url: URL }, done?: 'reformulation' | 'soutien' | 'enjeu') =>
  `/seminaires/rejoindre?code=${encodeURIComponent(event.url.searchParams.get('code') ?? '')}${done ? `&fait=${done}` : ''}`;

export const actions: Actions = {
  join: async (event) => {
    const values = formValues(await event.request.formData(), ['code', 'displayName', 'groupId']);
    if (!values.displayName) return invalidForm('Indiquez votre nom.', values, ['displayName']);
    if (!values.groupId) return invalidForm('Choisissez votre groupe.', values, ['groupId']);
    try {
      await gql(event, JoinMutation, { joinCode: values.code, displayName: values.displayName, groupId: values.groupId });
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, `/seminaires/rejoindre?code=${encodeURIComponent(values.code)}`);
  },
  vote: async (event) => {
    const values = formValues(await event.request.formData(), ['stakeId', 'value']);
    try {
      const { castScore } = await gql(event, CastScoreMutation, { stakeId: values.stakeId, value: Number(values.value) });
      return { voted: castScore };
    } catch (e) {
      return formFailure(e, values);
    }
  },
  reformulate: async (event) => {
    const values = formValues(await event.request.formData(), ['stakeId', 'text']);
    if (values.text.length < 3) return invalidForm('La reformulation doit contenir au moins 3 caractères.', values, ['text']);
    try {
      await gql(event, ProposeReformulationMutation, { stakeId: values.stakeId, text: values.text });
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, withCode(event, 'reformulation'));
  },
  support: async (event) => {
    const values = formValues(await event.request.formData(), ['id']);
    try {
      await gql(event, SupportReformulationMutation, { id: values.id });
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, withCode(event, 'soutien'));
  },
  proposeStake: async (event) => {
    const values = formValues(await event.request.formData(), ['workshopId', 'text']);
    if (values.text.length < 3)
      return fail(400, { error: { code: 'BAD_USER_INPUT', message: "L'enjeu doit contenir au moins 3 caractères.", fields: ['text'] }, values });
    try {
      await gql(event, ProposeStakeMutation, { workshopId: values.workshopId, text: values.text });
    } catch (e) {
      return formFailure(e, values);
    }
    redirect(303, withCode(event, 'enjeu'));
  },
};
