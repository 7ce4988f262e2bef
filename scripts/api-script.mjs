#!/usr/bin/env node
// Runs one of the API's command-line scripts (apps/api/src/scripts/NAME.ts) from the
// repository root, so relative settings such as DATA_DIR=./data mean the same as for
// `npm start`. Builds the API first when it is missing or older than its sources.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale } from './build-state.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
const script = join(root, 'apps/api/dist/scripts', `${name}.js`);
for (const [workspace, output, sources] of [
  ['@essaim/domain', 'libs/domain/dist/index.js', ['libs/domain/src']],
  ['@essaim/api', 'apps/api/dist/main.js', ['apps/api/src', 'libs/domain/src']],
]) {
  if (
    !isStale(
      join(root, output),
      sources.map((s) => join(root, s)),
    )
  )
    continue;
  const build = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
