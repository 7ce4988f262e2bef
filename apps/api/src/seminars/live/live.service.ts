import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { RequestContext } from '../../common/auth/request-context';
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
import { LatestValueIterator } from '../../graphql/live/async-queue';
import { markShared } from '../../graphql/live/shared-execution';
import { LIVE, LIVE_SHARED_FIELDS, LiveAudience, SnapshotStake, WorkshopSnapshot } from './workshop-snapshot';

/** At most one publication per workshop in this window (per process): ~5 updates a second. */
export const COALESCE_MS = 200;

const channel = (workshopId: number) => `seminar:workshop:${workshopId}`;

/** Subscribers served per turn of the event loop during a fan-out. */
const FANOUT_CHUNK = 100;
/** A publication this recent serves as the first value of a new subscription. */
const INITIAL_REUSE_MS = 1_000;

interface Subscriber {
  audience: LiveAudience;
  /** The newest publication pushed to it, and its `at`. */
  last: Publication | null;
  latestAt: number;
  iterator: LatestValueIterator<object>;
}

interface Publication {
  snapshot: WorkshopSnapshot;
  /** One view per audience, built on first use: every subscriber of an audience gets the same object. */
  views: Map<LiveAudience, object>;
  receivedAt: number;
}

/** This process's subscribers of one workshop, behind one pub/sub subscription. */
interface Hub {
  workshopId: number;
  subscribers: Set<Subscriber>;
  ready: Promise<void>;
  unsubscribe: (() => Promise<void>) | null;
  /** The newest publication received or read (first value for newcomers). */
  current: Publication | null;
  /** A snapshot read in progress for newcomers. */
  initial: Promise<Publication | null> | null;
  /** A fan-out pass is running; `again`: the current publication changed during it. */
  fanningOut: boolean;
  again: boolean;
}

interface FlushState {
  timer: NodeJS.Timeout | null;
  lastFlush: number;
  flushing: boolean;
  dirty: boolean;
}

/**
 * Live workshop updates. Writers call `touch(workshopId)`; a coalescing timer reads one
 * snapshot (state, stakes, results) and publishes it through the pub/sub port, so a burst of
 * a thousand votes costs a handful of reads and messages. Each process holds one pub/sub
 * subscription per followed workshop (a hub); a received snapshot becomes one view object per
 * audience (MANAGER, PUBLIC), pushed to the local subscribers of that audience, and
 * graphql-ws executes each (view, document, variables) once for all of them
 * (see shared-execution.ts and docs/seminars.md).
 */
@Injectable()
export class LiveService implements OnModuleDestroy {
  private readonly logger = new Logger(LiveService.name);
  private readonly flushes = new Map<number, FlushState>();
  private readonly hubs = new Map<number, Hub>();
  private closed = false;
  private readonly offReconnect: () => void;

