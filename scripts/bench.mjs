#!/usr/bin/env node
// `npm run bench`: builds, opens Debian's Chromium and prints medians of our elements next to a
// peer doing the same work in the same run, with the ratio. Writes bench-results/results.json.
//   --runs N      repetitions per benchmark (default 7), each in a fresh page
//   --no-build    reuse dist/ (the startup row needs a built demo)
//   --large-runs N  repetitions of the large-size rows (default 3: each takes many seconds)
//   --only a,b    run only these benchmarks (matrix, matrixLarge, roster, rosterLarge, rosterFilter, freeTime, datePicker,
//                 consentList, consentListLarge, consentListArriving, scheduler, startup, throttled, slowNetwork)
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
const largeRuns = Number(argument('large-runs', Math.min(3, runs)));
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
async function sample(name, args = [], times = runs) {
  const samples = {};
  for (let run = 0; run < times; run += 1) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error(`[${name}] ${error.message}`));
    await page.goto(`${base}/test/bench/bench.html`);
    await page.waitForFunction(() => window.careBench !== undefined);
    page.setDefaultTimeout(300_000);
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

const DEMO_TAGS = ['care-team-roster', 'care-responsibility-matrix', 'care-consent-list', 'care-meeting-scheduler'];

/**
 * The demo page with the CPU slowed `rate` times (CDP Emulation.setCPUThrottlingRate) and every
 * request answered `latency` ms late (CDP Network.emulateNetworkConditions): per element, the time
 * from navigation start until it first shows data, and the longest task on the way.
 */
async function demoFirstRender(rate, latency = 0) {
  const samples = {};
  const add = (metric, value) => (samples[metric] ??= []).push(value);
  for (let run = 0; run < largeRuns; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    if (latency > 0) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await page.addInitScript((tags) => {
      const rendered = {};
      let longest = 0;
      window.__demoBench = { rendered, longest: () => longest };
      try {
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
        }).observe({ type: 'longtask', buffered: true });
      } catch {
        // longtask is Chromium-only
      }
      const tick = () => {
        for (const tag of tags) {
          if (rendered[tag]) continue;
          const root = document.querySelector(tag)?.shadowRoot;
          if (root && root.childElementCount > 0 && !root.querySelector('[part~="loading"]')) rendered[tag] = performance.now();
        }
        if (tags.some((tag) => !rendered[tag])) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, DEMO_TAGS);
    await page.goto(`${base}/demo/index.html`);
    await page.waitForFunction((tags) => tags.every((tag) => window.__demoBench.rendered[tag]), DEMO_TAGS, { timeout: 120_000, polling: 100 });
    await page.waitForTimeout(200);
    const result = await page.evaluate(() => ({ rendered: window.__demoBench.rendered, longest: window.__demoBench.longest() }));
    for (const tag of DEMO_TAGS) add(`<${tag}> first rendered`, result.rendered[tag]);
    add('longest task', result.longest);
    await context.close();
  }
  return samples;
}

const rows = [];
const table = [
  ['matrix', 'matrix', [200, 40], 'Matrix 200 × 40', 'vaadin-grid'],
  ['matrixLarge', 'matrix', [500, 50], 'Matrix 500 × 50', 'vaadin-grid'],
  ['roster', 'roster', [1000], 'Roster 1,000 members', 'plain Lit list'],
  ['rosterLarge', 'roster', [5000], 'Roster 5,000 members', 'plain Lit list'],
  ['rosterFilter', 'rosterFilter', [5000], 'Roster 5,000 members, filter', 'plain keyed Lit list'],
  ['freeTime', 'freeTime', [], 'Free times, 20 people × 4 weeks', 'naive 15-min scan'],
  ['datePicker', 'datePicker', [], 'Date picker, month change', 'plain Lit month table'],
  ['consentList', 'consentList', [50], 'Consent list, 50 toggles', '50 native checkboxes'],
  ['consentListLarge', 'consentList', [500], 'Consent list, 500 toggles', '500 native checkboxes'],
  ['consentListArriving', 'consentListArriving', [50], 'Consent list, 50 toggles, data arriving after an idle wait', '50 native checkboxes'],
  ['scheduler', 'schedulerScale', [50, 12], 'Scheduler, 50 people, weekly series of 12', ''],
];
const large = new Set(['matrixLarge', 'rosterLarge', 'rosterFilter', 'consentListLarge', 'scheduler']);
for (const [key, name, args, label, peerName] of table) {
  if (!wanted(key)) continue;
  process.stdout.write(`running ${label}…\n`);
  let samples;
  try {
    samples = await sample(name, args, large.has(key) ? largeRuns : runs);
  } catch (error) {
    // One broken row should not lose the others: it is printed as failed.
    console.error(`[${label}] ${error.message.split('\n')[0]}`);
    rows.push({ benchmark: `${label}: FAILED`, ours: undefined, peerName: '', samples: {} });
    continue;
  }
  for (const [metric, { ours, peer }] of Object.entries(samples)) {
    rows.push({ benchmark: `${label}: ${metric}`, ours: median(ours), peer: peer.length ? median(peer) : undefined, peerName: peer.length ? peerName : '', samples: { ours, peer } });
  }
}
if (wanted('startup')) {
  process.stdout.write('running startup…\n');
  const start = await startup();
  rows.push({ benchmark: `Demo startup: script loaded → ${defined} of 4 elements rendered`, ours: median(start.ours), peerName: '', samples: start });
}

if (wanted('throttled')) {
  process.stdout.write('running the demo under 4× CPU throttling…\n');
  const slow = await demoFirstRender(4);
  const normal = await demoFirstRender(1);
  for (const metric of Object.keys(slow)) {
    rows.push({
      benchmark: `Demo, 4× CPU throttling: ${metric}`,
      ours: median(slow[metric]),
      peer: median(normal[metric]),
      peerName: 'same, not throttled',
      samples: { ours: slow[metric], peer: normal[metric] },
    });
  }
}

// Round trips before data: the bundle, the data source's chunks, the record. Each one more shows
// here as about the latency again.
if (wanted('slowNetwork')) {
  process.stdout.write('running the demo with every request 300 ms late…\n');
  const late = await demoFirstRender(1, 300);
  const normal = await demoFirstRender(1);
  for (const metric of Object.keys(late).filter((name) => name !== 'longest task')) {
    rows.push({
      benchmark: `Demo, every request 300 ms late: ${metric}`,
      ours: median(late[metric]),
      peer: median(normal[metric]),
      peerName: 'same, no delay',
      samples: { ours: late[metric], peer: normal[metric] },
    });
  }
}

const chromiumVersion = browser.version();
await browser.close();
server.close();

const fmt = (value) => (value === undefined ? '' : `${value.toFixed(1)} ms`);
const header = ['benchmark', 'ours (median)', 'peer', 'peer (median)', 'ours / peer'];
const lines = rows.map((row) => [row.benchmark, fmt(row.ours), row.peerName, fmt(row.peer), row.peer ? (row.ours / row.peer).toFixed(2) : '']);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
const print = (cells) => console.log(cells.map((cell, i) => cell.padEnd(widths[i])).join('  '));
console.log(`\nMedians of ${runs} runs each (${largeRuns} for the large sizes and the throttled and slow-network demo), Chromium ${chromiumVersion} headless, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);
print(header);
print(widths.map((w) => '-'.repeat(w)));
for (const line of lines) print(line);
writeFileSync(join(outDir, 'results.json'), `${JSON.stringify({ date: new Date().toISOString(), runs, cores: cpus().length, rows }, null, 2)}\n`);
console.log(`\nWritten to bench-results/results.json`);
