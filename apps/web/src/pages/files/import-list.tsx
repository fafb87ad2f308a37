import { useI18n } from '../../i18n/i18n';
import { Link } from '../../routing';
import { Column, DataTable } from '../../ui/data-table';
import { Empty } from '../../ui/status';
import { IMPORT_TONE, RegisterImport } from './import-types';
import { Badge } from '../../ui/badge';

/** The county's latest imports; each opens its report on this page. */
export function ImportList({ imports, current }: { imports: RegisterImport[]; current?: string }) {
  const { t, format } = useI18n();
  const none = t.common.state.none;
  const columns: Column<RegisterImport>[] = [
    {
      key: 'file',
      header: t.files.fileName,
      cell: (i) =>
        i.id === current ? (
          <span aria-current="true">
            {i.fileName} <span className="hint">{t.files.viewing}</span>
          </span>
        ) : (
          <Link to={`/import/${i.id}`}>{i.fileName}</Link>
        ),
    },
    { key: 'createdAt', header: t.files.uploaded, cell: (i) => format.dateTime(i.createdAt), sortValue: (i) => i.createdAt },
    { key: 'status', header: t.files.status, cell: (i) => <Badge label={t.files.importStatus[i.status] ?? i.status} tone={IMPORT_TONE[i.status]} /> },
    { key: 'rows', header: t.files.rows, cell: (i) => format.number(i.rowCount), numeric: true },
    {
      key: 'result',
      header: t.files.result,
      // Only a committed import has written anything; a dry run's counts are in its report.
      cell: (i) => (i.status === 'COMMITTED' && i.summary ? t.files.resultSummary(format.number(i.summary.created), format.number(i.summary.updated)) : none),
    },
  ];
  if (!imports.length) return <Empty>{t.files.noImports}</Empty>;
  return <DataTable caption={t.files.previousCaption} columns={columns} rows={imports} rowKey={(i) => i.id} />;
}
