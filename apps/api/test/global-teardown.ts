import { rmSync } from 'node:fs';

/** Stops the Meilisearch started by global-setup (SIGTERM, then SIGKILL) and removes its data. */
export default async function globalTeardown(): Promise<void> {
  const meili = (globalThis as Record<string, unknown>).__essaimTestMeili as { pid: number; dir: string } | undefined;
  if (!meili) return;
  const alive = () => {
    try {
      process.kill(meili.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(meili.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(meili.pid, 'SIGKILL');
  rmSync(meili.dir, { recursive: true, force: true });
}
