import { FormEvent, useState } from 'react';
import { ApiError } from '../../api/graphql';
import { useMutation } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../../ui/field';
import { ErrorMessage } from '../../ui/status';
import { ColumnMapping, Mapping, mappingInput } from './column-mapping';
import { csvHeaders, isRegisterFile, MAX_REGISTER_BYTES, readAsBase64 } from './read-file';

const START = `mutation StartRegisterImport($input: StartRegisterImportInput!) { startRegisterImport(input: $input) { id status } }`;

/** A problem found before anything is sent, shown at the file field like the API's own. */
const fileProblem = (message: string) => new ApiError(message, 'BAD_USER_INPUT', [{ field: 'contentBase64', message }]);

/** Uploads a register for its dry run: the file (as base64) and an optional column mapping. */
export function UploadForm({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [headers, setHeaders] = useState<string[]>([]);
  const [mapping, setMapping] = useState<Mapping>({});
  const [problem, setProblem] = useState<ApiError | undefined>();
  const [reading, setReading] = useState(false);
  const start = useMutation<{ startRegisterImport: { id: string } }, { input: Record<string, unknown> }>(START);
  const error = problem ?? start.error;

  async function choose(chosen: File | null) {
    setFile(chosen);
    setProblem(undefined);
    start.reset();
    setHeaders(chosen ? await csvHeaders(chosen).catch(() => []) : []);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    if (!isRegisterFile(file)) return setProblem(fileProblem(t.files.fileWrongType));
    if (file.size > MAX_REGISTER_BYTES) return setProblem(fileProblem(t.files.fileTooLarge(Math.ceil(file.size / 1024))));
    setReading(true);
    const contentBase64 = await readAsBase64(file).catch(() => null);
    setReading(false);
    if (contentBase64 === null) return setProblem(fileProblem(t.files.fileUnreadable));
    const result = await start.run({ input: { fileName: file.name, contentBase64, mapping: mappingInput(mapping) } });
    if (result) onStarted(result.startRegisterImport.id);
  }

  const busy = reading || start.running;
  return (
    <form onSubmit={submit}>
      <TextField
        label={t.files.file}
        name="contentBase64"
        type="file"
        required
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hint={t.files.fileHint}
        onChange={(e) => void choose(e.target.files?.[0] ?? null)}
        error={error}
      />
      {headers.length > 0 && <p className="hint">{t.files.columnsFound(headers.join(', '))}</p>}
      <ColumnMapping mapping={mapping} onChange={setMapping} headers={headers} error={error} />
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t.files.startImport}
        </button>
        <span role="status" className="status">
          {busy ? t.files.starting : ''}
        </span>
      </div>
    </form>
  );
}
