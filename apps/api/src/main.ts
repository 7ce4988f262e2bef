import { ConfigError, loadDotEnv, readConfig } from './config/config';
import { installGracefulShutdown } from './operations/shutdown';
import { createServer, listen } from './server';

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  process.env.PORT = String(config.port);
  const app = await createServer(config);
  // From here on, SIGTERM/SIGINT drain requests and the search outbox before closing (docs/deployment.md).
  installGracefulShutdown(app, config);
  await listen(app, config);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
