/** The API's yearly review operations (see "The February review" in docs/api-guide.md). */

export type ReviewOutcome = 'CONFIRMED' | 'CHANGED' | 'GONE';

export interface ReviewCounts {
  total: number;
  open: number;
  confirmed: number;
  changed: number;
  gone: number;
}

export interface ReviewItem {
  membershipId: string;
  personId: string;
  personName: string;
  unitName: string | null;
  currentStatus: string;
  outcome: ReviewOutcome | null;
  note: string | null;
  decidedAt: string | null;
}

export interface ReviewRound {
  id: string;
  year: number;
  openedOn: string;
  closedOn: string | null;
  counts: ReviewCounts;
}

const ROUND_FIELDS = 'id year openedOn closedOn counts { total open confirmed changed gone }';

export const ROUNDS_QUERY = `{ reviewRounds { ${ROUND_FIELDS} } }`;
export const ROUND_QUERY = `query Round($year: Int!) {
  reviewRound(year: $year) { ${ROUND_FIELDS} items { membershipId personId personName unitName currentStatus outcome note decidedAt } }
}`;
export const OPEN_ROUND = `mutation OpenRound($year: Int!) { openReviewRound(year: $year) { ${ROUND_FIELDS} } }`;
export const CLOSE_ROUND = `mutation CloseRound($year: Int!, $force: Boolean!) { closeReviewRound(year: $year, force: $force) { ${ROUND_FIELDS} } }`;
export const DECIDE = `mutation Decide($input: DecideReviewItemInput!) {
  decideReviewItem(input: $input) { membershipId personId personName unitName currentStatus outcome note decidedAt }
}`;

/** The new statuses each outcome allows (CONFIRMED takes none). */
export const NEW_STATUSES: Record<ReviewOutcome, string[]> = {
  CONFIRMED: [],
  CHANGED: ['ACTIVE', 'ON_LEAVE'],
  GONE: ['LEFT_ROLE', 'LEFT_ORGANISATION'],
};
