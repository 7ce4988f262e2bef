#!/usr/bin/env node
// `npm start`: builds what is not built (or is older than its sources), then runs the one
// Essaim process: migrations, demo data on an empty database, API and web app on PORT (3000).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStale } from './build-state.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const steps = [
  { workspace: '@essaim/domain', output: 'libs/domain/dist/index.js', sources: ['libs/domain/src'] },
  {
    workspace: '@essaim/web',
    output: 'apps/web/build/handler.js',
    sources: ['apps/web/src', 'apps/web/static', 'apps/web/svelte.config.js', 'apps/web/vite.config.ts', 'libs/domain/src'],
  },
  { workspace: '@essaim/api', output: 'apps/api/dist/main.js', sources: ['apps/api/src', 'libs/domain/src'] },
];

for (const step of steps) {
  if (
    !isStale(
      join(root, step.output),
      step.sources.map((s) => join(root, s)),
    )
  )
    continue;
  console.log(`[essaim] building ${step.workspace}…`);
  const result = spawnSync(npm, ['run', 'build', '-w', step.workspace], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
