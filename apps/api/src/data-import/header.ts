import { foldHeader } from './csv-records';
import { HeaderMismatch } from './source';

/**
 * Finds the required columns (by name, case and accents ignored, in any order; other columns
 * are allowed) and optional ones; throws HeaderMismatch listing expected and found columns.
 */
export function mapColumns<R extends string, O extends string = never>(
  header: string[],
  required: readonly R[],
  optional: readonly O[] = [],
): { index: Record<R, number> & Partial<Record<O, number>>; width: number } {
  const folded = header.map(foldHeader);
  const index = {} as Record<string, number>;
  for (const name of [...required, ...optional]) {
    const at = folded.indexOf(foldHeader(name));
    if (at >= 0) index[name] = at;
  }
  const missing = required.filter((name) => index[name] === undefined);
  if (missing.length)
    throw new HeaderMismatch(
      [...required],
      header.map((h) => h.replace(/^\uFEFF/, '').trim()),
      [...missing],
    );
  return { index: index as Record<R, number> & Partial<Record<O, number>>, width: header.length };
}

/** INSEE commune codes: 5 characters, Corsica 2A/2B; spreadsheets drop the leading zero ("1001"). */
export function normaliseInsee(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  const padded = /^\d{4}$/.test(code) ? `0${code}` : code;
  return /^(\d{5}|2[AB]\d{3})$/.test(padded) ? padded : null;
}
