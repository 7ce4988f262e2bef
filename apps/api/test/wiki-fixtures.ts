import type { GqlClient } from './harness';

export const PROJECT_FIELDS = `id slug title summary body bodyHtml themes stage revision budgetEuros isBlocked territory { code name }`;

export function projectInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Téléconsultation en maison de santé',
    summary: 'Une cabine de téléconsultation pour lutter contre le désert médical.',
    body: 'Le projet relie trois médecins de la commune.',
    themes: ['HEALTH_TELEMEDICINE'],
    stage: 'IN_PROGRESS',
    territoryCode: '91228',
    budgetEuros: 66919,
    ...overrides,
  };
}

export async function createProject(client: GqlClient, overrides: Record<string, unknown> = {}) {
  const data = await client.ok(`mutation($input: ProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`, { input: projectInput(overrides) });
  return data.createProject;
}

export const UPDATE_PROJECT = `mutation($id: ID!, $base: Int!, $input: ProjectInput!, $comment: String) {
  updateProject(id: $id, baseRevision: $base, input: $input, comment: $comment) { id revision body title }
}`;
