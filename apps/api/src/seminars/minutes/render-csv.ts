import type { TextSegment } from '@essaim/domain';
import { CSV_BOM, csvLine } from '../../common/csv';
import { MINUTES_HEADERS as H, MinutesModel } from './minutes-model';

/** Header of the column that lists what a reformulation added to the stake. */
export const ADDITIONS_HEADER = 'Ajouts de la reformulation';
export const WORKSHOP_HEADER = 'Atelier';
/**
 * The shared writer defuses cells starting with + or - (formula injection), which would print
 * "'+" and "'-": a stake added during the workshop is written "Ajout", a missing score left empty.
 */
export const ADDED_STAKE = 'Ajout';
const NO_SCORE = '-';

/**
 * One table a spreadsheet opens as is (the open-data CSV writer: BOM, `;`, CRLF): the header
 * first, one row per stake with its workshop in the first column, one score column per group
 * (empty where that group did not score the workshop). The reformulation is plain text; what
 * it added is repeated in its own column instead of Markdown bold markers.
 */
export function renderCsv(model: MinutesModel): string {
  const groups = [...new Set(model.workshops.flatMap((w) => w.groups.filter((g) => g !== '—')))];
  const scoreHeaders = groups.length <= 1 ? [H.score] : groups.map((g) => `${H.score} (${g})`);
  let csv = CSV_BOM + csvLine([WORKSHOP_HEADER, H.number, H.stake, ...scoreHeaders, H.reformulation, ADDITIONS_HEADER]);
  for (const table of model.workshops) {
    for (const r of table.rows) {
      const scoreOf = (i: number) => (i >= 0 && r.scores[i] !== NO_SCORE ? (r.scores[i] ?? '') : '');
      const scores = groups.length <= 1 ? [scoreOf(0)] : groups.map((g) => scoreOf(table.groups.indexOf(g)));
      csv += csvLine([
        table.title,
        r.label === '+' ? ADDED_STAKE : r.label,
        r.text,
        ...scores,
        r.reformulation ? plainText(r.reformulation) : '',
        r.reformulation ? additions(r.reformulation) : '',
      ]);
    }
  }
  return csv;
}

const plainText = (segments: readonly TextSegment[]) =>
  segments
    .map((s) => s.text)
    .join('')
    .trim();

/** The added passages, in order, separated by " … ". */
const additions = (segments: readonly TextSegment[]) =>
  segments
    .filter((s) => s.added && s.text.trim())
    .map((s) => s.text.trim())
    .join(' … ');
