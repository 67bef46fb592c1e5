// npm test: installs what is missing, then runs every check and reports each one, even after a
// failure. The last line of output is always `N passed, N failed` (`, N skipped` when any were).
// Browser tests count one per test; every other check counts 1. Independent checks run side by
// side in stages (a check that runs beside others prints its output when it ends):
//   1. typecheck, lint, contract docs, build
//   2. size, public API report, Node tests, browser tests (production)
//   3. browser tests in Lit's development mode over DEV_MODE_SUBSET, storybook build
// Development mode exists to show Lit's dev warnings, which only element code raises: it runs the
// base, context and i18n tests and each element's main render, edit and connected tests, not the
// accessibility, data, hostile-input, fuzz or bundle tests nor the narrower element files (those
// render the same element code again, load the built production bundle or never render, so a
// second run would mostly repeat them and pushed the run past 20 minutes on a slow 2-core machine).
//   npm test -- --files test/helpers    narrow the browser runs to a folder, file or glob
//   npm test -- --serial                run every check one after another, output streamed
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies } from './lib/ensure.mjs';
import { bin, root } from './lib/run.mjs';

const argv = process.argv.slice(2);
const filesArg = argv.includes('--files') ? argv[argv.indexOf('--files') + 1] : undefined;
const serial = argv.includes('--serial');

/** The browser tests that also run in Lit's development mode (folders and files below test/). */
const DEV_MODE_SUBSET = [
  'test/base',
  'test/context',
  'test/i18n',
  'test/components/consent-list/consent-list.test.ts',
  'test/components/consent-toggle/consent-toggle.test.ts',
  'test/components/coordination-overview/coordination-overview.test.ts',
  'test/components/crisis-plan/crisis-plan.test.ts',
  'test/components/crisis-plan/contacts-editing.test.ts',
  'test/components/meeting-outcomes/meeting-outcomes.test.ts',
  'test/components/meeting-scheduler/booked.test.ts',
  'test/components/meeting-scheduler/planning-form.test.ts',
  'test/components/meeting-scheduler/connected.test.ts',
  'test/components/meeting-scheduler/date-picker.test.ts',
  'test/components/responsibility-matrix/matrix-display.test.ts',
  'test/components/responsibility-matrix/matrix-editing.test.ts',
  'test/components/team-roster/team-roster.test.ts',
  'test/components/team-roster/connected.test.ts',
];

/** @type {{ name: string, result: 'passed'|'failed', seconds: number, passed: number, failed: number, skipped: number, notes: string[] }[]} */
const checks = [];

const banner = (name) => `\n${'='.repeat(78)}\n${name}\n${'='.repeat(78)}\n`;

/**
 * Runs a command and resolves (never rejects) with its exit code, duration and output. Alone, its
 * output streams; beside other checks it is kept and printed whole when the command ends, so the
 * log reads one check at a time.
 */
