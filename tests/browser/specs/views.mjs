// Every view, reached through the nav as an officer on a desktop, shows the
// plan in force and not just a frame: the names the plan puts on watch now,
// each person in the rotation with a letter per cell, a day's watch bill, a
// person's next watch and calendar link, the unit's statuses, the plan's
// cost, the repair form, the history of versions, the edit controls. The
// known answers come from the plan file and the API, never from the page.
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { PlanFacts } from '../lib/plan_facts.mjs';
import { expectNoPageErrors, viewText, waitForView } from '../lib/session.mjs';

const PERSON = 'Taras Kozak';

async function goByNav(page, view) {
  await page.locator(`nav#views a[data-view="${view}"]`).click();
  await waitForView(page, view);
}

async function goByHash(page, route) {
  await page.evaluate((hash) => { window.location.hash = hash; }, route);
  await waitForView(page, route.replace(/^#?\//, '').split('/')[0]);
}

function includesAll(text, words, what) {
  const missing = words.filter((w) => !text.includes(w));
  assert.deepEqual(missing, [], `${what}: not shown`);
}

// Each view's check: (page, facts, session) -> assertions.
const CHECKS = {
  async now(page, facts, session) {
    const cells = await page.locator('[data-role=on-watch]').allInnerTexts();
    assert.ok(cells.length >= 4, `expected a cell [data-role=on-watch] per post, got ${cells.length}`);
    const onWatch = facts.onWatchAt(session.now);
    for (const place of ['post-1', 'post-2', 'post-3', 'post-4']) {
      includesAll(cells.join('\n'), onWatch.get(place) || [], `on watch at ${place} now`);
    }
    includesAll(await viewText(page), ['post-1', 'post-4', 'rest-1'], 'the places');
  },

  async rotation(page, facts) {
    const table = page.locator('table[data-role=rotation]');
    includesAll(await table.innerText(), facts.names(), 'everyone in the rotation');
    assert.ok((await page.locator('[data-role=legend]').innerText()).trim().length > 0, 'a legend');
    // A letter in every cell: the days at the same place read the same, a
    // post and the rest center read differently (colour is not the only signal).
    const row = table.locator('tr', { hasText: PERSON });
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim()).slice(-facts.roster.days);
    assert.equal(cells.length, facts.roster.days, `a cell per day in ${PERSON}'s row`);
    const byPlace = new Map();
    cells.forEach((text, day) => {
      const place = facts.placeOn(PERSON, day);
      assert.ok(text.length > 0, `${PERSON}, day ${day}: no letter in the cell`);
      if (!byPlace.has(place)) byPlace.set(place, new Set());
      byPlace.get(place).add(text);
    });
    for (const [place, texts] of byPlace) assert.equal(texts.size, 1, `${PERSON} at ${place}: cells read ${[...texts]}`);
    const post = [...byPlace.keys()].find((p) => p && p.startsWith('post-'));
    assert.notDeepEqual([...byPlace.get(post)], [...byPlace.get('rest-1')], 'a post and the rest center read the same');
  },

  async bill(page) {
    const text = await viewText(page);
    includesAll(text, ['post-1', 'post-2', 'post-3', 'post-4'], 'the posts side by side');
    assert.doesNotMatch(text, /UNCOVERED/, 'the plan in force covers every watch');
  },

  async person(page, facts, session) {
    await goByHash(page, `/person/${encodeURIComponent(PERSON)}`);
    assert.match(await viewText(page), new RegExp(PERSON));
    const { current, next } = facts.currentAndNextWatch(PERSON, session.now);
    const nextWatch = (await page.locator('[data-role=next-watch]').innerText()).replace(/[\u00a0\u202f]/g, ' ');
    const starts = [current, next].filter(Boolean).map((w) => w.start);
    assert.ok(starts.some((s) => nextWatch.includes(s)), `next watch '${nextWatch}' shows none of ${starts}`);
    const ics = await page.locator('a[data-role=ics]').getAttribute('href');
    assert.match(ics, /people\/taras-kozak\.ics\?lang=[a-z]+&token=/);
    const calendar = await fetch(new URL(ics, session.base));
    assert.equal(calendar.status, 200);
    assert.match(await calendar.text(), /^BEGIN:VCALENDAR/);
  },

  async unit(page, facts, session) {
    const table = page.locator('table[data-role=people]');
    includesAll(await table.innerText(), facts.names(), 'everyone in the registry');
    assert.equal(await table.locator('button[data-action=status]').count(), facts.names().length, 'a status button per person');
    const { people } = await session.api('officer', '/api/people');
    const away = people.filter((p) => p.status !== 'active');
    assert.ok(away.length > 0, 'unit-64 has people away at day 6 (training, leave)');
    for (const person of away) {
      const rowText = await table.locator('tr', { hasText: person.name }).innerText();
      assert.ok(rowText.includes(person.status), `${person.name}'s row '${rowText}' does not say ${person.status}`);
    }
  },

  async plan(page, facts, session) {
    const current = await session.api('officer', '/api/plans/current');
    const text = await viewText(page);
    assert.ok(text.includes(String(current.soft)), `the cost of wishes, ${current.soft}, is not shown`);
    assert.equal(await page.locator('button[data-action=plan]').count(), 1);
  },

  async repair(page, facts) {
    const options = await page.locator('select[name=person] option').allInnerTexts();
    includesAll(options.join('\n'), facts.names(), 'everyone to choose from');
    assert.notEqual(await page.locator('input[name=from]').inputValue(), '', 'from: now by default');
    assert.equal(await page.locator('input[name=until]').inputValue(), '', 'until: empty, for good, by default');
    assert.ok((await page.locator('select[name=reason] option').count()) >= 2, 'reasons to choose from');
    assert.equal(await page.locator('button[data-action=repair]').count(), 1);
  },

  async history(page) {
    const row = page.locator('table[data-role=versions] tr', { hasText: 'imported from roster.json' });
    const text = await row.first().innerText();
    includesAll(text, ['1', 'published', 'vigil serve --plan'], 'version 1 in the history');
  },

  async edit(page, facts) {
    assert.equal(await page.locator('button[data-action=score]').count(), 1);
    assert.equal(await page.locator('input[name=force]').count(), 1);
    const text = `${await viewText(page)}\n${(await page.locator('main option').allInnerTexts()).join('\n')}`;
    assert.ok(facts.names().some((name) => text.includes(name)), 'no person of the unit to pick');
  },
};

export function register(session) {
  for (const view of Object.keys(CHECKS)) {
    it(`the ${view} view shows the plan in force (officer, desktop)`, async () => {
      const facts = new PlanFacts(session.roster);
      const page = await session.openAs('officer', '/now');
      await session.check(page, async () => {
        if (view !== 'now') await goByNav(page, view);
        await CHECKS[view](page, facts, session);
        await session.screenshot(page, `${view}-desktop`);
        expectNoPageErrors(page, assert);
      });
    });
  }

  it('the nav is reached from the keyboard, with a visible focus', async () => {
    const page = await session.openAs('officer', '/now');
    await session.check(page, async () => {
      let focused = null;
      for (let presses = 0; presses < 40 && focused !== 'rotation'; presses += 1) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.dataset?.view || null);
      }
      assert.equal(focused, 'rotation', 'Tab never reached the rotation link');
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
      });
      assert.ok((ring.outline !== 'none' && ring.width > 0) || ring.shadow !== 'none', `no visible focus: ${JSON.stringify(ring)}`);
      await session.screenshot(page, 'nav-keyboard-focus-desktop', { fullPage: false });
      await page.keyboard.press('Enter');
      await waitForView(page, 'rotation');
      expectNoPageErrors(page, assert);
    });
  });

  it('the rotation links a name to the person and a day to its watch bill', async () => {
    const facts = new PlanFacts(session.roster);
    const page = await session.openAs('officer', '/rotation');
    await session.check(page, async () => {
      const table = page.locator('table[data-role=rotation]');
      await table.locator('a', { hasText: PERSON }).first().click();
      await waitForView(page, 'person');
      assert.match(await viewText(page), new RegExp(PERSON));
      await page.goBack();
      await waitForView(page, 'rotation');
      // Day 6 is today: the 7th day link of the header row.
      const day = facts.dayOf(session.now);
      await table.locator('thead a').nth(day).click();
      await waitForView(page, 'bill');
      const onWatch = facts.onWatchAt(session.now);
      includesAll(await viewText(page), [...onWatch.values()].flat(), `day ${day}'s watch bill names tonight's watch`);
      await session.screenshot(page, `bill-day${day}-desktop`);
      expectNoPageErrors(page, assert);
    });
  });

  it('a rotation too long for the screen arrives in batches, whole and in team order', async () => {
    const facts = new PlanFacts(session.roster);
    // A short window: unit-64's 64 rows do not fit, so the first screen holds
    // only some of them and the rest follow. The rows present when the view
    // is marked ready are counted before any later batch can run.
    const page = await session.newPage({ viewport: { width: 1366, height: 300 } });
    await session.check(page, async () => {
      await page.addInitScript(() => {
        new MutationObserver(() => {
          const main = document.getElementById('main');
          if (main && main.dataset.view === 'rotation' && main.dataset.ready === '1' && window.vigilFirstRows === undefined) {
            window.vigilFirstRows = main.querySelectorAll('tr[data-name]').length;
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
      });
      await page.goto(`${session.base}/?token=${encodeURIComponent(session.tokens.officer)}#/rotation`);
      await waitForView(page, 'rotation');
      const table = page.locator('table[data-role=rotation][data-complete-ms]');
      await table.waitFor();
      const first = await page.evaluate(() => window.vigilFirstRows);
      const all = facts.names().length;
      assert.ok(first > 0 && first < all, `the first screen holds ${first} of ${all} rows`);
      const names = await table.locator('tr[data-name]').evaluateAll((rows) => rows.map((r) => r.dataset.name));
      assert.deepEqual([...names].sort(), [...facts.names()].sort(), 'every person once');
      // Each team's heading counts the rows that follow it in its <tbody>.
      const teams = await table.locator('tbody').evaluateAll((bodies) => bodies.map((b) => ({
        heading: b.querySelector('tr.group')?.innerText ?? '',
        rows: b.querySelectorAll('tr[data-name]').length,
      })));
      for (const team of teams) assert.match(team.heading, new RegExp(`\\(${team.rows}\\)$`), `team '${team.heading}'`);
      expectNoPageErrors(page, assert);
    });
  });
}
