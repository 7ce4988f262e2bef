import type { TextSegment } from '@essaim/domain';

/** The seminar's tables as the 2018 minutes print them, before choosing a format. */
export interface MinutesModel {
  title: string;
  date: Date;
  place: string | null;
  workshops: MinutesTable[];
  /** "Suites données": the commitments made from this seminar (empty: no section). */
  followUps: MinutesFollowUp[];
}

/** A commitment as the minutes list it. */
export interface MinutesFollowUp {
  title: string;
  /** "à lancer", "en cours", "réalisé", "abandonné" (with the reason after a dash). */
  status: string;
  /** 0 to 100. */
  progress: number;
  late: boolean;
  lead: string | null;
  targetDate: Date | null;
}

export interface MinutesTable {
  title: string;
  /** One "Note attribuée" column per group that scored in this workshop. */
  groups: string[];
  rows: MinutesRow[];
}

export interface MinutesRow {
  /** "1", "2"… or "+" for a stake added during the workshop. */
  label: string;
  /** The stake as first written (the "Enjeux" column). */
  text: string;
  /** One formatted score per group column: "4,5/5", "-" without scores. */
  scores: string[];
  /** The adopted reformulation with its additions, or null. */
  reformulation: TextSegment[] | null;
}

export const MINUTES_HEADERS = { number: 'N°', stake: 'Enjeux', score: 'Note attribuée', reformulation: 'Reformulation proposée' } as const;
export const HIDDEN_SCORE = '(masqué)';

export function formatSeminarDate(date: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'Europe/Paris' }).format(date);
}

export const FOLLOW_UPS = {
  title: 'Suites données',
  headers: { commitment: 'Engagement', status: 'Statut', progress: 'Avancement', lead: 'Porteur', target: 'Échéance' },
  late: 'en retard',
} as const;

/** "30 juin 2027" */
export function formatShortDate(date: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(date);
}

/** The cells of a follow-up row, shared by the Markdown and HTML minutes. */
export function followUpCells(f: MinutesFollowUp): { status: string; progress: string; lead: string; target: string } {
  return {
    status: f.late ? `${f.status} (${FOLLOW_UPS.late})` : f.status,
    progress: `${f.progress} %`,
    lead: f.lead ?? '—',
    target: f.targetDate ? formatShortDate(f.targetDate) : '—',
  };
}
