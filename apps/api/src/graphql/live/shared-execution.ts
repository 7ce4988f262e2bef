import {
  createSourceEventStream,
  DocumentNode,
  execute,
  ExecutionArgs,
  ExecutionResult,
  getNamedType,
  GraphQLError,
  GraphQLSchema,
  Kind,
  parse,
  specifiedRules,
  TypeInfo,
  validate,
  ValidationRule,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * graphql-ws hooks that make a subscription fan-out cheap (see docs/seminars.md, "Live fan-out").
 *
 * graphql-ws executes the subscription document once per subscriber for every event. When the
 * event is the very same object for many subscribers (the live service builds one object per
 * update and audience) and the document selects only fields whose value follows from the event,
 * the result is the same for all of them: it is computed once per (event, document, operation,
 * variables) and reused. An event opts in by carrying a `SharedEventPolicy` under
 * `SHARED_EVENT`; events without one are executed per subscriber, as graphql-ws would.
 *
 * Sharing never crosses audiences: the cache hangs off the event object itself, and a
 * subscriber only ever receives the event object built for its own audience.
 */
export const SHARED_EVENT = Symbol('essaim.sharedEvent');

export interface SharedEventPolicy {
  /** Who this event object was built for (for diagnostics; the object identity is the key). */
  audience: string;
  /**
   * Field coordinates ("Type.field") whose value depends only on the event, not on the
   * subscriber's context. A document that selects any other field is executed per subscriber.
   */
  fields: ReadonlySet<string>;
}

/** Marks `event` as shareable under `policy` (non-enumerable: never serialized or copied). */
export function markShared<T extends object>(event: T, policy: SharedEventPolicy): T {
  Object.defineProperty(event, SHARED_EVENT, { value: policy, enumerable: false });
  return event;
}

const policyOf = (event: unknown): SharedEventPolicy | undefined =>
  typeof event === 'object' && event !== null ? (event as { [SHARED_EVENT]?: SharedEventPolicy })[SHARED_EVENT] : undefined;

// ------------------------------------------------------------------ counters (tests, diagnostics)

/** Executions run and reused since start: tests read these to prove the sharing. */
export const sharedExecutionStats = { executed: 0, reused: 0, perSubscriber: 0 };

// ------------------------------------------------------------------ parse and validate caches

const PARSE_CACHE_LIMIT = 500;
const PARSE_CACHE_MAX_QUERY = 20_000;
const parsed = new Map<string, DocumentNode>();

/**
 * graphql-ws parses and validates every message (every vote sent over the socket). The same few
 * documents come again and again, so keep them: the parsed document is immutable and validation
 * depends only on the schema and the document. Syntax errors are thrown, not cached.
 */
export function cachedParse(source: string, maxTokens?: number): DocumentNode {
  const hit = parsed.get(source);
  if (hit) {
    // Refresh its place: the map's insertion order is the eviction order.
    parsed.delete(source);
    parsed.set(source, hit);
    return hit;
  }
  const document = parse(source, maxTokens === undefined ? undefined : { maxTokens });
  if (source.length <= PARSE_CACHE_MAX_QUERY) {
    if (parsed.size >= PARSE_CACHE_LIMIT) parsed.delete(parsed.keys().next().value as string);
    parsed.set(source, document);
  }
  return document;
}

const validated = new WeakMap<readonly ValidationRule[], WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>>();

/** `validate`, memoized per rule set, schema and document (all three are immutable here). */
export function cachedValidate(schema: GraphQLSchema, document: DocumentNode, rules: readonly ValidationRule[] = specifiedRules): readonly GraphQLError[] {
  let byRules = validated.get(rules);
  if (!byRules) validated.set(rules, (byRules = new WeakMap()));
  let bySchema = byRules.get(schema);
  if (!bySchema) byRules.set(schema, (bySchema = new WeakMap()));
  let errors = bySchema.get(document);
  if (!errors) bySchema.set(document, (errors = validate(schema, document, rules)));
  return errors;
}

// ------------------------------------------------------------------ shared execution

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 1;
const documentId = (document: DocumentNode) => {
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = nextDocumentId++));
  return id;
};

