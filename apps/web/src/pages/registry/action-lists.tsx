import { useMemo } from 'react';
import { useQuery } from '../../api/hooks';
import { useAll, usePaged } from '../../api/paging';
import { PersonRow } from '../../api/person';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../routing';
import { DataTable } from '../../ui/data-table';
import { Section } from '../../ui/page';
import { Empty, Loaded } from '../../ui/status';
import { IncompleteEnrolment, INCOMPLETE_ENROLMENTS, MUNICIPALITY_GAPS, Organisation, ORGANISATIONS, PEOPLE, Unit, UNITS } from './queries';
import { MissingFields, PagedList, useMunicipalities } from './shared';

/** The overview shows the start of each list; the rest is a "Show more" away. */
const OVERVIEW_PAGE = 10;

/** Units where no active key worker works: each links to the unit, where its people are listed. */
export function UnitsWithoutKeyWorker() {
  const { t } = useI18n();
  const r = t.registry;
  const units = usePaged<Unit>(UNITS, 'units', { withoutActiveKeyWorker: true }, { pageSize: OVERVIEW_PAGE });
  const organisations = useAll<Organisation>(ORGANISATIONS, 'organisations');
  const municipalities = useMunicipalities();
  const organisationName = useMemo(() => new Map(organisations.nodes?.map((o) => [o.id, o.name])), [organisations.nodes]);
  return (
    <Section title={r.unitsWithout}>
      <PagedList state={units} empty={r.unitsWithoutNone}>
        {(nodes) => (
          <>
            <p>{r.unitsWithoutIntro}</p>
            <div className="quiet-caption">
              <DataTable
                caption={r.unitsWithout}
                rows={nodes}
                rowKey={(u) => u.id}
                columns={[
                  { key: 'name', header: r.unit, cell: (u) => <Link to={`/organisations/${u.organisationId}/units/${u.id}`}>{u.name}</Link> },
                  { key: 'organisation', header: r.field.organisation, cell: (u) => organisationName.get(u.organisationId) ?? t.common.state.none },
                  { key: 'sector', header: r.field.sector, cell: (u) => t.common.sector[u.sector] ?? u.sector },
                  { key: 'municipality', header: r.field.municipality, cell: (u) => municipalities.nameOf(u.municipalityCode) ?? t.common.state.none },
                ]}
              />
            </div>
          </>
        )}
      </PagedList>
    </Section>
  );
}

/** Municipalities without an active key worker, with the places to act: their organisations and people. */
export function MunicipalitiesWithoutKeyWorker() {
  const { t } = useI18n();
  const r = t.registry;
  const state = useQuery<{ municipalitiesWithoutActiveKeyWorker: Array<{ code: string; nameFi: string }> }>(MUNICIPALITY_GAPS);
  return (
    <Section title={r.municipalitiesWithout} id="municipalities-without">
      <Loaded state={state}>
        {({ municipalitiesWithoutActiveKeyWorker: gaps }) =>
          gaps.length === 0 ? (
            <Empty>{r.municipalitiesWithoutNone}</Empty>
          ) : (
            <ul className="gap-list">
              {gaps.map((m) => (
                <li key={m.code}>
                  <strong>{m.nameFi}</strong>
                  <Link to={`/organisations?municipalityCode=${m.code}`}>{r.organisationsIn(m.nameFi)}</Link>
                  <Link to={`/people?municipalityCode=${m.code}`}>{r.peopleIn(m.nameFi)}</Link>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </Section>
  );
}

/** Enrolled in a course that has begun, not yet meeting its completion rule, with what they still miss. */
export function EligibleNotCertified() {
  const { t } = useI18n();
  const r = t.registry;
  const state = useQuery<{ incompleteEnrolments: IncompleteEnrolment[] }>(INCOMPLETE_ENROLMENTS);
  return (
    <Section title={r.eligible}>
      <p>{r.eligibleIntro}</p>
      <Loaded state={state}>
        {({ incompleteEnrolments: rows }) =>
          rows.length === 0 ? (
            <Empty>{r.eligibleNone}</Empty>
          ) : (
            <div className="quiet-caption">
              <DataTable
                caption={r.eligible}
                rows={rows}
                rowKey={(e) => `${e.courseId}:${e.personId}`}
                columns={[
                  { key: 'name', header: r.field.name, cell: (e) => <Link to={`/people/${e.personId}`}>{e.name}</Link>, sortValue: (e) => e.name },
                  { key: 'course', header: r.course, cell: (e) => <Link to={`/courses/${e.courseId}`}>{e.courseName}</Link>, sortValue: (e) => e.courseName },
                  {
                    key: 'missing',
                    header: r.stillMissing,
                    cell: (e) => (
                      <ul className="plain">
                        {e.missing.map((m) => (
                          <li key={m}>{m}</li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
            </div>
          )
        }
      </Loaded>
    </Section>
  );
}

/** People whose records lack something; each name opens the person's edit form. */
export function IncompleteRecords() {
  const { t } = useI18n();
  const r = t.registry;
  const people = usePaged<PersonRow>(PEOPLE, 'people', { incomplete: true }, { pageSize: OVERVIEW_PAGE });
  return (
    <Section title={r.incompleteRecords}>
      <PagedList state={people} empty={r.incompleteNone}>
        {(nodes) => (
          <>
            <p>
              {r.incompleteIntro} <Link to="/people?incomplete=1">{r.incompleteAll}</Link>
            </p>
            <div className="quiet-caption">
              <DataTable
                caption={r.incompleteRecords}
                rows={nodes}
                rowKey={(p) => p.id}
                columns={[
                  { key: 'name', header: r.field.name, cell: (p) => <Link to={`/people/${p.id}/edit`}>{`${p.lastName}, ${p.firstName}`}</Link> },
                  { key: 'unit', header: r.field.unit, cell: (p) => p.unit?.name ?? t.common.state.none },
                  { key: 'missing', header: r.missingInformation, cell: (p) => <MissingFields fields={p.missingFields} /> },
                ]}
              />
            </div>
          </>
        )}
      </PagedList>
    </Section>
  );
}
