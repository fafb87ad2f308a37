import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import { AppConfig } from '@lahde/platform/config';
import { createLogger, PinoNestLogger, requestContext, requestId, requestLogging, Telemetry } from '@lahde/platform/observability';
import { ApiModule } from './api.module';
import { BODY_LIMIT, bodyErrors } from './limits/body-errors';
import { RateLimits, UNLIMITED_PATHS } from './limits/rate-limits';
import { describeCaller, KNOWN_PATHS } from './observability/api-telemetry';
import { serveWebApp } from './web/web-pages';

export interface ApiAppOptions {
  /** Where the JSON log lines go (stdout by default); tests read them from here. */
  logDestination?: DestinationStream;
}

/** Builds the API application; shared by `main.ts` and the e2e tests so both serve exactly the same app. */
export async function createApiApp(config: AppConfig, options: ApiAppOptions = {}): Promise<NestExpressApplication> {
  const logger = createLogger({ level: config.logLevel, service: 'api' }, options.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(config), {
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  app.disable('x-powered-by');
  // Behind an ingress the client's address is in X-Forwarded-For; trusted only as far as TRUST_PROXY says.
  app.set('trust proxy', config.trustProxy);
  // Order matters: id and timing first, so that even refused requests are logged and measured; the
  // per-address limit before the body is read; the async context after the body parser.
  app.use(requestId);
  app.use(requestLogging(logger, { describe: describeCaller, skip: (path) => UNLIMITED_PATHS.includes(path) }));
  app.use(app.get(Telemetry).httpMiddleware(KNOWN_PATHS));
  app.use(app.get(RateLimits).perAddress());
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(bodyErrors);
  app.use(requestContext);
  serveWebApp(app, config);
  return app;
}
