import 'reflect-metadata';
import { INestApplication, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { validationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { runMigrations } from './database/migrate';
import { withStartupLock } from './database/startup-lock';
import { DataDirLock } from './operations/data-dir-lock';
import { DataDirLockModule } from './operations/data-dir-lock.module';
import { SeedService } from './seed/seed.service';
import { TerritoryImportService } from './territories/territory-import.service';
import { isApiPath, loadWebHandler, webMiddleware } from './web/web-handler';
import { apiBodyParser, bodyParserErrorHandler } from './web/api-body-parser';
import { createRootLogger, PinoNestLogger } from './observability/pino-logger';
import { requestContextMiddleware } from './observability/request-context.middleware';
import { ReadCacheService } from './read-cache/read-cache.service';
import { applyHttpTimeouts } from './web/http-timeouts';
import { guardWebSocketOrigin } from './web/websocket-origin';
import { limitWebSocketMessages } from './graphql/subscription-limits';

@Module({})
class ServerRootModule {}

export interface ServerOptions {
  /** Limit the territory import to some départements (tests); null imports all of France. */
  territoryDepartements?: string[] | null;
  /** Mount the SvelteKit app (default: config.serveWeb). */
  serveWeb?: boolean;
}

/**
 * Boot order: configuration (already validated) → database and migrations → Nest modules
 * (search engine, pub/sub) → reference data and demo seed → HTTP.
 */
export async function createServer(config: AppConfig, options: ServerOptions = {}): Promise<INestApplication> {
  const rootLogger = createRootLogger(config);
  const nestLogger = new PinoNestLogger(rootLogger);
  Logger.overrideLogger(config.logLevel === 'silent' ? false : nestLogger);
  // Held until the app closes: `npm run restore` refuses to run under a live server (data-dir-lock.ts).
  const dataDirLock = DataDirLock.shared(config.dataDir);
  try {
    return await createApp(config, options, rootLogger, nestLogger, dataDirLock);
  } catch (error) {
    dataDirLock.release();
    throw error;
  }
}

async function createApp(
  config: AppConfig,
  options: ServerOptions,
  rootLogger: ReturnType<typeof createRootLogger>,
  nestLogger: PinoNestLogger,
  dataDirLock: DataDirLock,
): Promise<INestApplication> {
  await runMigrations(config);
  const root = { module: ServerRootModule, imports: [AppModule.forRoot(config), DataDirLockModule.holding(dataDirLock)] };
  const app = await NestFactory.create<NestExpressApplication>(root, {
    logger: config.logLevel === 'silent' ? false : nestLogger,
    bodyParser: false,
    // Throw instead of exiting so callers (tests, scripts) see the reason.
    abortOnError: false,
  });
  app.use(requestContextMiddleware(rootLogger));
  app.set('trust proxy', config.trustProxy);
  // API answers are POSTs (never revalidated) and pages come from SvelteKit: hashing every body for an ETag is wasted.
  app.set('etag', false);
  // Bodies are parsed for the API only: SvelteKit reads page form posts from the raw stream.
  app.use(apiBodyParser());
  app.use(bodyParserErrorHandler);
  app.enableShutdownHooks();
  app.use(cookieParser());
  app.use(
    helmet({
      // Pages get their CSP from SvelteKit (with hashes for its inline scripts); API responses get a locked-down one.
      contentSecurityPolicy: false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use((req: { path: string }, res: { setHeader(n: string, v: string): void }, next: () => void) => {
    if (isApiPath(req.path)) res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    next();
  });
  app.useGlobalPipes(validationPipe);

  // Mounted before init() so it sits in front of Nest's final not-found handler.
  if (options.serveWeb ?? config.serveWeb) {
    const handler = await loadWebHandler();
    if (handler) app.use(webMiddleware(handler));
  }
  await app.init();
  applyHttpTimeouts(app.getHttpServer());
  if (!guardWebSocketOrigin(app, config.publicUrl)) throw new Error('WebSocket server not found: the Origin check cannot be installed.');
  if (!limitWebSocketMessages(app)) throw new Error('WebSocket server not found: its message size limit cannot be installed.');
  app.get(ReadCacheService).install(app.getHttpServer(), app.getHttpAdapter().getInstance(), rootLogger);
  // One process at a time, so processes starting together on an empty database seed it once.
  await withStartupLock(config, async () => {
    await app.get(TerritoryImportService).importIfNeeded(options.territoryDepartements ?? config.territoryDepartements);
    if (config.demoData) await app.get(SeedService).seedIfEmpty();
  });
  return app;
}

export async function listen(app: INestApplication, config: AppConfig): Promise<string> {
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  new Logger('Essaim').log(`Essaim is listening on ${config.publicUrl} (${url})`);
  return url;
}
