// npm test: installs what is missing, then runs every check and reports each one, even after a
// failure. The last line of output is always `N passed, N failed` (`, N skipped` when any were).
// Browser tests count one per test (production + development runs); every other check counts 1.
//   npm test -- --files test/helpers    narrow the browser runs to a folder, file or glob
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureDependencies } from './lib/ensure.mjs';
import { bin, root, run } from './lib/run.mjs';

const argv = process.argv.slice(2);
const filesArg = argv.includes('--files') ? argv[argv.indexOf('--files') + 1] : undefined;

/** @type {{ name: string, result: 'passed'|'failed', seconds: number, passed: number, failed: number, skipped: number, notes: string[] }[]} */
const checks = [];

function banner(name) {
  console.log(`\n${'='.repeat(78)}\n${name}\n${'='.repeat(78)}`);
}

/** A check that is a single command and counts as one test. */
async function commandCheck(name, command, args, options) {
  banner(name);
  const { code, seconds, error } = await run(command, args, options);
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
}

/** Node's own test runner over folders that exist, counted from its closing `# pass` / `# fail` lines. */
async function nodeTestCheck(name, folders) {
  banner(name);
  const started = performance.now();
  const { spawn } = await import('node:child_process');
  const output = await new Promise((resolve) => {
    let text = '';
    const child = spawn(process.execPath, ['--test', '--test-reporter=tap', ...folders.filter((folder) => existsSync(join(root, folder)))], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (data) => {
      process.stdout.write(data);
      text += data;
    });
    child.on('error', (error) => resolve({ text, code: 127, error }));
    child.on('close', (code) => resolve({ text, code }));
  });
  const count = (label) => Number(output.text.match(new RegExp(`^# ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
  const check = { name, result: 'failed', seconds: (performance.now() - started) / 1000, passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo'), notes: [] };
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
async function browserCheck(mode) {
  const name = `browser tests (${mode === 'dev' ? 'development' : 'production'} mode)`;
  banner(name);
  const resultsFile = join(root, '.wtr-results', `${mode}.json`);
  rmSync(resultsFile, { force: true });
  const env = { LIT_MODE: mode, WTR_RESULTS: resultsFile, ...(filesArg ? { WTR_FILES: filesArg } : {}) };
  const { code, seconds, error } = await run(bin('web-test-runner'), [], { env });

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
  }
  check.result = check.failed === 0 ? 'passed' : 'failed';
  checks.push(check);
}

function printSummary(setupFailure) {
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

  banner('Summary');
  console.log(line(headers));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
  const total = checks.reduce((sum, check) => sum + check.seconds, 0);
  console.log(`${'total'.padEnd(widths[0])}  ${''.padEnd(widths[1])}  ${''.padEnd(widths[2])}  ${total.toFixed(1).padStart(widths[3])}`);

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

await commandCheck('typecheck (tsc -p tsconfig.check.json)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.check.json']);
await commandCheck('lint (eslint)', bin('eslint'), [
  'src',
  'test',
  'stories',
  'scripts',
  '.storybook',
  '--no-error-on-unmatched-pattern',
]);
if (existsSync(join(root, 'scripts', 'contract-docs.mjs'))) {
  await commandCheck('contract docs are up to date', process.execPath, [join(root, 'scripts', 'contract-docs.mjs'), '--check']);
}
await commandCheck('public API matches api/care-elements.api.md', process.execPath, [join(root, 'scripts', 'api-report.mjs'), '--check']);
await commandCheck('build (rollup, declarations, manifest)', process.execPath, [join(root, 'scripts', 'build.mjs')]);
await commandCheck('size budget', process.execPath, [join(root, 'scripts', 'size.mjs')]);
await nodeTestCheck('Node tests: FHIR mapping and servers, hostile input (node --test)', ['test/data/fhir/', 'test/node/']);
await browserCheck('prod');
await browserCheck('dev');
await commandCheck('storybook build', bin('storybook'), ['build', '--quiet', '-o', 'storybook-static'], {
  env: { STORYBOOK_DISABLE_TELEMETRY: '1' },
});

process.exit(printSummary() > 0 ? 1 : 0);
