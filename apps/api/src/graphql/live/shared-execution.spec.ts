import { buildSchema, ExecutionResult, GraphQLSchema, parse } from 'graphql';
import { LatestValueIterator } from './async-queue';
import { cachedParse, cachedValidate, markShared, selectsOnly, sharedExecutionStats, sharedSubscribe } from './shared-execution';

const schema: GraphQLSchema = buildSchema(`
  type Item { id: ID! secret: String mine: String }
  type Query { ok: Boolean }
  type Subscription { items(room: ID!): [Item!]! }
`);
const SHARED = new Set(['Item.id', 'Item.secret']);

interface Viewer {
  name: string;
  loaders: Map<string, unknown>;
  calls: { mine: number; secret: number };
}

/** Resolvers: `mine` reads the viewer from the context; `secret` only the event. */
function attachResolvers(source: () => AsyncIterableIterator<unknown>): void {
  const subscription = schema.getSubscriptionType()!.getFields().items;
  subscription.subscribe = () => source();
  subscription.resolve = (event: unknown) => event;
  const item = schema.getType('Item') as unknown as { getFields(): Record<string, { resolve?: unknown }> };
  item.getFields().secret.resolve = (parent: { secret: string | null }, _args: unknown, ctx: Viewer) => {
    ctx.calls.secret++;
    return parent.secret;
  };
  item.getFields().mine.resolve = (_parent: unknown, _args: unknown, ctx: Viewer) => {
    ctx.calls.mine++;
    ctx.loaders.set('seen', (Number(ctx.loaders.get('seen') ?? 0) + 1) as never);
    return `${ctx.name}:${ctx.loaders.get('seen')}`;
  };
}

const viewer = (name: string): Viewer => ({ name, loaders: new Map(), calls: { mine: 0, secret: 0 } });

async function subscribeAs(ctx: Viewer, query: string, iterator: AsyncIterableIterator<unknown>) {
  attachResolvers(() => iterator);
  const stream = await sharedSubscribe({ schema, document: cachedParse(query), contextValue: ctx, variableValues: { room: '1' } });
  if (!(Symbol.asyncIterator in stream)) throw new Error(JSON.stringify(stream));
  return stream as AsyncGenerator<ExecutionResult>;
}

