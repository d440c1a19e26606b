// A viewer (taras, person Taras Kozak): four views only, no way to edit,
// repair or plan even by typing the route, another person's schedule refused
// with the API's words; on a 390x844 phone the person view opens in their
// own language (Ukrainian), switches to Georgian, keeps names as they are,
// offers the calendar in the language shown, and fits the screen's width.
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { PHONE, expectNoPageErrors, viewText, waitForView } from '../lib/session.mjs';
import { navViews } from './signin.mjs';

const PERSON = 'Taras Kozak';
const ROUTE = `/person/${encodeURIComponent(PERSON)}`;
const SCRIPTS = { uk: /[\u0400-\u04FF]/, ka: /[\u10A0-\u10FF]/ };

async function catalog(session, lang) {
  const response = await fetch(`${session.base}/assets/i18n/${lang}.json`);
  assert.equal(response.status, 200, `web/i18n/${lang}.json is served`);
  return response.json();
}

// The catalog's words (not English, no placeholders) that the view shows.
async function translatedWordsShown(session, page, lang) {
  const [english, own] = [await catalog(session, 'en'), await catalog(session, lang)];
  const text = await viewText(page);
  return Object.entries(own)
    .filter(([key, value]) => !key.startsWith('_') && typeof value === 'string' && !value.includes('{') &&
                              value !== english[key] && value.length > 2)
    .map(([, value]) => value)
    .filter((value) => text.includes(value));
}

// The calendar link asks for the page's language, and the calendar comes in it
// (a stay's summary: "На post-2", "ადგილი: post-2"; the place's name as it is).
async function expectCalendarIn(session, page, lang, stay) {
  const href = await page.locator('a[data-role=ics]').getAttribute('href');
  assert.match(href, new RegExp(`\\?lang=${lang}&token=`));
  const calendar = await (await fetch(new URL(href, session.base))).text();
  assert.match(calendar, new RegExp(`\r\nSUMMARY:${stay}post-\\d`), `no "${stay}" stay in the ${lang} calendar`);
}

async function expectLanguage(session, page, lang) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  const text = await viewText(page);
  assert.match(text, SCRIPTS[lang], `no ${lang} letters on the page`);
  assert.ok(text.includes(PERSON), 'names are never translated');
  const words = await translatedWordsShown(session, page, lang);
  assert.ok(words.length >= 3, `only ${words.length} words of web/i18n/${lang}.json shown: ${words}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `the person view is ${width} px wide on a ${PHONE.width} px phone`);
}

export function register(session) {
  it('a viewer sees now, rotation, bill and person only, and cannot edit', async () => {
    const page = await session.openAs('viewer', ROUTE);
    await session.check(page, async () => {
      assert.deepEqual((await navViews(page)).sort(), ['bill', 'now', 'person', 'rotation']);
      for (const [route, controls] of [['/edit', 'button[data-action=score], button[data-action=save], input[name=force]'],
                                       ['/repair', 'button[data-action=repair], button[data-action=publish]'],
                                       ['/plan', 'button[data-action=plan], button[data-action=publish]']]) {
        await page.evaluate((hash) => { window.location.hash = hash; }, route);
        await page.locator('[role=alert], main[data-ready="1"]').first().waitFor();
        await page.waitForTimeout(300);  // a view refused late would show its controls by now
        assert.equal(await page.locator(controls).count(), 0, `a viewer at #${route} gets ${controls}`);
        await session.screenshot(page, `viewer-${route.slice(1)}-desktop`, { fullPage: false });
      }
      // Another person's page: whatever it shows, a calendar link it offers
      // must open (the API gives a viewer their own calendar only).
      await page.evaluate((hash) => { window.location.hash = hash; }, `/person/${encodeURIComponent('Olena Kravets')}`);
      await page.locator('main[data-view=person][data-ready="1"]', { hasText: 'Olena Kravets' }).waitFor();
      for (const href of await page.locator('a[data-role=ics]').evaluateAll((links) => links.map((a) => a.href))) {
        assert.equal((await fetch(href)).status, 200, `a calendar link that does not open: ${href}`);
      }
      expectNoPageErrors(page, assert);
    });
  });

  it('a viewer\'s person view on a phone: Ukrainian first, then Georgian', async () => {
    const page = await session.openAs('viewer', ROUTE, { viewport: PHONE, isMobile: true });
    await session.check(page, async () => {
      await expectLanguage(session, page, 'uk');
      await expectCalendarIn(session, page, 'uk', 'На ');
      await session.screenshot(page, 'person-phone-uk', { fullPage: false });
      await page.locator('select[name=lang]').selectOption('ka');
      await page.waitForFunction(() => document.documentElement.lang === 'ka');
      await waitForView(page, 'person');
      await expectLanguage(session, page, 'ka');
      // Dates and language names in Georgian too, from the catalog where the
      // browser has no Georgian of its own (Debian's chromium).
      const kaText = await viewText(page);
      const ka = await catalog(session, 'ka');
      const english = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|January|February|March|April|May|June|July|August|September|October|November|December)\b/.exec(kaText);
      assert.equal(english, null, `an English date on the Georgian page: '${english && kaText.slice(Math.max(0, english.index - 40), english.index + 40)}'`);
      assert.doesNotMatch(kaText, /Ukrainian|English|Polish/, 'an English language name on the Georgian page');
      assert.ok(ka['date.months'].some((m) => kaText.includes(m)), 'no Georgian month on the page');
      await expectCalendarIn(session, page, 'ka', 'ადგილი: ');
      await session.screenshot(page, 'person-phone-ka', { fullPage: false });
      for (const view of ['now', 'bill']) {
        await page.locator(`nav#views a[data-view="${view}"]`).click();
        await waitForView(page, view);
        await session.screenshot(page, `${view}-phone-ka`, { fullPage: false });
      }
      expectNoPageErrors(page, assert);
    });
  });
}
