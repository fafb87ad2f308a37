import { ReactNode } from 'react';

/** Label–value pairs of a record, read-only; `className` gives another look (the default is in styles.css). */
export function Facts({ items, className = 'facts' }: { items: Array<[label: string, value: ReactNode]>; className?: string }) {
  return (
    <dl className={className}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
