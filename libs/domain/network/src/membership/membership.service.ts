import { Injectable } from '@nestjs/common';
import { audit } from '@lahde/platform/audit';
import { PrincipalContext } from '@lahde/platform/auth';
import { assertVersion, findOrFail } from '@lahde/platform/database';
import { decodeCursor, toConnection } from '@lahde/platform/pagination';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { selfPersonId } from '@lahde/domain/people';
import { ownRowsCondition } from '../shared/caller';
import { SqlParams } from '../shared/sql';
import { changeMembershipStatus } from './change-status';
import { loadMembership, MEMBERSHIP_FROM, queryMemberships } from './membership-reader';
import { MembershipEntity } from './membership.entity';
import { ChangeMembershipStatusInput, Membership, MembershipListArgs } from './membership.models';

const ORDER = 'lower(p.last_name), lower(p.first_name), m.id';

/** Memberships of the caller's county: coordinators and county admins see and change them all. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly principals: PrincipalContext,
  ) {}

  /** One page sorted by the member's name, with the total matching the filter. */
  list(args: MembershipListArgs) {
    return this.tx.run(async (em) => {
      const params = new SqlParams();
      const where = [await ownRowsCondition(em, this.principals.current, 'm.person_id')];
      if (args.status) where.push(`m.status = ${params.add(args.status)}`);
      if (args.unitId) where.push(`p.unit_id = ${params.add(args.unitId)}`);
      if (args.sector) where.push(`u.sector = ${params.add(args.sector)}`);
      if (args.personId) where.push(`m.person_id = ${params.add(args.personId)}`);
      const filter = where.join(' AND ');
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM ${MEMBERSHIP_FROM} WHERE ${filter}`, params.values);
      const after = decodeCursor(args.after, 3);
      const page = after ? ` AND (${ORDER}) > (${params.add(after[0])}, ${params.add(after[1])}, ${params.add(after[2])}::uuid)` : '';
      const rows = await queryMemberships(em, `WHERE ${filter}${page} ORDER BY ${ORDER} LIMIT ${params.add(args.first + 1)}`, params.values);
      await audit(em, 'READ_PERSONAL', 'Membership', rows.slice(0, args.first).map((r) => r.model.id));
      return toConnection(rows, args.first, n, (r) => r.model, (r) => r.key);
    });
  }

  /** Another county's membership, or (for key workers and trainers) someone else's, answers NOT_FOUND. */
  get(id: string): Promise<Membership> {
    return this.tx.run(async (em) => {
      const membership = await loadMembership(em, id, await ownRowsCondition(em, this.principals.current, 'm.person_id'));
      await audit(em, 'READ_PERSONAL', 'Membership', id);
      return membership;
    });
  }

  /** The caller's own membership (matched by the e-mail of their sign-in); null when they have none. */
  mine(): Promise<Membership | null> {
    const principal = this.principals.current;
    if (!principal.countyCode) return Promise.resolve(null); // national callers belong to no county network
    return this.tx.run(async (em) => {
      const self = await selfPersonId(em, principal);
      const [found] = self ? await queryMemberships(em, 'WHERE m.person_id = $1', [self]) : [];
      if (!found) return null;
      await audit(em, 'READ_PERSONAL', 'Membership', found.model.id);
      return found.model;
    });
  }

  changeStatus(input: ChangeMembershipStatusInput): Promise<Membership> {
    return this.tx.run(async (em) => {
      const membership = await findOrFail(em, MembershipEntity, 'Membership', input.membershipId, true);
      assertVersion(membership, input.version, 'Membership');
      await changeMembershipStatus(em, membership, { status: input.status, effectiveOn: input.effectiveOn, reason: input.reason ?? null });
      return loadMembership(em, membership.id);
    });
  }
}
