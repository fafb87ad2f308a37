import { Process, Processor } from '@nestjs/bull';
import { Job } from 'bull';
import { Queues, TenantJobData } from '@lahde/platform/queue';
import { TenantContext, TenantTransaction } from '@lahde/platform/tenancy';
import { OrganisationEntity } from './organisation.entity';

export const ORGANISATION_CENSUS_JOB = 'organisation-census';

export interface OrganisationCensusResult {
  tenantId: string;
  organisations: number;
}

/**
 * The simplest tenant job: counts a county's organisations inside that county's context. It proves
 * the path every background job takes: payload names the tenant, the processor re-enters it, RLS applies.
 */
@Processor(Queues.maintenance)
export class OrganisationCensusProcessor {
  constructor(
    private readonly tenant: TenantContext,
    private readonly tx: TenantTransaction,
  ) {}

  @Process(ORGANISATION_CENSUS_JOB)
  census(job: Job<TenantJobData>): Promise<OrganisationCensusResult> {
    const { tenantId, requestedBy } = job.data;
    return this.tenant.runAs(tenantId, requestedBy, () =>
      this.tx.run(async (em) => ({ tenantId, organisations: await em.count(OrganisationEntity) })),
    );
  }
}
