// Sets the stage for the browser tests and runs them (called by run.sh):
// a scratch folder with unit-64 given a start date, a plan solved with a fixed
// work budget, `vigil serve` on a free loopback port with that unit and plan,
// an officer and a viewer (Taras Kozak) added through POST /api/users, then
// e2e.test.mjs in a child node. The server is stopped whatever happens, and
// the exit code is the tests' (1 when the stage could not be set).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { addUser, solve, startServer, stopServer, withStartDate } from './lib/stage.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.resolve(here, '..', '..');
const vigil = process.env.VIGIL_BINARY;
const buildDir = process.env.VIGIL_BUILD_DIR;
const scratch = path.join(buildDir, 'browser-scratch');
const artifacts = path.join(buildDir, 'browser-artifacts');

// The server's clock, and the browser's: Sun 2026-12-13 22:13:20 UTC, day 6
// 22:13 of the plan (the moment docs/api.md's session was captured at), so
// that "now" means the same moment to both and every run sees the same plan.
const NOW_EPOCH = 1797200000;
const serverEnv = { ...process.env, SOURCE_DATE_EPOCH: String(NOW_EPOCH) };

function log(text) {
  console.log(`harness: ${text}`);
}

// examples/unit-64.yaml given a start date, so the plan has calendar dates.
function writeScenario(file) {
  const text = fs.readFileSync(path.join(sourceDir, 'examples', 'unit-64.yaml'), 'utf8');
  fs.writeFileSync(file, withStartDate(text, '2026-12-07', 'examples/unit-64.yaml'));
}

function runTests(env) {
  const args = ['--test-reporter=spec', ...process.argv.slice(2), path.join(here, 'e2e.test.mjs')];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main() {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const scenario = path.join(scratch, 'unit.yaml');
  writeScenario(scenario);
  const started = Date.now();
  const roster = solve(vigil, scenario, path.join(scratch, 'p'), 300000, serverEnv);
  log(`unit-64 solved (--work 300000 --seed 1) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const server = await startServer(vigil, {
    db: path.join(scratch, 'ws.db'), scenario, roster, env: serverEnv, logPath: path.join(scratch, 'server.log'),
  });
  const stop = () => stopServer(server.child);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => stop().finally(() => process.exit(1)));
  }
  try {
    log(`vigil serve on ${server.base} (log: ${path.join(scratch, 'server.log')})`);
    const officer = await addUser(server.base, server.coordinator, { name: 'ana', role: 'officer' });
    const viewer = await addUser(server.base, server.coordinator, { name: 'taras', role: 'viewer', person: 'Taras Kozak' });
    return await runTests({
      VIGIL_BASE: server.base,
      VIGIL_TOKEN_COORDINATOR: server.coordinator,
      VIGIL_TOKEN_OFFICER: officer,
      VIGIL_TOKEN_VIEWER: viewer,
      VIGIL_ROSTER: roster,
      VIGIL_NOW_EPOCH: String(NOW_EPOCH),
      VIGIL_ARTIFACTS: artifacts,
    });
  } finally {
    await stop();
    log('vigil serve stopped');
  }
}

// Node ends by itself when nothing is left to wait for: never as a pass.
let finished = false;
process.on('exit', (code) => {
  if (finished) return;
  console.error(`harness: FAIL: ended (code ${code}) before the tests were done`);
  process.exitCode = 1;
});

main().then(
  (code) => {
    finished = true;
    process.exit(code);
  },
  (error) => {
    finished = true;
    console.error(`harness: FAIL: ${error.stack || error}`);
    process.exit(1);
  },
);
