/// <reference lib="dom" />
import { Role } from '@lahde/platform/auth';
import { buildCountyNetwork, CountyNetwork } from './support/county-network';
import { expectAccessible, PHONE, screenshot, signInWithPicker, WebApp } from './support/web-app';

const COUNTY = '06';

/** Courses in the county workspace: the last day's attendance certifies the participants; the yearly review. */
describe('web app: courses and the yearly review', () => {
  let web: WebApp;
  let network: CountyNetwork;
  beforeAll(async () => {
    web = await WebApp.start();
    network = await buildCountyNetwork(web.api, COUNTY, 'co');
  });
  afterAll(() => web?.close());

  it('records the last session\'s attendance, completes the course, and the certification appears', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'COUNTY_COORDINATOR', county: COUNTY });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('heading', { name: 'Courses', level: 1 }).waitFor();
    await expectAccessible(page, 'course list');
    await screenshot(page, 'courses');
    await page.getByRole('table', { name: /^Courses/ }).getByRole('link', { name: network.course.name }).click();
    await page.getByRole('heading', { name: network.course.name, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Attendance', level: 2 }).waitFor();

    // Before: both participants still miss the fourth day.
    const participants = page.getByRole('table', { name: 'Participants of the course' });
    for (const p of network.participants) expect(await participants.getByRole('row', { name: new RegExp(p.name) }).innerText()).not.toMatch(/Certified/);

    const session = page.getByLabel('Session', { exact: true });
    const days = await session.locator('option').allInnerTexts();
    const dayOf = (date: RegExp) => days.find((text) => date.test(text))!;
    // The sheet of an earlier day shows who was marked present then.
    const firstDay = dayOf(/^7 Sept? 2026/);
    await session.selectOption({ label: firstDay });
    for (const p of network.participants) expect(await page.getByRole('group', { name: `Present at ${firstDay}` }).getByLabel(p.name).isChecked()).toBe(true);

    const lastDay = dayOf(/^28 Sept? 2026/);
    await session.selectOption({ label: lastDay });
    const present = page.getByRole('group', { name: `Present at ${lastDay}` });
    for (const p of network.participants) {
      expect(await present.getByLabel(p.name).isChecked()).toBe(false);
      await present.getByLabel(p.name).check();
    }
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByRole('status').getByText(/Attendance saved: 2 present/).waitFor();
    await expectAccessible(page, 'course detail');

    await page.getByRole('button', { name: 'Complete course' }).click();
    await page.getByRole('status').getByText(/Course completed: 2 newly certified/).waitFor();
    await page.getByRole('heading', { name: 'Certified key workers (2)' }).waitFor();
    for (const p of network.participants) await participants.getByRole('row', { name: new RegExp(p.name) }).getByText(/^Certified /).waitFor();
    await screenshot(page, 'course-certified');

    // The API agrees: each participant now holds a key worker certificate from this course.
    const certificates = await web.api.gql<{ certificates: Array<{ personId: string; courseId: string | null }> }>(
      '{ certificates(kind: KEY_WORKER) { personId courseId } }',
      {},
      { role: Role.COUNTY_COORDINATOR, county: COUNTY },
    );
    for (const p of network.participants) expect(certificates.data?.certificates).toContainEqual({ personId: p.id, courseId: network.course.id });
    await page.context().close();
  });

  it('plans a course: the programme\'s sessions are offered, and the form is accessible on a phone', async () => {
    const page = await web.page(PHONE);
    await signInWithPicker(page, web.url, { role: 'COUNTY_COORDINATOR', county: COUNTY });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('link', { name: 'Plan a course' }).click();
    await page.getByRole('heading', { name: 'Plan a course', level: 1 }).waitFor();
    await expectAccessible(page, 'plan a course');
    await screenshot(page, 'course-plan');
    await page.context().close();
  });

  it('opens the yearly review round and decides a member', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'COUNTY_COORDINATOR', county: COUNTY });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Yearly review' }).click();
    await page.getByRole('heading', { name: 'Yearly review', level: 1 }).waitFor();
    await expectAccessible(page, 'review rounds');
    await page.getByLabel(/^Year/).fill('2027');
    await page.getByRole('button', { name: 'Open review round' }).click();
    await page.getByRole('heading', { name: 'Review 2027', level: 1 }).waitFor();
    await page.getByRole('status').getByText(/Decided 0 of \d+/).first().waitFor();
    await page.getByRole('radio', { name: 'Confirmed: continues as before' }).check();
    await page.getByRole('button', { name: 'Save decision' }).click();
    await page.getByRole('status').getByText(/Decided 1 of \d+/).first().waitFor();
    await expectAccessible(page, 'review round');
    await screenshot(page, 'review-round');
    await page.context().close();
  });

  it('shows THL\'s project manager THL\'s own trainer courses', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'NATIONAL_ADMIN' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'THL trainer courses' }).click();
    await page.getByRole('heading', { name: /courses/i, level: 1 }).waitFor();
    await expectAccessible(page, 'THL courses');
    await screenshot(page, 'thl-courses');
    await page.context().close();
  });

  it('lets a trainer run the courses they train, and read the registry without changing it', async () => {
    const page = await web.page();
    await signInWithPicker(page, web.url, { role: 'TRAINER', county: COUNTY, email: network.trainer.email });
    const nav = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allInnerTexts();
    expect(nav).toEqual(expect.arrayContaining(['My profile', 'People', 'Courses']));
    expect(nav).not.toContain('Register import');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Courses' }).click();
    await page.getByRole('table', { name: /^Courses/ }).getByRole('link', { name: network.course.name }).click();
    await page.getByRole('heading', { name: 'Attendance', level: 2 }).waitFor();
    // The trainer takes attendance like a coordinator: the session sheet is there.
    await page.getByLabel('Session', { exact: true }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    await page.getByRole('table').first().waitFor();
    expect(await page.getByRole('link', { name: 'Add a person' }).count()).toBe(0);
    await expectAccessible(page, 'people, read-only');
    await page.context().close();
  });
});
