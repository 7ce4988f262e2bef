import type { ResultOf } from '$lib/graphql/graphql';
import type { ComparisonQuery } from './operations';

export type ComparisonData = ResultOf<typeof ComparisonQuery>['comparison'];
export type ComparisonRowData = ComparisonData['rows'][number];
export type MaturityRowData = ComparisonData['maturity']['rows'][number];
