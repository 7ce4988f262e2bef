import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GqlClient, TestServer } from './harness';

export const FIXTURES = join(__dirname, 'fixtures/data-import');
const ROOT = resolve(__dirname, '../../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  report: any;
}

/** `npm run data:import` as a real child process (scripts/api-script.mjs) on the test server's database. */
export function cli(server: TestServer, args: string[]): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/api-script.mjs'), 'data-import', ...args, '--json'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATA_DIR: server.config.dataDir,
        ...(server.config.databaseUrl ? { DATABASE_URL: server.config.databaseUrl } : { DATABASE_URL: '' }),
        LOG_LEVEL: 'error',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', fail);
    child.on('exit', (code) => {
      const last = stdout.trim().split('\n').pop() ?? '';
      let report: any = null;
      try {
        report = JSON.parse(last);
      } catch {
        // not a report (usage or error message)
      }
      done({ code, stdout, stderr, report });
    });
  });
}

/** The admin page's upload with JavaScript: raw body, NDJSON answer (progress lines, then the report). */
export async function upload(server: TestServer, client: GqlClient, source: string, file: string, vintage?: string) {
  const body = readFileSync(join(FIXTURES, file));
  const response = await fetch(`${server.url}/data-import/${source}${vintage ? `?vintage=${vintage}` : ''}`, {
    method: 'POST',
    headers: { cookie: client.cookieHeader(), 'content-type': 'text/csv', 'x-file-name': encodeURIComponent(file), origin: server.url },
    body,
  });
  const text = await response.text();
  const lines = response.headers.get('content-type')?.includes('ndjson')
    ? text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
    : [];
  return { status: response.status, text, lines, report: lines.find((l) => l.type === 'report')?.report ?? null };
}

/** The admin page's form without JavaScript: multipart, answered with a redirect to the report. */
export async function uploadForm(server: TestServer, client: GqlClient, source: string, file: string, origin = server.url) {
  const form = new FormData();
  form.set('source', source);
  form.set('vintage', '');
  form.set('file', new Blob([readFileSync(join(FIXTURES, file))], { type: 'text/csv' }), file);
  return fetch(`${server.url}/data-import`, { method: 'POST', headers: { cookie: client.cookieHeader(), origin }, body: form, redirect: 'manual' });
}
