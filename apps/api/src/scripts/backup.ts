import { loadDotEnv, readConfig } from '../config/config';
import { backupDatabase } from '../operations/backup';

/** `npm run backup [-- --out FILE]`: a consistent snapshot of the database, safe while the server runs. */
async function main(): Promise<void> {
  loadDotEnv();
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
  const result = await backupDatabase(readConfig(), out);
  console.log(`Backup written: ${result.file} (${Math.round(result.bytes / 1024)} KiB, ${result.driver})`);
}

main().catch((error) => {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
});
