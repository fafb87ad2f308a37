/** Periods as the API takes them (`PeriodInput`, `ExportPeriodInput`): local dates, both included. */
export interface Period {
  from: string;
  to: string;
}

/** Today in Finland, YYYY-MM-DD: the API's dates are local to Europe/Helsinki, whatever the browser's zone. */
export function todayInFinland(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date());
}

export function currentYear(): number {
  return new Date().getFullYear();
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The years a user can pick: this year first, back to the start of the network's records. */
export function recentYears(count = 6): number[] {
  const year = currentYear();
  return Array.from({ length: count }, (_, i) => year - i);
}

function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}

/** Both dates complete and in order; until then nothing is asked of the API. */
export function isCompletePeriod(period: Period): boolean {
  return isLocalDate(period.from) && isLocalDate(period.to) && period.from <= period.to;
}
