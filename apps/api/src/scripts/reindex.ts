import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { existsSync, readFileSync } from 'node:fs';
import { AppModule } from '../app.module';
import { ConfigError, loadDotEnv, readConfig } from '../config/config';
import { runMigrations } from '../database/migrate';
import { masterKeyFor, runningUrlFile } from '../search/meili/meili-process';
import { SearchIndexer } from '../search/search-indexer.service';

/**
 * `npm run search:reindex`: rebuilds the whole search index from the database into a fresh
 * index and swaps it in atomically; searches keep answering from the old index meanwhile.
 * Safe while the app runs: it reuses the running instance's managed Meilisearch (or MEILI_URL),
 * and other processes' workers hold outbox changes until the swap.
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = readConfig();
  const runningUrl = runningUrlFile(config.dataDir);
  if (!config.meiliUrl && config.searchEngine !== 'fts' && existsSync(runningUrl)) {
    const url = readFileSync(runningUrl, 'utf8').trim();
    const alive = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (alive) Object.assign(config, { meiliUrl: url, meiliMasterKey: masterKeyFor(config.dataDir) });
  }
  await runMigrations(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, demoData: false }), { logger: ['fatal', 'error', 'warn', 'log'] });
  try {
    const { documents, ms } = await app.get(SearchIndexer).reindexAll();
    console.log(`search:reindex: ${documents} documents indexed and swapped in (${ms} ms)`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
