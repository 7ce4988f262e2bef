import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
  CommitmentsPageQuery,
  CreateCommitmentMutation,
  LinkCommitmentProjectMutation,
  ProjectIdBySlugQuery,
  UpdateCommitmentMutation,
} from '$lib/commitments/operations';
import { commitmentMessages } from '$lib/commitments/messages';
import { dayToDateTime, milestoneActions } from '$lib/commitments/milestone-actions.server';
import { formFailure, formValues, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { translator } from '$lib/i18n';

export const load: PageServerLoad = async (event) => {
  if (!/^\d{1,10}$/.test(event.params.id)) error(404, { message: 'Séminaire introuvable.', code: 'NOT_FOUND' });
  const data = await gqlLoad(event, CommitmentsPageQuery, { seminarId: event.params.id });
  if (!data.seminar) error(404, { message: 'Séminaire introuvable.', code: 'NOT_FOUND' });
  const taken = new Set(data.commitments.map((c) => c.title));
  const closedStakes = data.seminar.workshops
    .filter((w) => w.state === 'CLOSED')
    .flatMap((w) => w.stakes.filter((s) => !taken.has(s.text)).map((s) => ({ id: s.id, label: `${w.title} — ${s.isAddition ? '+' : s.number}. ${s.text}` })));
  const { user } = await event.parent();
  return { seminar: data.seminar, commitments: data.commitments, closedStakes, signedIn: !!user };
};

export const actions: Actions = {
  ...milestoneActions,
  create: async (event) => {
    const v = formValues(await event.request.formData(), ['stakeId', 'lead', 'contact', 'target']);
    try {
      await gql(event, CreateCommitmentMutation, {
        stakeId: v.stakeId,
        details: { leadTerritoryCode: v.lead ? v.lead.toUpperCase() : null, contact: v.contact || null, targetDate: dayToDateTime(v.target) },
      });
    } catch (e) {
      return formFailure(e, { ...v, form: 'create' });
    }
    return { done: 'create' };
  },
  update: async (event) => {
    const v = formValues(await event.request.formData(), ['id', 'status', 'reason', 'manual']);
    const manual = v.manual === '' ? null : Number(v.manual);
    try {
      await gql(event, UpdateCommitmentMutation, {
        id: v.id,
        input: {
          status: v.status as 'TO_START' | 'IN_PROGRESS' | 'DONE' | 'ABANDONED',
          statusReason: v.reason || null,
          progressMode: manual === null ? 'FROM_PROJECTS' : 'MANUAL',
          manualProgress: manual,
        },
      });
    } catch (e) {
      return formFailure(e, { ...v, form: `update-${v.id}` });
    }
    return { done: 'update' };
  },
  link: async (event) => {
    const v = formValues(await event.request.formData(), ['id', 'sheet']);
    const slug = v.sheet.replace(/^.*\/projets\//, '').replace(/[/?#].*$/, '');
    try {
      const { project } = await gql(event, ProjectIdBySlugQuery, { slug });
      if (!project) return invalidForm(translator(commitmentMessages, event.locals.lang)('notFound'), { ...v, form: `link-${v.id}` }, ['sheet']);
      await gql(event, LinkCommitmentProjectMutation, { commitmentId: v.id, projectId: project.id });
    } catch (e) {
      return formFailure(e, { ...v, form: `link-${v.id}` });
    }
    return { done: 'link' };
  },
};
