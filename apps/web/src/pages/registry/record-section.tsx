import { ReactNode } from 'react';
import { ApiError } from '../../api/graphql';
import { useMutation } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate } from '../../routing';
import { Section } from '../../ui/page';
import { ErrorMessage } from '../../ui/status';
import { FormBindings } from './record-form';
import { useManages } from './shared';

interface RecordSectionProps<T, F extends object> {
  title: string;
  id: string;
  mutation: string;
  submitLabel: string;
  /** The mutation's input from the form's fields; by default the fields as they are. */
  input?: (fields: F) => object;
  /** The record's page, from the mutation's answer; it opens saying "Saved". */
  savedPage: (answer: T) => string;
  /** Where cancel leads. */
  back: string;
  /** Fetches the record again: after a save, and when a stale version is to be replaced. */
  onReload?: () => void;
  children: (form: FormBindings<F>) => ReactNode;
}

/** A section holding a record's form for those who manage the registry; others are told they may not. */
export function RecordSection<T, F extends object>({ title, id, mutation, submitLabel, input = (fields) => fields, savedPage, back, onReload, children }: RecordSectionProps<T, F>) {
  const { t } = useI18n();
  const manages = useManages();
  const save = useMutation<T, { input: object }>(mutation);
  const onSubmit = async (fields: F) => {
    const data = await save.run({ input: input(fields) });
    if (!data) return;
    navigate(`${savedPage(data)}?saved=1`);
    onReload?.();
  };
  const form: FormBindings<F> = {
    submitLabel,
    onSubmit,
    error: save.error,
    running: save.running,
    onReload: () => {
      save.reset();
      onReload?.();
    },
    cancel: (
      <Link to={back} className="button">
        {t.common.action.cancel}
      </Link>
    ),
  };
  return (
    <Section title={title} id={id}>
      {manages ? children(form) : <ErrorMessage error={new ApiError('FORBIDDEN', 'FORBIDDEN')} />}
    </Section>
  );
}

/**
 * "Edit details" of a record, saved with the version it was read at: a change someone made meanwhile
 * is refused rather than overwritten. Saved or cancelled, the user is back on the record's `page`.
 */
export function EditSection<F extends object>({ id, mutation, record, page, onReload, children }: {
  id: string;
  mutation: string;
  record: { id: string; version: number };
  page: string;
  onReload: () => void;
  children: (form: FormBindings<F>) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <RecordSection<unknown, F>
      title={t.registry.editDetails}
      id={id}
      mutation={mutation}
      submitLabel={t.registry.saveChanges}
      input={(fields) => ({ ...fields, id: record.id, version: record.version })}
      savedPage={() => page}
      back={page}
      onReload={onReload}
    >
      {children}
    </RecordSection>
  );
}

/** The way from a record's `page` to its edit form, for those who manage the registry. */
export function EditDetailsLink({ page }: { page: string }) {
  const { t } = useI18n();
  const manages = useManages();
  if (!manages) return null;
  return (
    <p className="actions">
      <Link to={`${page}/edit`} className="button">
        {t.registry.editDetails}
      </Link>
    </p>
  );
}
