import { segmentsToMarkdown } from '@essaim/domain';
import { csvLine, PLAIN_CSV } from '../../open-data/csv';
import { MINUTES_HEADERS as H, MinutesModel } from './minutes-model';

/**
 * RFC 4180 CSV, one block per workshop (its title, a header row, the stakes) separated by an
 * empty line. Additions of a reformulation are marked **like this**.
 */
export function renderCsv(model: MinutesModel): string {
  const lines: string[] = [];
  for (const table of model.workshops) {
    if (lines.length) lines.push('');
    const scoreHeaders = table.groups.length === 1 ? [H.score] : table.groups.map((g) => `${H.score} (${g})`);
    lines.push(csvRow([table.title]));
    lines.push(csvRow([H.number, H.stake, ...scoreHeaders, H.reformulation]));
    for (const r of table.rows) {
      lines.push(csvRow([r.label, r.text, ...r.scores, r.reformulation ? segmentsToMarkdown(r.reformulation) : '']));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The common writer (formulas defused), in the dialect the minutes have always used: `,`, no BOM. */
function csvRow(cells: string[]): string {
  return csvLine(cells, PLAIN_CSV).slice(0, -2);
}
