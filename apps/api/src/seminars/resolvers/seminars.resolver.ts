import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { User as UserEntity } from '../../accounts/user.entity';
import { Allow } from '../../common/auth/allow.decorator';
import { Ctx, CurrentUser } from '../../common/auth/current-user.decorator';
import type { RequestContext } from '../../common/auth/request-context';
import { badInput, forbidden, notFound } from '../../common/errors';
import { PaginationArgs } from '../../common/pagination/pagination.args';
import { Connection, pageRequest, toConnection } from '../../common/pagination/connection';
import { AddFacilitatorArgs, AddGroupArgs, AddWorkshopArgs, JoinCodeArgs, MinutesArgs, SeminarIdArgs } from '../dto/seminar.args';
import { SeminarInput } from '../dto/seminar.input';
import { SeminarGroup } from '../entities/group.entity';
import { SeminarFacilitator } from '../entities/seminar-facilitator.entity';
import { Seminar } from '../entities/seminar.entity';
import { Workshop } from '../entities/workshop.entity';
import { MinutesService } from '../minutes/minutes.service';
import { SeminarViewer } from '../models/results.model';
import { SeminarConnection } from '../models/seminar-connection';
import { SeminarAccessService } from '../services/seminar-access.service';
import { SeminarsService } from '../services/seminars.service';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../../database/unique-violation';

@Resolver(() => Seminar)
export class SeminarsResolver {
  constructor(
    private readonly seminarService: SeminarsService,
    private readonly access: SeminarAccessService,
    private readonly minutesService: MinutesService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => SeminarConnection, { description: 'Seminars, newest first (logged-in members).' })
  @Allow('MEMBER')
  async seminars(@Args() { first, after }: PaginationArgs): Promise<Connection<Seminar>> {
    const page = pageRequest(first, after);
    const [rows, total] = await this.seminarService.list(page);
    return toConnection(rows, total, page);
  }

  @Query(() => Seminar, { nullable: true })
  @Allow('PUBLIC')
  seminar(@Args() { id }: SeminarIdArgs, @Ctx() ctx: RequestContext): Promise<Seminar | null> {
    return this.seminarService.loadSeminar(ctx, Number(id));
  }

  @Query(() => Seminar, { nullable: true, description: 'The seminar a join code opens (the join screen lists its groups).' })
  @Allow('PUBLIC')
  async seminarByCode(@Args() { joinCode }: JoinCodeArgs, @Ctx() ctx: RequestContext): Promise<Seminar | null> {
    this.access.throttleCodeLookup(ctx);
    const seminar = await this.seminarService.findByCode(joinCode);
    // Whoever typed the code may see it back (the join page keeps it in its form).
    if (seminar) this.access.unlockCode(ctx, seminar.id);
    return seminar;
  }

  @Query(() => String, { description: 'The minutes: one table per workshop, as printed in 2018.' })
  @Allow('PUBLIC')
  minutes(@Args() { seminarId, format }: MinutesArgs, @Ctx() ctx: RequestContext): Promise<string> {
    return this.minutesService.render(ctx, Number(seminarId), format);
  }

  @Mutation(() => Seminar)
  @Allow('FACILITATOR')
  async createSeminar(@Args('input') input: SeminarInput, @CurrentUser() user: UserEntity): Promise<Seminar> {
    return this.seminarService.create(input, user);
  }

  @Mutation(() => SeminarGroup)
  @Allow('FACILITATOR')
  async addGroup(@Args() { seminarId, name }: AddGroupArgs, @Ctx() ctx: RequestContext): Promise<SeminarGroup> {
    const seminar = await this.seminarService.get(Number(seminarId));
    await this.access.requireManager(ctx, seminar.id);
    return this.seminarService.addGroup(seminar.id, name);
  }

  @Mutation(() => Workshop)
  @Allow('FACILITATOR')
  async addWorkshop(@Args() { seminarId, title }: AddWorkshopArgs, @Ctx() ctx: RequestContext): Promise<Workshop> {
    const seminar = await this.seminarService.get(Number(seminarId));
    await this.access.requireManager(ctx, seminar.id);
    return this.seminarService.addWorkshop(seminar.id, title);
  }

  @Mutation(() => Seminar, { description: 'Adds a co-facilitator (an account with the FACILITATOR or ADMIN role).' })
  @Allow('FACILITATOR')
  async addFacilitator(@Args() { seminarId, userId }: AddFacilitatorArgs, @Ctx() ctx: RequestContext): Promise<Seminar> {
    const seminar = await this.seminarService.get(Number(seminarId));
    await this.access.requireManager(ctx, seminar.id);
    const row = await this.dataSource.getRepository(UserEntity).findOneBy({ id: Number(userId) });
    if (!row) throw notFound('ACCOUNT_NOT_FOUND');
    if (row.role !== 'FACILITATOR' && row.role !== 'ADMIN') throw badInput('NOT_A_FACILITATOR_ACCOUNT');
    try {
      await this.dataSource.getRepository(SeminarFacilitator).insert({ seminarId: seminar.id, userId: Number(userId) });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // already a facilitator: nothing to do
    }
    return seminar;
  }

  @ResolveField(() => String, { description: "The join code: for the seminar's facilitators and participants (FORBIDDEN for others)." })
  async joinCode(@Parent() seminar: Seminar, @Context() ctx: RequestContext): Promise<string> {
    if (!(await this.access.maySeeJoinCode(ctx, seminar.id))) {
      throw forbidden('SEMINAR_CODE_RESTRICTED');
    }
    return seminar.joinCode;
  }

  @ResolveField(() => String, { nullable: true, description: 'The join code when the viewer may see it (facilitators, participants), else null.' })
  async viewerJoinCode(@Parent() seminar: Seminar, @Context() ctx: RequestContext): Promise<string | null> {
    return (await this.access.maySeeJoinCode(ctx, seminar.id)) ? seminar.joinCode : null;
  }

  @ResolveField(() => [SeminarGroup])
  groups(@Parent() seminar: Seminar, @Context() ctx: RequestContext): Promise<SeminarGroup[]> {
    return this.seminarService.groupsOf(ctx, seminar.id);
  }

  @ResolveField(() => [Workshop])
  workshops(@Parent() seminar: Seminar, @Context() ctx: RequestContext): Promise<Workshop[]> {
    return this.seminarService.workshopsOf(ctx, seminar.id);
  }

  @ResolveField(() => SeminarViewer, { description: 'What the current viewer may do here (manage, or vote as a participant).' })
  async viewer(@Parent() seminar: Seminar, @Context() ctx: RequestContext): Promise<SeminarViewer> {
    const { canManage, participant } = await this.access.viewer(ctx, seminar.id);
    return {
      canManage,
      participantId: participant ? String(participant.id) : null,
      displayName: participant?.displayName ?? null,
      groupId: participant ? String(participant.groupId) : null,
    };
  }
}
