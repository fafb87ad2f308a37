/** Every job that touches county data names its tenant; the processor re-enters that tenant's context. */
export interface TenantJobData {
  tenantId: string;
  /** Principal id of whoever asked for the job, for the audit trail. */
  requestedBy: string;
}
