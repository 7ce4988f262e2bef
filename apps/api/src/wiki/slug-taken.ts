import { AppError, PublicErrorCode } from '../common/errors';

/**
 * Did this write fail on the unique index of `column`? PostgreSQL says `Key (slug)=(…) already
 * exists` (code 23505), SQLite `UNIQUE constraint failed: page.slug`.
 */
export function violatesUniqueColumn(error: unknown, column: string): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string; detail?: string } } | null;
  const code = e?.driverError?.code ?? e?.code;
  if (code !== '23505' && code !== 'SQLITE_CONSTRAINT_UNIQUE' && !/UNIQUE constraint failed/.test(e?.message ?? '')) return false;
  const text = `${e?.driverError?.detail ?? ''} ${e?.message ?? ''}`;
  return text.includes(`(${column})=`) || text.includes(`.${column}`);
}

/**
 * Two creations with the same title at the same moment both found the slug free; the unique
 * index let one win. The other gets this CONFLICT (with the slug) instead of a database error.
 */
export class SlugTaken extends AppError {
  constructor(what: 'page' | 'fiche', title: string, slug: string) {
    super(
      PublicErrorCode.CONFLICT,
      what === 'page'
        ? `Une page porte déjà ce titre : « ${title} » (elle vient d’être créée). Ouvrez-la ou choisissez un autre titre.`
        : `Une fiche porte déjà ce titre pour ce territoire : « ${title} » (elle vient d’être créée). Ouvrez-la ou choisissez un autre titre.`,
      { slug, field: 'title' },
    );
  }
}