/** Does the operation select only fields in `allowed` (fragments included)? Memoized. */
const selectionChecks = new WeakMap<DocumentNode, Map<string, Map<ReadonlySet<string>, boolean>>>();
export function selectsOnly(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, allowed: ReadonlySet<string>): boolean {
  let byOperation = selectionChecks.get(document);
  if (!byOperation) selectionChecks.set(document, (byOperation = new Map()));
  const key = operationName ?? '';
  let byPolicy = byOperation.get(key);
  if (!byPolicy) byOperation.set(key, (byPolicy = new Map()));
  const known = byPolicy.get(allowed);
  if (known !== undefined) return known;

  const typeInfo = new TypeInfo(schema);
  const rootTypes = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  let ok = true;
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (operationName ? d.name?.value === operationName : true));
  const fragments = new Set<string>();
  const check = (node: DocumentNode['definitions'][number]) =>
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          if (field.name.value === '__typename') return;
          const parent = typeInfo.getParentType();
          // The subscription field itself resolves to the event.
          if (parent && rootTypes.has(parent as never)) return;
          const coordinate = `${parent ? getNamedType(parent).name : '?'}.${field.name.value}`;
          if (!allowed.has(coordinate)) ok = false;
        },
        FragmentSpread(spread) {
          fragments.add(spread.name.value);
        },
      }),
    );
  if (!operation) ok = false;
  else {
    check(operation);
    // Follow fragment spreads (each once): their fields count like inline ones.
    const seen = new Set<string>();
    for (let pending = [...fragments]; pending.length && ok; pending = [...fragments].filter((f) => !seen.has(f))) {
      for (const name of pending) {
        seen.add(name);
        const fragment = document.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === name);
        if (fragment) check(fragment);
      }
    }
  }
  byPolicy.set(allowed, ok);
  return ok;
}

/** One execution result per event object and operation key, dropped with the event. */
const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/**
 * Each event is executed with a copy of the subscription's context that has fresh per-request
 * caches (DataLoaders): graphql-ws builds the context once per subscription, and a loader kept
 * for its whole life would answer later events from stale data.
 */
function eventContext(context: unknown): unknown {
  if (typeof context !== 'object' || context === null) return context;
  const loaders = (context as { loaders?: unknown }).loaders;
  return loaders instanceof Map ? { ...context, loaders: new Map() } : context;
}

function executeEvent(args: ExecutionArgs, event: unknown, operationKey: string): Promise<ExecutionResult> | ExecutionResult {
  const run = () => execute({ ...args, rootValue: event, contextValue: eventContext(args.contextValue) });
  const policy = policyOf(event);
  if (!policy || !selectsOnly(args.schema, args.document, args.operationName, policy.fields)) {
    sharedExecutionStats.perSubscriber++;
    return run();
  }
  let byOperation = results.get(event as object);
  if (!byOperation) results.set(event as object, (byOperation = new Map()));
  const cached = byOperation.get(operationKey);
  if (cached) {
    sharedExecutionStats.reused++;
    return cached;
  }
  sharedExecutionStats.executed++;
  const result = Promise.resolve(run());
  byOperation.set(operationKey, result);
  return result;
}

/**
 * graphql's `subscribe`, with the per-event execution going through `executeEvent`. Same
 * contract: a promise of an async iterator of results, or of a result with errors.
 */
export async function sharedSubscribe(args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult, void, void> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!isAsyncIterable(stream)) return stream;
  const operationKey = `${documentId(args.document)}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
  return mapAsyncIterator(stream, (event) => executeEvent(args, event, operationKey));
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as { [Symbol.asyncIterator]?: unknown })?.[Symbol.asyncIterator] === 'function';
}

/** Maps an async iterable, passing `return` and `throw` through (graphql's own helper is internal). */
function mapAsyncIterator<T, U>(iterable: AsyncIterable<T>, map: (value: T) => U | Promise<U>): AsyncGenerator<U, void, void> {
  const iterator = iterable[Symbol.asyncIterator]();
  const close = async () => {
    try {
      await iterator.return?.();
    } catch {
      // already closing
    }
  };
  const mapResult = async (result: IteratorResult<T>): Promise<IteratorResult<U, void>> => {
    if (result.done) return { value: undefined, done: true };
    try {
      return { value: await map(result.value), done: false };
    } catch (error) {
      await close();
      throw error;
    }
  };
  const generator: AsyncGenerator<U, void, void> = {
    next: async () => mapResult(await iterator.next()),
    return: async () => {
      await close();
      return { value: undefined, done: true };
    },
    throw: async (error?: unknown) => {
      if (iterator.throw) return mapResult(await iterator.throw(error));
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return generator;
    },
  } as AsyncGenerator<U, void, void>;
  return generator;
}

/**
 * Options to spread into Nest's `subscriptions['graphql-ws']` (GqlSubscriptionService passes
 * them on to graphql-ws's `useServer`, after its own defaults).
 */
/**
 * `extraRules`: the HTTP endpoint's own limits (GraphQL Armor's depth, aliases, cost,
 * directives), so a WebSocket operation is held to the same bounds as an HTTP one.
 */
export function sharedSubscriptionHooks(
  extraRules: readonly ValidationRule[] = [],
  maxTokens?: number,
): {
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
  subscribe: typeof sharedSubscribe;
} {
  const rules = [...specifiedRules, ...extraRules];
  return {
    parse: (source: string) => cachedParse(source, maxTokens),
    validate: (schema: GraphQLSchema, document: DocumentNode) => cachedValidate(schema, document, rules),
    subscribe: sharedSubscribe,
  };
}
