import { FormEvent, useState } from 'react';
import { MutationState } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { isCompletePeriod, Period } from '../../ui/period';
import { ErrorMessage } from '../../ui/status';
import { ChoiceGroup } from './choice-group';

export type RequestExport = MutationState<{ requestEsfExport: { id: string } }, { input: Record<string, unknown> }>;

const KINDS = ['PARTICIPANTS', 'INDICATORS'];
const FORMATS = ['CSV_SEMICOLON', 'CSV', 'XLSX'];

/**
 * What to export and as what; the period is chosen above it on the page. The mutation lives in the
 * page, so that its problems with the period show at the period's fields.
 */
export function ExportRequestForm({ period, request, onRequested }: { period: Period; request: RequestExport; onRequested: () => void }) {
  const { t, format } = useI18n();
  const [kind, setKind] = useState('PARTICIPANTS');
  const [fileFormat, setFileFormat] = useState('CSV_SEMICOLON');
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (await request.run({ input: { kind, format: fileFormat, period } })) {
      setDone(true);
      onRequested();
    }
  }

  return (
    <form onSubmit={submit}>
      <ChoiceGroup legend={t.files.kind} name="kind" value={kind} onChange={setKind} choices={KINDS.map((k) => ({ value: k, label: t.files.kindLabel[k], hint: t.files.kindHint[k] }))} />
      <ChoiceGroup
        legend={t.files.fileFormat}
        name="format"
        value={fileFormat}
        onChange={setFileFormat}
        choices={FORMATS.map((f) => ({ value: f, label: t.files.formatLabel[f], hint: t.files.formatHint[f] }))}
      />
      <p>{t.files.periodSummary(format.date(period.from), format.date(period.to))}</p>
      <ErrorMessage error={request.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={request.running || !isCompletePeriod(period)}>
          {t.files.requestExport}
        </button>
      </div>
      <div role="status">{done && <p className="success">{t.files.requested}</p>}</div>
    </form>
  );
}
