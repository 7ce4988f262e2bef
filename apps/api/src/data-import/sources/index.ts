import type { DataImportSource } from '../source';
import { arcepDebit, arcepFibre } from './arcep';
import { contours } from './contours';
import { dataGouvDatasets, dataGouvOrganisations } from './data-gouv';
import { mediationNumerique } from './mediation-numerique';

/** Every importable source; add one with one line (its key is what `npm run data:import -- <key> <file>` takes). */
export const DATA_IMPORT_SOURCES: readonly DataImportSource[] = [arcepFibre, arcepDebit, mediationNumerique, dataGouvOrganisations, dataGouvDatasets, contours];

export function findSource(key: string): DataImportSource | undefined {
  return DATA_IMPORT_SOURCES.find((s) => s.key === key);
}
