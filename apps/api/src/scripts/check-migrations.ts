import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';

/**
 * Fails when the entities differ from what the migrations build: runs every migration on a
 * fresh SQLite file (and on PostgreSQL when CHECK_DATABASE_URL is set) and asks TypeORM what
 * it would still change. Anything listed needs a migration.
 */
async function check(label: string, options: ConstructorParameters<typeof DataSource>[0]): Promise<boolean> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length === 0) {
      console.log(`migrations (${label}): entities and migrations agree`);
      return true;
    }
    console.error(`migrations (${label}): entities changed without a migration. Missing statements:`);
    for (const query of upQueries) console.error(`  ${query.query}`);
    return false;
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'essaim-migrations-'));
  let ok = await check('sqlite', dataSourceOptions({ databaseUrl: null, dataDir: dir }));
  rmSync(dir, { recursive: true, force: true });
  const pgUrl = process.env.CHECK_DATABASE_URL;
  if (pgUrl) {
    const { Client } = await import('pg');
    const name = `essaim_migcheck_${Date.now()}`;
    const admin = new Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      ok = (await check('postgres', dataSourceOptions({ databaseUrl: pgUrl.replace(/\/[^/]*$/, `/${name}`), dataDir: tmpdir() }))) && ok;
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
