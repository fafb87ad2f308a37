import { useI18n } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { CoverageSlice } from './queries';

/** The share as text, with a bar that only repeats it for the eye (hidden from screen readers). */
export function ShareBar({ share }: { share: number | null }) {
  const { format } = useI18n();
  return (
    <span className="share">
      <span className="share-bar" aria-hidden="true">
        <span style={{ width: `${Math.round((share ?? 0) * 100)}%` }} />
      </span>
      <span className="share-value">{format.percent(share)}</span>
    </span>
  );
}

const shareOf = (s: CoverageSlice) => (s.units ? s.unitsCovered / s.units : null);

/** Coverage in slices of one kind (sector, municipality, organisation type), with the county's total below. */
export function CoverageTable({ caption, sliceHeader, slices, nameOf }: { caption: string; sliceHeader: string; slices: CoverageSlice[]; nameOf: (key: string) => string }) {
  const { t, format } = useI18n();
  const r = t.registry;
  const total: CoverageSlice = {
    key: '',
    activeKeyWorkers: slices.reduce((n, s) => n + s.activeKeyWorkers, 0),
    units: slices.reduce((n, s) => n + s.units, 0),
    unitsCovered: slices.reduce((n, s) => n + s.unitsCovered, 0),
  };
  return (
    <DataTable
      caption={caption}
      rows={slices}
      rowKey={(s) => s.key}
      footer={slices.length > 1 ? total : undefined}
      initialSort={{ key: 'name' }}
      columns={[
        { key: 'name', header: sliceHeader, cell: (s) => (s === total ? r.total : nameOf(s.key)), sortValue: (s) => nameOf(s.key) },
        { key: 'activeKeyWorkers', header: r.activeKeyWorkers, numeric: true, cell: (s) => format.number(s.activeKeyWorkers), sortValue: (s) => s.activeKeyWorkers },
        { key: 'units', header: r.units, numeric: true, cell: (s) => format.number(s.units), sortValue: (s) => s.units },
        { key: 'unitsCovered', header: r.unitsWithKeyWorker, numeric: true, cell: (s) => format.number(s.unitsCovered), sortValue: (s) => s.unitsCovered },
        { key: 'share', header: r.shareCovered, cell: (s) => <ShareBar share={shareOf(s)} />, sortValue: shareOf },
      ]}
    />
  );
}
