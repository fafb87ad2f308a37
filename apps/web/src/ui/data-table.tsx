import { ReactNode, useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Present: the column can be sorted by this value. */
  sortValue?: (row: T) => string | number | null | undefined;
  numeric?: boolean;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** A last row that stays at the bottom whatever the sort (national totals). */
  footer?: T;
  initialSort?: { key: string; descending?: boolean };
}

/** A table with a caption and column headers that sort it; the sort is announced with aria-sort. */
export function DataTable<T>({ caption, columns, rows, rowKey, footer, initialSort }: Props<T>) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column?.sortValue) return rows;
    const value = column.sortValue;
    const collator = new Intl.Collator(locale);
    const compare = (a: T, b: T) => {
      const x = value(a);
      const y = value(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    };
    return [...rows].sort((a, b) => (sort?.descending ? -compare(a, b) : compare(a, b)));
  }, [rows, columns, sort, locale]);

  return (
    // Focusable and named: a table wider than a phone scrolls inside its frame, by keyboard too.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort?.key === column.key;
              return (
                <th key={column.key} scope="col" className={column.numeric ? 'num' : undefined} aria-sort={active ? (sort?.descending ? 'descending' : 'ascending') : undefined}>
                  {column.sortValue ? (
                    <button
                      type="button"
                      className="sort"
                      title={t.common.sortBy(column.header)}
                      onClick={() => setSort({ key: column.key, descending: active ? !sort?.descending : column.numeric })}
                    >
                      {column.header}
                      <span aria-hidden="true">{active ? (sort?.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column, i) =>
                i === 0 ? (
                  <th key={column.key} scope="row">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? 'num' : undefined}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer && (
          <tfoot>
            <tr>
              {columns.map((column, i) =>
                i === 0 ? (
                  <th key={column.key} scope="row">
                    {column.cell(footer)}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? 'num' : undefined}>
                    {column.cell(footer)}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
