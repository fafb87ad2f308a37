/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { Role } from '@lahde/platform/auth';
import { buildCountyNetwork } from './support/county-network';
import { expectAccessible, PHONE, screenshot, signInWithPicker, WebApp } from './support/web-app';

interface Figures {
  countyCode: string | null;
  activeKeyWorkers: number;
  keyWorkersPer10k: number | null;
  municipalities: number;
  municipalitiesCovered: number;
}

const YEAR = new Date().getFullYear();
const NATIONAL = `query($period: PeriodInput!) { nationalMetrics(period: $period) { asOf counties { countyCode activeKeyWorkers keyWorkersPer10k municipalities municipalitiesCovered } total { countyCode activeKeyWorkers keyWorkersPer10k municipalities municipalitiesCovered } } }`;

/** THL's national picture: the map, the counties side by side, trends, the cascade and the ESF+ summary. */
describe('web app: THL national pages', () => {
  let web: WebApp;
  const nationalMetrics = async () =>
    (await web.api.gql<{ nationalMetrics: { counties: Figures[]; total: Figures } }>(NATIONAL, { period: { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` } }, { role: Role.NATIONAL_ANALYST })).data!
      .nationalMetrics;
  /**
   * Other suites write to counties while this one reads: the page must show what the API gave when the
   * page was loaded. Load, read the page, read the API; again if a refresh landed in between.
   */
  const sameAsApi = async <T>(readPage: () => Promise<T>) => {
    for (let attempt = 1; ; attempt++) {
      const before = JSON.stringify(await nationalMetrics());
      const onPage = await readPage();
      const after = await nationalMetrics();
      if (before === JSON.stringify(after) || attempt === 5) return { onPage, metrics: after };
    }
  };
  beforeAll(async () => {
    web = await WebApp.start();
    await buildCountyNetwork(web.api, '06', 'thl');
    // The network's writes queue a metrics refresh: wait until it has run.
    for (let i = 0; i < 100 && (await nationalMetrics()).counties.find((c) => c.countyCode === '06')!.activeKeyWorkers < 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  afterAll(() => web?.close());

  it('shows a county\'s figures on the map when its area takes focus, the same as the API gives', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'NATIONAL_ANALYST' });
    const tooltipOfSatakunta = async () => {
      await page.reload();
      await page.getByRole('heading', { name: 'Counties', level: 1 }).waitFor();
      await page.getByRole('img', { name: /^Satakunta Wellbeing Services County, active key workers per 10,000 inhabitants/ }).focus();
      return page.getByRole('tooltip').innerText();
    };
    const { onPage: text, metrics } = await sameAsApi(tooltipOfSatakunta);
    const satakunta = metrics.counties.find((c) => c.countyCode === '06')!;
    expect(satakunta.activeKeyWorkers).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Satakunta Wellbeing Services County');
    expect(text).toMatch(new RegExp(`Active key workers\\s*${satakunta.activeKeyWorkers}\\b`));
    expect(text).toMatch(new RegExp(`Municipalities covered\\s*${satakunta.municipalitiesCovered} / ${satakunta.municipalities}`));
    // The map credits its source.
    await page.getByText(/Statistics Finland/).first().waitFor();

    // Coloured by another figure, the area says so in its name.
    await page.getByRole('radio', { name: 'Share of municipalities covered' }).check();
    await page.getByRole('img', { name: /^Satakunta Wellbeing Services County, share of municipalities covered/ }).waitFor();
    await screenshot(page, 'national-map');
    await expectAccessible(page, 'national map');
    await page.context().close();
  });

  it('lists the counties side by side, sorts them, and ends with the national totals', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'NATIONAL_ANALYST' });
    const table = page.getByRole('table', { name: /Wellbeing services counties in/ });
    const header = table.getByRole('columnheader', { name: /Active key workers/ });
    const sortedTable = async () => {
      await page.reload();
      await table.waitFor();
      await header.getByRole('button').click();
      return { rows: await table.locator('tbody tr').count(), first: await table.locator('tbody tr').first().innerText(), total: await table.getByRole('row', { name: /Whole country/ }).innerText() };
    };
    const { onPage, metrics } = await sameAsApi(sortedTable);
    expect(onPage.rows).toBe(22);
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const most = [...metrics.counties].sort((a, b) => b.activeKeyWorkers - a.activeKeyWorkers)[0];
    expect(onPage.first).toContain(String(most.activeKeyWorkers));
    expect(onPage.total).toContain(new Intl.NumberFormat('en-GB').format(metrics.total.activeKeyWorkers));
    expect(metrics.total.activeKeyWorkers).toBe(metrics.counties.reduce((sum, c) => sum + c.activeKeyWorkers, 0));
    await page.context().close();
  });

  it('reads in Finnish and Swedish with the counties\' own names and local number formats', async () => {
    const page = await web.page(PHONE);
    await signInWithPicker(page, web.url, { role: 'NATIONAL_ANALYST', language: 'Suomi' });
    await page.getByRole('heading', { name: 'Hyvinvointialueet', level: 1 }).waitFor();
    await page.getByRole('img', { name: /^Satakunnan hyvinvointialue/ }).waitFor();
    await screenshot(page, 'national-map-fi');
    await page.getByLabel('Kieli').selectOption({ label: 'Svenska' });
    await page.getByRole('heading', { name: 'Välfärdsområden', level: 1 }).waitFor();
    await page.getByRole('img', { name: /^Satakunta välfärdsområde/ }).waitFor();
    await expectAccessible(page, 'national map in Swedish');
    await page.context().close();
  });

  it('shows trends, the cascade and the ESF+ summary, each accessible', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'NATIONAL_ANALYST' });
    for (const [link, heading] of [
      ['Trends', 'Active key workers'],
      ['Training cascade', 'Cascade'],
      ['ESF+ indicators', 'Indicators by organiser'],
    ]) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
      await page.getByRole('heading', { name: link, level: 1 }).waitFor();
      await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
      await expectAccessible(page, link);
      await screenshot(page, `national-${link.toLowerCase().replace(/[^a-z]+/g, '-')}`);
    }
    // The cascade opens county by county: Satakunta's trainers appear under it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training cascade' }).click();
    const county = page.getByRole('button', { name: /Satakunta/ }).first();
    await county.waitFor();
    if ((await county.getAttribute('aria-expanded')) !== 'true') await county.click();
    expect(await county.getAttribute('aria-expanded')).toBe('true');
    await page.context().close();
  });

  it('lets THL\'s ESF+ reporter download the national indicator summary as CSV, totals included', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'ESF_REPORTER' });
    await page.getByRole('heading', { name: 'ESF+ indicators', level: 1 }).waitFor();
    // THL's reporter sees this page only: no county pages, no map.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts()).toEqual(['ESF+ indicators']);
    await page.getByRole('heading', { name: 'Indicators by organiser', level: 2 }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download (CSV)' }).click();
    const file = await (await download).path();
    const lines = readFileSync(file!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    // A header, one row per organiser (THL and the 22), and the national total.
    expect(lines).toHaveLength(1 + 23 + 1);
    expect(lines[0].split(';').length).toBeGreaterThan(5);
    expect(lines.some((line) => line.includes('Satakunta'))).toBe(true);
    await page.context().close();
  });
});
