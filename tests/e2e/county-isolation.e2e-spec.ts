import { Role } from '@lahde/platform/auth';
import { errorCodes, TestApi } from '../support/test-api';

const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id name type municipalityCode version } }`;
const UPDATE = `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name version } }`;
const GET = `query($id: ID!) { organisation(id: $id) { id name } }`;
const LIST = `query($after: String, $first: Int) { organisations(first: $first, after: $after) { totalCount nodes { id name } pageInfo { hasNextPage endCursor } } }`;

const KYMENLAAKSO = { role: Role.COUNTY_COORDINATOR, county: '10' };
const KAINUU = { role: Role.COUNTY_COORDINATOR, county: '18' };

/** County isolation through the API: county A cannot read, change or create county B's records. */
describe('organisations across counties', () => {
  let api: TestApi;
  let shelterId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    const created = await api.gql<{ createOrganisation: { id: string } }>(CREATE, { input: { type: 'NGO', name: 'Kymenlaakson turvakoti', municipalityCode: '286' } }, KYMENLAAKSO);
    expect(created.errors).toBeUndefined();
    shelterId = created.data!.createOrganisation.id;
  });
  afterAll(() => api.close());

  it("lets a county read its own organisation", async () => {
    const result = await api.gql(GET, { id: shelterId }, KYMENLAAKSO);
    expect(result.data).toEqual({ organisation: { id: shelterId, name: 'Kymenlaakson turvakoti' } });
  });

  it("answers another county's record exactly like an unknown one", async () => {
    const foreign = await api.gql(GET, { id: shelterId }, KAINUU);
    const unknown = await api.gql(GET, { id: '00000000-0000-4000-8000-000000000000' }, KAINUU);
    const garbage = await api.gql(GET, { id: 'not-a-uuid' }, KAINUU);
    for (const result of [foreign, unknown, garbage]) {
      expect(result.data).toBeNull();
      expect(result.errors?.map((e) => [e.extensions.code, e.message])).toEqual([['NOT_FOUND', 'Organisation not found']]);
    }
  });

  it("does not list another county's organisations", async () => {
    const result = await api.gql<{ organisations: { nodes: Array<{ id: string }> } }>(LIST, { first: 200 }, KAINUU);
    expect(result.data!.organisations.nodes.map((n) => n.id)).not.toContain(shelterId);
  });

  it("cannot update another county's organisation", async () => {
    const result = await api.gql(UPDATE, { input: { id: shelterId, version: 1, name: 'Taken over' } }, KAINUU);
    expect(errorCodes(result)).toEqual(['NOT_FOUND']);
    const after = await api.gql(GET, { id: shelterId }, KYMENLAAKSO);
    expect(after.data).toEqual({ organisation: { id: shelterId, name: 'Kymenlaakson turvakoti' } });
  });

  it('ignores forged tenant ids in headers and arguments', async () => {
    const token = await api.token(Role.COUNTY_COORDINATOR, '18');
    const res = await api.http
      .post('/graphql')
      .set('authorization', `Bearer ${token}`)
      .set('x-tenant-id', '10')
      .set('x-county', '10')
      .send({ query: GET, variables: { id: shelterId } });
    expect(res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['NOT_FOUND']);
    const forgedArg = await api.gql(CREATE, { input: { type: 'NGO', name: 'Forged', tenantId: shelterId } }, KAINUU);
    expect(errorCodes(forgedArg)).toEqual(['BAD_USER_INPUT']);
  });

  it("cannot place an organisation in another county's municipality", async () => {
    const result = await api.gql(CREATE, { input: { type: 'MUNICIPALITY', name: 'Kouvola', municipalityCode: '286' } }, KAINUU);
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.municipalityCode', message: 'is not a municipality of your county' }] });
  });

  it('keeps the same name apart per county, but unique within one', async () => {
    const same = { input: { type: 'PARISH', name: 'Seurakuntayhtymä' } };
    expect((await api.gql(CREATE, same, KYMENLAAKSO)).errors).toBeUndefined();
    expect((await api.gql(CREATE, same, KAINUU)).errors).toBeUndefined();
    const dup = await api.gql(CREATE, { input: { type: 'PARISH', name: 'SEURAKUNTAYHTYMÄ' } }, KYMENLAAKSO);
    expect(dup.errors?.[0].extensions).toEqual({ code: 'CONFLICT', fields: [{ field: 'input.name', message: 'An organisation with this name already exists in your county' }] });
  });

  it('refuses a stale version instead of silently overwriting', async () => {
    const created = await api.gql<{ createOrganisation: { id: string } }>(CREATE, { input: { type: 'COMPANY', name: 'Työterveys Oy' } }, KYMENLAAKSO);
    const id = created.data!.createOrganisation.id;
    const first = await api.gql<{ updateOrganisation: { version: number } }>(UPDATE, { input: { id, version: 1, name: 'Työterveys Kaakko Oy' } }, KYMENLAAKSO);
    expect(first.data!.updateOrganisation.version).toBe(2);
    const second = await api.gql(UPDATE, { input: { id, version: 1, name: 'Lost update' } }, KYMENLAAKSO);
    expect(errorCodes(second)).toEqual(['CONFLICT']);
    expect((await api.gql(GET, { id }, KYMENLAAKSO)).data).toEqual({ organisation: { id, name: 'Työterveys Kaakko Oy' } });
  });

  it('names the field in validation errors and writes nothing', async () => {
    const result = await api.gql(CREATE, { input: { type: 'NGO', name: '   ', municipalityCode: '28' } }, KYMENLAAKSO);
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual(['input.municipalityCode', 'input.name']);
    const wrongType = await api.gql(CREATE, { input: { type: 'BANK', name: 'x' } }, KYMENLAAKSO);
    expect(wrongType.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(wrongType.errors?.[0].message).toContain('type');
  });

  it('stores names NFC-normalised and trimmed', async () => {
    const decomposed = 'Ka\u0308rkikunta ry  '; // "ä" typed as a + combining diaeresis
    const result = await api.gql<{ createOrganisation: { name: string } }>(CREATE, { input: { type: 'NGO', name: decomposed } }, KYMENLAAKSO);
    expect(result.data!.createOrganisation.name).toBe('Kärkikunta ry');
  });

  it('pages through a list with opaque cursors', async () => {
    for (const name of ['Aa', 'Bb', 'Cc']) await api.gql(CREATE, { input: { type: 'OTHER', name: `Page ${name}` } }, KAINUU);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data: { organisations: { totalCount: number; nodes: Array<{ name: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } =
        await api.gql(LIST, { first: 2, after }, KAINUU);
      const { nodes, pageInfo, totalCount } = page.data!.organisations;
      seen.push(...nodes.map((n) => n.name));
      expect(totalCount).toBeGreaterThanOrEqual(4);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(seen.filter((n) => n.startsWith('Page '))).toEqual(['Page Aa', 'Page Bb', 'Page Cc']);
    expect(errorCodes(await api.gql(LIST, { first: 2, after: 'bogus' }, KAINUU))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await api.gql(LIST, { first: 5000 }, KAINUU))).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps national roles and county-less reporters away from county registries', async () => {
    for (const auth of [{ role: Role.NATIONAL_ADMIN }, { role: Role.NATIONAL_ANALYST }, { role: Role.ESF_REPORTER }]) {
      expect(errorCodes(await api.gql(LIST, {}, auth))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await api.gql(GET, { id: shelterId }, auth))).toEqual(['FORBIDDEN']);
    }
  });

  it('lets trainers and key workers read but not write organisations', async () => {
    for (const role of [Role.TRAINER, Role.KEY_WORKER, Role.ESF_REPORTER]) {
      expect((await api.gql(GET, { id: shelterId }, { role, county: '10' })).errors).toBeUndefined();
      expect(errorCodes(await api.gql(CREATE, { input: { type: 'NGO', name: `By ${role}` } }, { role, county: '10' }))).toEqual(['FORBIDDEN']);
    }
  });
});
