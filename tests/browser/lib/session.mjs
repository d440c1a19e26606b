// What every browser test shares: the server harness.mjs started (address,
// tokens, the plan it was given), one Debian chromium driven by
// playwright-core, and helpers to open the page signed in as someone, wait
// for a view to be rendered, save a screenshot and read the API directly.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through tests/browser/run.sh`);
  return value;
}

// playwright-core lives in the build folder (run.sh's npm ci), not beside us.
function loadPlaywright() {
  const require = createRequire(path.join(required('VIGIL_BROWSER_DEPS'), 'package.json'));
  return require('playwright-core');
}

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

export class Session {
  constructor() {
    this.base = required('VIGIL_BASE');
    this.tokens = {
      coordinator: required('VIGIL_TOKEN_COORDINATOR'),
      officer: required('VIGIL_TOKEN_OFFICER'),
      viewer: required('VIGIL_TOKEN_VIEWER'),
    };
    this.roster = JSON.parse(fs.readFileSync(required('VIGIL_ROSTER'), 'utf8'));
    this.now = new Date(Number(required('VIGIL_NOW_EPOCH')) * 1000);
    this.artifacts = required('VIGIL_ARTIFACTS');
    this.chromium = required('CHROMIUM');
    this.browser = null;
  }

  async start() {
    const { chromium } = loadPlaywright();
    this.browser = await chromium.launch({ executablePath: this.chromium, headless: true });
  }

  // GET / answers the page (HTML), as a browser without a token asks for it.
  async expectPageServed() {
    const response = await fetch(`${this.base}/`);
    const type = response.headers.get('content-type') || '';
    if (response.status !== 200 || !type.startsWith('text/html')) {
      throw new Error(`vigil serve does not serve the page at /: HTTP ${response.status} ${type} ` +
                      `${(await response.text()).slice(0, 200)}`);
    }
  }

  async stop() {
    if (this.browser) await this.browser.close();
  }

  // A fresh context (nothing stored: no token yet) whose clock stands at the
  // server's "now"; the page's uncaught errors are collected in page.errors.
  async newPage({ viewport = DESKTOP, locale = 'en-GB', isMobile = false } = {}) {
    const context = await this.browser.newContext({ viewport, locale, timezoneId: 'UTC', isMobile, hasTouch: isMobile });
    await context.clock.setFixedTime(this.now);
    context.setDefaultTimeout(15000);
    const page = await context.newPage();
    // Console errors are kept apart: a refused request (a viewer's 403) logs
    // one in chromium without being the page's fault.
    page.errors = [];
    page.consoleErrors = [];
    page.on('pageerror', (error) => page.errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') page.consoleErrors.push(message.text());
    });
    return page;
  }

  // Opens the page through a sign-in link (`/?token=T#/route`) and waits for
  // the view the route names.
  async openAs(role, route, options = {}) {
    const page = await this.newPage(options);
    try {
      await page.goto(`${this.base}/?token=${encodeURIComponent(this.tokens[role])}#${route}`);
      await waitForView(page, viewOfRoute(route));
    } catch (error) {
      await this.saveFailure(page);
      await page.context().close();
      throw error;
    }
    return page;
  }

  async screenshot(page, name, { fullPage = true } = {}) {
    const file = path.join(this.artifacts, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    return file;
  }

  // Runs a test's steps on `page`: on a failure, a screenshot of what the
  // page showed (saveFailure) before the error goes on; the page's context
  // is closed whatever happens.
  async check(page, steps) {
    try {
      await steps();
    } catch (error) {
      await this.saveFailure(page);
      throw error;
    } finally {
      await page.context().close();
    }
  }

  // What the page showed when a test failed: FAILED-<n>-<route>.png.
  async saveFailure(page) {
    this.failures = (this.failures || 0) + 1;
    const route = new URL(page.url()).hash.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'page';
    const file = await this.screenshot(page, `FAILED-${this.failures}-${route}`).catch(() => null);
    if (file) console.log(`screenshot of the failure: ${file}`);
  }

  // The API, as the given role, for the known answers the tests compare with.
  async api(role, route, init = {}) {
    const response = await fetch(`${this.base}${route}`, {
      ...init,
      headers: { Authorization: `Bearer ${this.tokens[role]}`, ...(init.headers || {}) },
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`${route}: ${response.status} ${JSON.stringify(body)}`);
    return body;
  }
}

// "/person/Taras%20Kozak" -> "person".
export function viewOfRoute(route) {
  return route.replace(/^#?\//, '').split('/')[0];
}

// Each view sets main[data-view] and main[data-ready=1] once rendered.
export async function waitForView(page, view, timeout = 15000) {
  await page.locator(`main[data-view="${view}"][data-ready="1"]`).waitFor({ state: 'attached', timeout });
}

// The visible text of the view, with the narrow spaces of Intl folded.
export async function viewText(page) {
  const text = await page.locator('main').innerText();
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

// Fails with what the page threw, if it threw anything.
export function expectNoPageErrors(page, assert) {
  assert.deepEqual(page.errors, [], `the page reported errors:\n${page.errors.join('\n')}`);
}
