/** Counts of people below this are not shown in breakdowns that could single someone out. */
export const SUPPRESSION_THRESHOLD = 5;

export interface Cell {
  key: string;
  count: number;
}

export interface ShownCell {
  key: string;
  /** Null when suppressed. */
  count: number | null;
  suppressed: boolean;
}

/**
 * Primary suppression hides counts of 1 to 4. Because the total is shown, a single hidden cell could be
 * recovered by subtraction, so then the smallest other cell is hidden too (secondary suppression).
 * `unpublished` cells (a complement such as "unknown") are never shown, so hiding one of them protects
 * nothing: the secondary cell is always one that would have been shown.
 */
export function suppress(cells: Cell[], threshold = SUPPRESSION_THRESHOLD, unpublished: ReadonlySet<string> = new Set()): ShownCell[] {
  const hidden = new Set(cells.filter((c) => c.count > 0 && c.count < threshold).map((c) => c.key));
  if (hidden.size === 1) {
    // Even a zero: a lone hidden cell next to shown zeros would equal the total.
    const next = cells.filter((c) => !hidden.has(c.key) && !unpublished.has(c.key)).sort((a, b) => a.count - b.count)[0];
    if (next) hidden.add(next.key);
  }
  return cells.map((c) => (hidden.has(c.key) ? { key: c.key, count: null, suppressed: true } : { key: c.key, count: c.count, suppressed: false }));
}
