import type { TextSegment } from '@essaim/domain';

/** The seminar's tables as the 2018 minutes print them, before choosing a format. */
export interface MinutesModel {
  title: string;
  date: Date;
  place: string | null;
  workshops: MinutesTable[];
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
