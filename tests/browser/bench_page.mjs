// The page benchmark (bench.sh): how long Debian's chromium takes to show
// the rotation and a day's watch bill of unit-64 (the baseline) and of a
// generated 600-person, 84-day battalion, each served by `vigil serve`.
// Two measures per view, each run RUNS times and given as median (min-max):
//   open   - a fresh tab opening the sign-in link straight at the view: the
//            page's scripts, the unit, the plan (6.7 MB of JSON for the
//            battalion, gzip), building the view, layout and the first
//            frame painted after it;
//   switch - from the Now view to this one in the same tab, the plan already
//            read: building, layout and the painted frame (what a click costs);
// and, within open, the time to read the plan (request to the last byte);
// and for the rotation, which adds its rows in batches, its own times from
// the start of its drawing: the first screen laid out (data-render-ms) and
// the last row laid out (data-complete-ms).
// "Painted" is the first task after the animation frame that follows
// data-ready="1", seen by a MutationObserver installed before the page loads.
// Options: --runs N (default 5), --work N (the battalion's solve, default 2500000).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { solve, startServer, stopServer, withStartDate } from './lib/stage.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(here, '..', '..');
const vigil = process.env.VIGIL_BINARY;
const scratch = path.join(process.env.VIGIL_BUILD_DIR, 'page-bench');
const DESKTOP = { width: 1366, height: 900 };

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: expected a whole number of at least 1, got '${process.argv[i + 1]}'`);
  return value;
}
const RUNS = option('--runs', 5);
const BATTALION_WORK = option('--work', 2500000);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function summary(xs) {
  const f = (x) => x.toFixed(0);
  return `${f(median(xs)).padStart(6)} (${f(Math.min(...xs))}-${f(Math.max(...xs))})`;
}

function run(args) {
  const r = spawnSync(vigil, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vigil ${args.join(' ')} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
}

// The scenarios, each given a start date so the page shows calendar dates.
function scenarios() {
  const unit64 = path.join(scratch, 'unit-64.yaml');
  fs.writeFileSync(unit64, withStartDate(fs.readFileSync(path.join(sourceDir, 'examples', 'unit-64.yaml'), 'utf8'),
                                         '2026-12-07', 'examples/unit-64.yaml'));
  const generated = path.join(scratch, 'battalion-generated.yaml');
  run(['generate', '--people', '600', '--posts', '30', '--rest-centers', '3', '--days', '84', '--seed', '1', '--out', generated]);
  const battalion = path.join(scratch, 'battalion.yaml');
  fs.writeFileSync(battalion, withStartDate(fs.readFileSync(generated, 'utf8'), '2026-12-07', generated));
  return [
    { name: 'unit-64', scenario: unit64, work: 300000, people: 64, days: 28 },
    { name: 'battalion-600', scenario: battalion, work: BATTALION_WORK, people: 600, days: 84 },
  ];
}

// Installed before the page's own scripts: marks when each view is painted.
function watchPaints() {
  window.vigilPaints = [];
  let last = null;
  new MutationObserver(() => {
    const main = document.getElementById('main');
    if (!main || main.dataset.ready !== '1' || main === last) return;
    last = main;
    const view = main.dataset.view;
    requestAnimationFrame(() => setTimeout(() => window.vigilPaints.push({ view, at: performance.now() }), 0));
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
}

async function paintedAfter(page, view, since) {
  const handle = await page.waitForFunction(([v, t]) => window.vigilPaints.find((p) => p.view === v && p.at >= t),
                                            [view, since], { timeout: 60000, polling: 50 });
  return (await handle.jsonValue()).at - since;
}

async function measureView(browser, base, token, route, view) {
  const open = [];
  const swap = [];
  const build = [];
  const fetched = [];
  const complete = [];
  for (let i = 0; i < RUNS; ++i) {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-GB', timezoneId: 'UTC' });
    await context.addInitScript(watchPaints);
    const page = await context.newPage();
    await page.goto(`${base}/?token=${encodeURIComponent(token)}#${route}`);
    open.push(await paintedAfter(page, view, 0));
    fetched.push(await page.evaluate(() => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.includes('/api/plans/current'));
      return e ? e.responseEnd - e.startTime : NaN;
    }));
    await page.evaluate(() => { location.hash = '#/now'; });
    await paintedAfter(page, 'now', 0);
    const started = await page.evaluate((r) => { const t = performance.now(); location.hash = r; return t; }, `#${route}`);
    swap.push(await paintedAfter(page, view, started));
    if (view === 'rotation') {
      const table = page.locator('main[data-ready="1"] table[data-complete-ms]');
      await table.waitFor({ timeout: 60000 });
      build.push(Number(await table.getAttribute('data-render-ms')));
      complete.push(Number(await table.getAttribute('data-complete-ms')));
    }
    await context.close();
  }
  return { open, swap, build, fetched, complete };
}

async function main() {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  const require = createRequire(path.join(process.env.VIGIL_BROWSER_DEPS, 'package.json'));
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, headless: true });
  const commit = spawnSync('git', ['-C', sourceDir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim() || '?';
  console.log(`page benchmark at ${commit}: chromium ${browser.version()} headless, ${DESKTOP.width}x${DESKTOP.height}, ` +
              `${RUNS} runs per view, ${os.cpus().length} cores; times in ms, median (min-max)`);
  const rows = [];
  try {
    for (const c of scenarios()) {
      const started = Date.now();
      const roster = solve(vigil, c.scenario, path.join(scratch, `${c.name}-plan`), c.work, process.env);
      console.log(`${c.name}: solved with --work ${c.work} --seed 1 in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
                  `plan ${(fs.statSync(roster).size / 1e6).toFixed(1)} MB`);
      const server = await startServer(vigil, {
        db: path.join(scratch, `${c.name}.db`), scenario: c.scenario, roster, env: process.env,
        logPath: path.join(scratch, `${c.name}-server.log`),
      });
      try {
        for (const [route, view] of [['/rotation', 'rotation'], ['/bill/0', 'bill']]) {
          rows.push({ c, view, ...(await measureView(browser, server.base, server.coordinator, route, view)) });
        }
      } finally {
        await stopServer(server.child);
      }
    }
  } finally {
    await browser.close();
  }
  console.log('');
  console.log('case            view       people  days   open              plan read         switch            first screen      every row');
  for (const r of rows) {
    console.log(`${r.c.name.padEnd(16)}${r.view.padEnd(11)}${String(r.c.people).padStart(6)}${String(r.c.days).padStart(6)}   ` +
                `${summary(r.open).padEnd(18)}${summary(r.fetched).padEnd(18)}${summary(r.swap).padEnd(18)}${r.build.length ? `${summary(r.build).padEnd(18)}${summary(r.complete)}` : '     -'}`);
  }
  for (const view of ['rotation', 'bill']) {
    const [small, large] = rows.filter((r) => r.view === view);
    console.log(`ratio battalion-600 / unit-64, ${view}: open ${(median(large.open) / median(small.open)).toFixed(1)}x, ` +
                `switch ${(median(large.swap) / median(small.swap)).toFixed(1)}x`);
  }
}

main().catch((error) => {
  console.error(`page benchmark: FAIL: ${error.stack || error}`);
  process.exit(1);
});
