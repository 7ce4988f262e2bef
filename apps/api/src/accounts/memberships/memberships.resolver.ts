import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { Allow } from '../../common/auth/allow.decorator';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { isStaff } from '../../common/auth/policies';
import type { RequestContext } from '../../common/auth/request-context';
import { byKeys, groupByKeys, loaderFor } from '../../common/loaders';
import { Territory } from '../../territories/territory.entity';
import { TerritoriesService } from '../../territories/territories.service';
import { User } from '../user.entity';
import {
  DecideMembershipArgs,
  DomainArgs,
  EmailDomainArgs,
  MembershipIdArgs,
  RequestMembershipArgs,
  RevokeMembershipArgs,
  SetMembershipManagerArgs,
  TerritoryCodeArgs,
} from './dto/membership.args';
import { TerritoryEmailDomain } from './email-domain.entity';
import { Membership } from './membership.entity';
import { MembershipCapacity, MembershipStatus } from './membership.enums';
import { UserBadge, UserBadgeKind } from './user-badge.model';
import { MembershipsService } from './memberships.service';
import { PendingTerritory } from './pending-territory.model';

@Resolver(() => Membership)
export class MembershipsResolver {
  constructor(
    private readonly memberships: MembershipsService,
    private readonly territories: TerritoriesService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => [Membership], { description: 'Pending membership requests of a territory: for its verified managers, moderators and admins.' })
  @Allow('MEMBER')
  async pendingMemberships(@Args() { territoryCode }: TerritoryCodeArgs, @CurrentUser() user: User): Promise<Membership[]> {
    return this.memberships.pending(user, territoryCode);
  }

  @Query(() => [Membership], { description: 'Verified members of a territory: for its managers, moderators and admins.' })
  @Allow('MEMBER')
  async territoryMembers(@Args() { territoryCode }: TerritoryCodeArgs, @CurrentUser() user: User): Promise<Membership[]> {
    return this.memberships.members(user, territoryCode);
  }

  @Query(() => Int, { description: 'How many membership requests the viewer can decide (0 for most members).' })
  @Allow('MEMBER')
  async pendingMembershipCount(@CurrentUser() user: User): Promise<number> {
    return this.memberships.pendingCount(user);
  }

  @Query(() => [PendingTerritory], { description: 'Territories with requests the viewer can decide.' })
  @Allow('MEMBER')
  async pendingMembershipTerritories(@CurrentUser() user: User): Promise<PendingTerritory[]> {
    return this.memberships.territoriesWithPending(user);
  }

  @Query(() => [TerritoryEmailDomain], { description: 'Official e-mail domains declared for territories (moderators and admins).' })
  @Allow('MODERATOR')
  emailDomains(@Args('territoryCode', { type: () => String, nullable: true }) territoryCode?: string | null): Promise<TerritoryEmailDomain[]> {
    return this.memberships.listDomains(territoryCode);
  }

  @Mutation(() => Membership, { description: 'Asks to speak for a territory (verified at once on an official e-mail domain).' })
  @Allow('MEMBER')
  async requestMembership(@Args() { territoryCode, capacity }: RequestMembershipArgs, @CurrentUser() user: User): Promise<Membership> {
    return this.memberships.request(user.id, territoryCode, capacity);
  }

  @Mutation(() => Membership, { description: 'A manager of the territory, a moderator or an admin approves or refuses (reason required to refuse).' })
  @Allow('MEMBER')
  async decideMembership(@Args() { id, approve, reason }: DecideMembershipArgs, @CurrentUser() user: User): Promise<Membership> {
    return this.memberships.decide(user, id, approve, reason);
  }

  @Mutation(() => Membership, { description: 'Withdraws a membership (managers of the territory, moderators, admins).' })
  @Allow('MEMBER')
  async revokeMembership(@Args() { id, reason }: RevokeMembershipArgs, @CurrentUser() user: User): Promise<Membership> {
    return this.memberships.revoke(user, id, reason);
  }

  @Mutation(() => Boolean, { description: 'Leaves a territory or withdraws one’s own request.' })
  @Allow('MEMBER')
  async leaveMembership(@Args() { id }: MembershipIdArgs, @CurrentUser() user: User): Promise<boolean> {
    return this.memberships.leave(user.id, id);
  }

