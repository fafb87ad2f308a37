import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@lahde/platform/config';
import { ApiModule } from './api.module';

/** Builds the API application; shared by `main.ts` and the e2e tests so both serve exactly the same app. */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(config), {
    bodyParser: false,
    logger: config.nodeEnv === 'test' ? ['error', 'warn'] : logLevels(config.logLevel),
  });
  app.useBodyParser('json', { limit: '1mb' });
  app.disable('x-powered-by');
  return app;
}

function logLevels(level: AppConfig['logLevel']) {
  const all = ['error', 'warn', 'log', 'debug'] as const;
  return all.slice(0, all.indexOf(level) + 1) as Array<(typeof all)[number]>;
}
