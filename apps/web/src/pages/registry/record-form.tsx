import { FormEvent, ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { SaveError, useFocusFirstProblem } from './shared';

/** What the page hands a record form: how to save, how it went, and where cancel leads. */
export interface FormBindings<F> {
  submitLabel: string;
  /** Runs the mutation; whatever it answers, the input stays as typed until the caller moves on. */
  onSubmit: (fields: F) => Promise<unknown>;
  error: unknown;
  running: boolean;
  onReload: () => void;
  cancel?: ReactNode;
}

/** A record form's props: the record to edit, none to create one. */
export type RecordFormProps<R, F> = FormBindings<F> & { record?: R };

/**
 * The frame of every registry form: the required-fields note, why the last save failed, the fields,
 * then save and cancel. Browser validation is off (noValidate): every problem, the form's own or the
 * API's, shows at its field, and focus goes to the first of them.
 */
export function RecordForm({
  onSubmit,
  error,
  onReload,
  running,
  submitLabel,
  cancel,
  children,
}: {
  onSubmit: (e: FormEvent) => void;
  error: unknown;
  onReload: () => void;
  running: boolean;
  submitLabel: string;
  cancel?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const form = useFocusFirstProblem(error);
  return (
    <form ref={form} className="registry-form" onSubmit={onSubmit} noValidate>
      <p className="hint">{t.registry.requiredNote}</p>
      <SaveError error={error} onReload={onReload} />
      {children}
      <div className="actions">
        <button type="submit" className="primary" disabled={running}>
          {running ? t.common.state.saving : submitLabel}
        </button>
        {cancel}
      </div>
    </form>
  );
}
