import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { RateLimiter } from '../../common/rate-limit';
import { joinLimitFromEnv } from './join-limit';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { User } from '../../accounts/user.entity';
import type { RequestContext } from '../../common/auth/request-context';
import { forbidden, unauthenticated } from '../../common/errors';
import { loaderFor } from '../../common/loaders';
import { Participant } from '../entities/participant.entity';
import { SeminarFacilitator } from '../entities/seminar-facilitator.entity';
import { hashParticipantToken, isPlausibleToken } from '../../common/auth/participant-token';

export interface SeminarViewerState {
  user: User | null;
  canManage: boolean;
  participant: Participant | null;
}

type Ctx = Pick<RequestContext, 'auth' | 'loaders' | 'participantToken'>;

/**
 * Record-level checks for seminars: who manages a seminar (admins, its facilitators) and which
 * participant the request speaks for (participant token, or the logged-in user's link).
 * Everything is cached per request.
 */

/** How long an anonymous participant token works after joining (RGPD: it is only needed during the seminar). */
export const PARTICIPANT_TOKEN_TTL_MS = 7 * 24 * 3_600_000;

const unlocked = (ctx: Pick<RequestContext, 'loaders'>): Set<number> => {
  let set = ctx.loaders.get('seminar:unlocked-codes') as Set<number> | undefined;
  if (!set) ctx.loaders.set('seminar:unlocked-codes', (set = new Set()));
  return set;
};

@Injectable()
export class SeminarAccessService {
  private readonly codeLookups = new RateLimiter(joinLimitFromEnv(), 10 * 60_000);

  constructor(
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    @InjectRepository(SeminarFacilitator) private readonly facilitators: Repository<SeminarFacilitator>,
  ) {}

  async viewer(ctx: Ctx, seminarId: number): Promise<SeminarViewerState> {
    const { user } = await ctx.auth();
    const [canManage, participant] = await Promise.all([this.canManage(ctx, seminarId), this.participantIn(ctx, seminarId)]);
    return { user, canManage, participant };
  }

  /** Join codes are for facilitators, participants and whoever just typed the code. */
  async maySeeJoinCode(ctx: Ctx, seminarId: number): Promise<boolean> {
    if (unlocked(ctx).has(seminarId)) return true;
    const [canManage, participant] = await Promise.all([this.canManage(ctx, seminarId), this.participantIn(ctx, seminarId)]);
    return canManage || !!participant;
  }

  unlockCode(ctx: Ctx, seminarId: number): void {
    unlocked(ctx).add(seminarId);
  }

  /** Code lookups are throttled per IP, like joins: codes cannot be enumerated. */
  throttleCodeLookup(ctx: Pick<RequestContext, 'ip'>): void {
    this.codeLookups.consume(createHash('sha256').update(`code:${ctx.ip}`).digest('hex'));
  }

  async canManage(ctx: Ctx, seminarId: number): Promise<boolean> {
    const { user } = await ctx.auth();
    if (!user) return false;
    if (user.role === 'ADMIN') return true;
    const row = await loaderFor<number, SeminarFacilitator>(ctx, `seminar-facilitator:${user.id}`, async (ids) => {
      const rows = await this.facilitators.findBy({ userId: user.id, seminarId: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.seminarId === id) ?? null);
    }).load(seminarId);
    return !!row;
  }

  async requireManager(ctx: Ctx, seminarId: number): Promise<User> {
    const { user } = await ctx.auth();
    if (!user) throw unauthenticated();
    if (!(await this.canManage(ctx, seminarId))) {
      throw forbidden('FACILITATORS_ONLY');
    }
    return user;
  }

  /** The participant whose token came with the request (any seminar), or null. */
  async tokenParticipant(ctx: Ctx): Promise<Participant | null> {
    if (!isPlausibleToken(ctx.participantToken)) return null;
    const token = ctx.participantToken;
    return loaderFor<string, Participant>(ctx, 'seminar-token', async (tokens) => {
      const rows = await this.participants.findBy({ tokenHash: In(tokens.map(hashParticipantToken)) });
      const validSince = Date.now() - PARTICIPANT_TOKEN_TTL_MS;
      // Anonymous tokens only serve the seminar itself: they stop working a week after joining.
      return tokens.map((t) => rows.find((r) => r.tokenHash === hashParticipantToken(t) && r.createdAt.getTime() >= validSince) ?? null);
    }).load(token);
  }

  /** The request's participant in this seminar: its token's, else the logged-in user's link. */
  async participantIn(ctx: Ctx, seminarId: number): Promise<Participant | null> {
    const byToken = await this.tokenParticipant(ctx);
    if (byToken?.seminarId === seminarId) return byToken;
    const { user } = await ctx.auth();
    if (!user) return null;
    return loaderFor<number, Participant>(ctx, `seminar-participant-user:${user.id}`, async (ids) => {
      const rows = await this.participants.findBy({ userId: user.id, seminarId: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.seminarId === id) ?? null);
    }).load(seminarId);
  }

  /** Voting and proposing need a participant of this very seminar. */
  async requireParticipant(ctx: Ctx, seminarId: number): Promise<Participant> {
    const participant = await this.participantIn(ctx, seminarId);
    if (participant) return participant;
    if (ctx.participantToken && !(await this.tokenParticipant(ctx))) {
      throw unauthenticated('PARTICIPANT_TOKEN_UNKNOWN');
    }
    throw forbidden('JOIN_SEMINAR_FIRST');
  }
}
