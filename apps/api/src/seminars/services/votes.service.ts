import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/auth/request-context';
import { badInput, notFound } from '../../common/errors';
import { DomainEvents } from '../../events/domain-events.service';
import { StakeStatus, VotingState } from '../models/enums';
import { Score } from '../models/results.model';
import { VoteCast } from '../seminar.events';
import { SeminarAccessService } from './seminar-access.service';
import { rawQuery } from '../../database/sql';

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
    private readonly events: DomainEvents,
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
    // Raw SQL is not seen by the ORM: recorded by hand, so the read cache drops the old results
    // and live subscribers get the new ones (one statement, already committed: handlers run now).
    await this.events.record(this.dataSource.manager, new VoteCast(place.workshopId, stakeId));
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
