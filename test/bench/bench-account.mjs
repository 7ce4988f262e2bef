// Benchmarks need accounts with rights (a facilitator, a verified member): since addresses must be
// verified before ADMIN_EMAILS or a membership counts, they are made with the operators' own
// script (`npm run user:create`), on the data directory of the server under test.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Runs apps/api/dist/scripts/create-user.js with `env` (same DATA_DIR/DATABASE_URL as the server).
 * Asynchronous on purpose: a blocked event loop would not see the server close idle keep-alive
 * sockets, and the next request on one would fail with ECONNRESET.
 */
export function createBenchAccount({ env, cwd = root, email, name, password, role = 'MEMBER', territory, verified = false }) {
  const args = ['--email', email, '--name', name, '--password', password, '--role', role];
  if (territory) args.push('--territory', territory);
  if (verified) args.push('--verified');
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [join(root, 'apps/api/dist/scripts/create-user.js'), ...args], { cwd, env }, (error, stdout, stderr) =>
      error ? reject(new Error(`create-user failed:\n${stdout}${stderr}`)) : resolve(),
    ),
  );
}
