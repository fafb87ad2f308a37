import { useEffect, useRef } from 'react';
import { ApiError } from '../../api/graphql';
import { useMutation, useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate } from '../../routing';
import { Page, Section } from '../../ui/page';
import { ErrorMessage, Loaded } from '../../ui/status';
import { PersonFields, PersonForm } from './person-form';
import { PersonHistory } from './person-history';
import { CREATE_PERSON, Person, PERSON_QUERY, UPDATE_PERSON } from './queries';
import { DetailList, MissingFields, SavedNotice, useManages } from './shared';

/** `#/people/new`: a new person; on success the person's page says "Saved". */
export function NewPersonPage() {
  const { t } = useI18n();
  const r = t.registry;
  const manages = useManages();
  const create = useMutation<{ createPerson: { id: string } }, { input: PersonFields }>(CREATE_PERSON);
  const submit = async (input: PersonFields) => {
    const data = await create.run({ input });
    if (data) navigate(`/people/${data.createPerson.id}?saved=1`);
  };
  return (
    <Page title={r.newPerson} actions={<Link to="/people">{r.allPeople}</Link>}>
      <Section title={r.personDetails} id="person-form">
        {manages ? (
          <PersonForm
            submitLabel={r.createPerson}
            onSubmit={submit}
            error={create.error}
            running={create.running}
            onReload={create.reset}
            cancel={
              <Link to="/people" className="button">
                {t.common.action.cancel}
              </Link>
            }
          />
        ) : (
          <ErrorMessage error={new ApiError('FORBIDDEN', 'FORBIDDEN')} />
        )}
      </Section>
    </Page>
  );
}

/** `#/people/<id>` (details) and `#/people/<id>/edit` (the edit form in place of the profile). */
export function PersonPage({ id, editing, saved }: { id: string; editing: boolean; saved: boolean }) {
  const { t } = useI18n();
  const state = useQuery<{ person: Person }>(PERSON_QUERY, { id });
  const person = state.data?.person;
  const title = person ? `${person.firstName} ${person.lastName}` : t.registry.person;
  return (
    <Page title={title} actions={<Link to="/people">{t.registry.allPeople}</Link>}>
      <Loaded state={state}>
        {({ person }) =>
          editing ? (
            <PersonEdit key={person.version} person={person} onSaved={state.reload} onReload={state.reload} />
          ) : (
            <>
              {saved && <SavedNotice />}
              <PersonProfile person={person} />
              <PersonHistory person={person} />
            </>
          )
        }
      </Loaded>
    </Page>
  );
}

function PersonProfile({ person }: { person: Person }) {
  const { t } = useI18n();
  const r = t.registry;
  const manages = useManages();
  const yesNo = (value: boolean) => (value ? t.common.state.yes : t.common.state.no);
  return (
    <Section title={r.profile} id="person-profile">
      <DetailList
        items={[
          [r.field.email, person.email],
          [r.field.phone, person.phone],
          [r.field.jobTitle, person.jobTitle],
          [r.field.unit, person.unit ? `${person.unit.name} – ${person.unit.organisationName}` : null],
          [r.field.sector, person.unit ? t.common.sector[person.unit.sector] : null],
          [r.field.workAddress, person.workAddress],
          [r.field.directoryOptIn, yesNo(person.directoryOptIn)],
          [r.missingInformation, <MissingFields fields={person.missingFields} />],
        ]}
      />
      <h3>{r.esfLegend}</h3>
      <DetailList
        items={[
          [r.field.gender, person.gender ? t.common.gender[person.gender] : null],
          [r.field.birthYear, person.birthYear?.toString()],
          [r.field.educationLevel, person.educationLevel ? r.educationLevel[person.educationLevel as keyof typeof r.educationLevel] : null],
          [r.field.esfDataEntered, yesNo(person.esfDataEntered)],
        ]}
      />
      {manages && (
        <p className="actions">
          <Link to={`/people/${person.id}/edit`} className="button">
            {r.editDetails}
          </Link>
        </p>
      )}
    </Section>
  );
}

/** The edit form; a stale version (someone else saved first) offers to reload their version. */
function PersonEdit({ person, onSaved, onReload }: { person: Person; onSaved: () => void; onReload: () => void }) {
  const { t } = useI18n();
  const r = t.registry;
  const manages = useManages();
  const update = useMutation<{ updatePerson: Person }, { input: PersonFields & { id: string; version: number } }>(UPDATE_PERSON);
  const area = useRef<HTMLDivElement>(null);
  // Reached by the profile's edit link, whose place the form takes: move focus into the form.
  useEffect(() => area.current?.querySelector('input')?.focus(), []);
  const submit = async (fields: PersonFields) => {
    const data = await update.run({ input: { ...fields, id: person.id, version: person.version } });
    if (!data) return;
    navigate(`/people/${person.id}?saved=1`);
    onSaved();
  };
  return (
    <Section title={r.editDetails} id="person-edit">
      <div ref={area}>
        {manages ? (
          <PersonForm
            person={person}
            submitLabel={r.saveChanges}
            onSubmit={submit}
            error={update.error}
            running={update.running}
            onReload={() => {
              update.reset();
              onReload();
            }}
            cancel={
              <Link to={`/people/${person.id}`} className="button">
                {t.common.action.cancel}
              </Link>
            }
          />
        ) : (
          <ErrorMessage error={new ApiError('FORBIDDEN', 'FORBIDDEN')} />
        )}
      </div>
    </Section>
  );
}