  @Mutation(() => Membership, { description: 'Names a verified member manager of the territory’s requests (moderators, admins).' })
  @Allow('MODERATOR')
  setMembershipManager(@Args() { id, manager }: SetMembershipManagerArgs): Promise<Membership> {
    return this.memberships.setManager(id, manager);
  }

  @Mutation(() => TerritoryEmailDomain, { description: 'Declares an official e-mail domain of a territory (moderators, admins).' })
  @Allow('MODERATOR')
  async addEmailDomain(@Args() { territoryCode, domain }: EmailDomainArgs, @CurrentUser() user: User): Promise<TerritoryEmailDomain> {
    return this.memberships.addDomain(user.id, territoryCode, domain);
  }

  @Mutation(() => Boolean)
  @Allow('MODERATOR')
  removeEmailDomain(@Args() { domain }: DomainArgs): Promise<boolean> {
    return this.memberships.removeDomain(domain);
  }

  @ResolveField(() => User)
  user(@Parent() membership: Membership, @Context() ctx: RequestContext): Promise<User | null> {
    return loaderFor<number, User>(ctx, 'memberships:user', async (ids) =>
      byKeys(ids, await this.dataSource.getRepository(User).findBy({ id: In([...ids]) }), (u) => u.id),
    ).load(membership.userId);
  }

  @ResolveField(() => Territory)
  territory(@Parent() membership: Membership, @Context() ctx: RequestContext): Promise<Territory | null> {
    return this.territories.load(ctx, membership.territoryCode);
  }
}

/** `User.memberships`: the account itself and staff see all; others see verified ones only. */
@Resolver(() => User)
export class UserMembershipsResolver {
  constructor(private readonly dataSource: DataSource) {}

  private all(ctx: RequestContext, userId: number): Promise<Membership[]> {
    return loaderFor<number, Membership[]>(ctx, 'user:memberships', async (ids) =>
      groupByKeys(ids, await this.dataSource.getRepository(Membership).find({ where: { userId: In([...ids]) }, order: { id: 'ASC' } }), (m) => m.userId),
    )
      .load(userId)
      .then((list) => list ?? []);
  }

  @ResolveField(() => [Membership], { description: 'Memberships of collectivités; only VERIFIED ones grant rights for a territory.' })
  async memberships(@Parent() user: User, @Context() ctx: RequestContext): Promise<Membership[]> {
    const [{ user: viewer }, list] = await Promise.all([ctx.auth(), this.all(ctx, user.id)]);
    return viewer && (viewer.id === user.id || isStaff(viewer)) ? list : list.filter((m) => m.status === MembershipStatus.VERIFIED);
  }

  @ResolveField(() => [UserBadge], { description: 'Who is speaking, at a glance: staff badge and verified memberships only.' })
  async badges(@Parent() user: User, @Context() ctx: RequestContext): Promise<UserBadge[]> {
    const staff: UserBadge[] =
      user.role === 'ADMIN'
        ? [{ kind: UserBadgeKind.ADMIN, territoryCode: null }]
        : user.role === 'MODERATOR'
          ? [{ kind: UserBadgeKind.MODERATOR, territoryCode: null }]
          : [];
    const verified = (await this.all(ctx, user.id)).filter((m) => m.status === MembershipStatus.VERIFIED);
    return [
      ...staff,
      ...verified.map((m) => ({
        kind: m.capacity === MembershipCapacity.ELECTED ? UserBadgeKind.VERIFIED_ELECTED : UserBadgeKind.VERIFIED_AGENT,
        territoryCode: m.territoryCode,
      })),
    ];
  }
}

@Resolver(() => UserBadge)
export class UserBadgeResolver {
  constructor(private readonly territories: TerritoriesService) {}

  @ResolveField(() => Territory, { nullable: true })
  territory(@Parent() badge: UserBadge, @Context() ctx: RequestContext): Promise<Territory | null> {
    return badge.territoryCode ? this.territories.load(ctx, badge.territoryCode) : Promise.resolve(null);
  }
}
