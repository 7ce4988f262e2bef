import type { ResultOf } from '$lib/graphql/graphql';
import type { SeminarQuery } from './operations';

export type SeminarData = NonNullable<ResultOf<typeof SeminarQuery>['seminar']>;
export type WorkshopData = SeminarData['workshops'][number];
export type StakeData = WorkshopData['stakes'][number];

/** What a live update carries (see WORKSHOP_LIVE_SUBSCRIPTION). */
export interface LiveWorkshop {
  id: string;
  state: 'DRAFT' | 'OPEN' | 'CLOSED';
  resultsVisibility: 'LIVE' | 'AFTER_CLOSE' | 'HIDDEN';
  stakes: {
    id: string;
    number: number;
    text: string;
    isAddition: boolean;
    /** Sent to phones (WORKSHOP_STATE_SUBSCRIPTION), so a new rewording shows without a reload. */
    reformulations?: { id: string; text: string; supports: number }[];
    results: {
      count: number;
      mean: number | null;
      formatted: string;
      divergent: boolean;
      byGroup: { group: { id: string; name: string }; mean: number | null; count: number; formatted: string }[];
    } | null;
  }[];
}
