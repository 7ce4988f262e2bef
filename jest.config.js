/** Three tiers: unit specs beside the code, integration (real HTTP, DB, search), browser journeys. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
// `jest --selectProjects integration apps/api/test/wiki` would read the path as a second project
// name and run every integration suite; treat such path-like values as test path filters instead.
const selectIndex = process.argv.indexOf('--selectProjects');
const pathFilters = [];
if (selectIndex >= 0) {
  for (const arg of process.argv.slice(selectIndex + 1)) {
    if (arg.startsWith('-')) break;
    if (arg.includes('/')) pathFilters.push(arg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
}
const onlyPaths = pathFilters.length ? [`^(?!.*(${pathFilters.join('|')})).*$`] : [];

const common = {
  testPathIgnorePatterns: ['/node_modules/', ...onlyPaths],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // NestJS 12, meilisearch, marked, diff, d3-geo and the OIDC libraries ship ES modules only: transform them to CommonJS for jest.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|meilisearch|marked|diff|lodash-es|uid|file-type|@apollo|@as-integrations|graphql-ws|strtok3|token-types|@tokenizer|load-esm|uint8array-extras|d3-geo|d3-array|internmap|openid-client|oauth4webapi|jose|oidc-provider)/)',
  ],
  moduleNameMapper: { '^@essaim/domain$': '<rootDir>/libs/domain/src/index.ts' },
  testEnvironment: 'node',
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/apps/*/src/**/*.spec.ts', '<rootDir>/libs/*/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      setupFilesAfterEnv: ['<rootDir>/apps/api/test/jest-setup.ts'],
      testMatch: ['<rootDir>/apps/api/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      setupFilesAfterEnv: ['<rootDir>/test/e2e/jest-setup.ts'],
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
  ],
};
