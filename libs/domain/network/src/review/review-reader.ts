import { EntityManager } from 'typeorm';
import { NotFoundError } from '@lahde/platform/errors';
import { PERSON_NAME } from '../shared/sql';
import { ReviewItem, ReviewRound } from './review.models';

interface RoundRow {
  id: string;
  year: number;
  openedOn: string;
  closedOn: string | null;
  total: number;
  open: number;
  confirmed: number;
  changed: number;
  gone: number;
}

/** Review rounds matching `where` (on alias `r`), newest first, each with its counts. */
export async function queryRounds(em: EntityManager, where: string, params: unknown[]): Promise<ReviewRound[]> {
  const rows: RoundRow[] = await em.query(
    `SELECT r.id, r.year, r.opened_on::text AS "openedOn", r.closed_on::text AS "closedOn",
            count(i.membership_id)::int AS total,
            count(i.membership_id) FILTER (WHERE i.outcome IS NULL)::int AS open,
            count(*) FILTER (WHERE i.outcome = 'CONFIRMED')::int AS confirmed,
            count(*) FILTER (WHERE i.outcome = 'CHANGED')::int AS changed,
            count(*) FILTER (WHERE i.outcome = 'GONE')::int AS gone
       FROM review_rounds r LEFT JOIN review_items i ON i.round_id = r.id
      WHERE ${where} GROUP BY r.id ORDER BY r.year DESC`,
    params,
  );
  return rows.map(({ total, open, confirmed, changed, gone, ...round }) => ({ ...round, counts: { total, open, confirmed, changed, gone } }));
}

export async function loadRound(em: EntityManager, year: number): Promise<ReviewRound> {
  const [round] = await queryRounds(em, 'r.year = $1', [year]);
  if (!round) throw new NotFoundError('Review round');
  return round;
}

/** Items of a round matching `where` (on alias `i`), sorted by the member's name. */
export function queryItems(em: EntityManager, where: string, params: unknown[]): Promise<ReviewItem[]> {
  return em.query(
    `SELECT i.round_id AS "roundId", i.membership_id AS "membershipId", m.person_id AS "personId", ${PERSON_NAME} AS "personName",
            u.name AS "unitName", m.status AS "currentStatus", i.outcome, i.note, i.decided_at AS "decidedAt"
       FROM review_items i JOIN memberships m ON m.id = i.membership_id JOIN people p ON p.id = m.person_id LEFT JOIN units u ON u.id = p.unit_id
      WHERE ${where} ORDER BY lower(p.last_name), lower(p.first_name), m.id`,
    params,
  );
}
