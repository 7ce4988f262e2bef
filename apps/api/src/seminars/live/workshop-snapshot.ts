import type { TextSegment } from '@essaim/domain';
import type { StakeResults } from '../models/results.model';
import type { ResultsVisibility, StakeStatus, VotingState } from '../models/enums';

/**
 * What one publication carries (JSON, so it crosses Redis unchanged): the workshop with every
 * stake's results. Each subscriber then sees a copy with results removed where it may not.
 */
export interface WorkshopSnapshot {
  workshop: { id: number; seminarId: number; title: string; position: number; state: VotingState; resultsVisibility: ResultsVisibility };
  stakes: SnapshotStake[];
  proposed: SnapshotStake[];
  /** Milliseconds since the epoch when the snapshot was read. */
  at: number;
}

export interface SnapshotStake {
  id: number;
  workshopId: number;
  number: number;
  text: string;
  originalText: string;
  isAddition: boolean;
  status: StakeStatus;
  emphasis: TextSegment[] | null;
  results: StakeResults;
  reformulations: { id: number; stakeId: number; text: string; supports: number; adopted: boolean }[];
}

/** Marks objects already resolved from a snapshot, so field resolvers do not query again. */
export const LIVE = '__live';
