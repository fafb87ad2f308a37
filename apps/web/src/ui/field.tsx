import { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes, useId } from 'react';
import { problemFor } from '../api/graphql';
import { describeProblem } from '../i18n/field-problem';
import { useI18n } from '../i18n/i18n';

interface FieldProps {
  label: string;
  /** The API's name of the field (`email` for `input.email`): its problem is shown here. */
  name: string;
  error?: unknown;
  hint?: string;
  required?: boolean;
}

/** The API's problem with one field, in the user's language. */
export function useFieldProblem(error: unknown, name: string): string | undefined {
  const { locale } = useI18n();
  const problem = problemFor(error, name);
  return problem && describeProblem(problem, locale);
}

function useFieldIds(props: FieldProps) {
  const id = useId();
  const problem = useFieldProblem(props.error, props.name);
  const described = [props.hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return { id, problem, described };
}

function Wrap({ props, id, problem, children }: { props: FieldProps; id: string; problem?: string; children: ReactNode }) {
  return (
    <div className={`field${problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.hint && (
        <span className="hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
      {children}
      {problem && (
        <span className="field-error" id={`${id}-error`}>
          {problem}
        </span>
      )}
    </div>
  );
}

/** A labelled input that shows the API's validation message for its field, linked for screen readers. */
export function TextField({ label, name, error, hint, required, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const props = { label, name, error, hint, required };
  const { id, problem, described } = useFieldIds(props);
  return (
    <Wrap props={props} id={id} problem={problem}>
      <input id={id} name={name} required={required} aria-invalid={problem ? true : undefined} aria-describedby={described} {...input} />
    </Wrap>
  );
}

export function TextArea({ label, name, error, hint, required, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const props = { label, name, error, hint, required };
  const { id, problem, described } = useFieldIds(props);
  return (
    <Wrap props={props} id={id} problem={problem}>
      <textarea id={id} name={name} required={required} aria-invalid={problem ? true : undefined} aria-describedby={described} {...input} />
    </Wrap>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ label, name, error, hint, required, options, placeholder, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: Option[]; placeholder?: string }) {
  const props = { label, name, error, hint, required };
  const { id, problem, described } = useFieldIds(props);
  return (
    <Wrap props={props} id={id} problem={problem}>
      <select id={id} name={name} required={required} aria-invalid={problem ? true : undefined} aria-describedby={described} {...select}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

/** Options from one of the API's enumerations, labelled in the user's language. */
export function optionsOf(labels: Record<string, string>): Option[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
