import { getQueueToken } from '@nestjs/bull';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bull';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { Principal } from '@lahde/platform/auth';
import { PoolStats, Telemetry } from '@lahde/platform/observability';
import { Queues } from '@lahde/platform/queue';
import type { RequestWithGraphQL } from './graphql-telemetry.plugin';

/** Paths whose timings are labelled by path; every other unmatched path is `other`. */
export const KNOWN_PATHS = ['/graphql', '/health', '/health/live', '/metrics'] as const;

/** Adds the database pool and the bull queues to the API's metrics. */
@Injectable()
export class ApiTelemetry implements OnApplicationBootstrap {
  constructor(
    @Inject(Telemetry) private readonly telemetry: Telemetry,
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    const driver = this.dataSource.driver as unknown as { master?: PoolStats };
    this.telemetry.watchPool(() => driver.master);
    const queues = Object.values(Queues).map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    this.telemetry.watchQueues(queues);
  }
}

/** Who asked and what, for the request log: the token's subject, role and county, the GraphQL operation. No names or e-mails. */
export function describeCaller(req: Request): Record<string, unknown> {
  const user = (req as Request & { user?: Principal }).user;
  const graphql = (req as Request & RequestWithGraphQL).graphql;
  return {
    user: user?.subject ?? null,
    role: user?.role ?? null,
    county: user?.countyCode ?? null,
    ...(graphql ? { operation: graphql.operation, operationType: graphql.type } : {}),
  };
}
