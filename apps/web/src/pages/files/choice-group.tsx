import { useId } from 'react';

export interface Choice {
  value: string;
  label: string;
  hint: string;
}

/** Radio buttons under a legend, each with a short explanation linked to it for screen readers. */
export function ChoiceGroup({ legend, name, choices, value, onChange }: { legend: string; name: string; choices: Choice[]; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <div className="choice" key={choice.value}>
          <input
            type="radio"
            id={`${id}-${choice.value}`}
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
            aria-describedby={`${id}-${choice.value}-hint`}
          />
          <label htmlFor={`${id}-${choice.value}`}>{choice.label}</label>
          <span className="hint" id={`${id}-${choice.value}-hint`}>
            {choice.hint}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
