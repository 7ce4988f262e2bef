import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Theme } from '../../common/theme.enum';
import { BlockerCategory } from '../blocker-enums';

@ObjectType({ description: '"lifted" counts LIFTED and WORKED_AROUND blockers (both resolved with a resolution).' })
export class BlockerCategoryStat {
  @Field(() => BlockerCategory)
  category: BlockerCategory;

  @Field(() => Int, { description: 'OPEN or IN_PROGRESS.' })
  open: number;

  @Field(() => Int, { description: 'LIFTED or WORKED_AROUND.' })
  lifted: number;

  @Field(() => Int, { description: 'Of the lifted ones, how many were only worked around.' })
  workedAround: number;

  @Field(() => Int)
  abandoned: number;

  @Field(() => Float, { nullable: true, description: 'Median of (resolvedAt − openedAt) in days over lifted blockers, one decimal; null when none.' })
  medianDaysToLift: number | null;
}

@ObjectType()
export class BlockerThemeStat {
  @Field(() => Theme)
  theme: Theme;

  @Field(() => Int)
  open: number;

  @Field(() => Int)
  lifted: number;

  @Field(() => Int)
  total: number;
}

@ObjectType({ description: 'One calendar month (UTC) of the trend.' })
export class BlockerMonthStat {
  @Field({ description: '"YYYY-MM".' })
  month: string;

  @Field(() => Int, { description: 'Blockers opened that month.' })
  opened: number;

  @Field(() => Int, { description: 'Blockers lifted or worked around that month.' })
  lifted: number;
}

@ObjectType({ description: 'Lack of political backing versus lack of resources (FUNDING, SKILLS_STAFF), over every blocker in scope.' })
export class BlockerShare {
  @Field(() => Int)
  political: number;

  @Field(() => Int)
  resources: number;

  @Field(() => Int)
  other: number;

  @Field(() => Float, { description: 'political / total, 0 when there is no blocker.' })
  politicalShare: number;

  @Field(() => Float, { description: 'resources / total, 0 when there is no blocker.' })
  resourcesShare: number;
}

@ObjectType()
export class BlockerStats {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  open: number;

  @Field(() => Int)
  lifted: number;

  @Field(() => Int)
  abandoned: number;

  @Field(() => Float, { nullable: true })
  medianDaysToLift: number | null;

  @Field(() => [BlockerCategoryStat], { description: 'Every category, in the enum order.' })
  byCategory: BlockerCategoryStat[];

  @Field(() => [BlockerThemeStat], { description: 'A blocker counts in each theme of its project; themes without blockers are left out.' })
  byTheme: BlockerThemeStat[];

  @Field(() => BlockerShare)
  politicalVsResources: BlockerShare;

  @Field(() => [BlockerMonthStat], { description: 'Oldest month first, ending with the current month.' })
  trend: BlockerMonthStat[];
}
