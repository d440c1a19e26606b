// Planning the unit from the plan view: the job starts, its progress bar
// fills from the server-sent events to the end, the state reads done, a
// draft is saved (the API lists it, author ana, reason planned) and can be
// published. Nothing is published here: the repair test works on the plan
// the server was started with.
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { expectNoPageErrors } from '../lib/session.mjs';

// Keeps the job short and reproducible when the page offers a budget.
async function setBudget(page) {
  const work = page.locator('input[name=work]');
  if (await work.count()) await work.fill('300000');
  const seconds = page.locator('input[name=seconds]');
  if (await seconds.count()) await seconds.fill('3');
}

export function register(session) {
  it('plans unit-64 from the plan view and follows the job to the end', { timeout: 120000 }, async () => {
    const before = (await session.api('officer', '/api/plans')).plans.length;
    const page = await session.openAs('officer', '/plan');
    await session.check(page, async () => {
      await setBudget(page);
      // Every value the progress bar takes, as the page sets it.
      await page.evaluate(() => {
        window.progressSeen = [];
        new MutationObserver(() => {
          const bar = document.querySelector('progress[data-role=job-progress]');
          if (bar) window.progressSeen.push([bar.value, bar.max]);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      const started = Date.now();
      await page.locator('button[data-action=plan]').click();
      const bar = page.locator('progress[data-role=job-progress]');
      await bar.waitFor();
      const state = page.locator('[data-role=job-state]');
      await state.filter({ hasText: /done|cancelled|failed/ }).waitFor({ timeout: 90000 });
      const seconds = (Date.now() - started) / 1000;
      assert.match(await state.innerText(), /done/);
      const [value, max] = await bar.evaluate((b) => [b.value, b.max]);
      assert.equal(value, max, 'the bar is full at the end');
      const seen = await page.evaluate(() => window.progressSeen);
      console.log(`plan job: done in ${seconds.toFixed(1)} s; the bar took ${seen.length} values, last ${JSON.stringify(seen.at(-1))}`);
      await page.locator('button[data-action=publish]').waitFor();
      await session.screenshot(page, 'plan-job-done-desktop');

      const { plans } = await session.api('officer', '/api/plans');
      assert.equal(plans.length, before + 1, 'one more plan version');
      const draft = plans.at(-1);
      assert.deepEqual([draft.state, draft.author, draft.reason, draft.in_force], ['draft', 'ana', 'planned', false]);
      assert.equal(draft.hard, 0, 'the new plan keeps every hard rule');
      expectNoPageErrors(page, assert);
    });
  });
}
