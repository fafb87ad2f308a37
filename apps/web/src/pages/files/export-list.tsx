import { useI18n } from '../../i18n/i18n';
import { Column, DataTable } from '../../ui/data-table';
import { Empty } from '../../ui/status';
import { DownloadButton } from './download-button';
import { EsfExport, EXPORT_TONE, isExportRunning } from './export-types';
import { JobProgress } from './job-progress';
import { Badge } from '../../ui/badge';

/** The user's latest exports: status with progress while the worker writes, then the file or why there is none. */
export function ExportList({ exports }: { exports: EsfExport[] }) {
  const { t, format } = useI18n();
  const period = (e: EsfExport) => `${format.date(e.periodFrom)} – ${format.date(e.periodTo)}`;
  const describe = (e: EsfExport) => `${t.files.kindLabel[e.kind]}, ${period(e)}, ${t.files.formatLabel[e.format]}`;
  const columns: Column<EsfExport>[] = [
    { key: 'createdAt', header: t.files.requestedAt, cell: (e) => format.dateTime(e.createdAt), sortValue: (e) => e.createdAt },
    { key: 'kind', header: t.files.kind, cell: (e) => t.files.kindLabel[e.kind] ?? e.kind },
    { key: 'format', header: t.files.fileFormat, cell: (e) => t.files.formatLabel[e.format] ?? e.format },
    { key: 'period', header: t.files.period, cell: period },
    {
      key: 'status',
      header: t.files.status,
      cell: (e) => (
        <div className="row-status">
          <Badge label={t.files.exportStatus[e.status] ?? e.status} tone={EXPORT_TONE[e.status]} />
          {isExportRunning(e.status) && <JobProgress label={e.status === 'QUEUED' ? t.files.waiting : t.files.exportProgress} percent={e.progress} />}
        </div>
      ),
    },
    { key: 'rows', header: t.files.rows, cell: (e) => format.number(e.rowCount), numeric: true, sortValue: (e) => e.rowCount },
    {
      key: 'file',
      header: t.files.fileName,
      cell: (e) =>
        e.status === 'DONE' ? (
          <DownloadButton id={e.id} context={describe(e)} />
        ) : e.status === 'EXPIRED' ? (
          t.files.expiredExplanation
        ) : e.status === 'FAILED' ? (
          <>
            {t.files.failedExplanation}
            {e.error && <span className="hint"> ({e.error})</span>}
          </>
        ) : (
          t.common.state.none
        ),
    },
  ];
  if (!exports.length) return <Empty>{t.files.noExports}</Empty>;
  return <DataTable caption={t.files.exportsCaption} columns={columns} rows={exports} rowKey={(e) => e.id} />;
}
