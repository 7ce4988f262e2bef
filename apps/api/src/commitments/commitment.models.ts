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

@ObjectType({ description: 'Commitments per bucket; the buckets are exclusive (a late one counts only as late) and add up to total.' })
export class CommitmentCounts {
  @Field(() => Int)
  total: number;

  @Field(() => Int, { description: 'À lancer, not late.' })
  toStart: number;

  @Field(() => Int, { description: 'En cours, not late.' })
  inProgress: number;

  @Field(() => Int, { description: 'Past its target date, neither done nor abandoned.' })
  late: number;

  @Field(() => Int)
  done: number;

  @Field(() => Int)
  abandoned: number;
}
