import { ReactNode } from 'react';

/** Label–value pairs of a record, read-only. */
export function Facts({ items }: { items: Array<[label: string, value: ReactNode]> }) {
  return (
    <dl className="facts">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
