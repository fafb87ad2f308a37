import { Role } from '@lahde/platform/auth';
import { errorCodes, TestApi } from '../support/test-api';

describe('counties and municipalities', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.close());

  it('lists the 22 counties with populations adding up to 5,605,317 for 2024', async () => {
    const result = await api.gql<{ counties: Array<{ code: string; nameSv: string; population: { year: number; population: number } }> }>(
      '{ counties(populationYear: 2024) { code nameFi nameSv nameEn population { year population source } } }',
      {},
      { role: Role.NATIONAL_ANALYST },
    );
    const counties = result.data!.counties;
    expect(counties).toHaveLength(22);
    expect(counties.reduce((sum, c) => sum + c.population.population, 0)).toBe(5_605_317);
    expect(counties.find((c) => c.code === '90')).toMatchObject({ nameSv: 'Helsingfors stad', population: { year: 2024, population: 684018 } });
  });

  it('has no population before the first year on record', async () => {
    const result = await api.gql<{ county: { population: null } }>('{ county(code: "10", populationYear: 2000) { code population { year } } }', {}, { role: Role.KEY_WORKER, county: '10' });
    expect(result.data).toEqual({ county: { code: '10', population: null } });
  });

  it("lists a county's municipalities with their populations", async () => {
    const result = await api.gql<{ municipalities: Array<{ code: string; nameFi: string; population: { population: number } }> }>(
      '{ municipalities(countyCode: "10") { code nameFi countyCode population { year population } } }',
      {},
      { role: Role.COUNTY_COORDINATOR, county: '10' },
    );
    expect(result.data!.municipalities.map((m) => m.nameFi)).toEqual(['Hamina', 'Kotka', 'Kouvola', 'Miehikkälä', 'Pyhtää', 'Virolahti']);
  });

  it('rejects malformed codes with a field-named error, and unknown ones as not found', async () => {
    const bad = await api.gql('{ municipalities(countyCode: "1; DROP TABLE counties") { code } }', {}, { role: Role.NATIONAL_ANALYST });
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'countyCode', message: 'must be a two-digit county code, e.g. "10"' }] });
    expect(errorCodes(await api.gql('{ county(code: "77") { code } }', {}, { role: Role.NATIONAL_ANALYST }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await api.gql('{ counties(populationYear: -5) { code } }', {}, { role: Role.NATIONAL_ANALYST }))).toEqual(['BAD_USER_INPUT']);
  });
});
