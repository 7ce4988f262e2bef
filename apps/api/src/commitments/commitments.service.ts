import { Injectable } from '@nestjs/common';
import { computeStakeResult, formatScore } from '@essaim/domain';
import { DataSource, In } from 'typeorm';
import type { User } from '../accounts/user.entity';
import { canActForTerritory } from '../common/auth/policies';
import type { RequestContext } from '../common/auth/request-context';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { groupByKeys, loaderFor } from '../common/loaders';
import { FollowTargetType } from '../notifications/follow-target';
import { NotificationsService } from '../notifications/notifications.service';
import { DomainEvents } from '../events/domain-events.service';
import { SeminarGroup } from '../seminars/entities/group.entity';
import { Stake } from '../seminars/entities/stake.entity';
import { Workshop } from '../seminars/entities/workshop.entity';
import { StakeStatus, VotingState } from '../seminars/models/enums';
import type { MinutesFollowUp } from '../seminars/minutes/minutes-model';
import { ResultsService } from '../seminars/services/results.service';
import { SeminarAccessService } from '../seminars/services/seminar-access.service';
import { Territory } from '../territories/territory.entity';
import { TerritoryKind } from '../territories/territory-kind';
import { Project } from '../wiki/project.entity';
import { CommitmentProject } from './commitment-link.entity';
import { CommitmentStatusChanged } from './commitments.events';
import { parisYear, tally } from './commitment-counts';
import { isLate, progressFromStages } from './commitment-progress';
import { Commitment } from './commitment.entity';
import { CommitmentStatus, ProgressMode } from './commitment.enums';
import type { CommitmentBacking } from './commitment.models';
import type { CommitmentYear } from './commitment-year.models';
import type { CommitmentDetailsInput, CommitmentUpdateInput } from './dto/commitment.args';
import { CommitmentMilestone } from './milestone.entity';

/** Which column of a member territory points at its EPCI, département or région. */
const MEMBER_COLUMN: Partial<Record<TerritoryKind, 'epciCode' | 'departementCode' | 'regionCode'>> = {
  EPCI: 'epciCode',
  DEPARTEMENT: 'departementCode',
  REGION: 'regionCode',
};

type Ctx = Pick<RequestContext, 'auth' | 'loaders' | 'participantToken'>;

export const STATUS_LABELS_FR: Record<CommitmentStatus, string> = {
  TO_START: 'à lancer',
  IN_PROGRESS: 'en cours',
  DONE: 'réalisé',
  ABANDONED: 'abandonné',
};

/**
 * Commitments: created by a seminar's facilitators from the stakes of a closed workshop, edited by
 * them and by verified members of the lead territory, linked to the sheets that implement them.
 */
