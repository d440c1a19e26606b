// The page of `vigil serve` in a real browser (Debian's chromium through
// playwright-core), against a live server that harness.mjs started with
// unit-64 and its plan. One chromium for all; the suites run in this order,
// each in fresh browser contexts, because some change the server's state:
// the plan job saves a draft, the repair publishes a new plan in force.
import { after, before, describe } from 'node:test';

import { Session } from './lib/session.mjs';
import * as infrastructure from './specs/infrastructure.mjs';
import * as plan from './specs/plan_job.mjs';
import * as print from './specs/print.mjs';
import * as repair from './specs/repair.mjs';
import * as signin from './specs/signin.mjs';
import * as viewer from './specs/viewer.mjs';
import * as views from './specs/views.mjs';

describe('vigil serve in chromium', () => {
  const session = new Session();
  before(() => session.start());
  after(() => session.stop());

  describe('the browser and the server', () => infrastructure.register(session));

  describe('the page', () => {
    // Without the page every test would wait out its timeout: say so at once.
    before(() => session.expectPageServed());
    signin.register(session);
    views.register(session);
    plan.register(session);
    repair.register(session);
    viewer.register(session);
    print.register(session);
  });
});
