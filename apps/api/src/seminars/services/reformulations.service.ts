import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { highlightAdditions } from '@essaim/domain';
import { DataSource, In, Repository } from 'typeorm';
import type { RequestContext } from '../../common/auth/request-context';
import { badInput, notFound } from '../../common/errors';
import { groupByKeys, loaderFor } from '../../common/loaders';
import { DomainEvents } from '../../events/domain-events.service';
import { Reformulation } from '../entities/reformulation.entity';
import { Stake } from '../entities/stake.entity';
import { Workshop } from '../entities/workshop.entity';
import { StakeStatus, VotingState } from '../models/enums';
import { ReformulationAdopted, ReformulationProposed, ReformulationSupported, StakeProposalChanged } from '../seminar.events';
import { SeminarAccessService } from './seminar-access.service';
import { SeminarsService } from './seminars.service';
import { rawQuery } from '../../database/sql';

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Reformulations (propose, support, adopt) and stakes proposed by participants ("+" rows). */
@Injectable()
export class ReformulationsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Reformulation) private readonly reformulations: Repository<Reformulation>,
    private readonly seminars: SeminarsService,
    private readonly access: SeminarAccessService,
    private readonly events: DomainEvents,
  ) {}

  async propose(ctx: RequestContext, stakeId: number, rawText: string): Promise<Reformulation> {
    const stake = await this.seminars.getStake(stakeId);
    const seminarId = stake.workshop.seminarId;
    const manager = await this.access.canManage(ctx, seminarId);
    const participant = manager ? await this.access.participantIn(ctx, seminarId) : await this.access.requireParticipant(ctx, seminarId);
    this.refuseWhenClosed(stake.workshop, { fr: 'proposer une reformulation', en: 'propose a reformulation' });
    const text = clean(rawText);
    if (text.length < 3) throw badInput('REFORMULATION_TOO_SHORT');
    if (text === stake.text) throw badInput('REFORMULATION_UNCHANGED');
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Reformulation);
      const saved = await repo.save(repo.create({ stakeId, participantId: participant?.id ?? null, text, supports: 0, adopted: false }));
      await this.events.record(manager, new ReformulationProposed(stake.workshopId));
      return saved;
    });
  }

  /** Idempotent: supporting twice counts once (unique key). */
  async support(ctx: RequestContext, id: number): Promise<Reformulation> {
    const reformulation = await this.reformulations.findOne({ where: { id }, relations: { stake: { workshop: true } } });
    const workshop = reformulation?.stake?.workshop;
    if (!reformulation || !workshop) throw notFound('REFORMULATION_NOT_FOUND');
    const participant = await this.access.requireParticipant(ctx, workshop.seminarId);
    this.refuseWhenClosed(workshop, { fr: 'soutenir une reformulation', en: 'support a reformulation' });
    const updated = await this.dataSource.transaction(async (manager) => {
      await rawQuery(
        manager,
        `INSERT INTO "seminar_reformulation_support" ("reformulationId", "participantId") VALUES ($1, $2)
         ON CONFLICT ("reformulationId", "participantId") DO NOTHING`,
        [id, participant.id],
      );
      await rawQuery(
        manager,
        `UPDATE "seminar_reformulation" SET "supports" = (SELECT COUNT(*) FROM "seminar_reformulation_support" WHERE "reformulationId" = $1) WHERE "id" = $1`,
        [id],
      );
      // Raw SQL above: recorded by hand (read cache, live subscribers; see VotesService.cast).
      await this.events.record(manager, new ReformulationSupported(workshop.id, id));
      return manager.getRepository(Reformulation).findOneByOrFail({ id });
    });
    return updated;
  }

  /** The stake takes the reformulation's wording; the original wording stays in `originalText`. */
  async adopt(ctx: RequestContext, id: number): Promise<Stake> {
    const reformulation = await this.reformulations.findOne({ where: { id }, relations: { stake: { workshop: true } } });
    const stake = reformulation?.stake;
    if (!reformulation || !stake?.workshop) throw notFound('REFORMULATION_NOT_FOUND');
    await this.access.requireManager(ctx, stake.workshop.seminarId);
    const emphasis = highlightAdditions(stake.originalText, reformulation.text);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Reformulation).update({ stakeId: stake.id }, { adopted: false });
      await manager.getRepository(Reformulation).update({ id }, { adopted: true });
      await manager.getRepository(Stake).update({ id: stake.id }, { text: reformulation.text, emphasis });
      await this.events.record(manager, new ReformulationAdopted(stake.workshopId, stake.id));
    });
    const { workshop: _workshop, ...plain } = stake;
    return Object.assign(new Stake(), plain, { text: reformulation.text, emphasis });
  }

  /** A participant's new stake waits for the facilitator; a facilitator's is accepted at once. */
  async proposeStake(ctx: RequestContext, workshopId: number, rawText: string): Promise<Stake> {
    const workshop = await this.seminars.getWorkshop(workshopId);
    const manager = await this.access.canManage(ctx, workshop.seminarId);
    const participant = manager ? await this.access.participantIn(ctx, workshop.seminarId) : await this.access.requireParticipant(ctx, workshop.seminarId);
    this.refuseWhenClosed(workshop, { fr: 'proposer un enjeu', en: 'propose a stake' });
    const text = clean(rawText);
    if (text.length < 3) throw badInput('STAKE_TOO_SHORT');
    const stake = await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(Stake);
      const number = manager ? (await this.seminars.maxNumber(repo, workshopId)) + 1 : 0;
      const saved = await repo.save(
        repo.create({
          workshopId,
          number,
          text,
          originalText: text,
          isAddition: true,
          status: manager ? StakeStatus.ACCEPTED : StakeStatus.PROPOSED,
          emphasis: null,
          proposedById: participant?.id ?? null,
        }),
      );
      await this.events.record(em, new StakeProposalChanged(workshopId, saved.id, !!manager));
      return saved;
    });
    return stake;
  }

  /** Facilitators accept a proposed stake into the workshop (numbered after the others) or reject it. */
  async moderateStake(ctx: RequestContext, stakeId: number, accept: boolean): Promise<Stake> {
    const stake = await this.seminars.getStake(stakeId);
    await this.access.requireManager(ctx, stake.workshop.seminarId);
    if (stake.status !== StakeStatus.PROPOSED) throw badInput('STAKE_ALREADY_HANDLED');
    const changes = await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(Stake);
      const next = accept
        ? { status: StakeStatus.ACCEPTED, number: (await this.seminars.maxNumber(repo, stake.workshopId)) + 1 }
        : { status: StakeStatus.REJECTED };
      await repo.update({ id: stake.id, status: StakeStatus.PROPOSED }, next);
      await this.events.record(em, new StakeProposalChanged(stake.workshopId, stake.id, accept));
      return next;
    });
    const { workshop: _workshop, ...plain } = stake;
    return Object.assign(new Stake(), plain, changes);
  }

  reformulationsOf(ctx: Pick<RequestContext, 'loaders'>, stakeId: number): Promise<Reformulation[]> {
    return loaderFor<number, Reformulation[]>(ctx, 'seminar-reformulations', async (ids) =>
      groupByKeys(ids, await this.reformulations.find({ where: { stakeId: In([...ids]) }, order: { id: 'ASC' } }), (r) => r.stakeId),
    ).load(stakeId) as Promise<Reformulation[]>;
  }

  private refuseWhenClosed(workshop: Workshop, action: { fr: string; en: string }): void {
    if (workshop.state === VotingState.CLOSED) throw badInput('WORKSHOP_CLOSED_FOR', { action });
  }
}