function runCheckCommand(name, command, args, { env = {}, alone } = {}) {
  const started = performance.now();
  if (alone) process.stdout.write(banner(name));
  else console.log(`> started: ${name}`);
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const collect = (stream, target) => (data) => {
      output += data;
      if (alone) target.write(data);
    };
    child.stdout.on('data', collect(child.stdout, process.stdout));
    child.stderr.on('data', collect(child.stderr, process.stderr));
    const finish = (code, error) => {
      const seconds = (performance.now() - started) / 1000;
      if (!alone) process.stdout.write(`${banner(`${name} (${seconds.toFixed(1)} s)`)}${output}`);
      resolve({ code, error, seconds, output });
    };
    child.on('error', (error) => finish(127, error));
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** A check that is a single command and counts as one test. */
async function commandCheck(name, command, args, options = {}) {
  const { code, seconds, error } = await runCheckCommand(name, command, args, options);
  const ok = code === 0;
  checks.push({
    name,
    result: ok ? 'passed' : 'failed',
    seconds,
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    skipped: 0,
    notes: ok ? [] : [error ? `could not start: ${error.message}` : `exit code ${code}`],
  });
  return ok;
}

/** Node's own test runner over folders that exist, counted from its closing `# pass` / `# fail` lines. */
async function nodeTestCheck(name, folders, options = {}) {
  const present = folders.filter((folder) => existsSync(join(root, folder)));
  const output = await runCheckCommand(name, process.execPath, ['--test', '--test-reporter=tap', ...present], options);
  const count = (label) => Number(output.output.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  const check = { name, result: 'failed', seconds: output.seconds, passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo'), notes: [] };
  if (output.code !== 0 && check.failed === 0) {
    check.failed = 1;
    check.notes.push(`node --test exited with code ${output.code}`);
  }
  if (check.passed + check.failed === 0) {
    check.failed = 1;
    check.notes.push('node --test ran no test');
  }
  check.result = check.failed === 0 ? 'passed' : 'failed';
  checks.push(check);
}

/** A browser test run in one Lit mode, counted from the JSON that the results reporter writes. */
async function browserCheck(mode, files, options = {}) {
  const name = mode === 'dev'
    ? `browser tests (development mode: ${files === undefined ? 'all' : filesArg === undefined ? `DEV_MODE_SUBSET of scripts/test.mjs, ${files.split(',').length} folders and files` : files})`
    : `browser tests (production mode${files ? `: ${files}` : ''})`;
  const resultsFile = join(root, '.wtr-results', `${mode}.json`);
  rmSync(resultsFile, { force: true });
  const env = { LIT_MODE: mode, WTR_RESULTS: resultsFile, ...(files ? { WTR_FILES: files } : {}) };
  const { code, seconds, error } = await runCheckCommand(name, bin('web-test-runner'), [], { ...options, env });

  const check = { name, result: 'failed', seconds, passed: 0, failed: 0, skipped: 0, notes: [] };
  if (!existsSync(resultsFile)) {
    // The runner died before reporting (no browser, config error, no test files): that is a failure.
    check.failed = 1;
    check.notes.push(`the test runner stopped before writing results (${error ? error.message : `exit code ${code}`})`);
  } else {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    check.passed = results.passed;
    check.failed = results.failed;
    check.skipped = results.skipped;
    for (const failure of results.failures) {
      check.notes.push(`${failure.file}: ${failure.name}${failure.error ? `: ${failure.error.split('\n')[0]}` : ''}`);
    }
    if (code !== 0 && results.failed === 0) {
      check.failed = 1;
      check.notes.push(`the test runner exited with code ${code} although no test failed`);
    }
    if (results.passed + results.failed + results.skipped === 0) {
      check.failed = 1;
      check.notes.push('the test runner ran no test');
    }
  }
  check.result = check.failed === 0 ? 'passed' : 'failed';
  checks.push(check);
}

/** Runs the jobs of one stage side by side (or one by one with --serial, output streamed). */
async function stage(jobs) {
  if (serial || jobs.length === 1) {
    for (const job of jobs) await job({ alone: true });
  } else {
    await Promise.all(jobs.map((job) => job({ alone: false })));
  }
}

function printSummary(setupFailure, wallSeconds) {
  const rows = checks.map((check) => [
    check.name,
    check.result,
    check.passed + check.failed + check.skipped > 1 || check.name.startsWith('browser')
      ? `${check.passed}/${check.failed}/${check.skipped}`
      : '',
    check.seconds.toFixed(1),
  ]);
  const headers = ['check', 'result', 'pass/fail/skip', 'seconds'];
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((cell, i) => (i === 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');

  process.stdout.write(banner('Summary'));
  console.log(line(headers));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
  if (wallSeconds !== undefined) {
    console.log(`${'wall clock (checks side by side)'.padEnd(widths[0])}  ${''.padEnd(widths[1])}  ${''.padEnd(widths[2])}  ${wallSeconds.toFixed(1).padStart(widths[3])}`);
  }

  const failedChecks = checks.filter((check) => check.result === 'failed');
  if (setupFailure) console.log(`\nSetup failed: ${setupFailure}`);
  if (failedChecks.length > 0) {
    console.log('\nFailures:');
    for (const check of failedChecks) {
      console.log(`  ${check.name}`);
      for (const note of check.notes.slice(0, 50)) console.log(`    - ${note}`);
      if (check.notes.length > 50) console.log(`    … and ${check.notes.length - 50} more`);
    }
  }

  const passed = checks.reduce((sum, check) => sum + check.passed, 0);
  const failed = checks.reduce((sum, check) => sum + check.failed, 0) + (setupFailure ? 1 : 0);
  const skipped = checks.reduce((sum, check) => sum + check.skipped, 0);
  console.log('');
  console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return failed;
}

// Prerequisites. Without dependencies or a browser nothing below can run meaningfully.
if (!(await ensureDependencies())) {
  printSummary('installing dependencies (npm ci) failed');
  process.exit(1);
}
if (!(await ensureChromium())) {
  printSummary('Chromium is not installed (see above for what to install)');
  process.exit(1);
}

const started = performance.now();
const devFiles = filesArg ?? DEV_MODE_SUBSET.filter((path) => existsSync(join(root, path))).join(',');

await stage([
  (options) => commandCheck('typecheck (tsc -p tsconfig.check.json)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.check.json'], options),
  (options) => commandCheck('lint (eslint)', bin('eslint'), ['src', 'test', 'stories', 'scripts', '.storybook', '--no-error-on-unmatched-pattern'], options),
  (options) => commandCheck('contract docs are up to date', process.execPath, [join(root, 'scripts', 'contract-docs.mjs'), '--check'], options),
  (options) => commandCheck('build (rollup, declarations, manifest)', process.execPath, [join(root, 'scripts', 'build.mjs')], options),
]);
await stage([
  (options) => commandCheck('size budget', process.execPath, [join(root, 'scripts', 'size.mjs')], options),
  (options) => commandCheck('public API matches api/care-elements.api.md', process.execPath, [join(root, 'scripts', 'api-report.mjs'), '--check', '--use-build'], options),
  (options) => nodeTestCheck('Node tests: FHIR mapping and servers, hostile input (node --test)', ['test/data/fhir/', 'test/node/'], options),
  (options) => browserCheck('prod', filesArg, options),
]);
await stage([
  (options) => browserCheck('dev', devFiles, options),
  (options) => commandCheck('storybook build', bin('storybook'), ['build', '--quiet', '-o', 'storybook-static'], { ...options, env: { STORYBOOK_DISABLE_TELEMETRY: '1' } }),
]);

process.exit(printSummary(undefined, (performance.now() - started) / 1000) > 0 ? 1 : 0);
