import { Role } from '@lahde/platform/auth';
import { mintToken } from '../../apps/cli/src/token';
import { TestApi } from '../support/test-api';

/** `npm run token` mints tokens with the local development issuer, which the API trusts outside production. */
describe('development tokens', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.close());

  it('signs a token the API accepts, for the role and county asked for', async () => {
    const token = await mintToken({ role: Role.COUNTY_COORDINATOR, county: '10', subject: 'coordinator@kymenlaakso' });
    const result = await api.gql('{ me { id role countyCode } }', {}, token);
    expect(result.data).toEqual({ me: { id: 'urn:lahde:dev-issuer#coordinator@kymenlaakso', role: 'COUNTY_COORDINATOR', countyCode: '10' } });
  });

  it('is refused when NODE_ENV=production', async () => {
    const previous = process.env['NODE_ENV'];
    process.env['NODE_ENV'] = 'production';
    try {
      await expect(mintToken({ role: Role.NATIONAL_ADMIN })).rejects.toThrow(/refused when NODE_ENV=production/);
    } finally {
      process.env['NODE_ENV'] = previous;
    }
  });

  it('is not trusted by an API whose development issuer is off', async () => {
    const strict = await TestApi.start({ env: { AUTH_DEV_ISSUER: 'false' } });
    try {
      const token = await mintToken({ role: Role.NATIONAL_ADMIN });
      expect((await strict.gql('{ me { id } }', {}, token)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      await strict.close();
    }
  });
});
