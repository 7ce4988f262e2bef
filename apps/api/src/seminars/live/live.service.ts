import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { RequestContext } from '../../common/auth/request-context';
import { forbidden } from '../../common/errors';
import { PUBSUB, PubSubPort } from '../../pubsub/pubsub.port';
import { SeminarGroup } from '../entities/group.entity';
import { Reformulation } from '../entities/reformulation.entity';
import { Stake } from '../entities/stake.entity';
import { Workshop } from '../entities/workshop.entity';
import { StakeStatus } from '../models/enums';
import { ResultsService } from '../services/results.service';
import { SeminarAccessService } from '../services/seminar-access.service';
import { SeminarsService } from '../services/seminars.service';
import { resultsVisible } from '../services/visibility';
import { LatestValueIterator } from './async-queue';
import { LIVE, SnapshotStake, WorkshopSnapshot } from './workshop-snapshot';

/** At most one publication per workshop in this window (per process): ~5 updates a second. */
export const COALESCE_MS = 200;

const channel = (workshopId: number) => `seminar:workshop:${workshopId}`;

interface FlushState {
  timer: NodeJS.Timeout | null;
  lastFlush: number;
  flushing: boolean;
  dirty: boolean;
}

/**
 * Live workshop updates. Writers call `touch(workshopId)`; a coalescing timer reads one
 * snapshot (state, stakes, results) and publishes it through the pub/sub port, so a burst of
 * a thousand votes costs a handful of reads and messages. Subscribers on any process receive
 * the snapshot and each gets a copy filtered for what it may see.
 */
@Injectable()
export class LiveService implements OnModuleDestroy {
  private readonly logger = new Logger(LiveService.name);
  private readonly flushes = new Map<number, FlushState>();
  private closed = false;

  constructor(
    @Inject(PUBSUB) private readonly pubsub: PubSubPort,
    @InjectRepository(SeminarGroup) private readonly groups: Repository<SeminarGroup>,
    @InjectRepository(Reformulation) private readonly reformulations: Repository<Reformulation>,
    @InjectRepository(Workshop) private readonly workshops: Repository<Workshop>,
    private readonly seminars: SeminarsService,
    private readonly results: ResultsService,
    private readonly access: SeminarAccessService,
  ) {}

  /** Something changed in this workshop: publish soon (coalesced). `now` skips the wait (state changes). */
  touch(workshopId: number, now = false): void {
    if (this.closed) return;
    let state = this.flushes.get(workshopId);
    if (!state) this.flushes.set(workshopId, (state = { timer: null, lastFlush: 0, flushing: false, dirty: false }));
    state.dirty = true;
    if (state.flushing) return; // the running flush reschedules itself
    if (state.timer && !now) return;
    if (state.timer) clearTimeout(state.timer);
    const delay = now ? 0 : Math.max(0, state.lastFlush + COALESCE_MS - Date.now());
    state.timer = setTimeout(() => void this.flush(workshopId, state), delay);
  }

  private async flush(workshopId: number, state: FlushState): Promise<void> {
    state.timer = null;
    state.dirty = false;
    state.flushing = true;
    state.lastFlush = Date.now();
    try {
      const snapshot = await this.snapshot(workshopId);
      if (snapshot) await this.pubsub.publish(channel(workshopId), snapshot);
    } catch (error) {
      this.logger.warn(`Live update of workshop ${workshopId} failed: ${(error as Error).message}`);
    } finally {
      state.flushing = false;
      if (state.dirty && !this.closed) {
        state.timer = setTimeout(() => void this.flush(workshopId, state), Math.max(0, state.lastFlush + COALESCE_MS - Date.now()));
      }
    }
  }

  async snapshot(workshopId: number): Promise<WorkshopSnapshot | null> {
    const at = Date.now();
    const workshop = await this.workshops.findOneBy({ id: workshopId });
    if (!workshop) return null;
    const [stakes, proposed, groups] = await Promise.all([
      this.seminars.stakesFor([workshopId], StakeStatus.ACCEPTED),
      this.seminars.stakesFor([workshopId], StakeStatus.PROPOSED),
      this.groups.find({ where: { seminarId: workshop.seminarId }, order: { position: 'ASC', id: 'ASC' } }),
    ]);
    const all = [...stakes, ...proposed];
    const ids = all.map((s) => s.id);
    const [counts, reformulations] = await Promise.all([
      this.results.countsFor(ids),
      ids.length ? this.reformulations.find({ where: { stakeId: In(ids) }, order: { id: 'ASC' } }) : Promise.resolve([]),
    ]);
    const toSnapshot = (stake: Stake): SnapshotStake => ({
      id: stake.id,
      workshopId: stake.workshopId,
      number: stake.number,
      text: stake.text,
      originalText: stake.originalText,
      isAddition: stake.isAddition,
      status: stake.status,
      emphasis: stake.emphasis,
      results: this.results.toResults(counts.filter((c) => c.stakeId === stake.id), groups),
      reformulations: reformulations
        .filter((r) => r.stakeId === stake.id)
        .map((r) => ({ id: r.id, stakeId: r.stakeId, text: r.text, supports: r.supports, adopted: r.adopted })),
    });
    return {
      workshop: { id: workshop.id, seminarId: workshop.seminarId, title: workshop.title, position: workshop.position, state: workshop.state, resultsVisibility: workshop.resultsVisibility },
      stakes: stakes.map(toSnapshot),
      proposed: proposed.map(toSnapshot),
      at,
    };
  }

  /**
   * A subscription for one viewer: facilitators of the seminar and its participants only.
   * The first value is the current state, then every coalesced update.
   */
  async subscribe(ctx: RequestContext, workshop: Workshop): Promise<AsyncIterableIterator<object>> {
    const viewer = await this.access.viewer(ctx, workshop.seminarId);
    if (!viewer.canManage && !viewer.participant) throw forbidden("Rejoignez d'abord ce séminaire pour suivre cet atelier.");
    let unsubscribe: (() => Promise<void>) | null = null;
    let closed = false;
    const iterator = new LatestValueIterator<object>(() => {
      closed = true;
      void unsubscribe?.().catch(() => undefined);
    });
    let latestAt = 0;
    const deliver = (snapshot: WorkshopSnapshot) => {
      // Snapshots from several processes may cross: never go back in time.
      if (snapshot.at < latestAt) return;
      latestAt = snapshot.at;
      iterator.push(forViewer(snapshot, viewer.canManage));
    };
    unsubscribe = await this.pubsub.subscribe(channel(workshop.id), (payload) => deliver(payload as WorkshopSnapshot));
    if (closed) await unsubscribe();
    const initial = await this.snapshot(workshop.id);
    if (initial) deliver(initial);
    return iterator;
  }

  onModuleDestroy(): void {
    this.closed = true;
    for (const state of this.flushes.values()) if (state.timer) clearTimeout(state.timer);
    this.flushes.clear();
  }
}

/** The workshop as this viewer may see it: results removed unless visible to them. */
export function forViewer(snapshot: WorkshopSnapshot, canManage: boolean): object {
  const visible = resultsVisible(snapshot.workshop, canManage);
  const stake = (s: SnapshotStake) => ({ ...s, results: visible ? s.results : null, [LIVE]: true });
  return {
    ...snapshot.workshop,
    [LIVE]: true,
    stakes: snapshot.stakes.map(stake),
    proposedStakes: canManage ? snapshot.proposed.map(stake) : [],
  };
}
