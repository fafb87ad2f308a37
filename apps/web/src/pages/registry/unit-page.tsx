import { useQuery } from '../../api/hooks';
import { usePaged } from '../../api/paging';
import { PersonRow } from '../../api/person';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../routing';
import { DataTable } from '../../ui/data-table';
import { Page, Section } from '../../ui/page';
import { Loaded } from '../../ui/status';
import { CoveredBadge, useUncoveredUnits } from './organisation-page';
import { UnitFields, UnitForm } from './organisation-forms';
import { Membership, Organisation, ORGANISATION_QUERY, PEOPLE, Unit, UNIT_MEMBERSHIPS, UNIT_QUERY, UPDATE_UNIT } from './queries';
import { EditDetailsLink, EditSection } from './record-section';
import { MembershipBadge } from '../../ui/membership';
import { DetailList, MissingFields, PagedList, SavedNotice, useManages, useMunicipalities } from './shared';

const unitPage = (unit: Unit) => `/organisations/${unit.organisationId}/units/${unit.id}`;

/** `#/organisations/<id>/units/<unitId>` (details and people) and `…/edit`. */
export function UnitPage({ organisationId, unitId, editing, saved }: { organisationId: string; unitId: string; editing: boolean; saved: boolean }) {
  const { t } = useI18n();
  const r = t.registry;
  const state = useQuery<{ unit: Unit }>(UNIT_QUERY, { id: unitId });
  const organisation = useQuery<{ organisation: Organisation }>(ORGANISATION_QUERY, { id: organisationId });
  const organisationName = organisation.data?.organisation.name;
  return (
    <Page
      title={state.data?.unit.name ?? r.unit}
      actions={<Link to={`/organisations/${organisationId}`}>{organisationName ? r.backTo(organisationName) : r.organisation}</Link>}
    >
      <Loaded state={state}>
        {({ unit }) =>
          editing ? (
            <UnitEdit key={unit.version} unit={unit} onReload={state.reload} />
          ) : (
            <>
              {saved && <SavedNotice />}
              <UnitDetails unit={unit} organisationName={organisationName} />
              <UnitPeople unit={unit} />
            </>
          )
        }
      </Loaded>
    </Page>
  );
}

function UnitDetails({ unit, organisationName }: { unit: Unit; organisationName?: string }) {
  const { t } = useI18n();
  const r = t.registry;
  const municipalities = useMunicipalities();
  const { uncovered } = useUncoveredUnits(unit.organisationId);
  return (
    <Section title={r.unitDetails} id="unit-details">
      <DetailList
        items={[
          [r.field.organisation, organisationName],
          [r.field.sector, t.common.sector[unit.sector] ?? unit.sector],
          [r.field.municipality, municipalities.nameOf(unit.municipalityCode)],
          [r.hasActiveKeyWorker, <CoveredBadge covered={uncovered && !uncovered.has(unit.id)} />],
        ]}
      />
      <EditDetailsLink page={unitPage(unit)} />
    </Section>
  );
}

function UnitEdit({ unit, onReload }: { unit: Unit; onReload: () => void }) {
  return (
    <EditSection<UnitFields> id="unit-edit" mutation={UPDATE_UNIT} record={unit} page={unitPage(unit)} onReload={onReload}>
      {(form) => <UnitForm record={unit} {...form} />}
    </EditSection>
  );
}

/** Who works in the unit: where a coordinator looks when the unit has lost its key worker. */
function UnitPeople({ unit }: { unit: Unit }) {
  const { t } = useI18n();
  const r = t.registry;
  const manages = useManages();
  const people = usePaged<PersonRow>(PEOPLE, 'people', { unitId: unit.id });
  // A unit has few members: one page of its memberships gives everyone's status (trainers may not read them).
  const memberships = useQuery<{ memberships: { nodes: Membership[] } }>(UNIT_MEMBERSHIPS, { unitId: unit.id }, { skip: !manages });
  const status = new Map(memberships.data?.memberships.nodes.map((m) => [m.personId, m.status]));
  return (
    <Section title={r.peopleInUnit} id="unit-people">
      <PagedList state={people} empty={r.noPeopleInUnit}>
        {(nodes) => (
          <DataTable
            caption={r.peopleInUnitCaption(unit.name)}
            rows={nodes}
            rowKey={(p) => p.id}
            columns={[
              { key: 'name', header: r.field.name, cell: (p) => <Link to={`/people/${p.id}`}>{`${p.lastName}, ${p.firstName}`}</Link> },
              { key: 'email', header: r.field.email, cell: (p) => p.email },
              ...(manages
                ? [{ key: 'membership', header: r.membership, cell: (p: PersonRow) => (!memberships.data ? t.common.state.none : status.has(p.id) ? <MembershipBadge status={status.get(p.id)!} /> : r.notMember) }]
                : []),
              { key: 'missing', header: r.missingInformation, cell: (p) => <MissingFields fields={p.missingFields} /> },
            ]}
          />
        )}
      </PagedList>
    </Section>
  );
}
