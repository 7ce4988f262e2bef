import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ConfigError, loadDotEnv, readConfig } from '../config/config';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/migrate';
import { importContours } from '../maps/contours/contours-import';

const USAGE = `Usage: node scripts/api-script.mjs import-contours <file.geojson[.gz]> [--vintage 2024] [--source "…"] [--licence "…"]
Loads commune outlines (Etalab "contours administratifs", IGN Admin Express) into territory_shape.
The vintage defaults to the year in the file name. Re-importing a vintage replaces it.`;

/**
 * The contours importer from the shell (the lead registers importContours() under
 * `npm run data:import -- contours <file>` too). Prints the report as JSON; exit code 1 on failure.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { vintage: { type: 'string' }, source: { type: 'string' }, licence: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 64);
  }
  loadDotEnv();
  const config = readConfig();
  await runMigrations(config);
  const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
  try {
    const report = await importContours(dataSource, positionals[0], { vintage: values.vintage, source: values.source, licence: values.licence });
    console.log(JSON.stringify(report, null, 2));
    if (report.written === 0) console.error('import-contours: nothing written — are the territories imported (start the server once)?');
  } catch (error) {
    console.error(`import-contours: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
