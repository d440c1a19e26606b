// Signing in and out: the form, a refused token shown with the API's words,
// the officer's nav (every view), the token kept across a reload, a sign-in
// link that leaves no token in the address bar.
import assert from 'node:assert/strict';
import { it } from 'node:test';

import { expectNoPageErrors, viewOfRoute, waitForView } from '../lib/session.mjs';

export const ALL_VIEWS = ['now', 'rotation', 'bill', 'person', 'unit', 'plan', 'repair', 'history', 'edit'];

export async function navViews(page) {
  await page.locator('nav#views').waitFor();
  return page.locator('nav#views a[data-view]').evaluateAll((links) => links.map((a) => a.dataset.view));
}

export function register(session) {
  it('signs in with the form, keeps the token over a reload and signs out', async () => {
    const page = await session.newPage();
    await session.check(page, async () => {
      await page.goto(`${session.base}/`);
      const form = page.locator('form#signin');
      await form.waitFor();
      await session.screenshot(page, 'signin-desktop', { fullPage: false });

      await form.locator('input[name=token]').fill('not-a-token-of-this-store');
      await form.locator('button[type=submit]').click();
      const alert = page.locator('[role=alert]');
      await alert.filter({ hasText: 'unknown or revoked token' }).waitFor();
      await assert.doesNotReject(form.waitFor(), 'the form stays after a refused token');

      await form.locator('input[name=token]').fill(session.tokens.officer);
      await form.locator('button[type=submit]').click();
      assert.deepEqual((await navViews(page)).sort(), [...ALL_VIEWS].sort(), 'an officer sees every view');
      await page.locator('main[data-ready="1"]').waitFor();
      assert.equal(await form.count(), 0, 'the form is gone once signed in');

      await page.reload();
      assert.deepEqual((await navViews(page)).sort(), [...ALL_VIEWS].sort(), 'still signed in after a reload');
      await page.locator('main[data-ready="1"]').waitFor();

      await page.locator('button[data-action=signout]').click();
      await form.waitFor();
      await page.reload();
      await form.waitFor();
      assert.equal(await page.locator('nav#views a[data-view]').count(), 0, 'no views once signed out');
      expectNoPageErrors(page, assert);
    });
  });

  it('signing out while a view is still loading leaves the sign-in form', async () => {
    const page = await session.openAs('officer', '/now');
    await session.check(page, async () => {
      // The registry answers late, so the unit view is still loading at the click.
      await page.route('**/api/people**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue().catch(() => {});
      });
      const lateAnswer = page.waitForResponse('**/api/people**', { timeout: 6000 }).catch(() => null);
      await page.locator('nav#views a[data-view=unit]').click();
      await page.locator('main[data-view=unit]').waitFor({ state: 'attached' });
      await page.locator('button[data-action=signout]').click();
      await lateAnswer;
      await page.waitForTimeout(500);  // what the page does with the late answer, it has done by now
      assert.equal(await page.locator('form#signin').count(), 1, 'the view drawn late replaced the sign-in form');
      assert.equal(await page.locator('table[data-role=people]').count(), 0, 'the registry is shown after sign-out');
      expectNoPageErrors(page, assert);
    });
  });

  it('a sign-in link opens the view and takes the token out of the address bar', async () => {
    const page = await session.newPage();
    await session.check(page, async () => {
      const route = '/person/Taras%20Kozak';
      await page.goto(`${session.base}/?token=${session.tokens.officer}#${route}`);
      await waitForView(page, viewOfRoute(route));
      assert.ok(!page.url().includes(session.tokens.officer), `the token is still in ${page.url()}`);
      assert.ok(!page.url().includes('token='), `the token is still in ${page.url()}`);
      assert.match(await page.locator('main').innerText(), /Taras Kozak/);
      expectNoPageErrors(page, assert);
    });
  });
}
