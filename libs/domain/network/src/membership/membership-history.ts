import { EntityManager } from 'typeorm';
import { MembershipStatus } from './membership-status';
import { MembershipEvent } from './membership.models';

/** Appends one event to a membership's history; the database records when and by whom. */
export async function appendMembershipEvent(
  em: EntityManager,
  membershipId: string,
  event: { status: MembershipStatus; effectiveOn: string; reason: string | null },
): Promise<void> {
  await em.query('INSERT INTO membership_events (membership_id, status, effective_on, reason) VALUES ($1, $2, $3, $4)', [
    membershipId,
    event.status,
    event.effectiveOn,
    event.reason,
  ]);
}

/** The history of each membership, newest first (by effective date, then by when it was recorded). */
export async function loadHistories(em: EntityManager, membershipIds: string[]): Promise<Map<string, MembershipEvent[]>> {
  const rows: Array<MembershipEvent & { membershipId: string }> = await em.query(
    `SELECT membership_id AS "membershipId", status, effective_on::text AS "effectiveOn", reason, recorded_at AS "recordedAt", recorded_by AS "recordedBy"
       FROM membership_events WHERE membership_id = ANY($1::uuid[])
      ORDER BY effective_on DESC, id DESC`,
    [membershipIds],
  );
  const histories = new Map<string, MembershipEvent[]>(membershipIds.map((id) => [id, []]));
  for (const { membershipId, ...event } of rows) histories.get(membershipId)?.push(event);
  return histories;
}
