import { Role } from './roles';

/** The verified caller: built only from a token whose signature, issuer, audience and expiry were checked. */
export interface Principal {
  /** `iss` + `sub`: unique across identity providers. */
  id: string;
  subject: string;
  issuer: string;
  name: string | null;
  /** The `email` claim, lower-cased: links the caller to their own person record in the county registry. */
  email: string | null;
  role: Role;
  /** County code (e.g. "10") for county-bound callers, else null. */
  countyCode: string | null;
  /** The tenant id in the database: the county's id, or THL's national tenant for national roles; null for THL's ESF reporters. */
  tenantId: string | null;
}

/** Finds a county's tenant id by its code; provided by the directory domain. */
export interface CountyLookup {
  tenantIdForCode(code: string): Promise<string | null>;
  /** THL's own tenant, where its trainer training and that course's participants are kept. */
  nationalTenantId(): Promise<string | null>;
}
export const COUNTY_LOOKUP = Symbol('COUNTY_LOOKUP');