  constructor(
    @Inject(PUBSUB) private readonly pubsub: PubSubPort,
    @InjectRepository(SeminarGroup) private readonly groups: Repository<SeminarGroup>,
    @InjectRepository(Reformulation) private readonly reformulations: Repository<Reformulation>,
    @InjectRepository(Workshop) private readonly workshops: Repository<Workshop>,
    private readonly seminars: SeminarsService,
    private readonly results: ResultsService,
    private readonly access: SeminarAccessService,
  ) {
    // Snapshots published while Redis was away reached only their own process: every process
    // republishes the workshops it follows, so all subscribers catch up.
    this.offReconnect = this.pubsub.onReconnect(() => {
      for (const workshopId of this.hubs.keys()) this.touch(workshopId, true);
    });
  }

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
      results: this.results.toResults(
        counts.filter((c) => c.stakeId === stake.id),
        groups,
      ),
      reformulations: reformulations
        .filter((r) => r.stakeId === stake.id)
        .map((r) => ({ id: r.id, stakeId: r.stakeId, text: r.text, supports: r.supports, adopted: r.adopted })),
    });
    return {
      workshop: {
        id: workshop.id,
        seminarId: workshop.seminarId,
        title: workshop.title,
        position: workshop.position,
        state: workshop.state,
        resultsVisibility: workshop.resultsVisibility,
      },
      stakes: stakes.map(toSnapshot),
      proposed: proposed.map(toSnapshot),
      at,
    };
  }

  /**
   * A subscription for one viewer. Anyone may follow a workshop: what they receive is what the
   * public `seminar` query shows them over HTTP (see `LiveAudience`), facilitators of the
   * seminar see everything. The first value is the current state, then every coalesced update.
   */
  async subscribe(ctx: RequestContext, workshop: Workshop): Promise<AsyncIterableIterator<object>> {
    const canManage = await this.access.canManage(ctx, workshop.seminarId);
    const hub = this.hubFor(workshop.id);
    const subscriber: Subscriber = {
      audience: canManage ? 'MANAGER' : 'PUBLIC',
      last: null,
      latestAt: 0,
      iterator: new LatestValueIterator<object>(() => this.leave(hub, subscriber)),
    };
    hub.subscribers.add(subscriber);
    try {
      await hub.ready;
      const initial = await this.initialPublication(hub);
      if (initial) this.deliver(subscriber, initial);
    } catch (error) {
      void subscriber.iterator.return();
      throw error;
    }
    return subscriber.iterator;
  }

  /** How many subscriptions this process serves for a workshop (tests, diagnostics). */
  localSubscribers(workshopId: number): number {
    return this.hubs.get(workshopId)?.subscribers.size ?? 0;
  }

  // ------------------------------------------------------------------ local fan-out

  /** One pub/sub subscription per workshop and process, shared by its local subscribers. */
  private hubFor(workshopId: number): Hub {
    const existing = this.hubs.get(workshopId);
    if (existing) return existing;
    const hub: Hub = {
      workshopId,
      subscribers: new Set(),
      ready: Promise.resolve(),
      unsubscribe: null,
      current: null,
      initial: null,
      fanningOut: false,
      again: false,
    };
    hub.ready = this.pubsub
      .subscribe(channel(workshopId), (payload) => this.receive(hub, payload as WorkshopSnapshot))
      .then((unsubscribe) => {
        hub.unsubscribe = unsubscribe;
        // Everybody left while we were subscribing.
        if (this.hubs.get(workshopId) !== hub) void unsubscribe().catch(() => undefined);
      });
    hub.ready.catch(() => {
      if (this.hubs.get(workshopId) === hub) this.hubs.delete(workshopId);
    });
    this.hubs.set(workshopId, hub);
    return hub;
  }

  private leave(hub: Hub, subscriber: Subscriber): void {
    hub.subscribers.delete(subscriber);
    if (hub.subscribers.size > 0 || this.hubs.get(hub.workshopId) !== hub) return;
    this.hubs.delete(hub.workshopId);
    void hub.ready.then(() => hub.unsubscribe?.()).catch(() => undefined);
  }

  /** A snapshot from the pub/sub port (this process or another): it becomes current if newer, then fan out. */
  private receive(hub: Hub, snapshot: WorkshopSnapshot): void {
    if (this.hubs.get(hub.workshopId) !== hub) return;
    // An older snapshot (crossing publications, or older than a newcomer's read) is not sent:
    // the pass below brings whoever is behind up to the newest one instead.
    if (!hub.current || snapshot.at >= hub.current.snapshot.at) hub.current = { snapshot, views: new Map(), receivedAt: Date.now() };
    this.fanOut(hub);
  }

  /**
   * Brings every local subscriber up to the hub's current publication, in passes over the
   * subscribers in subscription order, FANOUT_CHUNK of them per turn of the event loop: votes
   * arriving meanwhile are acknowledged without waiting for thousands of sends. A publication
   * received during a pass is what the rest of that pass delivers, and another pass follows
   * for those served before it. So a pass always reaches the last subscriber (nobody starves
   * when updates come faster than a pass), and when passes take longer than the coalescing
   * window each subscriber simply receives fewer, fresher updates.
   */
  private fanOut(hub: Hub): void {
    if (hub.fanningOut) {
      hub.again = true;
      return;
    }
    hub.fanningOut = true;
    const pass = () => {
      hub.again = false;
      const subscribers = [...hub.subscribers];
      let next = 0;
      const step = () => {
        const current = hub.current;
        if (!current || this.hubs.get(hub.workshopId) !== hub) {
          hub.fanningOut = false;
          return;
        }
        const end = Math.min(subscribers.length, next + FANOUT_CHUNK);
        for (; next < end; next++) this.deliver(subscribers[next], current);
        if (next < subscribers.length) setImmediate(step);
        else if (hub.again) setImmediate(pass);
        else hub.fanningOut = false;
      };
      step();
    };
    pass();
  }

  private deliver(subscriber: Subscriber, publication: Publication): void {
    // Snapshots from several processes, or an initial read, may cross: never go back in time.
    if (publication === subscriber.last || publication.snapshot.at < subscriber.latestAt) return;
    subscriber.last = publication;
    subscriber.latestAt = publication.snapshot.at;
    subscriber.iterator.push(viewFor(publication, subscriber.audience));
  }

  /**
   * The first value of a new subscription. Subscribers joining together share one read; a
   * publication received moments ago is reused (the hub was subscribed all along, so any later
   * change reaches the newcomer as an update).
   */
  private initialPublication(hub: Hub): Promise<Publication | null> {
    const current = hub.current;
    if (current && Date.now() - current.receivedAt <= INITIAL_REUSE_MS) return Promise.resolve(current);
    hub.initial ??= this.snapshot(hub.workshopId)
      .then((snapshot) => {
        if (!snapshot) return null;
        const publication: Publication = { snapshot, views: new Map(), receivedAt: Date.now() };
        if (!hub.current || snapshot.at >= hub.current.snapshot.at) hub.current = publication;
        return publication;
      })
      .finally(() => (hub.initial = null));
    return hub.initial;
  }

  onModuleDestroy(): void {
    this.closed = true;
    this.offReconnect();
    for (const state of this.flushes.values()) if (state.timer) clearTimeout(state.timer);
    this.flushes.clear();
    for (const hub of this.hubs.values()) void hub.ready.then(() => hub.unsubscribe?.()).catch(() => undefined);
    this.hubs.clear();
  }
}

/** The view of a publication for an audience: built once, shared by all its subscribers. */
function viewFor(publication: Publication, audience: LiveAudience): object {
  let view = publication.views.get(audience);
  if (!view) {
    view = markShared(forViewer(publication.snapshot, audience === 'MANAGER'), { audience, fields: LIVE_SHARED_FIELDS });
    publication.views.set(audience, view);
  }
  return view;
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
