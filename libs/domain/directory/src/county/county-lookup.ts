import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CountyLookup } from '@lahde/platform/auth';

const TTL_MS = 5 * 60_000;

interface Tenants {
  at: number;
  counties: Map<string, string>;
  national: string | null;
}

/** County code to tenant id, and THL's national tenant, cached briefly: tenants change about once a decade. */
@Injectable()
export class CachedCountyLookup implements CountyLookup {
  private cache: Tenants | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async tenantIdForCode(code: string): Promise<string | null> {
    return (await this.tenants()).counties.get(code) ?? null;
  }

  async nationalTenantId(): Promise<string | null> {
    return (await this.tenants()).national;
  }

  private async tenants(): Promise<Tenants> {
    if (!this.cache || Date.now() - this.cache.at > TTL_MS) {
      const rows: Array<{ id: string; code: string; kind: string }> = await this.dataSource.query('SELECT id, code, kind FROM counties');
      this.cache = {
        at: Date.now(),
        counties: new Map(rows.filter((r) => r.kind === 'COUNTY').map((r) => [r.code, r.id])),
        national: rows.find((r) => r.kind === 'NATIONAL')?.id ?? null,
      };
    }
    return this.cache;
  }
}
