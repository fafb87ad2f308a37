import { useEffect, useRef } from 'react';
import { useQuery } from '../../api/hooks';
import { Person } from '../../api/person';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../routing';
import { Page, Section } from '../../ui/page';
import { Loaded } from '../../ui/status';
import { PersonFields, PersonForm } from './person-form';
import { PersonHistory } from './person-history';
import { CREATE_PERSON, PERSON_QUERY, UPDATE_PERSON } from './queries';
import { EditDetailsLink, EditSection, RecordSection } from './record-section';
import { DetailList, MissingFields, SavedNotice } from './shared';

/** `#/people/new`: a new person; on success the person's page says "Saved". */
export function NewPersonPage() {
  const { t } = useI18n();
  const r = t.registry;
  return (
    <Page title={r.newPerson} actions={<Link to="/people">{r.allPeople}</Link>}>
      <RecordSection<{ createPerson: { id: string } }, PersonFields>
        title={r.personDetails}
        id="person-form"
        mutation={CREATE_PERSON}
        submitLabel={r.createPerson}
        savedPage={(data) => `/people/${data.createPerson.id}`}
        back="/people"
      >
        {(form) => <PersonForm {...form} />}
      </RecordSection>
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
            <PersonEdit key={person.version} person={person} onReload={state.reload} />
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
      <EditDetailsLink page={`/people/${person.id}`} />
    </Section>
  );
}

/** The edit form; a stale version (someone else saved first) offers to reload their version. */
function PersonEdit({ person, onReload }: { person: Person; onReload: () => void }) {
  const area = useRef<HTMLDivElement>(null);
  // Reached by the profile's edit link, whose place the form takes: move focus into the form.
  useEffect(() => area.current?.querySelector('input')?.focus(), []);
  return (
    <EditSection<PersonFields> id="person-edit" mutation={UPDATE_PERSON} record={person} page={`/people/${person.id}`} onReload={onReload}>
      {(form) => (
        <div ref={area}>
          <PersonForm record={person} {...form} />
        </div>
      )}
    </EditSection>
  );
}
