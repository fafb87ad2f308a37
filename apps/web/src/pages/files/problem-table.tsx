import { useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Column, DataTable } from '../../ui/data-table';
import { ImportProblem } from './import-types';

/** Long lists are cut at first: a register with thousands of bad rows still opens quickly. */
const FIRST_SHOWN = 200;

/** The dry run's problems, one row each: file row number, column header as the file spells it, and what is wrong. */
export function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const columns: Column<ImportProblem & { key: number }>[] = [
    { key: 'row', header: t.files.row, cell: (p) => p.row ?? t.files.wholeFile, sortValue: (p) => p.row ?? 0 },
    { key: 'column', header: t.files.column, cell: (p) => p.column ?? t.common.state.none, sortValue: (p) => p.column },
    { key: 'message', header: t.files.problem, cell: (p) => p.message },
  ];
  const rows = problems.map((p, key) => ({ ...p, key }));
  return (
    <>
      <DataTable caption={t.files.problemsCaption(problems.length)} columns={columns} rows={all ? rows : rows.slice(0, FIRST_SHOWN)} rowKey={(p) => String(p.key)} />
      {!all && problems.length > FIRST_SHOWN && (
        <div className="actions">
          <button type="button" onClick={() => setAll(true)}>
            {t.files.showAllProblems(problems.length)}
          </button>
        </div>
      )}
    </>
  );
}
