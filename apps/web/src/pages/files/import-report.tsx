import { useEffect, useRef } from 'react';
import { useMutation, usePolling, useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Figure } from '../../ui/page';
import { ErrorMessage, Loaded } from '../../ui/status';
import { ImportProblem, IMPORT_FIELDS, IMPORT_TONE, isImportRunning, RegisterImport } from './import-types';
import { JobProgress } from './job-progress';
import { ProblemTable } from './problem-table';
import { Badge } from '../../ui/badge';

const REPORT = `query RegisterImport($id: ID!) { registerImport(id: $id) { ${IMPORT_FIELDS} problems { row column message } } }`;
const COMMIT = `mutation CommitRegisterImport($id: ID!) { commitRegisterImport(id: $id) { id status } }`;

type Report = RegisterImport & { problems: ImportProblem[] };

/**
 * One import: progress while a job works on it, then the dry run's counts and its problems row by row;
 * Commit only when the dry run found none. `onChange` tells the page when the status moves on.
 */
export function ImportReport({ id, onChange }: { id: string; onChange: () => void }) {
  const { t, format } = useI18n();
  const state = useQuery<{ registerImport: Report }>(REPORT, { id });
  const commit = useMutation<{ commitRegisterImport: { status: string } }, { id: string }>(COMMIT);
  const report = state.data?.registerImport;
  const status = report?.status;
  usePolling(!!status && isImportRunning(status), state.reload, 1000);

  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: false }), [id]);
  useEffect(() => {
    if (status) onChange();
  }, [status, onChange]);

  async function commitImport() {
    if (await commit.run({ id })) state.reload();
  }

  return (
    <section className="card" aria-labelledby={`import-${id}`}>
      <h2 id={`import-${id}`} ref={heading} tabIndex={-1}>
        {t.files.reportTitle(report?.fileName ?? '…')}
      </h2>
      <Loaded state={state}>
        {({ registerImport: r }) => (
          <>
            <p>
              <Badge label={t.files.importStatus[r.status] ?? r.status} tone={IMPORT_TONE[r.status]} /> {t.files.importExplanation[r.status]}
            </p>
            <p className="hint">
              {t.files.uploaded}: {format.dateTime(r.createdAt)} · {t.files.format}: {r.format} · {t.files.rows}: {format.number(r.rowCount)}
            </p>
            {isImportRunning(r.status) && <JobProgress label={r.status === 'COMMITTING' ? t.files.committing : t.files.checking} percent={r.progress} />}
            {r.summary && (
              <div className="figures">
                <Figure label={t.files.toCreate} value={format.number(r.summary.created)} />
                <Figure label={t.files.toUpdate} value={format.number(r.summary.updated)} />
                <Figure label={t.files.unchanged} value={format.number(r.summary.unchanged)} />
                <Figure label={t.files.certified} value={format.number(r.summary.certified)} />
                <Figure label={t.files.problemCount} value={format.number(r.problems.length)} />
              </div>
            )}
            {r.problems.length > 0 && <ProblemTable problems={r.problems} />}
            <ErrorMessage error={commit.error} />
            {r.status === 'VALID' && (
              <div className="actions">
                <button type="button" className="primary" disabled={commit.running} onClick={commitImport}>
                  {t.files.commit}
                </button>
              </div>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
