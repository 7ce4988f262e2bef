import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/auth/request-context';
import { badInput, notFound } from '../../common/errors';
import { contentChanged } from '../../read-cache/content-version';
import { LiveService } from '../live/live.service';
import { StakeStatus, VotingState } from '../models/enums';
import { Score } from '../models/results.model';
import { SeminarAccessService } from './seminar-access.service';
import { rawQuery } from './sql';

interface StakePlace {
  workshopId: number;
  seminarId: number;
}

/** A stake never moves to another workshop, so where it lives can be cached for the process. */
const PLACE_CACHE_LIMIT = 50_000;

/**
 * Votes are one statement: an upsert on the (participant, stake) unique key that inserts only
 * when the stake is accepted and its workshop OPEN, checked in the same statement so that a
 * vote racing with "close" is either counted before it or refused, never half-applied.
 */
@Injectable()
export class VotesService {
  private readonly places = new Map<number, StakePlace>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SeminarAccessService,
    private readonly live: LiveService,
  ) {}

  async cast(ctx: RequestContext, stakeId: number, value: number): Promise<Score> {
    const place = await this.placeOf(stakeId);
    const participant = await this.access.requireParticipant(ctx, place.seminarId);
    const rows = await rawQuery<{ id: number }>(
      this.dataSource.manager,
      `INSERT INTO "seminar_score" ("stakeId", "participantId", "groupId", "value", "updatedAt")
       SELECT "s"."id", $2, $3, $4, $5 FROM "seminar_stake" "s"
       INNER JOIN "seminar_workshop" "w" ON "w"."id" = "s"."workshopId"
       WHERE "s"."id" = $1 AND "s"."status" = $6 AND "w"."state" = $7
       ON CONFLICT ("participantId", "stakeId") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"
       RETURNING "id"`,
      [stakeId, participant.id, participant.groupId, value, new Date(), StakeStatus.ACCEPTED, VotingState.OPEN],
    );
    if (rows.length === 0) await this.explainRefusal(stakeId);
    // Raw SQL escapes the entity subscriber that tells the anonymous read cache: say it here,
    // or the public seminar page over HTTP would show the old results for up to its TTL.
    contentChanged.notify();
    this.live.touch(place.workshopId);
    return { stakeId: String(stakeId), value };
  }

  private async placeOf(stakeId: number): Promise<StakePlace> {
    const cached = this.places.get(stakeId);
    if (cached) return cached;
    const [row] = await rawQuery<{ workshopId: number; seminarId: number }>(
      this.dataSource.manager,
      `SELECT "s"."workshopId" AS "workshopId", "w"."seminarId" AS "seminarId" FROM "seminar_stake" "s"
       INNER JOIN "seminar_workshop" "w" ON "w"."id" = "s"."workshopId" WHERE "s"."id" = $1`,
      [stakeId],
    );
    if (!row) throw notFound('STAKE_NOT_FOUND');
    const place = { workshopId: Number(row.workshopId), seminarId: Number(row.seminarId) };
    if (this.places.size >= PLACE_CACHE_LIMIT) this.places.clear();
    this.places.set(stakeId, place);
    return place;
  }

  /** Nothing was written: say why, in words the participant understands. */
  private async explainRefusal(stakeId: number): Promise<never> {
    const [row] = await rawQuery<{ status: string; state: string }>(
      this.dataSource.manager,
      `SELECT "s"."status" AS "status", "w"."state" AS "state" FROM "seminar_stake" "s"
       INNER JOIN "seminar_workshop" "w" ON "w"."id" = "s"."workshopId" WHERE "s"."id" = $1`,
      [stakeId],
    );
    if (!row) throw notFound('STAKE_NOT_FOUND');
    if (row.status !== StakeStatus.ACCEPTED) throw badInput('STAKE_NOT_ACCEPTED');
    if (row.state === VotingState.CLOSED) throw badInput('WORKSHOP_CLOSED');
    throw badInput('WORKSHOP_NOT_OPEN');
  }
}
