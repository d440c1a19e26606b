// The stage both the browser tests (harness.mjs) and the page benchmark
// (bench_page.mjs) set: a scenario given a start date, a plan solved with a
// fixed work budget, `vigil serve` started on a free loopback port with that
// unit and plan (its coordinator token and address read from its first
// lines), users added through the API, and the server stopped again.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

// `text` (a scenario) with `  start-date: DATE` under `first-weekday: monday`,
// so the plan has calendar dates.
export function withStartDate(text, date, what) {
  const anchor = '  first-weekday: monday\n';
  if (!text.includes(anchor)) throw new Error(`${what}: expected a line '${anchor.trim()}' under horizon`);
  return text.replace(anchor, `${anchor}  start-date: ${date}\n`);
}

// `vigil solve SCENARIO --work WORK --seed 1 --out-dir OUTDIR`; the roster's path.
export function solve(vigil, scenario, outDir, work, env) {
  const args = ['solve', scenario, '--work', String(work), '--seed', '1', '--quiet', '--out-dir', outDir];
  const run = spawnSync(vigil, args, { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`vigil ${args.join(' ')} exited ${run.status}:\n${run.stdout}${run.stderr}`);
  const roster = `${outDir}/roster.json`;
  if (!fs.existsSync(roster)) throw new Error(`vigil solve wrote no ${roster}`);
  return roster;
}

// Starts `vigil serve` on a fresh store and reads its first lines: the
// coordinator's token (the line after "Coordinator's sign-in token") and the
// port it took. Everything it prints goes to `logPath`.
export function startServer(vigil, { db, scenario, roster, env, logPath }) {
  const args = ['serve', '--db', db, '--listen', '127.0.0.1:0', '--init', scenario, '--plan', roster];
  const child = spawn(vigil, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logFile = fs.createWriteStream(logPath);
  child.stderr.pipe(logFile);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`vigil serve printed no address within 60 s:\n${out}`)), 60000);
    function fail(error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    child.on('exit', (code) => fail(new Error(`vigil serve exited (${code}) before serving:\n${out}`)));
    child.stdout.on('data', function readStart(chunk) {
      logFile.write(chunk);
      out += chunk.toString('utf8');
      const token = out.match(/sign-in token[^\n]*\n\s+(\S+)\n/);
      const address = out.match(/on (http:\/\/127\.0\.0\.1:(\d+))\//);
      if (!token || !address) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.off('data', readStart);
      child.stdout.on('data', (more) => logFile.write(more));
      resolve({ child, base: address[1], coordinator: token[1] });
    });
  });
}

// SIGTERM, then SIGKILL if it has not stopped within 10 s.
export async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(killer);
}

// POST /api/users as the coordinator; the new user's token.
export async function addUser(base, coordinator, user) {
  const response = await fetch(`${base}/api/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${coordinator}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(user),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`POST /api/users ${JSON.stringify(user)}: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}
