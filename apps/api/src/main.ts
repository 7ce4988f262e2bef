import { ConfigError, loadDotEnv, readConfig } from './config/config';
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
  await listen(app, config);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
