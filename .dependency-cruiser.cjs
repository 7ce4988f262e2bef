/**
 * Dependency rules (`npm run deps:check`, in CI). See docs/architecture.md, "Conventions".
 *
 * Features are the folders of apps/api/src listed in FEATURES. Another folder may import from a
 * feature only its public surface: its Nest module, entities, GraphQL models and enums, services
 * and ports (the providers its module exports), registries, an index.ts, and the few files listed
 * in DECLARED_PUBLIC. Everything else (DTOs, helpers, demo data, resolvers) is the feature's own.
 * The composition roots (app.module.ts, main.ts, server.ts, scripts/, database/entities.ts)
 * wire everything and may import anything. Infrastructure folders (common, config, database,
 * graphql, pubsub, read-cache, observability, health, operations, web, seed) are shared as a whole.
 */
const FEATURES = [
  'accounts',
  'benchmark',
  'blockers',
  'commitments',
  'data-import',
  'forum',
  'mail',
  'maps',
  'notifications',
  'open-data',
  'search',
  'seminars',
  'territories',
  'wiki',
];
const API = '^apps/api/src/';
// `(|.*/)` = at any depth (`(.*/)?` would trip dependency-cruiser's unsafe-regex guard).
const PUBLIC_FILE = [
  '[^/]+\\.module\\.ts$',
  '.*\\.entit(y|ies)\\.ts$',
  '(|.*/)entities/[^/]+\\.ts$',
  '(|.*/)models/[^/]+\\.ts$',
  '.*\\.(model|enum|enums|port|registry|service|events)\\.ts$',
  '(|.*/)index\\.ts$',
];
/** Public although their names do not say so: enums and types other features pass back, exported providers. */
const DECLARED_PUBLIC = [
  'territories/territory-kind.ts',
  'notifications/follow-target.ts',
  'search/search-document.ts',
  'search/search-outbox.ts',
  'mail/account-mails.ts',
  'accounts/password-policy.ts',
  // How an account gets its handle: every path that inserts accounts, the demo seed included (in its own transaction).
  'accounts/handle.ts',
  // How a figure becomes history: a figure typed in and an imported one (data-import, in the runner's transaction) alike.
  'benchmark/supersede.ts',
  // Domain events other features handle or extend (docs/architecture.md, "Domain events").
  'search/search-events.ts',
  // The provenance of a figure, shown wherever figures are (Comparer, maps, exports).
  'benchmark/provenance.ts',
  // What the minutes say, which the commitments' "Suites données" section extends (minutes-follow-ups.registry.ts).
  'seminars/minutes/minutes-model.ts',
  // The contours reader: maps own it, the data-import CLI and admin page run it as one of their sources.
  'maps/contours/contours-import.ts',
  'maps/contours/geojson-features.ts',
];
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One regular expression per kind of public file (one big alternation trips the unsafe-regex guard). */
const publicOf = [...PUBLIC_FILE.map((file) => `${API}(${FEATURES.join('|')})/${file}`), ...DECLARED_PUBLIC.map((f) => `${API}${escapeRegExp(f)}$`)];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle (type-only imports aside, they vanish at run time): move the shared part where both can import it.',
      // A Svelte component may render itself (a tree): that self-import is not a cycle to break.
      from: { pathNot: '\\.svelte$' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-feature-internals',
      severity: 'error',
      comment:
        "Imports another feature's internals: use its public surface (module, entity, model, enum, service, port, registry, index.ts), " +
        'or move the shared code to common/ or database/.',
      from: {
        path: `${API}([^/]+)/`,
        pathNot: [`${API}(scripts/|database/entities\\.ts$|database/migrations/)`, '\\.(spec|int-spec)\\.ts$'],
      },
      to: {
        path: `${API}(${FEATURES.join('|')})/`,
        pathNot: [`${API}$1/`, ...publicOf],
      },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      // $app/*, $env/* and ./$types are SvelteKit's virtual or generated modules.
      to: { couldNotResolve: true, pathNot: ['^\\$(app|env)/', '(^|/)\\$types$'] },
    },
    {
      name: 'no-test-code-in-app',
      severity: 'error',
      comment: 'Application code does not import tests.',
      from: { path: '^(apps|libs)/[^/]+/src/', pathNot: '\\.(spec|int-spec)\\.ts$' },
      to: { path: '(\\.(spec|int-spec|e2e)\\.ts$|^test/|^apps/api/test/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|build|\\.svelte-kit)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['svelte', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.svelte', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};
