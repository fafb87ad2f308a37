import { Role } from '@lahde/platform/auth';
import { countyId, inTenant, runtimeClient } from '@lahde/testing';
import { errorCodes, TestApi } from '../support/test-api';

const CREATE_ORG = 'mutation($name: String!) { createOrganisation(input: { type: COUNTY, name: $name }) { id } }';
const CREATE_UNIT = 'mutation($input: CreateUnitInput!) { createUnit(input: $input) { id name sector } }';
const CREATE_PERSON = 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id email unit { name sector organisationName } missingFields version } }';
const UPDATE_PERSON = 'mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id phone jobTitle email version } }';
const PEOPLE = 'query($search: String, $incomplete: Boolean) { people(search: $search, incomplete: $incomplete) { totalCount nodes { id firstName email } } }';

const COORDINATOR = { role: Role.COUNTY_COORDINATOR, county: '13' };

describe('people of a county', () => {
  let api: TestApi;
  let unitId: string;
  let annaId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    const org = await api.gql<{ createOrganisation: { id: string } }>(CREATE_ORG, { name: 'Pohjois-Savon hyvinvointialue' }, COORDINATOR);
    const unit = await api.gql<{ createUnit: { id: string } }>(
      CREATE_UNIT,
      { input: { organisationId: org.data!.createOrganisation.id, name: 'Kuopion perhekeskus', sector: 'SOCIAL_AND_HEALTH_CARE', municipalityCode: '297' } },
      COORDINATOR,
    );
    expect(unit.errors).toBeUndefined();
    unitId = unit.data!.createUnit.id;
    const anna = await api.gql<{ createPerson: { id: string; unit: unknown; missingFields: string[] } }>(
      CREATE_PERSON,
      { input: { firstName: 'Anna', lastName: 'Avainen', email: 'Anna.Avainen@PSHVA.fi', unitId, jobTitle: 'Sosiaalityöntekijä' } },
      COORDINATOR,
    );
    expect(anna.errors).toBeUndefined();
    expect(anna.data!.createPerson).toMatchObject({
      email: 'anna.avainen@pshva.fi',
      unit: { name: 'Kuopion perhekeskus', sector: 'SOCIAL_AND_HEALTH_CARE', organisationName: 'Pohjois-Savon hyvinvointialue' },
      missingFields: ['phone', 'gender', 'birthYear', 'educationLevel'],
    });
    annaId = anna.data!.createPerson.id;
  });
  afterAll(() => api.close());

  it('keeps e-mail unique within a county, not across counties', async () => {
    const again = await api.gql(CREATE_PERSON, { input: { firstName: 'A', lastName: 'B', email: 'anna.avainen@pshva.fi' } }, COORDINATOR);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.email' }] });
    const elsewhere = await api.gql(CREATE_PERSON, { input: { firstName: 'A', lastName: 'B', email: 'anna.avainen@pshva.fi' } }, { role: Role.COUNTY_COORDINATOR, county: '12' });
    expect(elsewhere.errors).toBeUndefined();
  });

  it('finds people by name and lists incomplete records', async () => {
    const found = await api.gql<{ people: { totalCount: number } }>(PEOPLE, { search: 'avai' }, COORDINATOR);
    expect(found.data!.people.totalCount).toBe(1);
    const incomplete = await api.gql<{ people: { nodes: Array<{ id: string }> } }>(PEOPLE, { incomplete: true }, COORDINATOR);
    expect(incomplete.data!.people.nodes.map((n) => n.id)).toContain(annaId);
    expect((await api.gql<{ people: { totalCount: number } }>(PEOPLE, { search: '%' }, COORDINATOR)).data!.people.totalCount).toBe(0);
  });

  it('lets a key worker read and edit only their own profile, not their e-mail', async () => {
    const own = await api.issuer.token(Role.KEY_WORKER, '13', { subject: 'anna' });
    const withEmail = await signAs(api, Role.KEY_WORKER, '13', 'anna.avainen@pshva.fi');
    expect((await api.gql<{ people: { totalCount: number } }>(PEOPLE, {}, own)).data!.people.totalCount).toBe(0); // no e-mail claim: no self
    const mine = await api.gql<{ people: { nodes: Array<{ id: string }> } }>(PEOPLE, {}, withEmail);
    expect(mine.data!.people.nodes.map((n) => n.id)).toEqual([annaId]);
    const edited = await api.gql<{ updatePerson: { phone: string } }>(UPDATE_PERSON, { input: { id: annaId, version: 1, phone: '+358 40 123 4567' } }, withEmail);
    expect(edited.data?.updatePerson.phone).toBe('+358 40 123 4567');
    expect(errorCodes(await api.gql(UPDATE_PERSON, { input: { id: annaId, version: 2, email: 'x@y.fi' } }, withEmail))).toEqual(['FORBIDDEN']);
    const other = await api.gql<{ createPerson: { id: string } }>(CREATE_PERSON, { input: { firstName: 'Olli', lastName: 'Muu', email: 'olli@pshva.fi' } }, COORDINATOR);
    expect(errorCodes(await api.gql(UPDATE_PERSON, { input: { id: other.data!.createPerson.id, version: 1, phone: '1' } }, withEmail))).toEqual(['NOT_FOUND']);
  });

  it('audits every read of personal data and every write, in a log the runtime role cannot alter', async () => {
    await api.gql(PEOPLE, { search: 'Avainen' }, COORDINATOR);
    const db = await runtimeClient();
    try {
      await inTenant(db, await countyId(db, '13'), async () => {
        const { rows } = await db.query(
          `SELECT action, count(*)::int AS n FROM audit_log WHERE entity = 'Person' AND entity_id = $1 GROUP BY action ORDER BY action`,
          [annaId],
        );
        const counts = Object.fromEntries(rows.map((r) => [r.action, r.n]));
        expect(counts['CREATE']).toBe(1);
        expect(counts['UPDATE']).toBe(1);
        expect(counts['READ_PERSONAL']).toBeGreaterThanOrEqual(2);
        await expect(db.query('DELETE FROM audit_log WHERE entity_id = $1', [annaId])).rejects.toThrow(/permission denied/);
      });
    } finally {
      await db.end();
    }
  });

  it('validates input and names the fields', async () => {
    const bad = await api.gql(CREATE_PERSON, { input: { firstName: '', lastName: 'x'.repeat(101), email: 'not-an-email', birthYear: 1800, phone: 'call me' } }, COORDINATOR);
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual(['input.birthYear', 'input.email', 'input.firstName', 'input.lastName', 'input.phone']);
    const foreignUnit = await api.gql(CREATE_PERSON, { input: { firstName: 'A', lastName: 'B', email: 'c@d.fi', unitId } }, { role: Role.COUNTY_COORDINATOR, county: '12' });
    expect(foreignUnit.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.unitId' }] });
  });
});

function signAs(api: TestApi, role: Role, county: string, email: string): Promise<string> {
  return api.issuer.token(role, county, { subject: email, email });
}
