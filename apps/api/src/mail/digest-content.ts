import type { ApiLang } from '../common/request-lang';
import type { MailBody } from './mail-layout';
import { kindHeadline } from './notification-kinds';

export interface DigestItem {
  kind: string;
  message: string;
  url: string;
}

const MAX_LINES = 8;

/** The subject a notification is about: its page without the query or anchor (a sheet's history belongs to the sheet). */
export const subjectPath = (url: string) => url.split(/[?#]/)[0].replace(/\/historique$/, '');

const quotedTitle = (message: string) => /« (.+?) »/.exec(message)?.[1] ?? null;

/**
 * Groups a period's notifications per sheet and per thread. Revisions of one sheet are summed up
 * as one range ("révisions 2 à 6 de « … »") linking to the diff covering all of them.
 */
export function digestSections(items: DigestItem[], lang: ApiLang, link: (path: string) => string): NonNullable<MailBody['sections']> {
  const groups = new Map<string, DigestItem[]>();
  for (const item of items) groups.set(subjectPath(item.url), [...(groups.get(subjectPath(item.url)) ?? []), item]);
  const sections: NonNullable<MailBody['sections']> = [];
  for (const [path, group] of groups) {
    const title = group.map((i) => quotedTitle(i.message)).find(Boolean) ?? group[0].message;
    const lines: string[] = [];
    let url = link(path);
    const updates = group.filter((i) => i.kind === 'PROJECT_UPDATED');
    const ranges = updates.map((i) => /[?&]de=(\d+)&a=(\d+)/.exec(i.url)).filter((m): m is RegExpExecArray => m !== null);
    if (ranges.length) {
      const from = Math.min(...ranges.map((m) => Number(m[1])));
      const to = Math.max(...ranges.map((m) => Number(m[2])));
      const first = from + 1;
      lines.push(
        lang === 'fr'
          ? first < to
            ? `Révisions ${first} à ${to} de « ${title} »`
            : `Révision ${to} de « ${title} »`
          : first < to
            ? `Revisions ${first} to ${to} of “${title}”`
            : `Revision ${to} of “${title}”`,
      );
      url = link(`${path}/historique?de=${from}&a=${to}`);
    }
    const others = group.filter((i) => i.kind !== 'PROJECT_UPDATED' || !/[?&]de=\d+&a=\d+/.test(i.url));
    for (const item of others.slice(0, MAX_LINES)) lines.push(lang === 'fr' ? item.message : `${kindHeadline(item.kind, 'en')}: “${item.message}”`);
    if (others.length > MAX_LINES) lines.push(lang === 'fr' ? `… et ${others.length - MAX_LINES} autre(s)` : `… and ${others.length - MAX_LINES} more`);
    sections.push({ heading: title, url, lines });
  }
  return sections;
}
