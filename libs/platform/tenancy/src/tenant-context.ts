import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';

/** Thrown when code reaches for county data with no county in context: a bug, never a reason to return all rows. */
export class MissingTenantContextError extends Error {
  constructor() {
    super('No tenant in context: county data can only be touched inside a verified county context');
    this.name = 'MissingTenantContextError';
  }
}

const TENANT_ID = 'lahde.tenantId';
const ACTOR_ID = 'lahde.actorId';
const ACTOR_ROLE = 'lahde.actorRole';
const TOUCHED = 'lahde.touchedTenants';

/**
 * The county (tenant) and actor of the current request or job, carried by nestjs-cls. It is set only by
 * the authentication guard from a verified token, or by a job runner from the job's own payload.
 */
@Injectable()
export class TenantContext {
  constructor(private readonly cls: ClsService) {}

  /** `actorRole` goes into the audit trail with the actor; jobs have none. */
  enter(tenantId: string | null, actorId: string, actorRole: string | null = null): void {
    this.cls.set(TENANT_ID, tenantId);
    this.cls.set(ACTOR_ID, actorId);
    this.cls.set(ACTOR_ROLE, actorRole);
  }

  get tenantId(): string | null {
    return this.cls.isActive() ? (this.cls.get<string | null>(TENANT_ID) ?? null) : null;
  }

  get actorId(): string | null {
    return this.cls.isActive() ? (this.cls.get<string | null>(ACTOR_ID) ?? null) : null;
  }

  get actorRole(): string | null {
    return this.cls.isActive() ? (this.cls.get<string | null>(ACTOR_ROLE) ?? null) : null;
  }

  /** Tenants whose data this request or job has worked on, e.g. to refresh their metrics after a write. */
  get touchedTenants(): ReadonlySet<string> {
    return (this.cls.isActive() && this.cls.get<Set<string>>(TOUCHED)) || new Set();
  }

  noteTouched(tenantId: string): void {
    if (!this.cls.isActive()) return;
    let touched = this.cls.get<Set<string> | undefined>(TOUCHED);
    if (!touched) this.cls.set(TOUCHED, (touched = new Set()));
    touched.add(tenantId);
  }

  requireTenantId(): string {
    const tenantId = this.tenantId;
    if (!tenantId) throw new MissingTenantContextError();
    return tenantId;
  }

  /**
   * Runs `work` for another tenant: job processors (which have no request) and hand-overs between
   * tenants. A nested context inherits the request's record of touched tenants, nothing else matters.
   */
  runAs<T>(tenantId: string, actorId: string, work: () => Promise<T>): Promise<T> {
    if (this.cls.isActive() && !this.cls.get(TOUCHED)) this.cls.set(TOUCHED, new Set<string>());
    return this.cls.run({ ifNested: 'inherit' }, () => {
      this.enter(tenantId, actorId);
      return work();
    });
  }
}
