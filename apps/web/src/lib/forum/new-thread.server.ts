import { redirect } from '@sveltejs/kit';
import { formFailure, formValues, gql, invalidForm } from '$lib/graphql/gql.server';
import { CreateThreadMutation } from './operations';
import type { RequestEvent } from '@sveltejs/kit';

/** The new-thread form action, shared by /forum/nouveau and a project's Discussion page. */
export async function createThreadAction(event: RequestEvent, projectId: string | null) {
  const form = await event.request.formData();
  const values = formValues(form, ['categoryId', 'title', 'body', 'isQuestion'], ['body']);
  if (!values.categoryId) return invalidForm('Choisissez une catégorie.', values, ['categoryId']);
  if (!values.title) return invalidForm('Indiquez un titre.', values, ['title']);
  if (!values.body.trim()) return invalidForm('Écrivez le premier message.', values, ['body']);
  let id: string;
  try {
    const input = { categoryId: values.categoryId, title: values.title, body: values.body, isQuestion: values.isQuestion === 'on', projectId };
    id = (await gql(event, CreateThreadMutation, { input })).createThread.id;
  } catch (e) {
    return formFailure(e, values);
  }
  redirect(303, `/forum/sujet/${id}?ok=posted`);
}
