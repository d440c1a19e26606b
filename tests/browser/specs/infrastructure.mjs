// The ground under the other tests: chromium starts, reaches the server on
// its free port, and a screenshot can be saved and is a real PNG.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { it } from 'node:test';

export function register(session) {
  it('chromium reads /api/health from the server and saves a screenshot', async () => {
    const page = await session.newPage();
    await session.check(page, async () => {
      const response = await page.goto(`${session.base}/api/health`);
      assert.equal(response.status(), 200);
      assert.equal(await page.locator('body').innerText(), '{"ok":true}');
      const file = await session.screenshot(page, 'api-health', { fullPage: false });
      const png = fs.readFileSync(file);
      assert.equal(png.subarray(1, 4).toString('ascii'), 'PNG');
    });
  });
}
