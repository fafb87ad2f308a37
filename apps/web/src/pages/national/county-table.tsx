import { useI18n } from '../../i18n/i18n';
import { Column, DataTable } from '../../ui/data-table';
import { CountyFigures } from './api';
import { certifiedIn } from './metrics';

export interface CountyRow {
  code: string;
  name: string;
  figures: CountyFigures;
}

/** The counties side by side, sortable by every column, with the national totals as the last row. */
export function CountyTable({ rows, total, year }: { rows: CountyRow[]; total: CountyRow; year: number }) {
  const { t, format } = useI18n();
  const f = t.national.figure;
  const count = (key: string, header: string, value: (c: CountyFigures) => number | null, digits = 0): Column<CountyRow> => ({
    key,
    header,
    numeric: true,
    cell: (row) => format.number(value(row.figures), digits),
    sortValue: (row) => value(row.figures),
  });
  const columns: Column<CountyRow>[] = [
    { key: 'name', header: f.county, cell: (row) => row.name, sortValue: (row) => row.name },
    count('population', f.population, (c) => c.population),
    count('activeKeyWorkers', f.activeKeyWorkers, (c) => c.activeKeyWorkers),
    count('keyWorkersPer10k', f.per10k, (c) => c.keyWorkersPer10k, 2),
    {
      key: 'municipalitiesCovered',
      header: f.municipalitiesCovered,
      numeric: true,
      cell: (row) => f.ofTotal(format.number(row.figures.municipalitiesCovered), format.number(row.figures.municipalities)),
      sortValue: (row) => row.figures.municipalitiesCovered,
    },
    {
      key: 'municipalityCoverageShare',
      header: f.coverageShare,
      numeric: true,
      cell: (row) => format.percent(row.figures.municipalityCoverageShare),
      sortValue: (row) => row.figures.municipalityCoverageShare,
    },
    {
      key: 'unitsCovered',
      header: f.unitsCovered,
      numeric: true,
      cell: (row) => f.ofTotal(format.number(row.figures.unitsCovered), format.number(row.figures.units)),
      sortValue: (row) => row.figures.unitsCovered,
    },
    count('activeTrainers', f.activeTrainers, (c) => c.activeTrainers),
    count('certified', f.certified(year), certifiedIn),
  ];
  return (
    <div className="county-table">
      <DataTable caption={t.national.table.caption(year)} columns={columns} rows={rows} rowKey={(row) => row.code} footer={total} initialSort={{ key: 'name' }} />
    </div>
  );
}
