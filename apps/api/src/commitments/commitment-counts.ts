import { isLate } from './commitment-progress';

/** How many commitments fall in each bucket; the buckets are exclusive and add up to `total`. */
export interface CommitmentTally {
  total: number;
  toStart: number;
  inProgress: number;
  late: number;
  done: number;
  abandoned: number;
}

export const emptyTally = (): CommitmentTally => ({ total: 0, toStart: 0, inProgress: 0, late: 0, done: 0, abandoned: 0 });

/**
 * Counts commitments for the yearly view. A late one (target date passed, neither done nor
 * abandoned) counts as late only, not also as "à lancer" or "en cours", so a row adds up.
 */
export function tally(commitments: readonly { status: string; targetDate: Date | null }[], now = new Date()): CommitmentTally {
  const out = emptyTally();
  for (const c of commitments) {
    out.total++;
    if (isLate(c, now)) out.late++;
    else if (c.status === 'DONE') out.done++;
    else if (c.status === 'ABANDONED') out.abandoned++;
    else if (c.status === 'IN_PROGRESS') out.inProgress++;
    else out.toStart++;
  }
  return out;
}

/** The calendar year of a date as read in France (Europe/Paris), not in the server's time zone. */
export function parisYear(date: Date): number {
  return Number(new Intl.DateTimeFormat('fr-FR', { year: 'numeric', timeZone: 'Europe/Paris' }).format(date));
}
