#!/usr/bin/env node
// `npm run dev`: the API recompiled and restarted on change (tsc --watch + node --watch) on
// port 3000 without the built web app, and Vite's dev server with hot reload on 5173, which
// proxies /graphql, /healthz and /open-data to the API. Open http://localhost:5173.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
spawnSync('npm', ['run', 'build', '-w', '@essaim/domain'], { cwd: root, stdio: 'inherit' });
const initial = spawnSync(npx, ['tsc', '-p', 'apps/api/tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (initial.status !== 0) console.warn('[essaim] the API does not compile yet; watching for fixes');

const children = [
  spawn(npx, ['tsc', '-p', 'apps/api/tsconfig.build.json', '--watch', '--preserveWatchOutput'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, ['--watch-path=apps/api/dist', 'apps/api/dist/main.js'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SERVE_WEB: 'false', NODE_ENV: process.env.NODE_ENV ?? 'development' },
  }),
  spawn(npx, ['vite', 'dev', '--host', '127.0.0.1'], {
    cwd: join(root, 'apps/web'),
    stdio: 'inherit',
    env: { ...process.env, ESSAIM_API_URL: process.env.ESSAIM_API_URL ?? 'http://127.0.0.1:3000/graphql' },
  }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', () => stop());
