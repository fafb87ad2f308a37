export interface Period {
  from: string;
  to: string;
}

/** The previous calendar year: what the funder's yearly report covers. */
export function lastYear(): Period {
  const year = new Date().getFullYear() - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Both dates complete and in order; until then nothing is asked of the API. */
export const isCompletePeriod = (p: Period) => DATE.test(p.from) && DATE.test(p.to) && p.from <= p.to;
