import type { RequestEvent } from '@sveltejs/kit';
import { isProjectStage, isTheme, PROJECT_TEXT_SECTIONS, type ProjectStage, type Theme } from '@essaim/domain';
import { resolveTerritory } from '$lib/territories/resolve-territory.server';
import type { VariablesOf } from '$lib/graphql/graphql';
import type { CreateProjectMutation } from './project-operations';
import type { ProjectFormValues } from './project-form';

type ProjectInput = VariablesOf<typeof CreateProjectMutation>['input'];

export type ParsedProjectForm = { values: ProjectFormValues } & (
  { input: ProjectInput; problem?: undefined } | { problem: { message: string; fields: string[] }; input?: undefined }
);

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

/** Reads the editor's fields: the values to re-fill the form, and the API input (or a problem to show). */
export async function readProjectForm(event: RequestEvent, form: FormData): Promise<ParsedProjectForm> {
  const values: ProjectFormValues = {};
  for (const key of ['title', 'summary', 'stage', 'territory', 'budgetEuros', 'comment', 'baseRevision', ...PROJECT_TEXT_SECTIONS])
    values[key] = text(form, key).trim();
  values.body = text(form, 'body');
  const themes = form.getAll('themes').filter((t): t is Theme => isTheme(t));
  values.themes = themes.join(',');
  const vendors: NonNullable<NonNullable<ProjectInput['sections']>['vendors']> = [];
  for (let i = 0; i < 40; i++) {
    if (!form.has(`vendor_name_${i}`)) break;
    const name = text(form, `vendor_name_${i}`).trim();
    if (!name) continue;
    const row = vendors.length;
    values[`vendor_name_${row}`] = name;
    values[`vendor_oss_${row}`] = form.get(`vendor_oss_${i}`) ? 'on' : '';
    values[`vendor_licence_${row}`] = text(form, `vendor_licence_${i}`).trim();
    values[`vendor_role_${row}`] = text(form, `vendor_role_${i}`).trim();
    vendors.push({
      name,
      openSource: !!form.get(`vendor_oss_${i}`),
      licence: values[`vendor_licence_${row}`] || null,
      role: values[`vendor_role_${row}`] || null,
    });
  }
  values.vendorCount = String(vendors.length);

  const problem = (message: string, fields: string[]) => ({ values, problem: { message, fields } });
  if (!values.title) return problem('Indiquez un titre.', ['title']);
  if (themes.length === 0) return problem('Choisissez au moins un thème.', ['themes']);
  if (!isProjectStage(values.stage)) return problem('Choisissez une étape.', ['stage']);
  const budgetText = values.budgetEuros.replace(/[\s\u00a0\u202f€]/g, '');
  if (budgetText && !/^\d{1,10}$/.test(budgetText)) return problem('Le budget doit être un nombre entier d’euros.', ['budgetEuros']);
  const choice = await resolveTerritory(event, values.territory);
  if ('problem' in choice || !choice.code) {
    const message =
      'problem' in choice && choice.problem === 'ambiguous'
        ? 'Plusieurs territoires correspondent : choisissez dans la liste ou saisissez le code INSEE.'
        : 'Territoire introuvable : saisissez son nom ou son code INSEE.';
    return problem(message, ['territory']);
  }
  const sections: Record<string, string | null> = {};
  for (const key of PROJECT_TEXT_SECTIONS) sections[key] = values[key] || null;
  return {
    values,
    input: {
      title: values.title,
      summary: values.summary,
      body: values.body,
      themes,
      stage: values.stage as ProjectStage,
      territoryCode: choice.code,
      budgetEuros: budgetText ? Number(budgetText) : null,
      sections: { ...sections, vendors },
    },
  };
}
