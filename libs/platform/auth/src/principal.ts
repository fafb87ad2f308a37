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
  /** The county's id, which is the tenant id in the database; null for national callers. */
  tenantId: string | null;
}

/** Finds a county's tenant id by its code; provided by the directory domain. */
export interface CountyLookup {
  tenantIdForCode(code: string): Promise<string | null>;
}
export const COUNTY_LOOKUP = Symbol('COUNTY_LOOKUP');
