import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';

/** How much of the file is looked at to guess its encoding and separator. */
const SAMPLE_BYTES = 64 * 1024;

export type FileEncoding = 'utf-8' | 'windows-1252';
export type Separator = ';' | ',' | '\t';

export interface CsvRecord {
  /** Line number (1-based) where the record ends in the file; the header is line 1. */
  line: number;
  cells: string[];
}

export interface CsvStream {
  encoding: FileEncoding;
  separator: Separator;
  records: AsyncIterable<CsvRecord>;
}

/**
 * Spreadsheets save French files as Windows-1252 ("Latin-1"), portals as UTF-8: a sample that
 * is valid UTF-8 (a BOM, or no invalid sequence; an incomplete one cut at the end of the
 * sample is fine) is UTF-8, anything else Windows-1252, a superset of Latin-1 for text.
 */
export function detectEncoding(sample: Buffer): FileEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The separator of the header line: the most frequent of `;`, tab and `,` outside quotes (`;` wins ties, as in French files). */
export function detectSeparator(text: string): Separator {
  const counts = { ';': 0, '\t': 0, ',': 0 };
  let inQuotes = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch as Separator]++;
  }
  const best = (Object.entries(counts) as [Separator, number][]).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ';';
}

/**
 * Streams the records of a CSV file of any size: the encoding and the separator are guessed
 * from the first 64 KB, a BOM is dropped, quoted fields may hold separators, quotes and line
 * breaks. `onBytes` reports the bytes read so far (progress).
 */
export async function openCsv(input: AsyncIterable<Buffer | string>, onBytes?: (bytes: number) => void): Promise<CsvStream> {
  const iterator = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLength = 0;
  let finished = false;
  while (headLength < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    headLength += chunk.length;
  }
  const sample = Buffer.concat(head);
  const encoding = detectEncoding(sample);
  const separator = detectSeparator(iconv.decode(sample.subarray(0, Math.min(sample.length, SAMPLE_BYTES)), encoding));
  let bytes = 0;
  async function* source(): AsyncGenerator<Buffer> {
    bytes += sample.length;
    onBytes?.(bytes);
    yield sample;
    if (finished) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      bytes += chunk.length;
      onBytes?.(bytes);
      yield chunk;
    }
  }
  const parser = Readable.from(source())
    .pipe(iconv.decodeStream(encoding))
    .pipe(
      parse({
        delimiter: separator,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        trim: true,
        info: true,
      }),
    );
  async function* records(): AsyncGenerator<CsvRecord> {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines, cells: record };
    }
  }
  return { encoding, separator, records: records() };
}

/** French or English decimals ("12,5", "12.5", "1 234,5"); null when not a number. */
export function parseNumber(raw: string): number | null {
  const text = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '');
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** Header names compared without case, accents, BOM and surrounding spaces. */
export function foldHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
}
