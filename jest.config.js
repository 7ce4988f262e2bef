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
const common = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // NestJS 12, meilisearch, marked and diff ship ES modules only: transform them to CommonJS for jest.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|meilisearch|marked|diff|lodash-es|uid|file-type|@apollo|@as-integrations|graphql-ws|strtok3|token-types|@tokenizer|load-esm|uint8array-extras)/)'],
  moduleNameMapper: { '^@essaim/domain$': '<rootDir>/libs/domain/src/index.ts' },
  testEnvironment: 'node',
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/apps/*/src/**/*.spec.ts', '<rootDir>/libs/*/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/apps/api/test/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/apps/api/test/global-setup.ts',
      globalTeardown: '<rootDir>/apps/api/test/global-teardown.ts',
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'], globalSetup: '<rootDir>/test/e2e/global-setup.ts', globalTeardown: '<rootDir>/test/e2e/global-teardown.ts' },
  ],
};
