import { addError, addUnknownTerritory, DataImportSource, ImportRefused, PrepareContext, rowDateError, VINTAGE_PATTERN } from '../source';
import { parseNumber } from '../csv-records';
import { Figure, writeFigures } from '../figures-writer';
import { normaliseInsee } from '../header';
import { readCsv } from './csv-source';

const MCI_URL = 'https://www.data.gouv.fr/fr/datasets/ma-connexion-internet/';

/**
 * The headers of Arcep's commune files as published (edition 2026-03-31, UTF-8, ";"), under
 * https://data.arcep.fr/fixe/maconnexioninternet/statistiques/last/commune/ — docs/data-sources.md.
 * The importer needs only some of these columns, in any order; the test fixtures carry these lines.
 */
export const ARCEP_PUBLISHED_HEADERS = {
  'commune_techno.csv': 'code_insee;nom_com;code_dep;code_reg;nbr;type;elig_ftth;elig_coax;elig_cu;elig_thdr;elig_4gf;elig_hdr;elig_sat;date',
  'commune_debit_filaire.csv': 'code_insee;nom_com;code_dep;code_reg;nbr;type;inel_hd;elig_hd05;elig_hd3;elig_bhd8;elig_thd30;elig_thd100;elig_thd1g;date',
} as const;
const LICENCE = 'Licence Ouverte / Open Licence 2.0 (Etalab)';

interface ArcepShare {
  key: string;
  name: string;
  fileHint: string;
  indicator: string;
  /** The eligibility column the share is computed from. */
  column: string;
  /** Percentage of the commune's premises, from the eligible count and the total. */
  share: (eligible: number, premises: number) => number;
}

/**
 * "Ma connexion internet" statistics per commune (Arcep, quarterly, one row per commune,
 * `type` = all): `nbr` premises, and eligible premises per technology or speed class.
 * The edition date (column `date`) is the vintage.
 */
function arcepSource(spec: ArcepShare): DataImportSource {
  return {
    key: spec.key,
    name: spec.name,
    producer: 'Arcep',
    url: MCI_URL,
    licence: LICENCE,
    fileHint: spec.fileHint,
    indicators: [spec.indicator],
    async prepare(context: PrepareContext) {
      const territories = await context.territories();
      const values = new Map<string, { line: number; value: number }>();
      const unknown = new Set<string>();
      const editions = new Set<string>();
      let otherTypes = 0;
      let capped = 0;
      const read = await readCsv(context, ['code_insee', 'nbr', 'type', spec.column, 'date'] as const, [] as const, (cell, line, report) => {
        const type = cell('type').trim().toLowerCase();
        if (type !== 'all') {
          otherTypes++;
          report.rowsSkipped++;
          return;
        }
        const code = normaliseInsee(cell('code_insee'));
        const premises = parseNumber(cell('nbr'));
        const eligible = parseNumber(cell(spec.column));
        if (!code) return addError(report, line, `Code INSEE invalide « ${cell('code_insee')} ».`);
        if (premises === null || premises < 0) return addError(report, line, `Nombre de locaux (nbr) invalide « ${cell('nbr')} » pour ${code}.`);
        if (eligible === null || eligible < 0) return addError(report, line, `Valeur ${spec.column} invalide « ${cell(spec.column)} » pour ${code}.`);
        const previous = values.get(code);
        if (previous) return addError(report, line, `Commune ${code} en double (déjà ligne ${previous.line}).`);
        if (cell('date')) editions.add(cell('date').slice(0, 10));
        const dateError = rowDateError(cell('date'), 'date');
        if (dateError) return addError(report, line, dateError);
        if (!territories.has(code)) return addUnknownTerritory(report, unknown, code);
        if (premises === 0) {
          report.rowsSkipped++;
          return;
        }
        let value = spec.share(eligible, premises);
        if (value > 100 || value < 0) {
          capped++;
          value = Math.min(100, Math.max(0, value));
        }
        values.set(code, { line, value: Math.round(value * 10) / 10 });
      });
      if (otherTypes) read.notes.push(`${otherTypes} ligne(s) d’un autre « type » que « all » ignorée(s).`);
      if (capped) read.notes.push(`${capped} part(s) hors de 0–100 % ramenée(s) à la borne (plus de locaux éligibles que de locaux recensés).`);
      const vintage = context.vintage ?? (editions.size === 1 ? [...editions][0] : null);
      if (!vintage || !VINTAGE_PATTERN.test(vintage)) {
        throw new ImportRefused(
          editions.size > 1
            ? `Plusieurs éditions dans le fichier (${[...editions].slice(0, 5).join(', ')}) : importez-les séparément ou précisez le millésime.`
            : 'Millésime introuvable (colonne « date » vide) : précisez-le (--vintage 2025-03-31 ou champ « millésime »).',
        );
      }
      const figures: Figure[] = [...values].map(([territoryCode, { value }]) => ({ indicatorCode: spec.indicator, territoryCode, rawValue: value }));
      return { vintage, read, write: (w) => writeFigures(w, figures) };
    },
  };
}

export const arcepFibre = arcepSource({
  key: 'arcep-fibre',
  name: 'Arcep — Ma connexion internet (éligibilité FttH par commune)',
  fileHint: 'commune_techno.csv (statistiques/<édition>/commune/)',
  indicator: 'FIBRE_RACCORDABLE',
  column: 'elig_ftth',
  share: (eligible, premises) => (eligible / premises) * 100,
});

export const arcepDebit = arcepSource({
  key: 'arcep-debit',
  name: 'Arcep — Ma connexion internet (débits filaires par commune)',
  fileHint: 'commune_debit_filaire.csv (statistiques/<édition>/commune/)',
  indicator: 'SANS_BON_HAUT_DEBIT',
  column: 'elig_bhd8',
  share: (eligible, premises) => ((premises - eligible) / premises) * 100,
});
