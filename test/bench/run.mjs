#!/usr/bin/env node
// `npm run bench`: runs every test/bench/*.bench.mjs in turn (each writes its own section of
// docs/performance.md). `npm run bench -- search` runs only the files whose name contains "search".
// Among them: digests.bench.mjs (5,000 weekly digests through the mail outbox to an SMTP sink).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
let failed = false;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit', cwd: join(here, '../..') });
  if (result.status !== 0) failed = true;
}
if (files.length === 0) console.log('No benchmark matched.');
process.exit(failed ? 1 : 0);
