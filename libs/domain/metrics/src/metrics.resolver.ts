import { Args, Query, Resolver } from '@nestjs/graphql';
import { PrincipalContext } from '@lahde/platform/auth';
import { Can } from '@lahde/platform/authz';
import { ForbiddenError, InputError } from '@lahde/platform/errors';
import { CountyMetrics, NationalMetrics, PeriodInput } from './metrics.models';
import { MetricsService } from './metrics.service';

@Resolver()
export class MetricsResolver {
  constructor(
    private readonly metrics: MetricsService,
    private readonly principals: PrincipalContext,
  ) {}

  @Query(() => NationalMetrics, { description: 'Every county side by side with national totals: aggregates only, read through the national role.' })
  @Can('read', 'NationalMetrics')
  nationalMetrics(@Args('period') period: PeriodInput) {
    return this.metrics.national(checkPeriod(period));
  }

  @Query(() => CountyMetrics, { description: 'One county with breakdowns by sector, organisation type and municipality. County roles: their own county only.' })
  @Can('read', 'CountyMetrics')
  countyMetrics(@Args('countyCode') countyCode: string, @Args('period') period: PeriodInput) {
    if (!/^[0-9]{2}$/.test(countyCode)) throw new InputError([{ field: 'countyCode', message: 'must be a two-digit county code, e.g. "10"' }]);
    const principal = this.principals.current;
    if (principal.countyCode && principal.countyCode !== countyCode) throw new ForbiddenError('You may see the metrics of your own county only');
    return this.metrics.county(countyCode, checkPeriod(period), !principal.countyCode);
  }
}

function checkPeriod(period: PeriodInput): PeriodInput {
  if (period.to < period.from) throw new InputError([{ field: 'period.to', message: 'must not be before period.from' }]);
  return period;
}
