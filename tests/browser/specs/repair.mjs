// A loss to a published plan, as the duty officer does it: from the now view,
// open the repair view, choose who is lost, until when and why, repair, read
// the change review, publish. Every click a person would make is counted (a
// drop-down is two: open, choose) and printed with the time it took, against
// the figure: a loss to a published plan in under 30 s of a person's
// time. The review must name everyone the change report (from the API) says
// is affected; once published, the repaired draft is the plan in force.
// Then the unit view's way: a status form on a person's row, a repair job,
// its review, and the draft discarded (the plan in force stays).
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { PlanFacts } from '../lib/plan_facts.mjs';
import { expectNoPageErrors, waitForView } from '../lib/session.mjs';

const UNTIL = { date: '2026-12-17', clock: '06:00' };  // day 10's changeover
const LEAVE = { from: { date: '2026-12-15', clock: '06:00' }, until: { date: '2026-12-19', clock: '06:00' } };

// The loss a duty officer meets most: someone at a forward post today, not
// on watch at this moment, with a watch of theirs coming within 12 hours.
function typicalLoss(facts, now) {
  const day = facts.dayOf(now);
  const name = facts.names().find((n) => {
    const { current, next } = facts.currentAndNextWatch(n, now);
    return (facts.placeOn(n, day) || '').startsWith('post-') && !current && next &&
           next.minute - facts.minuteOf(now) <= 12 * 60;
  });
  assert.ok(name, 'somebody at a post has a watch within 12 h');
  return name;
}

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

// The review of the newest draft shows everyone the API's change report
// names and its banner; returns the draft and the report.
async function expectReview(session, page, fromVersion, lost) {
  const changes = page.locator('[data-role=changes]');
  await changes.filter({ hasText: lost }).waitFor({ timeout: 60000 });
  const { plans } = await session.api('officer', '/api/plans');
  const draft = plans.at(-1);
  assert.equal(draft.state, 'draft');
  assert.match(draft.reason, new RegExp(`^repair at .*${lost}`));
  const report = await session.api('officer', `/api/changes?from=${fromVersion}&to=${draft.version}`);
  const reviewText = await changes.innerText();
  const missing = report.people.map((p) => p.name).filter((name) => !reviewText.includes(name));
  assert.deepEqual(missing, [], 'the review names everyone affected');
  const bannerWord = report.banner.uncovered > 0 ? /UNCOVERED/ : report.banner.all_rules_kept ? /kept/i : /rule/i;
  assert.match(reviewText, bannerWord, `the review does not say what the banner does: ${report.banner.text}`);
  return { draft, report };
}

export function register(session) {
  it('reports a loss, reviews the changes and publishes the repair', { timeout: 120000 }, async () => {
    const lost = typicalLoss(new PlanFacts(session.roster), session.now);
    const before = await planInForce(session);
    const page = await session.openAs('officer', '/now');
    const person = new Person(page);
    await session.check(page, async () => {
      const started = Date.now();
      await person.click(page.locator('nav#views a[data-view=repair]'));
      await waitForView(page, 'repair');
      await person.choose(page.locator('select[name=person]'), (o) => o.label.trim() === lost);
      await person.typeMoment(page.locator('input[name=until]'), UNTIL);
      await person.choose(page.locator('select[name=reason]'), (o) => /wound/i.test(`${o.value} ${o.label}`));
      await session.screenshot(page, 'repair-form-desktop');
      await person.click(page.locator('button[data-action=repair]'));
      const { draft, report } = await expectReview(session, page, before.version, lost);
      const reviewShown = Date.now();
      await session.screenshot(page, 'repair-review-desktop');

      await person.click(page.locator('button[data-action=publish]'));
      let inForce = await planInForce(session);
      for (let i = 0; i < 50 && inForce.version !== draft.version; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        inForce = await planInForce(session);
      }
      const seconds = (Date.now() - started) / 1000;
      assert.equal(inForce.version, draft.version, `the repair, version ${draft.version}, is in force`);
      await session.screenshot(page, 'repair-published-desktop');
      console.log(`repair flow: ${lost} wounded until day 10, a loss to a published plan in ${person.clicks} clicks ` +
                  `and ${person.keys} keys (${((reviewShown - started) / 1000).toFixed(1)} s to the review, ` +
                  `${seconds.toFixed(1)} s in all, the browser's own time); ${report.people.length} people affected; ` +
                  `${report.banner.text}`);
      expectNoPageErrors(page, assert);
    });
  });

  it('puts someone on leave from the unit view, reviews and discards the draft', { timeout: 120000 }, async () => {
    const facts = new PlanFacts(session.roster);
    const before = await planInForce(session);
    const name = facts.names().find((n) => n !== typicalLoss(facts, session.now) && facts.placeOn(n, 8) !== null);
    const page = await session.openAs('officer', '/now');
    const person = new Person(page);
    await session.check(page, async () => {
      await person.click(page.locator('nav#views a[data-view=unit]'));
      await waitForView(page, 'unit');
      const row = page.locator('table[data-role=people] tr', { hasText: name });
      await person.click(row.locator('button[data-action=status]'));
      const form = page.locator('table[data-role=people] form');
      await person.choose(form.locator('select').first(), (o) => /leave/i.test(`${o.value} ${o.label}`));
      await person.typeMoment(form.locator('input[name=from]'), LEAVE.from);
      await person.typeMoment(form.locator('input[name=until]'), LEAVE.until);
      await session.screenshot(page, 'unit-status-form-desktop', { fullPage: false });
      await person.click(form.locator('button[type=submit]'));
      await page.waitForURL(/#\/repair\/\d+$/);
      const { draft } = await expectReview(session, page, before.version, name);
      await person.click(page.locator('button[data-action=discard]'));
      let state = draft.state;
      for (let i = 0; i < 50 && state === 'draft'; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        state = (await session.api('officer', '/api/plans')).plans.find((p) => p.version === draft.version).state;
      }
      assert.equal(state, 'discarded');
      assert.equal((await planInForce(session)).version, before.version, 'the plan in force stays');
      console.log(`unit view: ${name} on leave (day 8 to day 12) to a reviewed draft in ${person.clicks} clicks and ${person.keys} keys`);
      expectNoPageErrors(page, assert);
    });
  });
}