describe('shared subscription execution', () => {
  const query = `subscription($room: ID!) { items(room: $room) { id secret } }`;

  it('executes once per event object and operation, and reuses the very result for the other subscribers', async () => {
    const a = viewer('a');
    const b = viewer('b');
    const qa = new LatestValueIterator<unknown>(() => undefined);
    const qb = new LatestValueIterator<unknown>(() => undefined);
    const sa = await subscribeAs(a, query, qa);
    const sb = await subscribeAs(b, query, qb);
    const event = markShared([{ id: '1', secret: 's' }], { audience: 'X', fields: SHARED });
    const before = { ...sharedExecutionStats };
    qa.push(event);
    qb.push(event);
    const [ra, rb] = await Promise.all([sa.next(), sb.next()]);
    expect(ra.value).toEqual({ data: { items: [{ id: '1', secret: 's' }] } });
    expect(rb.value).toBe(ra.value);
    expect(a.calls.secret + b.calls.secret).toBe(1);
    expect(sharedExecutionStats.executed - before.executed).toBe(1);
    expect(sharedExecutionStats.reused - before.reused).toBe(1);
    await sa.return(undefined);
    await sb.return(undefined);
  });

  it('never shares between two event objects (two audiences of one update)', async () => {
    const manager = viewer('manager');
    const participant = viewer('participant');
    const qm = new LatestValueIterator<unknown>(() => undefined);
    const qp = new LatestValueIterator<unknown>(() => undefined);
    const sm = await subscribeAs(manager, query, qm);
    const sp = await subscribeAs(participant, query, qp);
    // Same document, same variables, same update: only the audience differs.
    qm.push(markShared([{ id: '1', secret: 'results' }], { audience: 'MANAGER', fields: SHARED }));
    qp.push(markShared([{ id: '1', secret: null }], { audience: 'PUBLIC', fields: SHARED }));
    const [rm, rp] = await Promise.all([sm.next(), sp.next()]);
    expect(rm.value).toEqual({ data: { items: [{ id: '1', secret: 'results' }] } });
    expect(rp.value).toEqual({ data: { items: [{ id: '1', secret: null }] } });
    await sm.return(undefined);
    await sp.return(undefined);
  });

  it('executes per subscriber, with fresh loaders for every event, when a viewer-dependent field is selected', async () => {
    const a = viewer('a');
    const b = viewer('b');
    const qa = new LatestValueIterator<unknown>(() => undefined);
    const qb = new LatestValueIterator<unknown>(() => undefined);
    const mineQuery = `subscription($room: ID!) { items(room: $room) { id mine } }`;
    const sa = await subscribeAs(a, mineQuery, qa);
    const sb = await subscribeAs(b, mineQuery, qb);
    for (const round of [1, 2]) {
      const event = markShared([{ id: String(round), secret: 's' }], { audience: 'X', fields: SHARED });
      qa.push(event);
      qb.push(event);
      const [ra, rb] = await Promise.all([sa.next(), sb.next()]);
      // Each sees its own value; the per-event loader map starts empty every time.
      expect(ra.value).toEqual({ data: { items: [{ id: String(round), mine: 'a:1' }] } });
      expect(rb.value).toEqual({ data: { items: [{ id: String(round), mine: 'b:1' }] } });
    }
    expect(a.calls.mine).toBe(2);
    expect(b.calls.mine).toBe(2);
    await sa.return(undefined);
    await sb.return(undefined);
  });

  it('executes per subscriber when the event does not opt in, or the variables differ', async () => {
    const a = viewer('a');
    const qa = new LatestValueIterator<unknown>(() => undefined);
    const sa = await subscribeAs(a, query, qa);
    const plain = [{ id: '1', secret: 's' }];
    qa.push(plain);
    expect((await sa.next()).value).toEqual({ data: { items: [{ id: '1', secret: 's' }] } });
    const b = viewer('b');
    const qb = new LatestValueIterator<unknown>(() => undefined);
    attachResolvers(() => qb);
    const sb = (await sharedSubscribe({
      schema,
      document: cachedParse(query),
      contextValue: b,
      variableValues: { room: '2' },
    })) as AsyncGenerator<ExecutionResult>;
    const event = markShared([{ id: '1', secret: 's' }], { audience: 'X', fields: SHARED });
    const qc = new LatestValueIterator<unknown>(() => undefined);
    const c = viewer('c');
    const sc = await subscribeAs(c, query, qc);
    qb.push(event);
    qc.push(event);
    const [rb, rc] = await Promise.all([sb.next(), sc.next()]);
    expect(rb.value).not.toBe(rc.value);
    expect(rb.value).toEqual(rc.value);
    for (const s of [sa, sb, sc]) await s.return(undefined);
  });

  it('passes return() to the source (the subscription is closed)', async () => {
    let closed = false;
    const q = new LatestValueIterator<unknown>(() => (closed = true));
    const s = await subscribeAs(viewer('a'), query, q);
    await s.return(undefined);
    expect(closed).toBe(true);
  });

  it('checks fragments and ignores __typename when deciding what a document selects', () => {
    const doc = parse(`subscription S($room: ID!) { items(room: $room) { __typename ...F } } fragment F on Item { id ... on Item { mine } }`);
    expect(selectsOnly(schema, doc, 'S', SHARED)).toBe(false);
    const ok = parse(`subscription S($room: ID!) { items(room: $room) { __typename ...F } } fragment F on Item { id secret }`);
    expect(selectsOnly(schema, ok, 'S', SHARED)).toBe(true);
  });

  it('caches parsing and validation without caching syntax errors', () => {
    const first = cachedParse(query);
    expect(cachedParse(query)).toBe(first);
    expect(cachedValidate(schema, first)).toBe(cachedValidate(schema, first));
    expect(cachedValidate(schema, cachedParse(`subscription { items(room: "1") { nope } }`)).length).toBe(1);
    expect(() => cachedParse('subscription {')).toThrow();
    expect(() => cachedParse('subscription {')).toThrow();
  });
});
