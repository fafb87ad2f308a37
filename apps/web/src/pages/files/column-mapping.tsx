import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../../ui/field';
import { DEFAULT_HEADERS, REGISTER_FIELDS, RegisterField } from './register-fields';

export type Mapping = Partial<Record<RegisterField, string>>;

/** The `mapping` input: only the fields given a column, in the order the form lists them. */
export function mappingInput(mapping: Mapping): Array<{ field: RegisterField; column: string }> {
  return REGISTER_FIELDS.flatMap((field) => (mapping[field]?.trim() ? [{ field, column: mapping[field].trim() }] : []));
}

/**
 * Which header holds which field, for files whose headers the API does not know. Each field lists the
 * headers recognised anyway; a CSV file's own headers are offered as suggestions.
 */
export function ColumnMapping({ mapping, onChange, headers, error }: { mapping: Mapping; onChange: (mapping: Mapping) => void; headers: string[]; error: unknown }) {
  const { t } = useI18n();
  const listId = useId();
  const sent = mappingInput(mapping).map((m) => m.field);
  return (
    <details className="column-mapping" open={sent.length > 0 || undefined}>
      <summary>{t.files.mappingTitle}</summary>
      <p className="hint">{t.files.mappingIntro}</p>
      {headers.length > 0 && <datalist id={listId}>{headers.map((h) => <option key={h} value={h} />)}</datalist>}
      <div className="form-grid">
        {REGISTER_FIELDS.map((field) => (
          <TextField
            key={field}
            label={t.files.mappingColumn(t.files.registerField[field])}
            // The API names a mapping problem by its place in the list sent: `input.mapping.<i>.column`.
            name={`mapping.${sent.indexOf(field)}.column`}
            hint={t.files.recognised(DEFAULT_HEADERS[field].join(', '))}
            list={headers.length ? listId : undefined}
            autoComplete="off"
            value={mapping[field] ?? ''}
            onChange={(e) => onChange({ ...mapping, [field]: e.target.value })}
            error={sent.includes(field) ? error : undefined}
          />
        ))}
      </div>
    </details>
  );
}
