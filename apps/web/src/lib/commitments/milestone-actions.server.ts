import type { RequestEvent } from '@sveltejs/kit';
import { formFailure, formValues, gql, invalidForm } from '$lib/graphql/gql.server';
import { translator } from '$lib/i18n';
import { commitmentMessages } from './messages';
import { AddMilestoneMutation, SetMilestoneDoneMutation, UpdateMilestoneMutation } from './operations';

/** A date field (yyyy-mm-dd) as the API's DateTime, at midnight UTC like the other dates of a commitment. */
export const dayToDateTime = (value: string): string | null => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : null);

const noDate = (event: RequestEvent) => translator(commitmentMessages, event.locals.lang)('milestone.noDate');

/**
 * Milestone forms, shared by every page that shows follow-up cards (seminar, territory): they
 * post without JavaScript; `values.form` says which card's form an error belongs to.
 */
export const milestoneActions = {
  milestoneAdd: async (event: RequestEvent) => {
    const v = formValues(await event.request.formData(), ['commitmentId', 'title', 'due']);
    const values = { ...v, form: `milestone-add-${v.commitmentId}` };
    const dueDate = dayToDateTime(v.due);
    if (!dueDate) return invalidForm(noDate(event), values, ['dueDate']);
    try {
      await gql(event, AddMilestoneMutation, { commitmentId: v.commitmentId, title: v.title, dueDate });
    } catch (e) {
      return formFailure(e, values);
    }
    return { done: 'milestoneAdded' as const, commitmentId: v.commitmentId };
  },
  milestoneDone: async (event: RequestEvent) => {
    const v = formValues(await event.request.formData(), ['id', 'done', 'commitmentId']);
    try {
      await gql(event, SetMilestoneDoneMutation, { id: v.id, done: v.done === 'true' });
    } catch (e) {
      return formFailure(e, { ...v, form: `milestone-${v.id}` });
    }
    return { done: 'milestoneUpdated' as const, commitmentId: v.commitmentId };
  },
  milestoneDate: async (event: RequestEvent) => {
    const v = formValues(await event.request.formData(), ['id', 'due', 'commitmentId']);
    const values = { ...v, form: `milestone-${v.id}` };
    const dueDate = dayToDateTime(v.due);
    if (!dueDate) return invalidForm(noDate(event), values, ['dueDate']);
    try {
      await gql(event, UpdateMilestoneMutation, { id: v.id, dueDate });
    } catch (e) {
      return formFailure(e, values);
    }
    return { done: 'milestoneUpdated' as const, commitmentId: v.commitmentId };
  },
};
