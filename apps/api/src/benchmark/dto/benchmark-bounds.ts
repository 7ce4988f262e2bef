/** Shared input bounds of the benchmark feature. */
export { TERRITORY_CODE_PATTERN } from '../../common/validation/ids';
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
export const MAX_PEER_CODES = 300;
export const MAX_SOURCE_LENGTH = 300;
/** About 10 000 lines of `indicateur;territoire;annee;valeur;source`: under the 1 MB body limit. */
export const MAX_CSV_LENGTH = 900_000;
export const MAX_CSV_LINES = 10_000;
