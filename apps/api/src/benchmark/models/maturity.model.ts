import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Territory } from '../../territories/territory.entity';
import { Theme } from '../../common/theme.enum';

@ObjectType({ description: 'One theme of the maturity radar: the territory’s self-assessment and its peers’ median.' })
export class MaturityRow {
  @Field(() => Theme)
  theme: Theme;

  @Field(() => Int, { nullable: true })
  score: number | null;

  @Field(() => String, { nullable: true })
  justification: string | null;

  @Field(() => Int, { nullable: true, description: 'Year of the assessment used (the latest up to the requested year).' })
  assessedYear: number | null;

  @Field(() => Float, { nullable: true })
  peerMedian: number | null;

  @Field(() => Int, { description: 'Peers that assessed this theme.' })
  peerCount: number;
}

@ObjectType()
export class MaturityComparison {
  @Field(() => Territory)
  territory: Territory;

  @Field(() => Int)
  year: number;

  @Field(() => [MaturityRow], { description: 'Every theme, in the catalogue order.' })
  rows: MaturityRow[];
}
