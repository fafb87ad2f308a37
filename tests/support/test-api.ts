import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { Role } from '@lahde/platform/auth';
import { AppConfig, IssuerConfig, loadConfig } from '@lahde/platform/config';
import { TestIssuer } from '@lahde/testing';
import { ApiAppOptions, createApiApp } from '../../apps/api/src/create-api-app';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: Array<{ message: string; extensions: { code: string; fields?: Array<{ field: string; message: string }> } }>;
}

/** The whole API, as `main.ts` builds it, served over real HTTP, with a test identity provider. */
export class TestApi {
  private constructor(
    readonly app: NestExpressApplication,
    readonly issuer: TestIssuer,
  ) {}

  /**
   * `production` serves the app as NODE_ENV=production configures it (no introspection, no field
   * suggestions), still trusting the test issuer, whose JWKS is plain HTTP (production start-up
   * checks of the configuration itself are unit-tested in libs/platform/config).
   */
  static async start(
    options: { issuers?: (issuer: TestIssuer) => IssuerConfig[]; env?: Record<string, string>; production?: boolean; app?: ApiAppOptions } = {},
  ): Promise<TestApi> {
    const issuer = await TestIssuer.start();
    const issuers = options.issuers ? options.issuers(issuer) : [issuer.config()];
    const loaded = loadConfig({ ...process.env, AUTH_ISSUERS: JSON.stringify(issuers), RUN_JOBS_IN_API: 'false', ...(options.production ? { AUTH_DEV_ISSUER: 'false' } : {}), ...options.env });
    const config: AppConfig = options.production ? { ...loaded, nodeEnv: 'production', isProduction: true } : loaded;
    const app = await createApiApp(config, options.app);
    await app.init();
    return new TestApi(app, issuer);
  }

  get http() {
    return request(this.app.getHttpServer());
  }

  token(role: Role, county?: string, subject?: string): Promise<string> {
    return this.issuer.token(role, county, { subject });
  }

  /** Posts one GraphQL operation; `auth` is a token, or a role and county to mint one for. */
  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    auth?: string | { role: Role; county?: string },
  ): Promise<GqlResult<T>> {
    const token = typeof auth === 'string' ? auth : auth ? await this.token(auth.role, auth.county) : undefined;
    const req = this.http.post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return { status: res.status, data: res.body.data ?? null, errors: res.body.errors };
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.issuer.stop();
  }
}

export function errorCodes(result: GqlResult<unknown>): string[] {
  return (result.errors ?? []).map((e) => e.extensions.code);
}
