import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { User } from '../../accounts/user.entity';
import type { RequestContext } from '../../common/auth/request-context';
import { badInput, conflict, notFound } from '../../common/errors';
import { byKeys, groupByKeys, loaderFor } from '../../common/loaders';
import { PageRequest } from '../../common/pagination/connection';
import { DomainEvents } from '../../events/domain-events.service';
import { SeminarInput } from '../dto/seminar.input';
import { SeminarGroup } from '../entities/group.entity';
import { SeminarFacilitator } from '../entities/seminar-facilitator.entity';
import { Seminar } from '../entities/seminar.entity';
import { Stake } from '../entities/stake.entity';
import { Workshop } from '../entities/workshop.entity';
import { StakeStatus } from '../models/enums';
import { StakesAdded, WorkshopSettingsChanged } from '../seminar.events';
import { newJoinCode, normaliseJoinCode } from './join-code';
import { isUniqueViolation } from '../../database/unique-violation';

type Loaders = Pick<RequestContext, 'loaders'>;

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Seminars, groups, workshops and stakes: creation and batched reads. */
@Injectable()
export class SeminarsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Seminar) private readonly seminars: Repository<Seminar>,
    @InjectRepository(SeminarGroup) private readonly groups: Repository<SeminarGroup>,
    @InjectRepository(Workshop) private readonly workshops: Repository<Workshop>,
    @InjectRepository(Stake) private readonly stakes: Repository<Stake>,
    private readonly events: DomainEvents,
  ) {}

  async create(input: SeminarInput, creator: User): Promise<Seminar> {
    const title = clean(input.title);
    if (title.length < 3) throw badInput('SEMINAR_TITLE_TOO_SHORT');
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await this.dataSource.transaction(async (manager) => {
          const seminar = await manager
            .getRepository(Seminar)
            .save(
              manager
                .getRepository(Seminar)
                .create({ title, date: input.date, place: input.place ? clean(input.place) : null, joinCode: newJoinCode(), createdById: creator.id }),
            );
          await manager.getRepository(SeminarFacilitator).insert({ seminarId: seminar.id, userId: creator.id });
          return seminar;
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // a join code already taken: draw another
      }
    }
    throw conflict('SEMINAR_CODE_EXHAUSTED');
  }

  async list(page: PageRequest): Promise<[Seminar[], number]> {
    return this.seminars.findAndCount({ order: { date: 'DESC', id: 'DESC' }, skip: page.offset, take: page.limit });
  }

  async get(id: number): Promise<Seminar> {
    const seminar = await this.seminars.findOneBy({ id });
    if (!seminar) throw notFound('SEMINAR_NOT_FOUND');
    return seminar;
  }

  findByCode(joinCode: string): Promise<Seminar | null> {
    const code = normaliseJoinCode(joinCode);
    return code ? this.seminars.findOneBy({ joinCode: code }) : Promise.resolve(null);
  }

  async getWorkshop(id: number): Promise<Workshop> {
    const workshop = await this.workshops.findOneBy({ id });
    if (!workshop) throw notFound('WORKSHOP_NOT_FOUND');
    return workshop;
  }

  async getStake(id: number): Promise<Stake & { workshop: Workshop }> {
    const stake = await this.stakes.findOne({ where: { id }, relations: { workshop: true } });
    if (!stake?.workshop) throw notFound('STAKE_NOT_FOUND');
    return stake as Stake & { workshop: Workshop };
  }

  async addGroup(seminarId: number, rawName: string): Promise<SeminarGroup> {
    const name = clean(rawName);
    if (!name) throw badInput('GROUP_NAME_EMPTY');
    const position = await this.groups.countBy({ seminarId });
    try {
      return await this.groups.save(this.groups.create({ seminarId, name, position }));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('GROUP_EXISTS', { name });
      throw error;
    }
  }

  async addWorkshop(seminarId: number, rawTitle: string): Promise<Workshop> {
    const title = clean(rawTitle);
    if (title.length < 2) throw badInput('WORKSHOP_TITLE_TOO_SHORT');
    const position = await this.workshops.countBy({ seminarId });
    return this.workshops.save(this.workshops.create({ seminarId, title, position }));
  }

  /** Appends numbered stakes; blank lines are skipped (a pasted list keeps its order). */
  async addStakes(workshop: Workshop, texts: string[]): Promise<Stake[]> {
    const cleaned = texts.map(clean).filter(Boolean);
    if (cleaned.length === 0) throw badInput('NO_STAKES_TO_ADD');
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Stake);
      const next = (await this.maxNumber(repo, workshop.id)) + 1;
      const created = await repo.save(
        cleaned.map((text, i) =>
          repo.create({ workshopId: workshop.id, number: next + i, text, originalText: text, isAddition: false, status: StakeStatus.ACCEPTED, emphasis: null }),
        ),
      );
      await this.events.record(
        manager,
        new StakesAdded(
          workshop.id,
          created.map((s) => s.id),
        ),
      );
      return created;
    });
  }

  async maxNumber(repo: Repository<Stake>, workshopId: number): Promise<number> {
    const row = await repo
      .createQueryBuilder('s')
      .select('MAX(s.number)', 'max')
      .where('s.workshopId = :workshopId', { workshopId })
      .getRawOne<{ max: number | null }>();
    return Number(row?.max ?? 0);
  }

  async saveWorkshop(workshop: Workshop, changes: Partial<Pick<Workshop, 'state' | 'resultsVisibility'>>): Promise<Workshop> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Workshop).update({ id: workshop.id }, changes);
      await this.events.record(manager, new WorkshopSettingsChanged(workshop.id));
    });
    return { ...workshop, ...changes } as Workshop;
  }

  // ------------------------------------------------------------------ batched reads

  loadSeminar(ctx: Loaders, id: number): Promise<Seminar | null> {
    return loaderFor<number, Seminar>(ctx, 'seminar', async (ids) => byKeys(ids, await this.seminars.findBy({ id: In([...ids]) }), (s) => s.id)).load(id);
  }

  loadWorkshop(ctx: Loaders, id: number): Promise<Workshop | null> {
    return loaderFor<number, Workshop>(ctx, 'seminar-workshop', async (ids) =>
      byKeys(ids, await this.workshops.findBy({ id: In([...ids]) }), (w) => w.id),
    ).load(id);
  }

  loadGroup(ctx: Loaders, id: number): Promise<SeminarGroup | null> {
    return loaderFor<number, SeminarGroup>(ctx, 'seminar-group', async (ids) => byKeys(ids, await this.groups.findBy({ id: In([...ids]) }), (g) => g.id)).load(
      id,
    );
  }

  groupsOf(ctx: Loaders, seminarId: number): Promise<SeminarGroup[]> {
    return loaderFor<number, SeminarGroup[]>(ctx, 'seminar-groups', async (ids) =>
      groupByKeys(ids, await this.groups.find({ where: { seminarId: In([...ids]) }, order: { position: 'ASC', id: 'ASC' } }), (g) => g.seminarId),
    ).load(seminarId) as Promise<SeminarGroup[]>;
  }

  workshopsOf(ctx: Loaders, seminarId: number): Promise<Workshop[]> {
    return loaderFor<number, Workshop[]>(ctx, 'seminar-workshops', async (ids) =>
      groupByKeys(ids, await this.workshops.find({ where: { seminarId: In([...ids]) }, order: { position: 'ASC', id: 'ASC' } }), (w) => w.seminarId),
    ).load(seminarId) as Promise<Workshop[]>;
  }

  /** Stakes of a workshop with a status, in minutes order: numbered stakes, then "+" additions. */
  stakesOf(ctx: Loaders, workshopId: number, status: StakeStatus = StakeStatus.ACCEPTED): Promise<Stake[]> {
    return loaderFor<number, Stake[]>(ctx, `seminar-stakes:${status}`, async (ids) =>
      groupByKeys(ids, await this.stakesFor([...ids], status), (s) => s.workshopId),
    ).load(workshopId) as Promise<Stake[]>;
  }

  async stakesFor(workshopIds: number[], status: StakeStatus): Promise<Stake[]> {
    const rows = await this.stakes.find({ where: { workshopId: In(workshopIds), status }, order: { number: 'ASC', id: 'ASC' } });
    return rows.sort((a, b) => Number(a.isAddition) - Number(b.isAddition) || a.number - b.number || a.id - b.id);
  }
}
