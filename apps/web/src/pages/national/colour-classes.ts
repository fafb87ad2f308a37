/** A class of the map's sequential scale: the counties whose value lies in [min, max]. */
export interface ColourClass {
  min: number;
  max: number;
  count: number;
  colour: string;
}

/** Light to dark blue; the lightest still stands apart from the white county borders and the no-data hatch. */
export const SEQUENTIAL = ['#d6e6f4', '#9ecae1', '#5a9fcf', '#2b6fae', '#0b3d73'];

/**
 * Splits the values into up to `SEQUENTIAL.length` classes of about equal size (quantiles). A class
 * starts at a quantile, or at the next larger value when ties would make it empty, so equal values
 * always share a class. The legend shows each class's own lowest and highest value: ranges never
 * overlap and every county falls into exactly one class.
 */
export function classify(values: number[]): ColourClass[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const k = SEQUENTIAL.length;
  const starts = [sorted[0]];
  for (let j = 1; j < k; j++) {
    const previous = starts[starts.length - 1];
    const quantile = sorted[Math.floor((j * sorted.length) / k)];
    const start = quantile > previous ? quantile : sorted.find((v) => v > previous);
    if (start === undefined) break;
    starts.push(start);
  }
  const groups = starts.map((start, i) => sorted.filter((v) => v >= start && (i === starts.length - 1 || v < starts[i + 1])));
  return groups.map((group, i) => ({
    min: group[0],
    max: group[group.length - 1],
    count: group.length,
    // Fewer classes than colours: spread them over the whole scale, a single class in the middle.
    colour: SEQUENTIAL[groups.length === 1 ? Math.floor(k / 2) : Math.round((i * (k - 1)) / (groups.length - 1))],
  }));
}

export function classOf(classes: ColourClass[], value: number | null): ColourClass | undefined {
  return value === null ? undefined : classes.find((c) => value >= c.min && value <= c.max);
}
