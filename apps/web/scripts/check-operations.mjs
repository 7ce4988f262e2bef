#!/usr/bin/env node
/**
 * Checks every typed GraphQL operation of the web app against apps/api/schema.gql, and that
 * src/lib/graphql/graphql-env.d.ts (gql.tada's types) was generated from the current schema.
 * `gql.tada check` would do the first part, but it refuses to run beside .svelte files unless
 * @gql.tada/svelte-support is installed; operations live in .ts files, so we extract them here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, Kind, parse, validate, visit } from 'graphql';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaFile = join(root, '..', 'api', 'schema.gql');
const envFile = join(root, 'src', 'lib', 'graphql', 'graphql-env.d.ts');
const schema = buildSchema(readFileSync(schemaFile, 'utf8'));
let failures = 0;

function* tsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* tsFiles(path);
    else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

// graphql(`...`) calls with a plain template literal (no ${} interpolation).
const CALL = /\bgraphql\(\s*`([^`]*)`/g;
const documents = [];
for (const file of tsFiles(join(root, 'src'))) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(CALL)) {
    const line = text.slice(0, match.index).split('\n').length;
    const where = `${relative(root, file)}:${line}`;
    try {
      documents.push({ where, ast: parse(match[1]) });
    } catch (error) {
      failures++;
      console.error(`✗ ${where}: ${error.message}`);
    }
  }
}

const fragments = new Map();
for (const { ast } of documents) {
  for (const def of ast.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
}

/** The document's own definitions plus every fragment it spreads, transitively. */
function withFragments(ast) {
  const own = new Set(ast.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => d.name.value));
  const needed = new Map();
  const queue = [ast];
  while (queue.length) {
    visit(queue.pop(), {
      FragmentSpread(node) {
        const name = node.name.value;
        if (own.has(name) || needed.has(name) || !fragments.has(name)) return;
        needed.set(name, fragments.get(name));
        queue.push(fragments.get(name));
      },
    });
  }
  return { kind: Kind.DOCUMENT, definitions: [...ast.definitions, ...needed.values()] };
}

let operations = 0;
for (const { where, ast } of documents) {
  // A fragment alone is checked as part of the operations that use it.
  if (!ast.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) continue;
  operations++;
  const errors = validate(schema, withFragments(ast));
  for (const error of errors) {
    failures++;
    console.error(`✗ ${where}: ${error.message}`);
  }
}

// The generated introspection types must match the schema.
const tmp = mkdtempSync(join(tmpdir(), 'essaim-gql-'));
try {
  const out = join(tmp, 'graphql-env.d.ts');
  execFileSync('npx', ['gql.tada', 'generate', 'output', '--output', out], { cwd: root, stdio: 'pipe' });
  if (readFileSync(out, 'utf8') !== readFileSync(envFile, 'utf8')) {
    failures++;
    console.error('✗ src/lib/graphql/graphql-env.d.ts is stale: run `npm run -w @essaim/web gql:generate`.');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (failures) {
  console.error(`${failures} GraphQL problem(s) in the web app.`);
  process.exit(1);
}
console.log(`✓ ${operations} GraphQL operations valid against apps/api/schema.gql; gql.tada types up to date.`);
