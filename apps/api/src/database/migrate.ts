import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { withStartupLock } from './startup-lock';

type MigrationConfig = Pick<AppConfig, 'databaseUrl' | 'dataDir'> & Partial<Pick<AppConfig, 'pgConnectTimeoutMs'>>;

/**
 * Runs pending migrations in their own connection, before the application starts, under the
 * startup lock: N processes starting together on an empty database apply them once (the
 * first) and the others find nothing left to do.
 */
export async function runMigrations(config: MigrationConfig): Promise<string[]> {
  return withStartupLock(config, async () => {
    // No statement timeout here: a migration may rightly take longer than any request.
    const dataSource = new DataSource(dataSourceOptions({ ...config, pgStatementTimeoutMs: 0 }));
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length) new Logger('Database').log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  });
}
