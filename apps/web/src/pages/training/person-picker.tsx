import { KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { graphql } from '../../api/graphql';
import { useI18n } from '../../i18n/i18n';
import { useFieldProblem } from '../../ui/field';
import { ErrorMessage } from '../../ui/status';
import { PEOPLE_SEARCH, PersonRef } from './course-api';

interface Found {
  people: { totalCount: number; nodes: Array<{ id: string; firstName: string; lastName: string; email: string; unit: { name: string; organisationName: string } | null }> };
}

interface Props {
  legend: string;
  selected: PersonRef[];
  onChange: (people: PersonRef[]) => void;
  /** Offered before any search, e.g. the county's certified trainers. */
  suggestions?: { title: string; people: PersonRef[] };
  /** People who cannot be picked (already enrolled). */
  exclude?: ReadonlySet<string>;
  /** The API's name of the list (`trainerIds`, `personIds`): its problem is shown here. */
  name: string;
  error?: unknown;
}

/**
 * Choosing people by searching the county's register. It sits inside other forms, so the search runs
 * from its button or the Enter key instead of a form of its own.
 */
export function PersonPicker({ legend, selected, onChange, suggestions, exclude, name, error }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [term, setTerm] = useState('');
  const [found, setFound] = useState<{ people: Array<PersonRef & { unit?: string }>; total: number } | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<unknown>();
  const problem = useFieldProblem(error, name);
  // An added person leaves the results: focus moves to the next result (or the search field), not to the page.
  const results = useRef<HTMLUListElement>(null);
  const [added, setAdded] = useState<{ index: number } | null>(null);
  useEffect(() => {
    if (!added) return;
    const buttons = results.current?.querySelectorAll('button');
    const next = buttons?.[Math.min(added.index, buttons.length - 1)];
    (next ?? document.getElementById(`${id}-search`))?.focus();
  }, [added, id]);
  const chosen = new Set(selected.map((p) => p.personId));
  const offer = (people: Array<PersonRef & { unit?: string }>) => people.filter((p) => !chosen.has(p.personId) && !exclude?.has(p.personId));

  const search = async () => {
    setSearching(true);
    setSearchError(undefined);
    try {
      // The API matches one field (first name, last name or e-mail). For a full name like "Anna Avainen"
      // each word is asked for, the narrowest answer kept, and narrowed down here by the other words.
      const words = [...new Set(term.toLocaleLowerCase().split(/\s+/).filter(Boolean))].slice(0, 3);
      const answers = await Promise.all((words.length ? words : [null]).map((w) => graphql<Found>(PEOPLE_SEARCH, { search: w })));
      const data = answers.reduce((a, b) => (b.people.totalCount < a.people.totalCount ? b : a));
      const people = data.people.nodes
        .map((p) => ({ personId: p.id, name: `${p.firstName} ${p.lastName}`, email: p.email, unit: p.unit ? `${p.unit.name}, ${p.unit.organisationName}` : undefined }))
        .filter((p) => words.every((w) => `${p.name} ${p.email}`.toLocaleLowerCase().includes(w)));
      setFound({ total: data.people.totalCount > data.people.nodes.length ? data.people.totalCount : people.length, people });
    } catch (e) {
      setSearchError(e);
    } finally {
      setSearching(false);
    }
  };
  const add = (person: PersonRef, index: number) => {
    onChange([...selected, { personId: person.personId, name: person.name }]);
    setAdded({ index });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void search();
    }
  };

  const list = found ? offer(found.people) : suggestions ? offer(suggestions.people) : [];
  return (
    <fieldset className={`person-picker${problem ? ' invalid' : ''}`} aria-describedby={problem ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {selected.length === 0 ? (
        <p className="hint">{t.training.nobodyChosen}</p>
      ) : (
        <ul className="chosen" aria-label={t.training.chosen}>
          {selected.map((p) => (
            <li key={p.personId}>
              <span>{p.name}</span>
              <button type="button" className="link" aria-label={t.training.removePerson(p.name)} onClick={() => onChange(selected.filter((s) => s.personId !== p.personId))}>
                {t.common.action.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      {problem && (
        <p className="field-error" id={`${id}-error`}>
          {problem}
        </p>
      )}
      <div className="picker-search">
        <div className="field">
          <label htmlFor={`${id}-search`}>{t.training.searchPeople}</label>
          <span className="hint" id={`${id}-hint`}>
            {t.training.searchHint}
          </span>
          <input id={`${id}-search`} type="search" value={term} aria-describedby={`${id}-hint`} onChange={(e) => setTerm(e.target.value)} onKeyDown={onKeyDown} />
        </div>
        <button type="button" onClick={() => void search()} disabled={searching}>
          {t.common.action.search}
        </button>
      </div>
      <ErrorMessage error={searchError} />
      <p className="hint" role="status">
        {searching ? t.common.state.loading : found ? t.training.foundCount(found.people.length, found.total) : suggestions && list.length > 0 ? suggestions.title : ''}
      </p>
      {list.length > 0 && (
        <ul className="picker-results" ref={results}>
          {list.map((p, index) => (
            <li key={p.personId}>
              <span>
                {p.name}
                {p.unit && <span className="hint"> · {p.unit}</span>}
              </span>
              <button type="button" aria-label={t.training.addPerson(p.name)} onClick={() => add(p, index)}>
                {t.common.action.add}
              </button>
            </li>
          ))}
        </ul>
      )}
      {found && list.length === 0 && <p className="empty">{t.training.nobodyFound}</p>}
    </fieldset>
  );
}
