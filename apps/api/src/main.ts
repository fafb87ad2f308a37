import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@lahde/platform/config';
import { createApiApp } from './create-api-app';

async function bootstrap() {
  const config = loadConfig();
  const app = await createApiApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  Logger.log(`GraphQL API on http://${host}:${config.port}/graphql`, 'Lahde');
}

bootstrap().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
