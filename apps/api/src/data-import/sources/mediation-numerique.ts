import { foldHeader } from '../csv-records';
import { Figure, writeFigures } from '../figures-writer';
import { normaliseInsee } from '../header';
import { addError, addUnknownTerritory, DataImportSource, ImportRefused, PrepareContext, rowDateError, TerritoryRef, VINTAGE_PATTERN } from '../source';
import { readCsv } from './csv-source';

/** Labels of the schema's `dispositif_programmes_nationaux` counted as their own indicators. */
const PROGRAMMES: Record<string, string> = {
  'france services': 'LIEUX_FRANCE_SERVICES',
  'conseillers numeriques': 'LIEUX_CONSEILLERS_NUMERIQUES',
};

const INDICATORS = ['LIEUX_MEDIATION', ...Object.values(PROGRAMMES)];

/**
 * Cartographie nationale des lieux d'inclusion numérique, in La MedNum's schema
 * "schema-lieux-mediation-numerique" (one place per row; list fields separated by "|").
 * Every place counts for LIEUX_MEDIATION in its commune, and in that commune's EPCI and
 * département; places of the national programmes also count for their own indicator.
 */
export const mediationNumerique: DataImportSource = {
  key: 'mediation-numerique',
  name: 'Cartographie nationale des lieux d’inclusion numérique',
  producer: 'La MedNum / ANCT (Incluscore, cartographie nationale)',
  url: 'https://www.data.gouv.fr/fr/datasets/lieux-de-mediation-numerique-sur-le-territoire-national-fournis-par-data-inclusion-1/',
  licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
  fileHint: 'export CSV au schéma « lieux de médiation numérique »',
  indicators: INDICATORS,
  async prepare(context: PrepareContext) {
    const territories = await context.territories();
    const counts = new Map<string, number>();
    const add = (code: string | null, indicator: string) => {
      if (!code) return;
      const key = `${indicator}|${code}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    };
    const seenIds = new Map<string, number>();
    const unknown = new Set<string>();
    let withoutCode = 0;
    let latest = '';
    const read = await readCsv(
      context,
      ['id', 'nom', 'code_insee', 'dispositif_programmes_nationaux'] as const,
      ['date_maj'] as const,
      (cell, line, report) => {
        const id = cell('id').trim();
        if (!id) return addError(report, line, 'Identifiant (id) manquant.');
        const first = seenIds.get(id);
        if (first !== undefined) return addError(report, line, `Lieu « ${id} » en double (déjà ligne ${first}).`);
        seenIds.set(id, line);
        if (!cell('nom').trim()) return addError(report, line, `Nom manquant pour le lieu « ${id} ».`);
        const rawCode = cell('code_insee').trim();
        if (!rawCode) {
          withoutCode++;
          report.rowsSkipped++;
          return;
        }
        const code = normaliseInsee(rawCode);
        if (!code) return addError(report, line, `Code INSEE invalide « ${rawCode} » pour le lieu « ${id} ».`);
        const dateError = rowDateError(cell('date_maj'), 'date_maj');
        if (dateError) return addError(report, line, dateError);
        const date = cell('date_maj').slice(0, 10);
        if (/^\d{4}-\d{2}-\d{2}$/.test(date) && date > latest) latest = date;
        const commune = territories.get(code);
        if (!commune) return addUnknownTerritory(report, unknown, code);
        const programmes = cell('dispositif_programmes_nationaux')
          .split(/[|,]/)
          .map((p) => PROGRAMMES[foldHeader(p)])
          .filter((p): p is string => Boolean(p));
        for (const indicator of ['LIEUX_MEDIATION', ...new Set(programmes)]) {
          for (const territory of withGroups(commune)) add(territory, indicator);
        }
      },
    );
    if (withoutCode) read.notes.push(`${withoutCode} lieu(x) sans code INSEE ignoré(s).`);
    const vintage = context.vintage ?? (latest || null);
    if (!vintage || !VINTAGE_PATTERN.test(vintage)) {
      throw new ImportRefused('Millésime introuvable (aucune « date_maj » lisible) : précisez-le (--vintage 2025-06-30 ou champ « millésime »).');
    }
    // The file is national (or covers whole départements): a commune of a covered département
    // that has no place has 0, not "unknown", so it is ranked rather than left out.
    const covered = new Set([...counts.keys()].filter((k) => k.startsWith('LIEUX_MEDIATION|')).map((k) => territories.get(k.split('|')[1])?.departementCode));
    const zeroes = [...territories.values()].filter((t) => (t.kind === 'COMMUNE' || t.kind === 'EPCI') && covered.has(t.departementCode)).map((t) => t.code);
    const places = new Set([...counts.keys()].filter((k) => k.startsWith('LIEUX_MEDIATION|')).map((k) => k.split('|')[1]));
    const figures: Figure[] = [];
    for (const territoryCode of new Set([...places, ...zeroes])) {
      for (const indicatorCode of INDICATORS) {
        figures.push({ indicatorCode, territoryCode, rawValue: counts.get(`${indicatorCode}|${territoryCode}`) ?? 0 });
      }
    }
    return { vintage, read, write: (w) => writeFigures(w, figures) };
  },
};

function withGroups(commune: TerritoryRef): (string | null)[] {
  return [commune.code, commune.epciCode, commune.departementCode];
}
