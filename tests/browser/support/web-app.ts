/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { TestApi } from '../../support/test-api';

const WEB_DIR = path.resolve('dist/apps/web');
export const SCREENSHOT_DIR = path.resolve('tmp/screenshots');
const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
// Chromium's own background traffic is refused by a closed network; these keep it quiet and fast.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const LAPTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

/**
 * The API serving the built web app over real HTTP on a free port, with the jobs running in-process,
 * and a real Chromium. `npm test` builds the web app before the suites run.
 */
export class WebApp {
  private constructor(
    readonly api: TestApi,
    readonly url: string,
    private readonly browser: Browser,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<WebApp> {
    if (!existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error(`${WEB_DIR} has no build: run \`nx run web:build\` (npm test does it first)`);
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`);
    const api = await TestApi.start({ env: { RUN_JOBS_IN_API: 'true', WEB_DIR, ...env } });
    await api.app.listen(0, '127.0.0.1');
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return new WebApp(api, `http://127.0.0.1:${port}`, browser);
  }

  /** A fresh browser profile (nothing signed in) at the given screen size. */
  async page(viewport = LAPTOP): Promise<Page> {
    const context: BrowserContext = await this.browser.newContext({ viewport, locale: 'fi-FI' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.api.close();
  }
}

/** Signs in with the local picker, as a user would: language, role, county and e-mail. */
export async function signInWithPicker(page: Page, url: string, who: { role: string; county?: string; email?: string; name?: string; language?: 'English' | 'Suomi' | 'Svenska' }): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Language').or(page.getByLabel('Kieli')).or(page.getByLabel('Språk')).first().selectOption({ label: who.language ?? 'English' });
  const labels = { English: ['Role', 'County'], Suomi: ['Rooli', 'Hyvinvointialue'], Svenska: ['Roll', 'Välfärdsområde'] }[who.language ?? 'English'];
  // A required field's label ends in an asterisk.
  await page.getByLabel(new RegExp(`^${labels[0]}\\b`)).selectOption(who.role);
  if (who.county) await page.getByLabel(new RegExp(`^${labels[1]}\\b`)).selectOption(who.county);
  if (who.email) await page.getByLabel(/^(E-mail|Sähköposti|E-post)/).fill(who.email);
  if (who.name) await page.getByLabel(/^(Name|Nimi|Namn)$/).fill(who.name);
  await page.getByRole('button', { name: /^(Sign in with this role|Kirjaudu tällä roolilla|Logga in med denna roll)$/ }).click();
  await page.getByRole('navigation').waitFor();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated, not injected as a <script>: the app's CSP rightly refuses inline scripts.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** Fails with the page's name and each violation (rule, impact, where) when axe finds any. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect({ page: name, violations: describeViolations(await axeViolations(page)) }).toEqual({ page: name, violations: [] });
}

/** Readable in a failed expectation: rule, impact, and where. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** A full-page screenshot in tmp/screenshots, kept for review. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
