/// <reference lib="dom" />
import { Role } from '@lahde/platform/auth';
import { FakeOidcProvider } from './support/fake-oidc-provider';
import { expectAccessible, PHONE, screenshot, signInWithPicker, WebApp } from './support/web-app';

/** Signing in to the web app: the local picker, OpenID Connect with PKCE, languages, signing out. */
describe('web app: sign-in', () => {
  let web: WebApp;
  let provider: FakeOidcProvider;
  beforeAll(async () => {
    provider = await FakeOidcProvider.start({ role: Role.COUNTY_COORDINATOR, county: '06', email: 'koordinaattori@satakunta.test', name: 'Kaisa Koordinaattori' });
    web = await WebApp.start(provider.env());
    provider.issuer = web.api.issuer;
  });
  afterAll(async () => {
    await web?.close();
    await provider?.stop();
  });

  it('offers the picker and the provider in the chosen language, accessibly, on a phone too', async () => {
    const page = await web.page(PHONE);
    await page.goto(web.url);
    await page.getByRole('heading', { name: 'Kirjaudu Lähteeseen' }).waitFor();
    await page.getByLabel('Kieli').selectOption({ label: 'Svenska' });
    await page.getByRole('heading', { name: 'Logga in i Lähde' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    await page.getByLabel('Språk').selectOption({ label: 'English' });
    await page.getByRole('heading', { name: 'Sign in to Lähde' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await page.context().close();
  });

  it('signs a county coordinator in with the picker, shows their county and role, and signs out', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'COUNTY_COORDINATOR', county: '06' });
    // The county in the user's language (English here).
    await page.getByText('Satakunta Wellbeing Services County').first().waitFor();
    await page.getByText('County coordinator').first().waitFor();
    // The language is kept for the session: a reload keeps the user signed in and in English.
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Lähde' }).waitFor();
    await page.context().close();
  });

  it('signs in with the OpenID Connect provider: authorization code with PKCE, and the token works', async () => {
    const page = await web.page();
    await page.goto(web.url);
    await page.getByLabel('Kieli').selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Sign in', exact: true }).first().click();
    // Back from the provider, the code is traded for a token and the address bar is clean again.
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByText('Kaisa Koordinaattori').first().waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(provider.refusals).toEqual([]);

    // Signing out ends the provider's session too, and comes back to the sign-in page.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(provider.signOuts).toEqual(['lahde-web']);
    await page.context().close();
  });

  it('refuses a returning code whose state was not issued by this browser', async () => {
    const page = await web.page();
    await page.goto(`${web.url}/?code=stolen&state=forged`);
    await page.getByRole('alert').getByText('Sign-in failed').or(page.getByRole('alert').getByText('Kirjautuminen epäonnistui')).waitFor();
    expect(provider.refusals).toEqual([]);
    await page.context().close();
  });
});
