// Browser tests: test/**/*.test.ts in Debian's Chromium, driven by playwright-core.
//   LIT_MODE=dev     resolve lit's 'development' export condition (dev warnings on)
//   WTR_FILES=...    narrow to files, folders or globs (comma-separated), e.g. WTR_FILES=test/helpers
//   WTR_RESULTS=...  write {passed, failed, skipped, failures} as JSON to this file
//   CHROMIUM_PATH    browser binary (default /usr/bin/chromium)
//   WTR_TIMEOUT      per-test timeout in ms (default 20000); WTR_CONCURRENCY pages at once (default 2)
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { jsonResultsReporter } from './scripts/lib/wtr-json-reporter.mjs';

const devMode = process.env.LIT_MODE === 'dev';
const ci = process.env.CI === 'true' || process.env.CI === '1';

/** A folder becomes every test file below it; a file or glob passes through. */
function testFiles() {
  const requested = (process.env.WTR_FILES ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (requested.length === 0) return ['test/**/*.test.ts'];
  return requested.map((entry) =>
    existsSync(entry) && statSync(entry).isDirectory() ? `${entry.replace(/\/$/, '')}/**/*.test.ts` : entry,
  );
}

/**
 * Extra dev-server plugins (fake REST and FHIR servers, strict-CSP pages) that tests bring along:
 * test/server/plugins.mjs and every test/server/*.plugin.mjs, each `export default` an array.
 */
async function extraPlugins() {
  const folder = resolve('test/server');
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder)
    .filter((name) => name === 'plugins.mjs' || name.endsWith('.plugin.mjs'))
    .sort();
  const all = [];
  for (const name of files) {
    const plugins = (await import(pathToFileURL(join(folder, name)).href)).default;
    if (!Array.isArray(plugins)) throw new Error(`test/server/${name} must \`export default\` an array of plugins`);
    all.push(...plugins);
  }
  return all;
}

export default {
  rootDir: '.',
  files: testFiles(),
  // The dev server's resolver picks lit's 'development' build unless told otherwise.
  nodeResolve: { exportConditions: devMode ? ['development'] : ['production'] },
  concurrency: Number(process.env.WTR_CONCURRENCY) || 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 120_000,
  testsStartTimeout: 120_000,
  // A file's whole run (the 125-story axe file is the longest); a busy machine needs the room.
  testsFinishTimeout: 600_000,
  testFramework: {
    // Per test; WTR_TIMEOUT raises it on a slow or busy machine.
    config: { timeout: Number(process.env.WTR_TIMEOUT) || 20_000 },
  },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-dev-shm-usage',
        ],
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    ...(await extraPlugins()),
  ],
  // Lit announces dev mode once per page; every other warning stays visible.
  filterBrowserLogs: ({ args }) => !(devMode && typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  reporters: [
    defaultReporter(),
    ...(ci || process.env.WTR_SUMMARY ? [summaryReporter({ flatten: false })] : []),
    jsonResultsReporter({ label: devMode ? 'development' : 'production' }),
  ],
};
