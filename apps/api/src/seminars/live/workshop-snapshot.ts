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

/**
 * Who a live update is built for. Everything a subscriber may see follows from its audience:
 * MANAGER (admins and facilitators of the seminar) sees every result and the proposed stakes;
 * PUBLIC (participants, the anonymous projector, any other visitor) sees what the public
 * `seminar` query shows over HTTP: results only when the workshop's visibility allows them,
 * no proposed stakes. A subscription's audience is fixed when it starts.
 */
export type LiveAudience = 'MANAGER' | 'PUBLIC';

/**
 * Fields reachable from `Subscription.workshopUpdated` whose value follows from the update
 * object alone (or from the database, the same for everybody): a subscription selecting only
 * these shares one execution per update with every subscriber of its audience. Anything not
 * listed (e.g. `Stake.myScore`, which is the viewer's own) makes the subscription execute per
 * subscriber. apps/api/test/seminar-live.int-spec.ts checks that every reachable field is
 * classified here or in LIVE_VIEWER_FIELDS, so a new field is a conscious choice.
 */
export const LIVE_SHARED_FIELDS: ReadonlySet<string> = new Set([
  'Workshop.id',
  'Workshop.seminarId',
  'Workshop.title',
  'Workshop.state',
  'Workshop.resultsVisibility',
  'Workshop.stakes',
  'Workshop.proposedStakes',
  'Stake.id',
  'Stake.workshopId',
  'Stake.number',
  'Stake.text',
  'Stake.originalText',
  'Stake.isAddition',
  'Stake.status',
  'Stake.emphasis',
  'Stake.results',
  'Stake.reformulations',
  'TextSegmentModel.text',
  'TextSegmentModel.added',
  'StakeResults.mean',
  'StakeResults.count',
  'StakeResults.byGroup',
  'StakeResults.distribution',
  'StakeResults.divergent',
  'StakeResults.formatted',
  'GroupScore.group',
  'GroupScore.mean',
  'GroupScore.count',
  'GroupScore.formatted',
  'Group.id',
  'Group.name',
  'Group.participantCount',
  'Reformulation.id',
  'Reformulation.stakeId',
  'Reformulation.text',
  'Reformulation.supports',
  'Reformulation.adopted',
]);

/** Fields whose value depends on who asks: never shared. */
export const LIVE_VIEWER_FIELDS: ReadonlySet<string> = new Set(['Stake.myScore']);