@Injectable()
export class CommitmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: SeminarAccessService,
    private readonly results: ResultsService,
    private readonly follows: NotificationsService,
    private readonly events: DomainEvents,
  ) {}

  forSeminar(seminarId: number): Promise<Commitment[]> {
    return this.dataSource.getRepository(Commitment).find({ where: { seminarId }, order: { id: 'ASC' } });
  }

  /**
   * "Suivi des engagements": what a territory carries and, with `includeMembers`, what its
   * members carry (an EPCI's communes; a département's communes and EPCI; a région's
   * départements). Newest seminar first, then in the order they were decided.
   */
  async forTerritory(
    territoryCode: string,
    { includeMembers = false, year = null }: { includeMembers?: boolean; year?: number | null } = {},
  ): Promise<Commitment[]> {
    const territory = await this.dataSource.getRepository(Territory).findOneBy({ code: territoryCode });
    if (!territory) return [];
    const memberColumn = includeMembers ? MEMBER_COLUMN[territory.kind] : undefined;
    const rows = await this.dataSource
      .getRepository(Commitment)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.seminar', 's')
      .leftJoin('c.leadTerritory', 't')
      .where(memberColumn ? `(c.leadTerritoryCode = :code OR t.${memberColumn} = :code)` : 'c.leadTerritoryCode = :code', { code: territory.code })
      .orderBy('s.date', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
    return year ? rows.filter((c) => parisYear(c.seminar!.date) === year) : rows;
  }

  /** The yearly view: a territory's commitments (members included) counted per year and seminar, newest year first. */
  async yearsFor(territoryCode: string): Promise<CommitmentYear[]> {
    const commitments = await this.forTerritory(territoryCode, { includeMembers: true });
    const years = new Map<number, Map<number, Commitment[]>>();
    for (const c of commitments) {
      const year = parisYear(c.seminar!.date);
      const bySeminar = years.get(year) ?? new Map<number, Commitment[]>();
      years.set(year, bySeminar.set(c.seminarId, [...(bySeminar.get(c.seminarId) ?? []), c]));
    }
    return [...years.entries()]
      .sort(([a], [b]) => b - a)
      .map(([year, bySeminar]) => ({
        year,
        counts: tally([...bySeminar.values()].flat()),
        seminars: [...bySeminar.values()]
          .sort((a, b) => a[0].seminar!.date.getTime() - b[0].seminar!.date.getTime())
          .map((list) => ({ seminar: list[0].seminar!, counts: tally(list) })),
      }));
  }

  /** The minutes' "Suites données": each commitment with its status, progress and lead territory's name. */
  async minutesFollowUps(seminarId: number): Promise<MinutesFollowUp[]> {
    const commitments = await this.dataSource
      .getRepository(Commitment)
      .find({ where: { seminarId }, relations: { leadTerritory: true }, order: { id: 'ASC' } });
    const ctx = { loaders: new Map<string, unknown>() };
    return Promise.all(
      commitments.map(async (c) => ({
        title: c.title,
        status: c.statusReason && c.status === CommitmentStatus.ABANDONED ? `${STATUS_LABELS_FR[c.status]} — ${c.statusReason}` : STATUS_LABELS_FR[c.status],
        progress: await this.progress(ctx, c),
        late: isLate(c),
        lead: c.leadTerritory?.name ?? null,
        targetDate: c.targetDate,
      })),
    );
  }

  async findById(id: string | number): Promise<Commitment | null> {
    const n = Number(id);
    return Number.isSafeInteger(n) && n > 0 ? this.dataSource.getRepository(Commitment).findOneBy({ id: n }) : null;
  }

  async create(ctx: Ctx, user: User, stakeId: number, details: CommitmentDetailsInput | null | undefined): Promise<Commitment> {
    const stake = await this.dataSource.getRepository(Stake).findOneBy({ id: stakeId });
    if (!stake) throw notFound('STAKE_NOT_FOUND');
    const workshop = await this.dataSource.getRepository(Workshop).findOneByOrFail({ id: stake.workshopId });
    if (!(await this.access.canManage(ctx, workshop.seminarId))) throw forbidden('COMMITMENT_FROM_FACILITATORS_ONLY');
    if (workshop.state !== VotingState.CLOSED) throw badInput('CLOSE_VOTE_FIRST');
    if (stake.status !== StakeStatus.ACCEPTED) throw badInput('ACCEPTED_STAKES_ONLY');
    if (details?.leadTerritoryCode) await this.mustTerritory(details.leadTerritoryCode);
    const backing = await this.backingOf(stake, workshop.seminarId);
    return this.dataSource.transaction(async (m) => {
      if (await m.getRepository(Commitment).existsBy({ stakeId })) throw conflict('STAKE_ALREADY_COMMITMENT');
      const saved = await m.getRepository(Commitment).save(
        m.getRepository(Commitment).create({
          seminarId: workshop.seminarId,
          stakeId,
          title: stake.text,
          status: CommitmentStatus.TO_START,
          statusReason: null,
          leadTerritoryCode: details?.leadTerritoryCode ?? null,
          contact: details?.contact?.trim() || null,
          targetDate: details?.targetDate ?? null,
          progressMode: ProgressMode.FROM_PROJECTS,
          manualProgress: 0,
          backing: JSON.stringify(backing),
          createdById: user.id,
          updatedAt: new Date(),
        }),
      );
      await this.follows.follow(m, user.id, FollowTargetType.COMMITMENT, saved.id);
      return saved;
    });
  }

  async update(ctx: Ctx, user: User, id: string, input: CommitmentUpdateInput): Promise<Commitment> {
    const commitment = await this.editable(ctx, user, id);
    if (input.status === CommitmentStatus.ABANDONED && !input.statusReason?.trim()) {
      throw badInput('ABANDON_REASON_REQUIRED', {}, { field: 'statusReason' });
    }
    if (input.leadTerritoryCode) await this.mustTerritory(input.leadTerritoryCode);
    const before = commitment.status;
    // Optional fields left out keep their value; null clears them.
    const keep = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);
    Object.assign(commitment, {
      status: input.status,
      statusReason: input.statusReason?.trim() || null,
      leadTerritoryCode: keep(input.leadTerritoryCode, commitment.leadTerritoryCode) ?? null,
      contact: input.contact === undefined ? commitment.contact : input.contact?.trim() || null,
      targetDate: keep(input.targetDate, commitment.targetDate) ?? null,
      progressMode: input.progressMode,
      manualProgress: input.manualProgress ?? commitment.manualProgress,
      updatedAt: new Date(),
    });
    return this.dataSource.transaction(async (m) => {
      const saved = await m.getRepository(Commitment).save(commitment);
      const notice = { actorId: user.id, seminarId: saved.seminarId, title: saved.title };
      if (before !== saved.status) await this.events.record(m, new CommitmentStatusChanged(saved.id, before, saved.status, notice));
      return saved;
    });
  }

  /** A sheet answers a commitment: its territory's verified members, the lead territory's, or the facilitators link it. */
  async link(ctx: Ctx, user: User, commitmentId: string, projectId: string, linked: boolean): Promise<Commitment> {
    const commitment = await this.findById(commitmentId);
    if (!commitment) throw notFound('COMMITMENT_NOT_FOUND');
    const project = await this.dataSource.getRepository(Project).findOneBy({ id: Number(projectId) });
    if (!project) throw notFound('PROJECT_NOT_FOUND');
    const allowed =
      canActForTerritory(user, project.territoryCode) ||
      canActForTerritory(user, commitment.leadTerritoryCode) ||
      (await this.access.canManage(ctx, commitment.seminarId));
    if (!allowed) throw forbidden('COMMITMENT_LINKERS_ONLY');
    const repo = this.dataSource.getRepository(CommitmentProject);
    if (linked)
      await repo.createQueryBuilder().insert().values({ commitmentId: commitment.id, projectId: project.id, linkedById: user.id }).orIgnore().execute();
    else await repo.delete({ commitmentId: commitment.id, projectId: project.id });
    return commitment;
  }

  async addMilestone(ctx: Ctx, user: User, commitmentId: string, title: string, dueDate: Date): Promise<CommitmentMilestone> {
    const commitment = await this.editable(ctx, user, commitmentId);
    const repo = this.dataSource.getRepository(CommitmentMilestone);
    return repo.save(repo.create({ commitmentId: commitment.id, title: title.trim(), dueDate, doneAt: null }));
  }

  async setMilestoneDone(ctx: Ctx, user: User, id: string, done: boolean): Promise<CommitmentMilestone> {
    const milestone = await this.dataSource.getRepository(CommitmentMilestone).findOneBy({ id: Number(id) });
    if (!milestone) throw notFound('MILESTONE_NOT_FOUND');
    await this.editable(ctx, user, String(milestone.commitmentId));
    milestone.doneAt = done ? (milestone.doneAt ?? new Date()) : null;
    return this.dataSource.getRepository(CommitmentMilestone).save(milestone);
  }

  /** Title and due date of a milestone; what is left out stays as it was. */
  async updateMilestone(ctx: Ctx, user: User, id: string, changes: { title?: string | null; dueDate?: Date | null }): Promise<CommitmentMilestone> {
    const milestone = await this.dataSource.getRepository(CommitmentMilestone).findOneBy({ id: Number(id) });
    if (!milestone) throw notFound('MILESTONE_NOT_FOUND');
    await this.editable(ctx, user, String(milestone.commitmentId));
    if (changes.title) milestone.title = changes.title.trim();
    if (changes.dueDate) milestone.dueDate = changes.dueDate;
    return this.dataSource.getRepository(CommitmentMilestone).save(milestone);
  }

  async canEdit(ctx: Ctx, user: User | null, commitment: Commitment): Promise<boolean> {
    return !!user && (canActForTerritory(user, commitment.leadTerritoryCode) || (await this.access.canManage(ctx, commitment.seminarId)));
  }

  // ---- reading, batched per request ----

  projectsOf(ctx: Pick<RequestContext, 'loaders'>, commitmentId: number): Promise<Project[]> {
    return loaderFor<number, Project[]>(ctx, 'commitments:projects', async (ids) => {
      const links = await this.dataSource.getRepository(CommitmentProject).find({ where: { commitmentId: In([...ids]) }, order: { id: 'ASC' } });
      const projects = links.length ? await this.dataSource.getRepository(Project).findBy({ id: In(links.map((l) => l.projectId)) }) : [];
      const byId = new Map(projects.map((p) => [p.id, p]));
      return groupByKeys(ids, links, (l) => l.commitmentId).map((group) => group.map((l) => byId.get(l.projectId)).filter((p): p is Project => !!p));
    }).load(commitmentId) as Promise<Project[]>;
  }

  ofProject(ctx: Pick<RequestContext, 'loaders'>, projectId: number): Promise<Commitment[]> {
    return loaderFor<number, Commitment[]>(ctx, 'commitments:of-project', async (ids) => {
      const links = await this.dataSource.getRepository(CommitmentProject).find({ where: { projectId: In([...ids]) } });
      const commitments = links.length ? await this.dataSource.getRepository(Commitment).findBy({ id: In(links.map((l) => l.commitmentId)) }) : [];
      const byId = new Map(commitments.map((c) => [c.id, c]));
      return groupByKeys(ids, links, (l) => l.projectId).map((group) => group.map((l) => byId.get(l.commitmentId)).filter((c): c is Commitment => !!c));
    }).load(projectId) as Promise<Commitment[]>;
  }

  milestonesOf(ctx: Pick<RequestContext, 'loaders'>, commitmentId: number): Promise<CommitmentMilestone[]> {
    return loaderFor<number, CommitmentMilestone[]>(ctx, 'commitments:milestones', async (ids) =>
      groupByKeys(
        ids,
        await this.dataSource.getRepository(CommitmentMilestone).find({ where: { commitmentId: In([...ids]) }, order: { dueDate: 'ASC', id: 'ASC' } }),
        (x) => x.commitmentId,
      ),
    ).load(commitmentId) as Promise<CommitmentMilestone[]>;
  }

  async progress(ctx: Pick<RequestContext, 'loaders'>, commitment: Commitment): Promise<number> {
    if (commitment.status === CommitmentStatus.DONE) return 100;
    if (commitment.progressMode === ProgressMode.MANUAL) return commitment.manualProgress;
    return progressFromStages((await this.projectsOf(ctx, commitment.id)).map((p) => p.stage));
  }

  backing(commitment: Commitment): CommitmentBacking {
    return JSON.parse(commitment.backing) as CommitmentBacking;
  }

  private async backingOf(stake: Stake, seminarId: number): Promise<CommitmentBacking> {
    const groups = await this.dataSource.getRepository(SeminarGroup).find({ where: { seminarId }, order: { position: 'ASC', id: 'ASC' } });
    const counts = await this.results.countsFor([stake.id]);
    const result = computeStakeResult(
      counts,
      groups.map((g) => String(g.id)),
    );
    const names = new Map(groups.map((g) => [String(g.id), g.name]));
    return {
      mean: result.mean,
      count: result.count,
      formatted: formatScore(result.mean),
      divergent: result.divergent,
      byGroup: result.byGroup
        .filter((g) => g.count > 0)
        .map((g) => ({ group: names.get(g.groupId) ?? '?', mean: g.mean, count: g.count, formatted: g.formatted })),
    };
  }

  private async editable(ctx: Ctx, user: User, id: string): Promise<Commitment> {
    const commitment = await this.findById(id);
    if (!commitment) throw notFound('COMMITMENT_NOT_FOUND');
    if (!(await this.canEdit(ctx, user, commitment))) {
      throw forbidden('COMMITMENT_EDITORS_ONLY');
    }
    return commitment;
  }

  private async mustTerritory(code: string): Promise<void> {
    if (!(await this.dataSource.getRepository(Territory).existsBy({ code })))
      throw badInput('UNKNOWN_TERRITORY_QUOTED', { code }, { field: 'leadTerritoryCode' });
  }
}
