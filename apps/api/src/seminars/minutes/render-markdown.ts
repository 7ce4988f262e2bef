import { segmentsToMarkdown } from '@essaim/domain';
import { FOLLOW_UPS, followUpCells, formatSeminarDate, MINUTES_HEADERS as H, MinutesModel } from './minutes-model';

/** Escapes what Markdown (and a table cell) would interpret in the user's text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

export function renderMarkdown(model: MinutesModel): string {
  const lines = [`# ${escapeMarkdown(model.title)}`, '', `${formatSeminarDate(model.date)}${model.place ? ` — ${escapeMarkdown(model.place)}` : ''}`];
  for (const table of model.workshops) {
    const scoreHeaders = table.groups.length === 1 ? [H.score] : table.groups.map((g) => `${H.score} — ${escapeMarkdown(g)}`);
    const header = [H.number, H.stake, ...scoreHeaders, H.reformulation];
    lines.push('', `## ${escapeMarkdown(table.title)}`, '', row(header), row(header.map(() => '---')));
    for (const r of table.rows) {
      lines.push(row([r.label, escapeMarkdown(r.text), ...r.scores, r.reformulation ? segmentsToMarkdown(r.reformulation, escapeMarkdown) : '']));
    }
  }
  if (model.followUps.length) {
    const F = FOLLOW_UPS.headers;
    const header = [F.commitment, F.status, F.progress, F.lead, F.target];
    lines.push('', `## ${FOLLOW_UPS.title}`, '', row(header), row(header.map(() => '---')));
    for (const f of model.followUps) {
      const cells = followUpCells(f);
      lines.push(row([escapeMarkdown(f.title), escapeMarkdown(cells.status), cells.progress, escapeMarkdown(cells.lead), cells.target]));
    }
  }
  return `${lines.join('\n')}\n`;
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
