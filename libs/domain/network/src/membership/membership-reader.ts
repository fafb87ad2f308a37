import { EntityManager } from 'typeorm';
import { Sector } from '@lahde/domain/directory';
import { NotFoundError } from '@lahde/platform/errors';
import { PERSON_NAME } from '../shared/sql';
import { loadHistories } from './membership-history';
import { MembershipStatus } from './membership-status';
import { Membership } from './membership.models';

/** Memberships joined with their person (alias `p`) and unit (alias `u`): filters may name all three. */
export const MEMBERSHIP_FROM = 'memberships m JOIN people p ON p.id = m.person_id LEFT JOIN units u ON u.id = p.unit_id';

interface MembershipRow {
  id: string;
  person_id: string;
  person_name: string;
  last_name: string;
  first_name: string;
  unit_id: string | null;
  unit_name: string | null;
  sector: Sector | null;
  status: MembershipStatus;
  since: string;
  version: number;
}

/** Memberships matching `tail` (a WHERE clause with ORDER BY / LIMIT), each with its history and sort key. */
export async function queryMemberships(em: EntityManager, tail: string, params: unknown[]): Promise<Array<{ model: Membership; key: unknown[] }>> {
  const rows: MembershipRow[] = await em.query(
    `SELECT m.id, m.person_id, ${PERSON_NAME} AS person_name, lower(p.last_name) AS last_name, lower(p.first_name) AS first_name,
            p.unit_id, u.name AS unit_name, u.sector, m.status, m.since::text AS since, m.version
       FROM ${MEMBERSHIP_FROM} ${tail}`,
    params,
  );
  const histories = await loadHistories(em, rows.map((r) => r.id));
  return rows.map((r) => ({
    model: {
      id: r.id,
      personId: r.person_id,
      personName: r.person_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      sector: r.sector,
      status: r.status,
      since: r.since,
      version: r.version,
      history: histories.get(r.id) ?? [],
    },
    key: [r.last_name, r.first_name, r.id],
  }));
}

/** One membership the caller may see (`visible` is a condition on `m`/`p`), or NOT_FOUND. */
export async function loadMembership(em: EntityManager, id: string, visible = 'true'): Promise<Membership> {
  const [found] = await queryMemberships(em, `WHERE m.id = $1 AND ${visible}`, [id]);
  if (!found) throw new NotFoundError('Membership');
  return found.model;
}
