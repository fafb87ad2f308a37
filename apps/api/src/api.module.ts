import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import * as path from 'node:path';
import { AuthenticationGuard, AuthModule } from '@lahde/platform/auth';
import { AbilityGuard } from '@lahde/platform/authz';
import { AppConfig, CONFIG } from '@lahde/platform/config';
import { DatabaseModule } from '@lahde/platform/database';
import { AppErrorFilter, InputValidationPipe } from '@lahde/platform/errors';
import { Telemetry } from '@lahde/platform/observability';
import { QueueModule } from '@lahde/platform/queue';
import { TenancyModule } from '@lahde/platform/tenancy';
import { CountyLookupModule, DirectoryJobsModule, DirectoryModule } from '@lahde/domain/directory';
import { MetricsJobsModule, MetricsModule } from '@lahde/domain/metrics';
import { NetworkModule } from '@lahde/domain/network';
import { RegisterImportJobsModule, RegisterImportModule } from '@lahde/domain/register-import';
import { ReportingJobsModule, ReportingModule } from '@lahde/domain/reporting';
import { PeopleModule } from '@lahde/domain/people';
import { PrivacyJobsModule, PrivacyModule } from '@lahde/domain/privacy';
import { TrainingModule } from '@lahde/domain/training';
import { AuditLogResolver } from './audit/audit-log.resolver';
import { HealthController } from './health/health.controller';
import { graphQLLimits } from './limits/graphql-limits';
import { rateLimitPlugin } from './limits/rate-limit.plugin';
import { RateLimits } from './limits/rate-limits';
import { UserRateLimitGuard } from './limits/user-rate-limit.guard';
import { ApiTelemetry } from './observability/api-telemetry';
import { GraphQLTelemetryPlugin } from './observability/graphql-telemetry.plugin';
import { PrometheusController } from './observability/prometheus.controller';
import { MeResolver } from './me/me.resolver';
import { SignInController } from './web/sign-in.controller';

/** The committed, generated schema: changes to the API show up in review. */
export const SCHEMA_FILE = path.join(process.cwd(), 'apps/api/schema.graphql');

@Module({})
export class ApiModule {
  static register(config: AppConfig): DynamicModule {
    const limits = graphQLLimits(config.isProduction);
    return {
      module: ApiModule,
      global: true,
      imports: [
        TenancyModule,
        DatabaseModule,
        QueueModule,
        AuthModule.register(CountyLookupModule),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          // `npm start` (development) rewrites the committed schema; tests compare against it instead.
          autoSchemaFile: config.nodeEnv === 'development' ? SCHEMA_FILE : true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: !config.isProduction,
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          // Depth, cost, aliases, directives and tokens; suggestions cut in production.
          ...limits,
          plugins: [...limits.plugins, rateLimitPlugin],
          // Guards run on field resolvers too, so a field can demand more than its parent.
          fieldResolverEnhancers: ['guards'],
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
        DirectoryModule,
        PeopleModule,
        NetworkModule,
        TrainingModule,
        MetricsModule,
        ReportingModule,
        RegisterImportModule,
        PrivacyModule,
        ...(config.runJobsInApi ? [DirectoryJobsModule, MetricsJobsModule, ReportingJobsModule, RegisterImportJobsModule, PrivacyJobsModule] : []),
      ],
      controllers: [HealthController, PrometheusController, SignInController],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: Telemetry, useFactory: () => new Telemetry('api') },
        ApiTelemetry,
        GraphQLTelemetryPlugin,
        RateLimits,
        // In this order: who is asking, whether they may ask this often, whether they may ask this.
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: UserRateLimitGuard },
        { provide: APP_GUARD, useClass: AbilityGuard },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: AppErrorFilter },
        MeResolver,
        AuditLogResolver,
      ],
      exports: [CONFIG],
    };
  }
}
