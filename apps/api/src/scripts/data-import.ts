import 'reflect-metadata';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { User } from '../accounts/user.entity';
import { Indicator } from '../benchmark/indicator.entity';
import { IndicatorsService } from '../benchmark/indicators.service';
import { AppError } from '../common/errors';
import { ConfigError, loadDotEnv, readConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/migrate';
import { DataImportService } from '../data-import/data-import.service';
import { describeReport } from '../data-import/import-report';
import { DATA_IMPORT_SOURCES } from '../data-import/sources';
import { Territory } from '../territories/territory.entity';

const USAGE = `Usage: npm run data:import -- <source> <file> [--vintage 2024-T4] [--by admin@example.org] [--json]
       npm run data:import -- --list
Sources:
${DATA_IMPORT_SOURCES.map((s) => `  ${s.key.padEnd(24)} ${s.name} — ${s.fileHint}`).join('\n')}
Reads the whole file first; writes only when every row is valid (one transaction). Re-importing
the same source and vintage replaces the earlier import. Exit code 0 when imported, 2 when refused.`;

/** `npm run data:import`: imports an official open-data file a person downloaded (docs/data-sources.md). */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { vintage: { type: 'string' }, by: { type: 'string' }, json: { type: 'boolean' }, list: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help || values.list || positionals.length !== 2) {
    console.log(USAGE);
    process.exit(values.help || values.list ? 0 : 64);
  }
  const [sourceKey, file] = positionals;
  if (!existsSync(file) || !statSync(file).isFile()) {
    console.error(`data:import: file not found: ${file}`);
    process.exit(66);
  }
  loadDotEnv();
  const config = readConfig();
  await runMigrations(config);
  const dataSource = new DataSource(dataSourceOptions(config));
  await dataSource.initialize();
  try {
    if ((await dataSource.getRepository(Territory).count()) === 0) {
      console.error('data:import: no territories in the database yet: start the application once (npm start) so it loads them.');
      process.exit(69);
    }
    await new IndicatorsService(dataSource.getRepository(Indicator)).ensureCatalogue();
    let user: User | null = null;
    if (values.by) {
      user = await dataSource.getRepository(User).findOne({ where: { email: values.by.trim().toLowerCase() } });
      if (!user) {
        console.error(`data:import: no account with e-mail ${values.by}`);
        process.exit(67);
      }
    }
    const size = statSync(file).size;
    const interactive = process.stderr.isTTY && !values.json;
    const report = await new DataImportService(dataSource).run(sourceKey, createReadStream(file, { highWaterMark: 256 * 1024 }), {
      fileName: basename(file),
      vintage: values.vintage ?? null,
      user,
      via: 'CLI',
      onProgress: ({ phase, bytes, rows }) => {
        if (interactive)
          process.stderr.write(`\r${phase === 'writing' ? 'écriture' : 'lecture'} ${Math.round((bytes / Math.max(size, 1)) * 100)} % · ${rows} lignes   `);
      },
    });
    if (interactive) process.stderr.write('\n');
    console.log(values.json ? JSON.stringify(report) : describeReport(report).join('\n'));
    process.exitCode = report.status === 'DONE' ? 0 : 2;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`data:import: ${error.message}`);
      process.exitCode = 64;
    } else throw error;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
