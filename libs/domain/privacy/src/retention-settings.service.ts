import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { InputError } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { RETENTION_LIMITS, RetentionSettings, SetRetentionSettingsInput } from './privacy.models';

/** The periods a county uses until its coordinator sets its own: the column defaults of `privacy_settings`. */
export const RETENTION_DEFAULTS = { personYears: 3, auditLogYears: 5, esfRetentionUntil: '2031-12-31' } as const;

const COLUMNS = `person_years AS "personYears", audit_log_years AS "auditLogYears", esf_retention_until::text AS "esfRetentionUntil", updated_at AS "updatedAt"`;

/** The current county's retention periods (its own row, or the defaults). */
export async function retentionSettingsOf(em: EntityManager): Promise<RetentionSettings> {
  const [row] = await em.query(`SELECT ${COLUMNS} FROM privacy_settings`);
  return row ? { ...row, isDefault: false } : { ...RETENTION_DEFAULTS, isDefault: true, updatedAt: null };
}

/** Each county sets its own retention periods within fixed ranges; row-level security keeps them apart. */
@Injectable()
export class RetentionSettingsService {
  constructor(private readonly tx: TenantTransaction) {}

  get(): Promise<RetentionSettings> {
    return this.tx.run(retentionSettingsOf);
  }

  set(input: SetRetentionSettingsInput): Promise<RetentionSettings> {
    const { min, max } = RETENTION_LIMITS.esfRetentionUntil;
    if (input.esfRetentionUntil < min || input.esfRetentionUntil > max) {
      return Promise.reject(new InputError([{ field: 'input.esfRetentionUntil', message: `must be from ${min} to ${max}` }]));
    }
    return this.tx.run(async (em) => {
      const [row] = await em.query(
        `INSERT INTO privacy_settings (person_years, audit_log_years, esf_retention_until) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) DO UPDATE SET person_years = $1, audit_log_years = $2, esf_retention_until = $3, updated_at = now(),
           updated_by = coalesce(NULLIF(current_setting('app.actor_id', true), ''), 'system')
         RETURNING tenant_id`,
        [input.personYears, input.auditLogYears, input.esfRetentionUntil],
      );
      await audit(em, 'UPDATE', 'RetentionSettings', row.tenant_id, ['personYears', 'auditLogYears', 'esfRetentionUntil']);
      return retentionSettingsOf(em);
    });
  }
}
