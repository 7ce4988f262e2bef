import { ConfigError, readConfig } from './config';

describe('reliability and footprint settings', () => {
  it('has defaults sized for a 2 GB server', () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      pgConnectTimeoutMs: 10_000,
      pgStatementTimeoutMs: 30_000,
      redisPrefix: null,
      meiliMaxIndexingMemory: '256MiB',
      meiliMaxIndexingThreads: 1,
    });
  });

  it('reads explicit values', () => {
    const config = readConfig({
      PG_STATEMENT_TIMEOUT_MS: '0',
      REDIS_PREFIX: 'mairie-x:prod',
      MEILI_MAX_INDEXING_MEMORY: '1 GiB',
      MEILI_MAX_INDEXING_THREADS: '2',
    });
    expect(config).toMatchObject({ pgStatementTimeoutMs: 0, redisPrefix: 'mairie-x:prod', meiliMaxIndexingMemory: '1GiB', meiliMaxIndexingThreads: 2 });
  });

  it.each([
    ['REDIS_PREFIX', 'with space'],
    ['MEILI_MAX_INDEXING_MEMORY', 'lots'],
    ['MEILI_MAX_INDEXING_THREADS', '0'],
    ['PG_CONNECT_TIMEOUT_MS', '-1'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [name]: value })).toThrow(name);
  });
});
