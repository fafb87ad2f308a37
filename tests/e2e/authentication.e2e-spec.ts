import { SignJWT, UnsecuredJWT, importJWK } from 'jose';
import { Role } from '@lahde/platform/auth';
import { TestIssuer } from '@lahde/testing';
import { errorCodes, TestApi } from '../support/test-api';

const ME = '{ me { id role countyCode county { code nameFi } } }';

describe('sign-in with bearer tokens', () => {
  let api: TestApi;
  let stranger: TestIssuer;

  beforeAll(async () => {
    api = await TestApi.start({
      issuers: (thl) => [
        thl.config(),
        // A county identity provider that may vouch for county 10 only, and for no national role.
        { issuer: 'https://idp.kymenlaakso.test', jwksUrl: thl.jwksUrl, counties: ['10'], roles: [Role.COUNTY_COORDINATOR, Role.KEY_WORKER] },
      ],
    });
    stranger = await TestIssuer.start('https://idp.stranger.test');
  });
  afterAll(async () => {
    await api.close();
    await stranger.stop();
  });

  /** A national-admin token under the trusted test issuer's name and key id, wrong in the way asked for. */
  const handMade = (how: { alg: string; key: Parameters<SignJWT['sign']>[0]; expires?: boolean }) => {
    const jwt = new SignJWT({ role: Role.NATIONAL_ADMIN })
      .setProtectedHeader({ alg: how.alg, kid: api.issuer.key.kid })
      .setIssuer(api.issuer.issuer)
      .setAudience('lahde-api')
      .setSubject('mallory');
    return (how.expires === false ? jwt : jwt.setExpirationTime('1h')).sign(how.key);
  };

  const expectRefused = async (token: string | undefined) => {
    const result = await api.gql(ME, {}, token);
    expect(result.data).toBeNull();
    expect(errorCodes(result)).toEqual(['UNAUTHENTICATED']);
  };

  it('answers `me` from a valid token: identity, role and county', async () => {
    const result = await api.gql(ME, {}, await api.issuer.token(Role.COUNTY_COORDINATOR, '10', { subject: 'anna' }));
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      me: { id: 'https://idp.test.lahde#anna', role: 'COUNTY_COORDINATOR', countyCode: '10', county: { code: '10', nameFi: 'Kymenlaakson hyvinvointialue' } },
    });
  });

  it('gives national roles no county', async () => {
    const result = await api.gql(ME, {}, await api.token(Role.NATIONAL_ANALYST));
    expect(result.data).toEqual({ me: expect.objectContaining({ role: 'NATIONAL_ANALYST', countyCode: null, county: null }) });
  });

  it('refuses a request without a token', () => expectRefused(undefined));

  it('refuses a token from an unknown issuer', async () => expectRefused(await stranger.token(Role.NATIONAL_ADMIN)));

  it("refuses a token signed by another key under a trusted issuer's name", async () => {
    const forged = await handMade({ alg: 'ES256', key: await importJWK(stranger.key, 'ES256') });
    await expectRefused(forged);
  });

  it('refuses alg "none"', async () => {
    const unsigned = new UnsecuredJWT({ role: Role.NATIONAL_ADMIN }).setIssuer(api.issuer.issuer).setAudience('lahde-api').setSubject('x').setExpirationTime('1h').encode();
    await expectRefused(unsigned);
  });

  it('refuses an expired token', async () => expectRefused(await api.issuer.token(Role.COUNTY_COORDINATOR, '10', { ttlSeconds: -120 })));

  it('refuses a token for another audience', async () =>
    expectRefused(await api.issuer.token(Role.COUNTY_COORDINATOR, '10', { audience: 'some-other-api' })));

  it('refuses a token without an expiry', async () => {
    const noExp = await handMade({ alg: 'ES256', key: await importJWK(api.issuer.key, 'ES256'), expires: false });
    await expectRefused(noExp);
  });

  it('refuses a symmetric (HS256) token even if keyed with public material', async () => {
    const publicMaterial = new TextEncoder().encode(JSON.stringify({ x: api.issuer.key.x, y: api.issuer.key.y }));
    const hs = await handMade({ alg: 'HS256', key: publicMaterial });
    await expectRefused(hs);
  });

  it('refuses roles and counties that do not fit together', async () => {
    await expectRefused(await api.issuer.token(Role.COUNTY_COORDINATOR)); // county role, no county
    await expectRefused(await api.issuer.token(Role.NATIONAL_ADMIN, '10')); // national role bound to a county
    await expectRefused(await api.issuer.token(Role.KEY_WORKER, '99')); // no such county
    await expectRefused(await api.issuer.token('SUPERUSER' as Role, '10')); // no such role
  });

  it("refuses what an issuer may not vouch for: another county, or a role outside its list", async () => {
    // The county provider of this test shares the test key set, under its own issuer name.
    const county = (role: Role, code?: string) => api.issuer.token(role, code, { issuer: 'https://idp.kymenlaakso.test' });
    expect((await api.gql(ME, {}, await county(Role.KEY_WORKER, '10'))).data).toEqual({ me: expect.objectContaining({ countyCode: '10' }) });
    await expectRefused(await county(Role.KEY_WORKER, '05'));
    await expectRefused(await county(Role.COUNTY_ADMIN, '10'));
  });

  it('serves liveness and readiness without a token', async () => {
    expect((await api.http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await api.http.get('/health');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });
});
