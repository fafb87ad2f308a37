/// <reference lib="dom" />
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Role } from '@lahde/platform/auth';
import { buildCountyNetwork, CountyNetwork } from './support/county-network';
import { expectAccessible, PHONE, screenshot, signInWithPicker, WebApp } from './support/web-app';

const COUNTY = '06';

/** A county coordinator's workspace: the overview, people and organisations, the register import, ESF+ exports. */
describe('web app: a county coordinator', () => {
  let web: WebApp;
  let network: CountyNetwork;
  beforeAll(async () => {
    web = await WebApp.start();
    network = await buildCountyNetwork(web.api, COUNTY, 'cw');
  });
  afterAll(() => web?.close());

  const signIn = async (viewport?: typeof PHONE) => {
    const page = await web.page(viewport);
    await signInWithPicker(page, web.url, { role: 'COUNTY_COORDINATOR', county: COUNTY });
    return page;
  };
  it('starts on the county overview: figures, coverage and what needs action, accessibly, on a laptop and a phone', async () => {
    for (const viewport of [undefined, PHONE]) {
      const page = await signIn(viewport);
      await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
      await page.getByRole('table', { name: 'Coverage by sector' }).waitFor();
      await page.getByRole('heading', { name: 'Units with no active key worker' }).waitFor();
      await page.getByRole('heading', { name: 'Records with missing information' }).waitFor();
      await expectAccessible(page, 'overview');
      await screenshot(page, 'county-overview');
      await page.context().close();
    }
  });

  it('is used by keyboard alone: the skip link, the navigation and a page\'s controls', async () => {
    const page = await signIn();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    // The page's heading has focus after sign-in; the skip link is the first stop from the top.
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await skip.focus();
    // Off-screen until it has focus, then in view.
    expect((await skip.boundingBox())!.x).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // From the top again: through the header's controls into the navigation, to People.
    await skip.focus();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'People') break;
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    // The new page's heading takes focus, so a screen reader announces it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await page.context().close();
  });

  it('adds a person: the API\'s message appears at the e-mail field, the rest is kept, and the fixed form saves', async () => {
    const page = await signIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await expectAccessible(page, 'people');
    await screenshot(page, 'county-people');
    await page.getByRole('link', { name: 'Add a person' }).click();
    await page.getByRole('heading', { name: 'New person', level: 1 }).waitFor();
    await page.getByLabel(/^First name/).fill('Ella');
    await page.getByLabel(/^Last name/).fill('Esimerkki');
    await page.getByLabel(/^E-mail/, { exact: false }).fill('ella.esimerkki@');
    await page.getByLabel(/^Unit/).selectOption({ label: 'Porin perhekeskus cw – Satasairaala cw' });
    // The form leaves every check to the API (noValidate), so its messages are the ones users see.
    await page.getByRole('button', { name: 'Create person' }).click();
    const email = page.getByLabel(/^E-mail/);
    await page.getByText('email must be an e-mail address').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel(/^First name/).inputValue()).toBe('Ella');
    await expectAccessible(page, 'person form with an error');
    await screenshot(page, 'county-person-error');

    // A duplicate e-mail is refused at the field too (CONFLICT from the database's unique key).
    await email.fill(network.keyWorker.email);
    await page.getByRole('button', { name: 'Create person' }).click();
    await page.getByText('A person with this e-mail address already exists in your county').waitFor();

    await email.fill('ella.esimerkki@satakunta.test');
    await page.getByRole('button', { name: 'Create person' }).click();
    await page.getByRole('heading', { name: 'Ella Esimerkki', level: 1 }).waitFor();
    await page.getByRole('status').getByText('Saved').waitFor();
    const people = await web.api.gql<{ people: { nodes: Array<{ email: string; unit: { name: string } | null }> } }>(
      '{ people(search: "ella.esimerkki", first: 5) { nodes { email unit { name } } } }',
      {},
      { role: Role.COUNTY_COORDINATOR, county: COUNTY },
    );
    expect(people.data?.people.nodes).toEqual([{ email: 'ella.esimerkki@satakunta.test', unit: { name: 'Porin perhekeskus cw' } }]);
    await page.context().close();
  });

  it('says a field\'s problem in the user\'s language', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'COUNTY_COORDINATOR', county: COUNTY, language: 'Suomi' });
    await page.goto(`${web.url}/#/people/new`);
    await page.getByRole('heading', { name: 'Uusi henkilö', level: 1 }).waitFor();
    await page.getByLabel(/^Etunimi/).fill('Eino');
    await page.getByLabel(/^Sukunimi/).fill('Esimerkki');
    await page.getByLabel(/^Sähköposti/).fill('eino@');
    await page.getByRole('button', { name: 'Luo henkilö' }).click();
    await page.getByText('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.').waitFor();
    await page.getByLabel('Kieli').selectOption({ label: 'Svenska' });
    await page.getByText('Ange en e-postadress i formen namn@exempel.fi.').waitFor();
    await page.context().close();
  });

  it('shows organisations with their units', async () => {
    const page = await signIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisations and units' }).click();
    await page.getByRole('link', { name: 'Satasairaala cw' }).click();
    await page.getByRole('heading', { name: 'Satasairaala cw', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Units' }).waitFor();
    await page.getByText('Porin perhekeskus cw').first().waitFor();
    await expectAccessible(page, 'organisation');
    await screenshot(page, 'county-organisation');

    // A certified key worker's page shows their active membership and its history.
    await page.goto(`${web.url}/#/people/${network.keyWorker.id}`);
    await page.getByRole('heading', { name: network.keyWorker.name, level: 1 }).waitFor();
    const membership = page.locator('section', { has: page.getByRole('heading', { name: 'Network membership' }) });
    await membership.getByRole('table').getByText('Active').first().waitFor();
    expect(await membership.innerText()).toMatch(/Status\s*Active/);
    await expectAccessible(page, 'person');
    await screenshot(page, 'county-person');
    await page.context().close();
  });

  it('imports a key worker register: the dry run lists problems row by row, and a clean file commits', async () => {
    const page = await signIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register import' }).click();
    await page.getByRole('heading', { name: 'Upload a register' }).waitFor();
    const header = 'Nimi;Sähköposti;Organisaatio;Palvelu;Koulutettu';
    const rows = ['Kalle Korhonen;kalle.korhonen@satakunta.test;Satasairaala cw;Porin perhekeskus cw;2025-05-20', 'Riikka Rantanen;ei-sähköposti;Satasairaala cw;Porin perhekeskus cw;2025-05-20'];
    const file = path.join(tmpdir(), `rekisteri-${Date.now()}.csv`);
    writeFileSync(file, [header, ...rows].join('\n'));
    await page.getByLabel('Register file (XLSX or CSV)').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    const problems = page.getByRole('table', { name: /Problems, row by row/ });
    await problems.waitFor({ timeout: 30_000 });
    const problemRows = await problems.locator('tbody tr').allInnerTexts();
    expect(problemRows).toHaveLength(1);
    expect(problemRows[0]).toMatch(/^3\s+Sähköposti/);
    expect(await page.getByRole('button', { name: 'Commit import' }).count()).toBe(0);
    await expectAccessible(page, 'import report');
    await screenshot(page, 'county-import-problems');

    const fixed = file.replace('.csv', '-korjattu.csv');
    writeFileSync(fixed, [header, rows[0]].join('\n'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register import' }).click();
    await page.getByLabel('Register file (XLSX or CSV)').setInputFiles(fixed);
    await page.getByRole('button', { name: 'Upload and check' }).click();
    await page.getByRole('heading', { name: /^Dry run/ }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'county-import-clean');
    await page.getByRole('button', { name: 'Commit import' }).click({ timeout: 30_000 });
    await page.getByText('Imported: all rows were written.').waitFor({ timeout: 30_000 });
    const imported = await web.api.gql<{ people: { nodes: Array<{ email: string }> } }>('{ people(search: "kalle.korhonen", first: 5) { nodes { email } } }', {}, { role: Role.COUNTY_COORDINATOR, county: COUNTY });
    expect(imported.data?.people.nodes).toEqual([{ email: 'kalle.korhonen@satakunta.test' }]);
    await page.context().close();
  });

  it('requests an ESF+ participant export, follows its progress and downloads the file', async () => {
    const page = await signIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'ESF+ exports' }).click();
    await page.getByLabel('Start date').fill('2026-01-01');
    await page.getByLabel('End date').fill('2026-12-31');
    await page.getByRole('radio', { name: 'Participants' }).check();
    await page.getByRole('radio', { name: 'CSV, semicolons' }).check();
    await page.getByRole('button', { name: 'Request export' }).click();
    await page.getByText('Export requested.').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /^Download Participants/ }).first().click({ timeout: 30_000 });
    const file = await (await download).path();
    const text = readFileSync(file!, 'utf8');
    // The participants of the county's courses in 2026, one per line after the header.
    expect(text.split('\n')[0]).toMatch(/;/);
    for (const person of [network.trainer, network.keyWorker, ...network.participants]) expect(text).toContain(person.name.split(' ')[1]);
    await expectAccessible(page, 'ESF+ exports');
    await screenshot(page, 'county-esf-exports');
    await page.context().close();
  });
});
