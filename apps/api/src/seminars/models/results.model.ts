import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { SeminarGroup } from '../entities/group.entity';

@ObjectType()
export class GroupScore {
  @Field(() => SeminarGroup)
  group: SeminarGroup;

  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Int)
  count: number;

  @Field({ description: 'French formatting as in the minutes: "4,5/5", or "-" without scores.' })
  formatted: string;
}

@ObjectType()
export class StakeResults {
  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Int)
  count: number;

  @Field(() => [GroupScore])
  byGroup: GroupScore[];

  @Field(() => [Int], { description: 'Counts for the scores 0, 0.5, 1 … 5 (eleven entries).' })
  distribution: number[];

  @Field({ description: 'Groups disagree strongly: group means at least 2 points apart (libs/domain/src/seminar.ts).' })
  divergent: boolean;

  @Field({ description: 'Overall mean formatted the French way ("4,5/5").' })
  formatted: string;
}

@ObjectType()
export class Score {
  @Field(() => ID)
  stakeId: string;

  @Field(() => Float)
  value: number;
}

@ObjectType({ description: 'Part of a reformulated stake: kept words, or added ones (bold in the minutes).' })
export class TextSegmentModel {
  @Field()
  text: string;

  @Field()
  added: boolean;
}

@ObjectType({ description: 'What the current viewer may do in a seminar.' })
export class SeminarViewer {
  @Field()
  canManage: boolean;

  @Field(() => ID, { nullable: true })
  participantId: string | null;

  @Field(() => String, { nullable: true })
  displayName: string | null;

  @Field(() => ID, { nullable: true })
  groupId: string | null;
}
