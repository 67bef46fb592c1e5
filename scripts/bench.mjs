#!/usr/bin/env node
// `npm run bench`: builds, opens Debian's Chromium and prints medians of our elements next to a
// peer doing the same work in the same run, with the ratio. Writes bench-results/results.json.
//   --runs N      repetitions per benchmark (default 7), each in a fresh page
//   --no-build    reuse dist/ (the startup row needs a built demo)
//   --only a,b    run only these benchmarks (matrix, roster, freeTime, datePicker, consentList, startup)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { serve } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const runs = Number(argument('runs', 7));
const only = argument('only', '').split(',').filter(Boolean);
const wanted = (name) => only.length === 0 || only.includes(name);
const outDir = join(root, 'bench-results');
mkdirSync(outDir, { recursive: true });

if (!process.argv.includes('--no-build')) {
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The benchmark page: our elements (Lit production build) and the peers, in one module.
await build({
  entryPoints: [join(root, 'test/bench/bench-entry.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outfile: join(outDir, 'bench.js'),
  conditions: ['production'],
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
});

const server = await serve({ rootDir: root, port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs one browser benchmark `runs` times in fresh pages; returns the samples per metric. */
async function sample(name, args = []) {
  const samples = {};
  for (let run = 0; run < runs; run += 1) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error(`[${name}] ${error.message}`));
    await page.goto(`${base}/test/bench/bench.html`);
    await page.waitForFunction(() => window.careBench !== undefined);
    const result = await page.evaluate(([fn, a]) => window.careBench[fn](...a), [name, args]);
    for (const [metric, pair] of Object.entries(result)) {
      samples[metric] ??= { ours: [], peer: [] };
      samples[metric].ours.push(pair.ours);
      if (pair.peer !== undefined) samples[metric].peer.push(pair.peer);
    }
    await page.close();
  }
  return samples;
}

/** Time from the bundle's arrival to all four elements showing data on the demo page. */
let defined = 0;
async function startup() {
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/demo/index.html`);
    await page.waitForFunction(
      () => {
        const tags = ['care-team-roster', 'care-responsibility-matrix', 'care-consent-list', 'care-meeting-scheduler'];
        // An element the bundle does not define cannot render; the row label says how many did.
        return tags.filter((tag) => customElements.get(tag)).every((tag) => {
          const root = document.querySelector(tag)?.shadowRoot;
          return root && root.childElementCount > 0 && !root.querySelector('[part~="loading"]');
        });
      },
      null,
      { timeout: 30_000, polling: 'raf' },
    );
    defined = await page.evaluate(() =>
      ['care-team-roster', 'care-responsibility-matrix', 'care-consent-list', 'care-meeting-scheduler'].filter((tag) => customElements.get(tag)).length,
    );
    times.push(
      await page.evaluate(() => {
        const script = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('care-elements.min.js'));
        return performance.now() - (script ? script.responseEnd : 0);
      }),
    );
    await context.close();
  }
  return { ours: times, peer: [] };
}

const rows = [];
const table = [
  ['matrix', [200, 40], 'Matrix 200 × 40', 'vaadin-grid'],
  ['roster', [1000], 'Roster 1,000 members', 'plain Lit list'],
  ['freeTime', [], 'Free times, 20 people × 4 weeks', 'naive 15-min scan'],
  ['datePicker', [], 'Date picker, month change', 'plain Lit month table'],
  ['consentList', [], 'Consent list, 50 toggles', '50 native checkboxes'],
];
for (const [name, args, label, peerName] of table) {
  if (!wanted(name)) continue;
  process.stdout.write(`running ${label}…\n`);
  const samples = await sample(name, args);
  for (const [metric, { ours, peer }] of Object.entries(samples)) {
    rows.push({ benchmark: `${label}: ${metric}`, ours: median(ours), peer: peer.length ? median(peer) : undefined, peerName: peer.length ? peerName : '', samples: { ours, peer } });
  }
}
if (wanted('startup')) {
  process.stdout.write('running startup…\n');
  const start = await startup();
  rows.push({ benchmark: `Demo startup: script loaded → ${defined} of 4 elements rendered`, ours: median(start.ours), peerName: '', samples: start });
}

const chromiumVersion = browser.version();
await browser.close();
server.close();

const fmt = (value) => (value === undefined ? '' : `${value.toFixed(1)} ms`);
const header = ['benchmark', 'ours (median)', 'peer', 'peer (median)', 'ours / peer'];
const lines = rows.map((row) => [row.benchmark, fmt(row.ours), row.peerName, fmt(row.peer), row.peer ? (row.ours / row.peer).toFixed(2) : '']);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
const print = (cells) => console.log(cells.map((cell, i) => cell.padEnd(widths[i])).join('  '));
console.log(`\nMedians of ${runs} runs each, Chromium ${chromiumVersion} headless, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);
print(header);
print(widths.map((w) => '-'.repeat(w)));
for (const line of lines) print(line);
writeFileSync(join(outDir, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), runs, cores: cpus().length, rows }, null, 2)}\n`);
console.log(`\nWritten to bench-results/results.json`);
