/** The registry's GraphQL operations and the shapes they answer (see apps/api/schema.graphql). */
import { PERSON_FIELDS, PERSON_ROW_FIELDS } from '../../api/person';

const PAGE = 'totalCount pageInfo { hasNextPage endCursor }';

export const PEOPLE = `query People($first: Int!, $after: String, $search: String, $sector: Sector, $municipalityCode: String, $unitId: ID, $incomplete: Boolean) {
  people(first: $first, after: $after, search: $search, sector: $sector, municipalityCode: $municipalityCode, unitId: $unitId, incomplete: $incomplete) {
    ${PAGE} nodes { ${PERSON_ROW_FIELDS} }
  }
}`;

export const PERSON_QUERY = `query Person($id: ID!) { person(id: $id) { ${PERSON_FIELDS} } }`;

export const CREATE_PERSON = `mutation CreatePerson($input: CreatePersonInput!) { createPerson(input: $input) { id } }`;
export const UPDATE_PERSON = `mutation UpdatePerson($input: UpdatePersonInput!) { updatePerson(input: $input) { ${PERSON_FIELDS} } }`;

/** Who holds which certificate: the people list shows it beside each name. */
export const CERTIFICATE_HOLDERS = `{ certificates { personId kind } }`;

export interface Certificate {
  id: string;
  kind: string;
  issuedOn: string;
  courseId: string | null;
  certifiedByThl: boolean;
}
export const PERSON_CERTIFICATES = `query Certificates($personId: ID!) { certificates(personId: $personId) { id kind issuedOn courseId certifiedByThl } }`;

export interface Membership {
  id: string;
  personId: string;
  status: string;
  since: string;
  history: Array<{ status: string; effectiveOn: string; reason: string | null }>;
}
const MEMBERSHIP_FIELDS = 'id personId status since history { status effectiveOn reason }';
export const PERSON_MEMBERSHIP = `query PersonMembership($personId: ID!) { memberships(personId: $personId, first: 1) { nodes { ${MEMBERSHIP_FIELDS} } } }`;
export const UNIT_MEMBERSHIPS = `query UnitMemberships($unitId: ID!) {
  memberships(unitId: $unitId, first: 200) { nodes { ${MEMBERSHIP_FIELDS} } }
}`;

export interface LineageLink {
  courseId: string;
  courseName: string;
  name: string;
  personId: string;
  status: string;
  tier: number;
}
export interface Lineage {
  trainedByThl: boolean;
  trainedBy: LineageLink[];
  trained: LineageLink[];
  reach: { depth: number; trainers: number; keyWorkers: number; addressingParticipants: number };
}
export const LINEAGE = `query Lineage($personId: ID!) {
  lineage(personId: $personId) {
    trainedByThl
    trainedBy { courseId courseName name personId status tier }
    trained { courseId courseName name personId status tier }
    reach { depth trainers keyWorkers addressingParticipants }
  }
}`;

export interface Organisation {
  id: string;
  name: string;
  type: string;
  municipalityCode: string | null;
  version: number;
}
const ORGANISATION = 'id name type municipalityCode version';

export const ORGANISATIONS = `query Organisations($first: Int!, $after: String, $type: OrganisationType, $municipalityCode: String) {
  organisations(first: $first, after: $after, type: $type, municipalityCode: $municipalityCode) { ${PAGE} nodes { ${ORGANISATION} } }
}`;
export const ORGANISATION_QUERY = `query Organisation($id: ID!) { organisation(id: $id) { ${ORGANISATION} } }`;
export const CREATE_ORGANISATION = `mutation CreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;
export const UPDATE_ORGANISATION = `mutation UpdateOrganisation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { ${ORGANISATION} } }`;

export interface Unit {
  id: string;
  name: string;
  sector: string;
  municipalityCode: string | null;
  organisationId: string;
  version: number;
}
const UNIT = 'id name sector municipalityCode organisationId version';

export const UNITS = `query Units($first: Int!, $after: String, $organisationId: ID, $withoutActiveKeyWorker: Boolean) {
  units(first: $first, after: $after, organisationId: $organisationId, withoutActiveKeyWorker: $withoutActiveKeyWorker) { ${PAGE} nodes { ${UNIT} } }
}`;
export const UNIT_QUERY = `query Unit($id: ID!) { unit(id: $id) { ${UNIT} } }`;
export const CREATE_UNIT = `mutation CreateUnit($input: CreateUnitInput!) { createUnit(input: $input) { ${UNIT} } }`;
export const UPDATE_UNIT = `mutation UpdateUnit($input: UpdateUnitInput!) { updateUnit(input: $input) { ${UNIT} } }`;

export interface Municipality {
  code: string;
  nameFi: string;
}
export const MUNICIPALITIES = `query Municipalities($countyCode: String) { municipalities(countyCode: $countyCode) { code nameFi } }`;

export interface CoverageSlice {
  key: string;
  activeKeyWorkers: number;
  units: number;
  unitsCovered: number;
}
export interface CountyMetrics {
  figures: {
    activeKeyWorkers: number;
    activeTrainers: number;
    keyWorkersPer10k: number | null;
    population: number | null;
    populationYear: number | null;
    municipalities: number;
    municipalitiesCovered: number;
    units: number;
    unitsCovered: number;
    asOf: string | null;
    throughput: Array<{ tier: number; completed: number }>;
  };
  bySector: CoverageSlice[];
  byMunicipality: CoverageSlice[];
  byOrganisationType: CoverageSlice[];
}
const SLICE = 'key activeKeyWorkers units unitsCovered';
export const COUNTY_METRICS = `query CountyMetrics($countyCode: String!, $period: PeriodInput!) {
  countyMetrics(countyCode: $countyCode, period: $period) {
    figures { activeKeyWorkers activeTrainers keyWorkersPer10k population populationYear municipalities municipalitiesCovered units unitsCovered asOf throughput { tier completed } }
    bySector { ${SLICE} } byMunicipality { ${SLICE} } byOrganisationType { ${SLICE} }
  }
}`;

export const MUNICIPALITY_GAPS = `{ municipalitiesWithoutActiveKeyWorker { code nameFi } }`;

export interface IncompleteEnrolment {
  courseId: string;
  courseName: string;
  name: string;
  personId: string;
  missing: string[];
}
export const INCOMPLETE_ENROLMENTS = `{ incompleteEnrolments { courseId courseName name personId missing } }`;
