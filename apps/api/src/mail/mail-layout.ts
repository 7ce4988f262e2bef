import type { ApiLang } from '../common/request-lang';

export interface MailBody {
  lang: ApiLang;
  subject: string;
  /** Plain sentences (no markup); escaped for the HTML part. */
  paragraphs: string[];
  /** The one thing to do, as a link (shown as a button-like link and spelled out in the text part). */
  action?: { label: string; url: string };
  /** Sections with a heading and lines, each line optionally linked (digests). */
  sections?: { heading: string; url?: string; lines: string[] }[];
  /** Small print at the bottom (why you get this, how to stop). */
  footer?: { text: string; link?: { label: string; url: string } }[];
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The text and HTML parts of a message: same content, the HTML one semantic and readable without styles. */
export function renderMail(body: MailBody): { subject: string; text: string; html: string } {
  const text: string[] = [];
  const html: string[] = [];
  for (const p of body.paragraphs) {
    text.push(p, '');
    html.push(`<p>${escapeHtml(p)}</p>`);
  }
  for (const section of body.sections ?? []) {
    text.push(section.heading + (section.url ? ` — ${section.url}` : ''), ...section.lines.map((l) => `  • ${l}`), '');
    const heading = section.url ? `<a href="${escapeHtml(section.url)}">${escapeHtml(section.heading)}</a>` : escapeHtml(section.heading);
    html.push(`<h2 style="font-size:1.1em;margin:1.2em 0 .4em">${heading}</h2>`);
    html.push(`<ul>${section.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
  }
  if (body.action) {
    text.push(`${body.action.label}${body.lang === 'fr' ? ' :' : ':'} ${body.action.url}`, '');
    html.push(
      `<p><a href="${escapeHtml(body.action.url)}" style="display:inline-block;padding:.6em 1em;background:#1d4e89;color:#fff;text-decoration:underline;border-radius:4px">${escapeHtml(body.action.label)}</a></p>`,
      `<p style="font-size:.9em">${escapeHtml(body.lang === 'fr' ? 'Si le lien ne s’ouvre pas, copiez cette adresse dans votre navigateur :' : 'If the link does not open, copy this address into your browser:')}<br>${escapeHtml(body.action.url)}</p>`,
    );
  }
  if (body.footer?.length) {
    text.push('--');
    html.push('<hr>');
    for (const f of body.footer) {
      text.push(f.link ? `${f.text} ${f.link.label}${body.lang === 'fr' ? ' :' : ':'} ${f.link.url}` : f.text);
      html.push(
        `<p style="font-size:.85em;color:#444">${escapeHtml(f.text)}${f.link ? ` <a href="${escapeHtml(f.link.url)}">${escapeHtml(f.link.label)}</a>` : ''}</p>`,
      );
    }
  }
  const page = [
    '<!DOCTYPE html>',
    `<html lang="${body.lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(body.subject)}</title></head>`,
    '<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40em;margin:0 auto;padding:1em">',
    '<main>',
    ...html,
    '</main>',
    '</body></html>',
  ].join('\n');
  return { subject: body.subject, text: text.join('\n').trim() + '\n', html: page };
}
