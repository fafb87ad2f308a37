import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TestApi } from '../support/test-api';

const OIDC = { OIDC_AUTHORIZATION_URL: 'https://idp.example.fi/authorize', OIDC_TOKEN_URL: 'https://idp.example.fi/token', OIDC_CLIENT_ID: 'lahde-web' };

/** What the web app asks before sign-in, the local picker's tokens, and how its pages are served. */
describe('web app sign-in and pages', () => {
  let api: TestApi;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(path.join(tmpdir(), 'lahde-web-'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Lähde</title>');
    api = await TestApi.start({ env: { WEB_DIR: webDir, ...OIDC } });
  });
  afterAll(() => api.close());

  it('tells the browser how to sign in: the OIDC provider and, outside production, the county picker', async () => {
    const res = await api.http.get('/auth/config').expect(200);
    expect(res.body.oidc).toEqual({ authorizationUrl: OIDC.OIDC_AUTHORIZATION_URL, tokenUrl: OIDC.OIDC_TOKEN_URL, clientId: 'lahde-web', scope: 'openid profile email', endSessionUrl: null });
    expect(res.body.devSignIn).toBe(true);
    expect(res.body.devCounties).toHaveLength(22);
    expect(res.body.devCounties[0]).toEqual({ code: '01', nameFi: 'Itä-Uudenmaan hyvinvointialue', nameSv: 'Östra Nylands välfärdsområde', nameEn: 'East Uusimaa Wellbeing Services County' });
  });

  it('signs a development token for the picked role, county and e-mail, which the API accepts', async () => {
    const res = await api.http.post('/auth/dev-token').send({ role: 'KEY_WORKER', county: '10', email: 'avain@kymsote.test', name: 'Aino Avain' }).expect(200);
    const me = await api.gql<{ me: { role: string; countyCode: string; name: string; subject: string } }>('{ me { role countyCode name subject } }', {}, res.body.token);
    expect(me.data?.me).toEqual({ role: 'KEY_WORKER', countyCode: '10', name: 'Aino Avain', subject: 'avain@kymsote.test' });
  });

  it('refuses a picker request that names no county for a county role, a county for a national role, or a bad role', async () => {
    const cases = [
      [{ role: 'COUNTY_COORDINATOR' }, /county/],
      [{ role: 'NATIONAL_ANALYST', county: '10' }, /national role/],
      [{ role: 'ROOT', county: '10' }, /role/],
      [{ role: 'TRAINER', county: '1; DROP' }, /two-digit county code/],
      [{ role: 'TRAINER', county: '10', email: 'not-an-email' }, /email/],
    ] as const;
    for (const [body, message] of cases) {
      const res = await api.http.post('/auth/dev-token').send(body).expect(400);
      expect(res.body.code).toBe('BAD_USER_INPUT');
      expect(res.body.message).toMatch(message);
    }
  });

  it('has no development tokens when the development issuer is off', async () => {
    const strict = await TestApi.start({ env: { AUTH_DEV_ISSUER: 'false', WEB_DIR: webDir } });
    try {
      await strict.http.post('/auth/dev-token').send({ role: 'NATIONAL_ADMIN' }).expect(404);
      const config = await strict.http.get('/auth/config').expect(200);
      expect(config.body).toMatchObject({ devSignIn: false, devCounties: [] });
    } finally {
      await strict.close();
    }
  });

  it('serves the page with a policy that runs only its own scripts and talks only to itself and the provider', async () => {
    const res = await api.http.get('/').expect(200);
    expect(res.text).toContain('<title>Lähde</title>');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' https://idp.example.fi");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-cache');
    // The API's own routes are untouched by the static pages.
    await api.http.get('/health/live').expect(200);
  });
});
