export interface CsvRecord {
  /** Line number (1-based) where the record starts in the file. */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  separator: ';' | ',' | '\t';
  records: CsvRecord[];
}

/**
 * Picks the separator from the header line: `;` (French spreadsheets) when present, then
 * tab, then `,`. Only characters outside quotes count.
 */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  let inQuotes = false;
  const seen = new Set<string>();
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ';' || ch === ',' || ch === '\t')) seen.add(ch);
  }
  if (seen.has(';')) return ';';
  if (seen.has('\t')) return '\t';
  return ',';
}

/**
 * RFC 4180 parsing with the separator detected from the header: quoted fields may contain
 * the separator, doubled quotes and line breaks. Blank lines are skipped; a UTF-8 BOM is ignored.
 */
export function parseCsv(input: string): ParsedCsv {
  const text = input.replace(/^\uFEFF/, '');
  const separator = detectSeparator(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0].trim() !== '') records.push({ line: recordLine, cells: cells.map((c) => c.trim()) });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      inQuotes = true;
      cell = '';
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return { separator, records };
}
