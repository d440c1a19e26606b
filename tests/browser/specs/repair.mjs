// A loss to a published plan, as the duty officer does it: from the now view,
// open the repair view, choose who is lost, until when and why, repair, read
// the change review, publish. Every click a person would make is counted (a
// drop-down is two: open, choose) and printed with the time it took, against
// the figure: a loss to a published plan in under 30 s of a person's
// time. The review must name everyone the change report (from the API) says
// is affected; once published, the repaired draft is the plan in force.
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { expectNoPageErrors, waitForView } from '../lib/session.mjs';

const LOST = 'Olena Kravets';
const UNTIL = { date: '2026-12-17', clock: '06:00' };  // day 10's changeover

class Person {
  constructor(page) {
    this.page = page;
    this.clicks = 0;
    this.keys = 0;
  }

  async click(locator) {
    await locator.click();
    this.clicks += 1;
  }

  async choose(select, pick) {
    const options = await select.locator('option').evaluateAll((list) => list.map((o) => ({ value: o.value, label: o.textContent })));
    const option = options.find(pick);
    assert.ok(option, `no option to pick among ${JSON.stringify(options)}`);
    await select.selectOption(option.value);
    this.clicks += 2;
  }

  // A date and time typed in the input's own form.
  async typeMoment(input, { date, clock }) {
    const type = await input.getAttribute('type');
    const text = type === 'datetime-local' ? `${date}T${clock}` : type === 'date' ? date : `${date} ${clock}`;
    await input.fill(text);
    this.clicks += 1;
    this.keys += text.replace(/[^0-9]/g, '').length;
  }
}

async function planInForce(session) {
  return session.api('officer', '/api/plans/current');
}

export function register(session) {
  it(`reports ${LOST} wounded, reviews the changes and publishes the repair`, { timeout: 120000 }, async () => {
    const before = await planInForce(session);
    const page = await session.openAs('officer', '/now');
    const person = new Person(page);
    try {
      const started = Date.now();
      await person.click(page.locator('nav#views a[data-view=repair]'));
      await waitForView(page, 'repair');
      await person.choose(page.locator('select[name=person]'), (o) => o.label.trim() === LOST);
      await person.typeMoment(page.locator('input[name=until]'), UNTIL);
      await person.choose(page.locator('select[name=reason]'), (o) => /wound/i.test(`${o.value} ${o.label}`));
      await session.screenshot(page, 'repair-form-desktop');
      await person.click(page.locator('button[data-action=repair]'));

      const changes = page.locator('[data-role=changes]');
      await changes.filter({ hasText: LOST }).waitFor({ timeout: 60000 });
      const reviewShown = Date.now();
      const { plans } = await session.api('officer', '/api/plans');
      const draft = plans.at(-1);
      assert.equal(draft.state, 'draft');
      assert.match(draft.reason, new RegExp(`^repair at .*${LOST}`));
      const report = await session.api('officer', `/api/changes?from=${before.version}&to=${draft.version}`);
      const reviewText = await changes.innerText();
      const missing = report.people.map((p) => p.name).filter((name) => !reviewText.includes(name));
      assert.deepEqual(missing, [], 'the review names everyone affected');
      assert.ok(reviewText.includes(report.banner.all_rules_kept ? 'ALL RULES KEPT' : 'UNCOVERED') ||
                reviewText.includes(report.banner.text), `the banner '${report.banner.text}' is not shown`);
      await session.screenshot(page, 'repair-review-desktop');

      await person.click(page.locator('button[data-action=publish]'));
      let inForce = await planInForce(session);
      for (let i = 0; i < 50 && inForce.version !== draft.version; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        inForce = await planInForce(session);
      }
      const seconds = (Date.now() - started) / 1000;
      assert.equal(inForce.version, draft.version, `the repair, version ${draft.version}, is in force`);
      assert.equal(inForce.hard, 0, 'the repaired plan keeps every hard rule');
      await session.screenshot(page, 'repair-published-desktop');
      console.log(`repair flow: a loss to a published plan in ${person.clicks} clicks and ${person.keys} keys ` +
                  `(${((reviewShown - started) / 1000).toFixed(1)} s to the review, ${seconds.toFixed(1)} s in all, ` +
                  `the browser's own time); ${report.people.length} people affected, ${report.banner.text}`);
      expectNoPageErrors(page, assert);
    } finally {
      await page.context().close();
    }
  });
}
