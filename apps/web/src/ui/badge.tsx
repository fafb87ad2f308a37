export type Tone = 'ok' | 'warn' | 'bad';

/** A status as a word in a badge; the colour only repeats what the word says. */
export function Badge({ label, tone }: { label: string; tone?: Tone }) {
  return <span className={`badge${tone ? ` ${tone}` : ''}`}>{label}</span>;
}
