import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLArgument,
  GraphQLInputType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { DataSource } from 'typeorm';
import { lineTextProblem, unstorableTextProblem } from '../src/common/text/text-rules';
import { GqlClient, startTestServer, TestServer, uniqueEmail } from './harness';

/** A small deterministic PRNG so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const NASTY_STRINGS = [
  '',
  ' ',
  'x'.repeat(200_000),
  '<script>alert(1)</script>',
  '\'; DROP TABLE "user"; --',
  '\u0000',
  '../../etc/passwd',
  '{"$gt": ""}',
  'null',
  '-1',
  '1e309',
  'NaN',
  '🐝'.repeat(1000),
  '%00',
  'javascript:alert(1)',
  '0'.repeat(40),
  // Issue 17: lone surrogates, invisible, control and bidi characters, formulas.
  'a\uD800b',
  '\uDC00',
  '\u200B\u200C\uFEFF',
  '\u202Egnp.exe',
  'titre\u0007',
  '   ',
  '=HYPERLINK("http://evil")',
];
const NASTY_DATES = [
  'not a date',
  '2026-13-45T99:99:99Z',
  '1970-01-01T00:00:00Z',
  '',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2026-02-30T09:00:00Z',
  '2026-03-14T09:00:00',
  '2101-01-01T00:00:00Z',
  '2026-03-14T09:00:00Z',
];
const NASTY_NUMBERS = [-1, 0, 2 ** 31 - 1, -(2 ** 31), 1e9, 3.7, -0.5, 5.5, 1e6];

function randomValue(type: GraphQLInputType, random: () => number, depth = 0): unknown {
  if (isNonNullType(type)) return randomValue(type.ofType, random, depth);
  if (random() < 0.1) return null;
  if (isListType(type)) {
    // Now and then more than 50 wrong items: graphql-js gives up after 50 coercion errors.
    if (random() < 0.05) return Array.from({ length: 60 }, () => ({ wrong: true }));
    return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(type.ofType, random, depth + 1));
  }
  const named = getNamedType(type);
  if (isEnumType(named)) {
    const values = named.getValues();
    return values[Math.floor(random() * values.length)].name;
  }
  if (isInputObjectType(named)) {
    if (depth > 3) return {};
    return Object.fromEntries(Object.values(named.getFields()).map((field) => [field.name, randomValue(field.type, random, depth + 1)]));
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int':
        return NASTY_NUMBERS.filter(Number.isInteger)[Math.floor(random() * 6)];
      case 'Float':
        return NASTY_NUMBERS[Math.floor(random() * NASTY_NUMBERS.length)];
      case 'Boolean':
        return random() < 0.5;
      case 'ID':
        return ['0', '-1', '999999999', 'abc', '1; DROP', ''][Math.floor(random() * 6)];
      case 'DateTime':
        return NASTY_DATES[Math.floor(random() * NASTY_DATES.length)];
      default:
        return NASTY_STRINGS[Math.floor(random() * NASTY_STRINGS.length)];
    }
  }
  return null;
}

/** Builds `mutation($a: T!, …) { op(a: $a, …) { __typename } }` for any return type. */
function operationFor(name: string, args: readonly GraphQLArgument[], returnsObject: boolean, kind: 'mutation' | 'query'): string {
  const variables = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const call = args.length ? `(${args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
  return `${kind}${variables ? `(${variables})` : ''} { ${name}${call}${returnsObject ? ' { __typename }' : ''} }`;
}

async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const metadata of dataSource.entityMetadatas) {
    if (['session', 'search_outbox', 'app_meta'].includes(metadata.tableName)) continue;
    const [row] = await dataSource.query(`SELECT COUNT(*) AS n FROM "${metadata.tableName}"`);
    counts[metadata.tableName] = Number(row.n);
  }
  return counts;
}

describe('fuzzing every mutation and query with random and malformed values', () => {
  let server: TestServer;
  let schema: GraphQLSchema;
  beforeAll(async () => {
    server = await startTestServer();
    schema = server.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => server.close());

  async function fuzz(client: GqlClient, kind: 'mutation' | 'query', rounds: number, seed: number) {
    const random = prng(seed);
    const root = kind === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    const problems: string[] = [];
    for (const field of Object.values(root!.getFields())) {
      if (['register', 'login', 'logout', 'deleteMyAccount'].includes(field.name)) continue;
      const named = getNamedType(field.type);
      const returnsObject = !isScalarType(named) && !isEnumType(named);
      const query = operationFor(field.name, field.args, returnsObject, kind);
      for (let round = 0; round < rounds; round++) {
        const variables = Object.fromEntries(field.args.map((arg) => [arg.name, randomValue(arg.type, random)]));
        const result = await client.gql(query, variables);
        const body = JSON.stringify(result.errors ?? []);
        if (result.status >= 500) problems.push(`${field.name}: HTTP ${result.status}`);
        if (/INTERNAL_SERVER_ERROR/.test(body)) problems.push(`${field.name}: internal error with ${JSON.stringify(variables).slice(0, 300)}`);
        if (/\bat [\w.<>]+ \(|node_modules|SQLITE_|QueryFailedError|stack/i.test(body)) problems.push(`${field.name}: leaks internals: ${body.slice(0, 300)}`);
      }
    }
    return problems;
  }

  jest.setTimeout(180_000);

  it('an anonymous client gets clear errors and writes nothing', async () => {
    const dataSource = server.app.get(DataSource);
    const before = await rowCounts(dataSource);
    const problems = await fuzz(server.client(), 'mutation', 6, 42);
    expect(problems).toEqual([]);
    expect(await rowCounts(dataSource)).toEqual(before);
  });

  it('a logged-in admin never gets an internal error or a leaked stack trace', async () => {
    const admin = await server.userWithRole('ADMIN');
    expect(await fuzz(admin, 'mutation', 6, 7)).toEqual([]);
    expect(await fuzz(admin, 'query', 4, 99)).toEqual([]);
  });

  it('register never answers INTERNAL, whatever the e-mail, name or territory', async () => {
    const random = prng(17);
    const problems: string[] = [];
    for (let round = 0; round < 40; round++) {
      const pick = <T>(values: T[]) => values[Math.floor(random() * values.length)];
      const input = {
        email: pick([uniqueEmail('fuzz'), `a\uD800${uniqueEmail()}`, '', 'x@', `${'x'.repeat(300)}@example.org`]),
        password: pick(['correct horse battery staple', '', 'x']),
        displayName: pick([...NASTY_STRINGS, 'Agent Fuzz']),
        territoryCode: pick(['', ' ', '91228', 'ZZZZZ', '\u0000', null, '9'.repeat(40)]),
      };
      const result = await server.client().gql(`mutation($i: RegisterInput!) { register(input: $i) { id } }`, { i: input });
      if (result.status >= 500 || /INTERNAL_SERVER_ERROR/.test(JSON.stringify(result.errors ?? []))) problems.push(JSON.stringify(input).slice(0, 200));
    }
    expect(problems).toEqual([]);
  });

  it('after fuzzing, every list still reads and no stored title or name breaks the text rule', async () => {
    const admin = await server.userWithRole('ADMIN');
    const lists = await admin.gql(`{ seminars(first: 100) { edges { node { date title } } } }`);
    expect(lists.errors).toBeUndefined();
    const dataSource = server.app.get(DataSource);
    const broken: string[] = [];
    for (const metadata of dataSource.entityMetadatas) {
      for (const column of metadata.columns.filter((c) => ['title', 'name', 'displayName'].includes(c.propertyName))) {
        const rows: Record<string, string>[] = await dataSource.query(`SELECT "${column.databaseName}" AS v FROM "${metadata.tableName}"`);
        for (const { v } of rows) {
          if (typeof v === 'string' && (unstorableTextProblem(v) ?? lineTextProblem(v, column.propertyName)))
            broken.push(`${metadata.tableName}.${column.propertyName}: ${JSON.stringify(v)}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });
});
