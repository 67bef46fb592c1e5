// A @web/test-runner reporter that writes {passed, failed, skipped, failures} to a JSON file, so
// scripts/test.mjs can count browser tests without parsing terminal output.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Walks a suite and its nested suites, calling `visit(test, path)` for every test. */
function walkSuite(suite, path, visit) {
  if (!suite) return;
  const here = suite.name ? [...path, suite.name] : path;
  for (const test of suite.tests ?? []) visit(test, [...here, test.name]);
  for (const child of suite.suites ?? []) walkSuite(child, here, visit);
}

/** Counts every test of the given sessions; load errors and failed sessions count as failures. */
export function countSessions(sessions, rootDir = process.cwd()) {
  const result = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const session of sessions) {
    const file = session.testFile.startsWith(rootDir)
      ? session.testFile.slice(rootDir.length + 1)
      : session.testFile;
    const browser = session.browser?.name ?? session.browserName ?? '';
    let failedTests = 0;
    walkSuite(session.testResults, [], (test, path) => {
      if (test.skipped) result.skipped += 1;
      else if (test.passed) result.passed += 1;
      else {
        result.failed += 1;
        failedTests += 1;
        result.failures.push({ file, browser, name: path.join(' > '), error: test.error?.message ?? '' });
      }
    });
    // An error outside any test (a file that fails to import, an uncaught rejection, a timeout)
    // fails the file even when every test that did run passed.
    for (const error of session.errors ?? []) {
      result.failed += 1;
      result.failures.push({ file, browser, name: '(test file error)', error: error.message ?? String(error) });
    }
    if (session.passed === false && failedTests === 0 && (session.errors ?? []).length === 0) {
      result.failed += 1;
      result.failures.push({ file, browser, name: '(test file failed)', error: `session status ${session.status}` });
    }
  }
  return result;
}

/** @param {{ outputFile?: string, label?: string }} options */
export function jsonResultsReporter({ outputFile = process.env.WTR_RESULTS, label } = {}) {
  let rootDir = process.cwd();
  const write = (sessions) => {
    if (!outputFile) return;
    const counts = countSessions(sessions, rootDir);
    const file = resolve(rootDir, outputFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify({ label, files: new Set(sessions.map((s) => s.testFile)).size, ...counts, finishedAt: new Date().toISOString() }, null, 2)}\n`,
    );
  };
  return {
    start({ config }) {
      rootDir = config.rootDir ?? rootDir;
    },
    onTestRunFinished({ sessions }) {
      write(sessions);
    },
    stop({ sessions }) {
      write(sessions);
    },
  };
}
