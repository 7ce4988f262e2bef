import type { ResultOf } from '$lib/graphql/graphql';
import type { MeQuery } from './operations';

/** The logged-in user as the root layout loads it (`page.data.user` / `data.user`). */
export type CurrentUser = NonNullable<ResultOf<typeof MeQuery>['me']>;
