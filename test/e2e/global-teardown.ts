import { join } from 'node:path';
import { SCREENSHOTS_DIR, ROOT } from './harness';

/** Each file stops its own server and browser; this only says where the screenshots are. */
export default async function globalTeardown(): Promise<void> {
  console.log(`\nE2E screenshots: ${join(SCREENSHOTS_DIR).replace(`${ROOT}/`, '')}/<journey>/`);
}
