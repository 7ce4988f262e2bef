import type { ResultOf } from '$lib/graphql/graphql';
import type { BlockerQuery, BlockerStatsQuery, ProjectBlockersQuery } from './operations';

export type ProjectWithBlockers = NonNullable<ResultOf<typeof ProjectBlockersQuery>['project']>;
export type BlockerDetail = NonNullable<ResultOf<typeof BlockerQuery>['blocker']>;
export type BlockerStatsData = ResultOf<typeof BlockerStatsQuery>['blockerStats'];
