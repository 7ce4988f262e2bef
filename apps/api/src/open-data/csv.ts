/** CSV for French spreadsheets: UTF-8 with BOM, `;` separator, CRLF, decimal comma, RFC 4180 quoting. */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';

export function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (Array.isArray(value)) text = value.join(' | ');
  else if (typeof value === 'number') text = String(value).replace('.', ',');
  else if (typeof value === 'boolean') text = value ? 'oui' : 'non';
  else text = String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(CSV_SEPARATOR) + '\r\n';
}
