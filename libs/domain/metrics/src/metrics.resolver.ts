import { Args, Query, Resolver } from '@nestjs/graphql';
import { PrincipalContext } from '@lahde/platform/auth';
import { Can } from '@lahde/platform/authz';
import { ForbiddenError, InputError } from '@lahde/platform/errors';
import { CountyMetrics, Granularity, NationalMetrics, PeriodInput, TrendPoint } from './metrics.models';
import { MetricsService } from './metrics.service';
import { TrendService } from './trend.service';

@Resolver()
export class MetricsResolver {
  constructor(
    private readonly metrics: MetricsService,
    private readonly trends: TrendService,
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

  @Query(() => [TrendPoint], { description: 'Metrics as a time series: national (no countyCode; national roles) or one county (county roles: their own).' })
  @Can('read', 'CountyMetrics')
  async metricsTrend(
    @Args('period') period: PeriodInput,
    @Args('granularity', { type: () => Granularity, defaultValue: Granularity.MONTH }) granularity: Granularity,
    @Args('countyCode', { type: () => String, nullable: true }) countyCode: string | null,
  ) {
    const principal = this.principals.current;
    const code = countyCode ?? principal.countyCode;
    if (principal.countyCode && code !== principal.countyCode) throw new ForbiddenError('You may see the metrics of your own county only');
    const tenantId = code ? await this.metrics.tenantOf(code) : null;
    return this.trends.trend(tenantId, !principal.countyCode, checkPeriod(period), granularity);
  }
}

function checkPeriod(period: PeriodInput): PeriodInput {
  if (period.from < '2000-01-01' || period.to > '2100-12-31') throw new InputError([{ field: 'period', message: 'must lie between 2000 and 2100' }]);
  if (period.to < period.from) throw new InputError([{ field: 'period.to', message: 'must not be before period.from' }]);
  return period;
}
