/** Calendar-year periods as the API takes them (`PeriodInput`, `ExportPeriodInput`: local dates, both included). */

export function currentYear(): number {
  return new Date().getFullYear();
}

export function yearPeriod(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The years a user can pick: this year first, back to the start of the network's records. */
export function recentYears(count = 6): number[] {
  const year = currentYear();
  return Array.from({ length: count }, (_, i) => year - i);
}

export function isLocalDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}
