#!/usr/bin/env node
// Runs every test suite of the repository and prints one closing line: "N passed, N failed".
// The API suites run on SQLite, and again on PostgreSQL when TEST_DATABASE_URL is set
// (required when CI=true). The end-to-end suites run against the built product.
// ESLint and the type checks of every project run first and count as one test each.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(root, 'tmp', 'test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const ci = process.env.CI === 'true';
const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl && ci) {
  console.error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suite cannot run.');
  process.exit(1);
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const suites = [
  { name: 'shared', config: 'shared/jest.config.js' },
  { name: 'api-sqlite', config: 'api/jest.config.js', env: { TEST_DATABASE: 'sqlite' } },
  ...(postgresUrl
    ? [{ name: 'api-postgres', config: 'api/jest.config.js', env: { TEST_DATABASE: 'postgres', TEST_DATABASE_URL: postgresUrl } }]
    : []),
  { name: 'web', config: 'web/jest.config.js' },
  {
    name: 'e2e',
    config: 'test/jest.config.js',
    needsBuild: true,
    // several API instances share one PostgreSQL database: without it those files cannot run
    args: postgresUrl ? [] : ['--testPathIgnorePatterns', 'multi-instance', 'redis-outage', 'removed-member-outage'],
    env: postgresUrl ? { TEST_DATABASE_URL: postgresUrl } : {},
  },
].filter((suite) => existsSync(path.join(root, suite.config)));

if (!postgresUrl) {
  console.warn('\nNOTE: TEST_DATABASE_URL is not set, so the API suites run on SQLite only.');
  console.warn('      The several-instances end-to-end tests (multi-instance*, redis-outage, removed-member-outage) are left out.');
  console.warn('      Set it (e.g. postgres://postgres:postgres@127.0.0.1:5432/postgres) to run them on PostgreSQL too.\n');
}

if (suites.some((s) => s.needsBuild) && process.env.SKIP_BUILD !== 'true') {
  console.log('\n== building the product for the end-to-end tests ==');
  if (run('npm', ['run', 'build']) !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

// Jest waits for ever when a test leaves a socket or a child process open. Once a suite has written
// its results, it gets EXIT_GRACE_MS to exit before it is stopped (and the leak reported); a suite
// that runs past SUITE_LIMIT_MS is stopped too, so that CI always ends with its summary line.
const EXIT_GRACE_MS = 30_000;
// four long suites at this limit stay under the 80 minutes .ci/run allows the whole run
const SUITE_LIMIT_MS = 18 * 60_000;

/** Set by Ctrl-C or a termination signal: the running suite is stopped and no other starts. */
let interruptedBy = null;
let runningGroup = null;

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group has already exited
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interruptedBy = signal;
    if (runningGroup) signalGroup(runningGroup, signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  });
}
process.on('exit', () => {
  if (runningGroup) signalGroup(runningGroup, 'SIGKILL');
});

function runJest(args, env, outputFile) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['jest', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, detached: true });
    runningGroup = child.pid;
    const started = Date.now();
    let resultsSeenAt;
    let stoppedBecause;
    const stop = (reason) => {
      stoppedBecause = reason;
      console.error(`\n!! ${reason}: stopping it`);
      signalGroup(child.pid, 'SIGKILL');
    };
    const watchdog = setInterval(() => {
      if (resultsSeenAt === undefined && existsSync(outputFile)) resultsSeenAt = Date.now();
      if (resultsSeenAt !== undefined && Date.now() - resultsSeenAt > EXIT_GRACE_MS) {
        stop(`jest did not exit ${EXIT_GRACE_MS / 1000} s after writing its results (a test left a handle open)`);
      } else if (Date.now() - started > SUITE_LIMIT_MS) {
        stop(`the suite ran longer than ${SUITE_LIMIT_MS / 60_000} minutes`);
      }
    }, 1_000);
    child.on('exit', (code) => {
      clearInterval(watchdog);
      runningGroup = null;
      resolve({ status: code ?? 1, stoppedBecause });
    });
  });
}

let passed = 0;
let failed = 0;
const lines = [];

// Static checks count as one test each: a lint error or a type error fails the run like a red test.
const checks = [
  { name: 'eslint', args: ['run', 'lint'] },
  { name: 'typecheck (shared, api, web, test)', args: ['run', 'typecheck'] },
];
for (const check of checks) {
  console.log(`\n== ${check.name} ==`);
  const ok = run('npm', check.args) === 0;
  if (ok) passed += 1;
  else failed += 1;
  lines.push(`${check.name}: ${ok ? 'passed' : 'FAILED'}`);
}

for (const suite of suites) {
  console.log(`\n== ${suite.name} ==`);
  const output = path.join(resultsDir, `${suite.name}.json`);
  const { status, stoppedBecause } = await runJest(
    // --forceExit: a handle left open after the results are written must not cost the run; the
    // leak is still reported by Jest ("did not exit one second after") for whoever reads the log
    ['-c', suite.config, '--json', `--outputFile=${output}`, '--forceExit', ...(suite.args ?? [])],
    suite.env ?? {},
    output,
  );
  let suitePassed = 0;
  let suiteFailed = 0;
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    suitePassed = report.numPassedTests;
    // A file that fails to load has no failed tests, yet it failed: count it.
    suiteFailed = report.numFailedTests + report.numRuntimeErrorTestSuites;
  }
  if (status !== 0 && suiteFailed === 0) suiteFailed = 1;
  // a suite stopped by the watchdog exits non-zero: a hang after green results is one failure
  if (stoppedBecause) lines.push(`${suite.name}: ${stoppedBecause}`);
  passed += suitePassed;
  failed += suiteFailed;
  lines.push(`${suite.name}: ${suitePassed} passed, ${suiteFailed} failed`);
  if (interruptedBy) {
    lines.push(`stopped by ${interruptedBy}: the remaining suites did not run`);
    failed += 1;
    break;
  }
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(path.join(resultsDir, 'summary.txt'), `${summary}\n`);
console.log(`\n${lines.join('\n')}\n${summary}`);
process.exit(failed > 0 ? 1 : 0);
