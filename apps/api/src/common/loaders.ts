import DataLoader from 'dataloader';
import { In, type Repository } from 'typeorm';
import type { User } from '../accounts/user.entity';
import type { RequestContext } from './auth/request-context';

/** One DataLoader per request and key, so field resolvers batch instead of querying in a loop. */
export function loaderFor<K, V>(
  ctx: Pick<RequestContext, 'loaders'>,
  key: string,
  batch: (keys: readonly K[]) => Promise<(V | null)[]>,
): DataLoader<K, V | null> {
  let loader = ctx.loaders.get(key) as DataLoader<K, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V | null>(batch, { maxBatchSize: 500 });
    ctx.loaders.set(key, loader);
  }
  return loader;
}

/** Orders batch results like the requested keys. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

/** Groups batch results per requested key (for one-to-many fields). */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}

/**
 * An account by id (an author, a reporter, whoever imported), batched per request: one loader
 * whichever feature asks, so a page showing revisions, posts and figures loads its people once.
 */
export function loadUser(ctx: Pick<RequestContext, 'loaders'>, users: Pick<Repository<User>, 'findBy'>, id: number | null): Promise<User | null> {
  if (id == null) return Promise.resolve(null);
  return loaderFor<number, User>(ctx, 'user', async (ids) => byKeys(ids, await users.findBy({ id: In([...ids]) }), (u) => u.id)).load(id);
}
