/** A job's status as a word in a badge; the colour only repeats what the word says. */
export function StatusBadge({ label, tone }: { label: string; tone?: 'ok' | 'warn' | 'bad' }) {
  return <span className={`badge${tone ? ` ${tone}` : ''}`}>{label}</span>;
}
