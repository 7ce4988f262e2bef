import { redirect } from '@sveltejs/kit';
import { THEMES, isTheme, parseDecimalFr } from '@essaim/domain';
import { formFailure, formValues, gql, gqlLoad, invalidForm } from '$lib/graphql/gql.server';
import { formatFigure } from '$lib/benchmark/format';
import { ImportIndicatorValuesMutation, IndicatorsQuery, SetIndicatorValueMutation, SetMaturityScoreMutation } from '$lib/benchmark/operations';
import { resolveTerritory } from '$lib/territories/resolve-territory.server';
import type { Actions, PageServerLoad } from './$types';

const MAX_CSV_BYTES = 900_000;

/** Data entry needs an account; the API decides who may write for which territory. */
export const load: PageServerLoad = async (event) => {
  const { user } = await event.parent();
  if (!user) redirect(303, `/connexion?retour=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  const { indicators } = await gqlLoad(event, IndicatorsQuery);
  const typed = (event.url.searchParams.get('territoire') ?? '').trim().slice(0, 120);
  const choice = typed ? await resolveTerritory(event, typed) : { code: user.territory?.code ?? null };
  const territoryCode = 'code' in choice ? choice.code : null;
  const canEditAny = user.role === 'ADMIN' || user.role === 'MODERATOR';
  return {
    indicators,
    territoryCode: territoryCode ?? '',
    canEditAny,
    defaultYear: new Date().getFullYear() - 1,
    themes: [...THEMES],
  };
};

export const actions: Actions = {
  value: async (event) => {
    const values = formValues(await event.request.formData(), ['territoryCode', 'indicatorCode', 'year', 'value', 'source']);
    const value = parseDecimalFr(values.value);
    if (!values.indicatorCode) return invalidForm('Choisissez un indicateur.', values, ['indicatorCode']);
    if (!/^\d{4}$/.test(values.year)) return invalidForm('Indiquez une année sur 4 chiffres.', values, ['year']);
    if (value === null) return invalidForm('La valeur doit être un nombre (par exemple 12,5).', values, ['value']);
    try {
      const { setIndicatorValue } = await gql(event, SetIndicatorValueMutation, {
        indicatorCode: values.indicatorCode,
        territoryCode: values.territoryCode,
        year: Number(values.year),
        value,
        source: values.source || null,
      });
      const shown = `${formatFigure(setIndicatorValue.value, event.locals.lang, 2)} ${setIndicatorValue.indicator.unit}`;
      return {
        action: 'value' as const,
        saved: { indicator: setIndicatorValue.indicator.name, value: shown, territory: setIndicatorValue.territory.name, year: String(setIndicatorValue.year) },
      };
    } catch (e) {
      return formFailure(e, values);
    }
  },

  import: async (event) => {
    const data = await event.request.formData();
    const values = formValues(data, ['mode', 'contenu'], ['contenu']);
    const file = data.get('fichier');
    let csv = values.contenu;
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_CSV_BYTES)
        return invalidForm('Le fichier est trop volumineux (900 Ko au plus) : découpez-le.', { ...values, contenu: '' }, ['fichier']);
      csv = await file.text();
    }
    if (!csv.trim()) return invalidForm('Choisissez un fichier ou collez son contenu.', values, ['fichier']);
    try {
      const { importIndicatorValues } = await gql(event, ImportIndicatorValuesMutation, { csv, dryRun: values.mode !== 'import' });
      // Keep the text so that a fix can be made in place and re-submitted (nothing typed is lost).
      return { action: 'import' as const, report: importIndicatorValues, values: { ...values, contenu: csv.length <= 100_000 ? csv : values.contenu } };
    } catch (e) {
      return formFailure(e, values);
    }
  },

  maturity: async (event) => {
    const values = formValues(await event.request.formData(), ['territoryCode', 'theme', 'year', 'score', 'justification'], ['justification']);
    if (!isTheme(values.theme)) return invalidForm('Choisissez un thème.', values, ['theme']);
    if (!/^\d{4}$/.test(values.year)) return invalidForm('Indiquez une année sur 4 chiffres.', values, ['year']);
    if (!/^[0-5]$/.test(values.score)) return invalidForm('Le score doit être compris entre 0 et 5.', values, ['score']);
    try {
      await gql(event, SetMaturityScoreMutation, {
        territoryCode: values.territoryCode,
        theme: values.theme,
        year: Number(values.year),
        score: Number(values.score),
        justification: values.justification.trim(),
      });
      return { action: 'maturity' as const, saved: true };
    } catch (e) {
      return formFailure(e, values);
    }
  },
};
