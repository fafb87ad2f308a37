import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CountyLookup } from '@lahde/platform/auth';

const TTL_MS = 5 * 60_000;

/** County code to tenant id, cached briefly: the 22 tenants change about once a decade. */
@Injectable()
export class CachedCountyLookup implements CountyLookup {
  private cache: { at: number; ids: Map<string, string> } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  async tenantIdForCode(code: string): Promise<string | null> {
    if (!this.cache || Date.now() - this.cache.at > TTL_MS) {
      const rows: Array<{ id: string; code: string }> = await this.dataSource.query('SELECT id, code FROM counties');
      this.cache = { at: Date.now(), ids: new Map(rows.map((r) => [r.code, r.id])) };
    }
    return this.cache.ids.get(code) ?? null;
  }
}
