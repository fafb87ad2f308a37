/// <reference lib="dom" />
import { Role } from '@lahde/platform/auth';
import { buildCountyNetwork, CountyNetwork } from './support/county-network';
import { expectAccessible, PHONE, screenshot, signInWithPicker, WebApp } from './support/web-app';

/** A key worker's own pages: their profile, membership and certificate, and their activity log. */
describe('web app: a key worker', () => {
  let web: WebApp;
  let network: CountyNetwork;
  beforeAll(async () => {
    web = await WebApp.start();
    network = await buildCountyNetwork(web.api, '06', 'kw');
  });
  afterAll(() => web?.close());

  it('logs an activity on a phone and finds it in their activity log, which the API has too', async () => {
    const page = await web.page(PHONE);
    await signInWithPicker(page, web.url, { role: 'KEY_WORKER', county: '06', email: network.keyWorker.email });
    await page.getByRole('heading', { name: 'My profile', level: 1 }).waitFor();
    await page.getByText(network.keyWorker.email).first().waitFor();
    await page.getByRole('heading', { name: 'Network membership' }).waitFor();
    await page.getByRole('heading', { name: 'Log an activity' }).waitFor();

    await page.getByLabel(/^Kind/).selectOption({ label: 'Consultation' });
    await page.getByLabel(/^Date/).fill('2026-11-20');
    await page.getByLabel(/^Count/).fill('3');
    await page.getByLabel('Note (optional)').fill('Konsultaatio lastensuojelun kanssa');
    await page.getByRole('button', { name: 'Log activity' }).click();
    await page.getByText('Activity logged.').waitFor();

    const log = page.getByRole('table', { name: /My activities/ });
    const firstRow = log.locator('tbody tr').first();
    await firstRow.getByRole('button', { name: 'Edit Consultation, 20 Nov 2026' }).waitFor();
    expect(await firstRow.innerText()).toMatch(/20 Nov 2026[\s\S]*Consultation[\s\S]*3/);

    const token = await web.api.issuer.token(Role.KEY_WORKER, '06', { email: network.keyWorker.email, subject: network.keyWorker.email });
    const stored = await web.api.gql<{ activities: { nodes: Array<{ kind: string; occurredOn: string; count: number }> } }>(
      '{ activities(first: 10) { nodes { kind occurredOn count } } }',
      {},
      token,
    );
    expect(stored.errors).toBeUndefined();
    expect(stored.data!.activities.nodes).toContainEqual({ kind: 'CONSULTATION', occurredOn: '2026-11-20', count: 3 });

    await expectAccessible(page, 'key worker profile');
    await screenshot(page, 'key-worker-profile');
    await page.context().close();
  });

  it('cannot log an activity dated in the future: the date field says so and nothing is sent', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'KEY_WORKER', county: '06', email: network.keyWorker.email });
    await page.getByRole('heading', { name: 'Log an activity' }).waitFor();
    await page.getByLabel(/^Kind/).selectOption({ label: 'Information session' });
    const date = page.getByLabel(/^Date/);
    await date.fill('2030-01-01');
    await page.getByLabel('Note (optional)').fill('Tulevaisuudessa');
    const sent: string[] = [];
    page.on('request', (request) => request.postData()?.includes('logActivity') && sent.push(request.postData()!));
    await page.getByRole('button', { name: 'Log activity' }).click();
    expect(await date.evaluate((input: HTMLInputElement) => input.validity.rangeOverflow)).toBe(true);
    expect(await page.getByLabel('Note (optional)').inputValue()).toBe('Tulevaisuudessa');
    expect(sent).toEqual([]);
    await page.context().close();
  });

  it('reads the key worker directory, accessibly', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'KEY_WORKER', county: '06', email: network.keyWorker.email });
    await page.getByRole('link', { name: 'Key workers' }).click();
    await page.getByRole('heading', { name: 'Key workers', level: 1 }).waitFor();
    await page.getByRole('row', { name: new RegExp(`${network.keyWorker.name} .*Porin perhekeskus kw`) }).waitFor();
    await expectAccessible(page, 'key worker directory');
    await screenshot(page, 'key-worker-directory');
    await page.context().close();
  });
});
