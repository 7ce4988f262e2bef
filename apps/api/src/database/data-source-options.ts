import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Names Essaim's PostgreSQL sessions, so `npm run restore` can tell whether servers are connected. */
export const PG_APPLICATION_NAME = 'essaim';

type TimeoutSettings = Partial<Pick<AppConfig, 'pgConnectTimeoutMs' | 'pgStatementTimeoutMs'>>;

/** SQLite (embedded default) or PostgreSQL (DATABASE_URL); the same entities and migrations. */
export function dataSourceOptions(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'> & TimeoutSettings): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
  if (config.databaseUrl) {
    // A database that stops answering fails requests within these bounds instead of holding them (and the pool) forever.
    const statementTimeout = config.pgStatementTimeoutMs ?? 0;
    return {
      ...common,
      type: 'postgres',
      url: config.databaseUrl,
      applicationName: PG_APPLICATION_NAME,
      connectTimeoutMS: config.pgConnectTimeoutMs ?? 10_000,
      extra: { max: 20, ...(statementTimeout > 0 ? { statement_timeout: statementTimeout } : {}) },
    };
  }
  mkdirSync(config.dataDir, { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: join(config.dataDir, 'essaim.db'),
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 10000');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    },
  };
}
