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
import { GqlClient, startTestServer, TestServer } from './harness';

/** A small deterministic PRNG so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const NASTY_STRINGS = [
  '', ' ', 'x'.repeat(200_000), '<script>alert(1)</script>', "'; DROP TABLE \"user\"; --", '\u0000', '../../etc/passwd',
  '{"$gt": ""}', 'null', '-1', '1e309', 'NaN', '🐝'.repeat(1000), '%00', 'javascript:alert(1)', '0'.repeat(40),
];
const NASTY_NUMBERS = [-1, 0, 2 ** 31 - 1, -(2 ** 31), 1e9, 3.7, -0.5, 5.5, 1e6];

function randomValue(type: GraphQLInputType, random: () => number, depth = 0): unknown {
  if (isNonNullType(type)) return randomValue(type.ofType, random, depth);
  if (random() < 0.1) return null;
  if (isListType(type)) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(type.ofType, random, depth + 1));
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
        return ['not a date', '2026-13-45T99:99:99Z', '1970-01-01T00:00:00Z', ''][Math.floor(random() * 4)];
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
});
