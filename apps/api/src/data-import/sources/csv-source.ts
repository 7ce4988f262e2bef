import { openCsv } from '../csv-records';
import { mapColumns } from '../header';
import { addError, emptyReadReport, ImportRefused, PrepareContext, ReadReport } from '../source';

/**
 * Runs a CSV file through `onRow` with the header mapped (required and optional columns) and
 * the report filled: rows read, encoding, separator, rows with too many cells.
 */
export async function readCsv<R extends string, O extends string>(
  context: PrepareContext,
  required: readonly R[],
  optional: readonly O[],
  onRow: (cell: (name: R | O) => string, line: number, report: ReadReport) => void,
): Promise<ReadReport> {
  const report = emptyReadReport();
  const csv = await openCsv(context.input, context.onBytes);
  report.encoding = csv.encoding;
  report.separator = csv.separator === '\t' ? 'tabulation' : csv.separator;
  let columns: ReturnType<typeof mapColumns<R, O>> | null = null;
  for await (const { line, cells } of csv.records) {
    if (!columns) {
      columns = mapColumns(cells, required, optional);
      continue;
    }
    report.rowsRead++;
    if (report.rowsRead % 5000 === 0) context.onRows(report.rowsRead);
    if (cells.length > columns.width) {
      addError(report, line, `${cells.length} cellules pour ${columns.width} colonnes (séparateur ou guillemets mal fermés ?).`);
      continue;
    }
    const index = columns.index as Record<string, number | undefined>;
    onRow(
      (name) => {
        const at = index[name];
        return at === undefined ? '' : (cells[at] ?? '');
      },
      line,
      report,
    );
  }
  if (!columns) throw new ImportRefused('Le fichier est vide : il faut au moins la ligne d’en-tête du producteur.');
  context.onRows(report.rowsRead);
  return report;
}
