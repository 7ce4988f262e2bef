import { Args, Context, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Allow } from '../../common/auth/allow.decorator';
import { Ctx } from '../../common/auth/current-user.decorator';
import type { RequestContext } from '../../common/auth/request-context';
import { loaderFor } from '../../common/loaders';
import { CastScoreArgs, JoinSeminarArgs } from '../dto/seminar.args';
import { SeminarGroup } from '../entities/group.entity';
import { Participant } from '../entities/participant.entity';
import { Score } from '../models/results.model';
import { ParticipantsService } from '../services/participants.service';
import { SeminarsService } from '../services/seminars.service';
import { VotesService } from '../services/votes.service';

@Resolver(() => Participant)
export class ParticipationResolver {
  constructor(
    private readonly participants: ParticipantsService,
    private readonly votes: VotesService,
    private readonly seminars: SeminarsService,
  ) {}

  @Mutation(() => Participant, { description: 'Joins with the code; returns the participant token (also set as an HttpOnly cookie).' })
  @Allow('PUBLIC')
  joinSeminar(@Args() { joinCode, displayName, groupId }: JoinSeminarArgs, @Ctx() ctx: RequestContext): Promise<Participant> {
    return this.participants.join(ctx, joinCode, displayName, Number(groupId));
  }

  @Mutation(() => Score, { description: 'Scores a stake 0–5 in half points; scoring again replaces the score.' })
  @Allow('PARTICIPANT')
  castScore(@Args() { stakeId, value }: CastScoreArgs, @Ctx() ctx: RequestContext): Promise<Score> {
    return this.votes.cast(ctx, Number(stakeId), value);
  }

  @ResolveField(() => SeminarGroup)
  async group(@Parent() participant: Participant, @Context() ctx: RequestContext): Promise<SeminarGroup> {
    return participant.group ?? ((await this.seminars.loadGroup(ctx, participant.groupId)) as SeminarGroup);
  }

  @ResolveField(() => String, { description: 'Returned once, by joinSeminar; empty elsewhere (only its hash is stored).' })
  token(@Parent() participant: Participant): string {
    return participant.token ?? '';
  }
}

@Resolver(() => SeminarGroup)
export class GroupsResolver {
  constructor(@InjectRepository(Participant) private readonly participants: Repository<Participant>) {}

  @ResolveField(() => Int, { description: 'How many participants joined this group.' })
  participantCount(@Parent() group: SeminarGroup, @Context() ctx: RequestContext): Promise<number> {
    return loaderFor<number, number>(ctx, 'seminar-group-participants', async (ids) => {
      const rows = await this.participants
        .createQueryBuilder('p')
        .select('p.groupId', 'groupId')
        .addSelect('COUNT(*)', 'count')
        .where({ groupId: In([...ids]) })
        .groupBy('p.groupId')
        .getRawMany<{ groupId: number | string; count: number | string }>();
      return ids.map((id) => Number(rows.find((r) => Number(r.groupId) === id)?.count ?? 0));
    }).load(group.id) as Promise<number>;
  }
}
