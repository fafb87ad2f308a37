import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { Observable, tap } from 'rxjs';
import { PrincipalContext } from '@lahde/platform/auth';
import { TenantContext } from '@lahde/platform/tenancy';
import { MetricsRefreshScheduler } from './metrics-refresh';

/**
 * After every successful mutation, each tenant it worked on gets its metrics refreshed: the caller's
 * county, and e.g. the home counties of THL's graduates when THL completes its trainer training.
 */
@Injectable()
export class RefreshMetricsAfterWrites implements NestInterceptor {
  constructor(
    private readonly scheduler: MetricsRefreshScheduler,
    private readonly tenant: TenantContext,
    private readonly principals: PrincipalContext,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql' || GqlExecutionContext.create(context).getInfo().parentType.name !== 'Mutation') return next.handle();
    return next.handle().pipe(
      tap(() => {
        for (const tenantId of this.tenant.touchedTenants) void this.scheduler.schedule(tenantId, this.principals.current.id);
      }),
    );
  }
}
