import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A group’s score that backed the commitment when it was created.' })
export class BackingGroup {
  @Field()
  group: string;

  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Int)
  count: number;

  @Field()
  formatted: string;
}

@ObjectType({ description: 'The scores that backed the commitment (kept as they were when the workshop closed).' })
export class CommitmentBacking {
  @Field(() => Float, { nullable: true })
  mean: number | null;

  @Field(() => Int)
  count: number;

  @Field()
  formatted: string;

  @Field(() => [BackingGroup])
  byGroup: BackingGroup[];

  @Field()
  divergent: boolean;
}
