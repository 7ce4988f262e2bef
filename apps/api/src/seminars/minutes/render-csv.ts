import { segmentsToMarkdown } from '@essaim/domain';
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

function csvRow(cells: string[]): string {
  return cells.map(csvCell).join(',');
}

/** Quotes when needed; a cell that a spreadsheet would run as a formula is defused with a quote. */
export function csvCell(value: string): string {
  let cell = value;
  if (cell.length > 1 && /^[=+\-@\t\r]/.test(cell)) cell = `'${cell}`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
