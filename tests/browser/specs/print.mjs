// The watch bill printed: with print media the nav and the sign-out button
// are hidden and the bill is still there; a day's bill prints on one page
// (A4, or the paper the page's @page asks for). The PDF chromium makes is
// saved as build/browser-artifacts/watch-bill.pdf.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';

import { expectNoPageErrors, viewText } from '../lib/session.mjs';

export function register(session) {
  it('prints the watch bill without the nav', async () => {
    const page = await session.openAs('officer', '/bill');
    await session.check(page, async () => {
      assert.ok(await page.locator('nav#views').isVisible(), 'the nav shows on screen');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('nav#views').isVisible(), false, 'the nav is hidden in print');
      assert.equal(await page.locator('button[data-action=signout]').isVisible(), false, 'sign-out is hidden in print');
      const text = await viewText(page);
      for (const post of ['post-1', 'post-2', 'post-3', 'post-4']) assert.ok(text.includes(post), `${post} is printed`);
      await session.screenshot(page, 'bill-print');
      const file = path.join(session.artifacts, 'watch-bill.pdf');
      await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
      const pdf = fs.readFileSync(file, 'latin1');
      assert.ok(pdf.startsWith('%PDF-'), 'a PDF');
      const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
      console.log(`watch bill of one day printed: ${pages} A4 page(s), ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);
      assert.equal(pages, 1, `the watch bill of one day prints on ${pages} pages (contract: one page per day)`);
      expectNoPageErrors(page, assert);
    });
  });
}
