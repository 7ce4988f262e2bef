import type { ReadReport } from './source';

export type ImportPhase = 'reading' | 'writing' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  bytes: number;
  rows: number;
}

/** What an import did, stored as JSON on its `data_import` row and printed by the CLI. */
export interface ImportRunReport extends ReadReport {
  importId: number;
  source: string;
  sourceName: string;
  vintage: string | null;
  status: 'DONE' | 'FAILED';
  /** Why nothing was written (header, bad rows, vintage…); null when DONE. */
  message: string | null;
  headerError: { expected: string[]; found: string[]; missing: string[] } | null;
  /** Values written per indicator (or rows per kind for reference data). */
  written: Record<string, number>;
  /** Values of an earlier import of the same source and vintage that this one replaced. */
  replaced: number;
  bytes: number;
  durationMs: number;
}

/** A French, human-readable summary (CLI output, admin page without JavaScript). */
export function describeReport(report: ImportRunReport): string[] {
  const lines = [
    `${report.sourceName} — millésime ${report.vintage ?? 'inconnu'} : ${report.status === 'DONE' ? 'importé' : 'REFUSÉ, rien n’a été écrit'}`,
    `Lignes lues : ${report.rowsRead} (ignorées : ${report.rowsSkipped}) · encodage ${report.encoding ?? '?'} · séparateur « ${report.separator ?? '?'} »`,
  ];
  if (report.message) lines.push(report.message);
  for (const [what, n] of Object.entries(report.written)) lines.push(`Écrit : ${what} = ${n}`);
  if (report.replaced) lines.push(`Remplacé : ${report.replaced} valeur(s) d’un import précédent du même millésime.`);
  if (report.unknownTerritoryCount) {
    lines.push(
      `Codes de territoire inconnus (${report.unknownTerritoryCount}) : ${report.unknownTerritoryCodes.join(', ')}${report.unknownTerritoryCount > report.unknownTerritoryCodes.length ? '…' : ''}`,
    );
  }
  for (const error of report.errors) lines.push(`Ligne ${error.line} : ${error.message}`);
  if (report.errorCount > report.errors.length) lines.push(`… et ${report.errorCount - report.errors.length} autre(s) erreur(s).`);
  lines.push(...report.notes);
  return lines;
}
