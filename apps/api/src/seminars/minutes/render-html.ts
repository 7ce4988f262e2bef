import type { TextSegment } from '@essaim/domain';
import { FOLLOW_UPS, followUpCells, formatSeminarDate, MINUTES_HEADERS as H, MinutesFollowUp, MinutesModel, MinutesTable } from './minutes-model';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
  @page { size: A4; margin: 18mm 15mm; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; line-height: 1.4; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; break-after: avoid; }
  p.meta { color: #333; margin: 0 0 1.5rem; }
  table { border-collapse: collapse; width: 100%; font-size: .95rem; }
  th, td { border: 1px solid #555; padding: .35rem .5rem; vertical-align: top; text-align: left; }
  th { background: #eef1f5; } td.num, td.score { text-align: center; white-space: nowrap; }
  tr { break-inside: avoid; }
  @media print { body { margin: 0; max-width: none; } }
`;

/** A standalone, print-ready page (no external resource): a browser prints it to a clean PDF. */
export function renderHtml(model: MinutesModel): string {
  const meta = `${formatSeminarDate(model.date)}${model.place ? ` — ${model.place}` : ''}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Compte-rendu — ${escapeHtml(model.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(model.title)}</h1>`,
    `<p class="meta">${escapeHtml(meta)}</p>`,
    ...model.workshops.map(renderTable),
    ...(model.followUps.length ? [renderFollowUps(model.followUps)] : []),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function renderTable(table: MinutesTable): string {
  const several = table.groups.length > 1;
  const head = several
    ? `<tr><th scope="col" rowspan="2">${H.number}</th><th scope="col" rowspan="2">${H.stake}</th><th scope="colgroup" colspan="${table.groups.length}">${H.score}</th><th scope="col" rowspan="2">${H.reformulation}</th></tr>\n` +
      `<tr>${table.groups.map((g) => `<th scope="col">${escapeHtml(g)}</th>`).join('')}</tr>`
    : `<tr><th scope="col">${H.number}</th><th scope="col">${H.stake}</th><th scope="col">${H.score}</th><th scope="col">${H.reformulation}</th></tr>`;
  const body = table.rows
    .map(
      (r) =>
        `<tr><td class="num">${escapeHtml(r.label)}</td><td>${escapeHtml(r.text)}</td>${r.scores.map((s) => `<td class="score">${escapeHtml(s)}</td>`).join('')}<td>${r.reformulation ? segmentsHtml(r.reformulation) : ''}</td></tr>`,
    )
    .join('\n');
  return `<section>\n<h2>${escapeHtml(table.title)}</h2>\n<table>\n<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</section>`;
}

function renderFollowUps(followUps: readonly MinutesFollowUp[]): string {
  const F = FOLLOW_UPS.headers;
  const head = `<tr>${[F.commitment, F.status, F.progress, F.lead, F.target].map((h) => `<th scope="col">${h}</th>`).join('')}</tr>`;
  const body = followUps
    .map((f) => {
      const c = followUpCells(f);
      return `<tr><td>${escapeHtml(f.title)}</td><td>${escapeHtml(c.status)}</td><td class="score">${c.progress}</td><td>${escapeHtml(c.lead)}</td><td>${escapeHtml(c.target)}</td></tr>`;
    })
    .join('\n');
  return `<section>\n<h2>${FOLLOW_UPS.title}</h2>\n<table>\n<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</section>`;
}

export function segmentsHtml(segments: readonly TextSegment[]): string {
  return segments.map((s) => (s.added ? `<b>${escapeHtml(s.text)}</b>` : escapeHtml(s.text))).join('');
}
