import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { missingPrerequisite, ROOT } from './harness';

/** Says once, loudly, when the browser journeys cannot run; each file then skips (or fails under ESSAIM_REQUIRE_SERVICES=1). */
export default async function globalSetup(): Promise<void> {
  mkdirSync(join(ROOT, 'test-results', 'screenshots'), { recursive: true });
  const missing = missingPrerequisite();
  if (missing) {
    const verdict = process.env.ESSAIM_REQUIRE_SERVICES === '1' ? 'WILL FAIL (ESSAIM_REQUIRE_SERVICES=1)' : 'ARE SKIPPED';
    console.warn(`\n\n${'#'.repeat(78)}\n## Browser journeys ${verdict}: ${missing}\n${'#'.repeat(78)}\n`);
  }
}
