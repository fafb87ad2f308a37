import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { findOrFail, saveUnique } from '@lahde/platform/database';
import { ConflictError, helsinkiToday, NotFoundError } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { changeMembershipStatus } from '../membership/change-status';
import { MembershipEntity } from '../membership/membership.entity';
import { REVIEWED_STATUSES } from '../membership/membership-status';
import { refuseProblems } from '../shared/input-checks';
import { outcomeChecks } from './review-outcome';
import { loadRound, queryItems, queryRounds } from './review-reader';
import { ReviewRoundEntity } from './review-round.entity';
import { DecideReviewItemInput, ReviewItem, ReviewRound } from './review.models';

const DECISION_FIELDS = { status: 'input.newStatus', effectiveOn: 'input.effectiveOn' };

/** The yearly review: open a round for the year, decide each member, close it. History is kept. */
@Injectable()
export class ReviewService {
  constructor(private readonly tx: TenantTransaction) {}

  rounds(): Promise<ReviewRound[]> {
    return this.tx.run((em) => queryRounds(em, 'true', []));
  }

  round(year: number): Promise<ReviewRound> {
    return this.tx.run((em) => loadRound(em, year));
  }

  items(roundId: string, onlyOpen: boolean): Promise<ReviewItem[]> {
    return this.tx.run(async (em) => {
      const items = await queryItems(em, `i.round_id = $1 AND (NOT $2 OR i.outcome IS NULL)`, [roundId, onlyOpen]);
      await audit(em, 'READ_PERSONAL', 'Membership', items.map((i) => i.membershipId));
      return items;
    });
  }

  /** A round for `year` with one open item per member who is ACTIVE or ON_LEAVE; CONFLICT if the year has one. */
  open(year: number): Promise<ReviewRound> {
    return this.tx.run(async (em) => {
      const round = em.create(ReviewRoundEntity, { year, openedOn: helsinkiToday(), closedOn: null });
      await saveUnique(em, round, { field: 'year', message: `Your county already has a review round for ${year}` });
      await em.query('INSERT INTO review_items (round_id, membership_id) SELECT $1, id FROM memberships WHERE status = ANY($2::text[])', [
        round.id,
        REVIEWED_STATUSES,
      ]);
      await audit(em, 'CREATE', 'ReviewRound', round.id);
      return loadRound(em, year);
    });
  }

  /** Records the outcome for one member; CHANGED and GONE change the membership like `changeMembershipStatus`. */
  decide(input: DecideReviewItemInput): Promise<ReviewItem> {
    return this.tx.run(async (em) => {
      const round = await findOrFail(em, ReviewRoundEntity, 'Review round', input.roundId, true);
      if (round.closedOn) throw new ConflictError(`The review round of ${round.year} is closed`, 'input.roundId');
      const [item] = await em.query('SELECT outcome FROM review_items WHERE round_id = $1 AND membership_id = $2 FOR UPDATE', [round.id, input.membershipId]);
      if (!item) throw new NotFoundError('Review item');
      if (item.outcome) throw new ConflictError(`This member was already reviewed in ${round.year} (${item.outcome})`, 'input.membershipId');
      refuseProblems(...outcomeChecks(input.outcome, input.newStatus, input.effectiveOn));
      if (input.newStatus) {
        const membership = await findOrFail(em, MembershipEntity, 'Membership', input.membershipId, true);
        const change = { status: input.newStatus, effectiveOn: input.effectiveOn ?? helsinkiToday(), reason: `Review ${round.year}` };
        await changeMembershipStatus(em, membership, change, DECISION_FIELDS);
      }
      await em.query('UPDATE review_items SET outcome = $3, note = $4, decided_at = now() WHERE round_id = $1 AND membership_id = $2', [
        round.id,
        input.membershipId,
        input.outcome,
        input.note ?? null,
      ]);
      await audit(em, 'UPDATE', 'ReviewRound', round.id, ['items']);
      const [decided] = await queryItems(em, 'i.round_id = $1 AND i.membership_id = $2', [round.id, input.membershipId]);
      return decided;
    });
  }

  /** Closes the year's round; refused while items are open unless `force`, and they then stay open for good. */
  close(year: number, force: boolean): Promise<ReviewRound> {
    return this.tx.run(async (em) => {
      const round = await lockRoundOfYear(em, year);
      if (round.closedOn) throw new ConflictError(`The review round of ${year} is already closed`, 'year');
      const [{ open }] = await em.query('SELECT count(*)::int AS open FROM review_items WHERE round_id = $1 AND outcome IS NULL', [round.id]);
      if (open > 0 && !force) throw new ConflictError(`${open} item(s) of ${year} are still open: decide them, or close with force: true`, 'force');
      round.closedOn = helsinkiToday();
      await em.save(round);
      await audit(em, 'UPDATE', 'ReviewRound', round.id, ['closedOn']);
      return loadRound(em, year);
    });
  }
}

async function lockRoundOfYear(em: EntityManager, year: number): Promise<ReviewRoundEntity> {
  const round = await em.findOne(ReviewRoundEntity, { where: { year }, lock: { mode: 'pessimistic_write' } });
  if (!round) throw new NotFoundError('Review round');
  return round;
}
