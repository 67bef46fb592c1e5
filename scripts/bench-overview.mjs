#!/usr/bin/env node
/* global document, customElements, requestAnimationFrame -- page.evaluate functions run in the browser */
// The coordination overview at caseload scale: the reference server's GET /overview over a
// generated caseload (10,000 service users by default) and <care-coordination-overview> in Debian's
// Chromium. Prints, per step, the time until the screen shows the answer (median of the runs) and
// how many requests the element sent to the server for it.
//   node scripts/bench-overview.mjs [--people N] [--runs N]
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { overviewFor } from '../test/server/overview.plugin.mjs';
import { parseQuery } from '../test/server/overview/query.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const people = argument('people', 10_000);
const runs = argument('runs', 5);

const started = performance.now();
const overview = overviewFor({ people });
const indexMs = performance.now() - started;

const bundle = await build({
  stdin: { contents: "import './src/components/coordination-overview/define.js';", resolveDir: root, loader: 'ts' },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  write: false,
  minify: true,
  conditions: ['production'],
  tsconfig: join(root, 'tsconfig.json'),
});
const script = bundle.outputFiles[0].text;
const page = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Overview benchmark</title><body><script type="module" src="/overview.js"></script></body></html>';

let requests = 0;
let serverMs = 0;
const http = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  if (url.pathname === '/overview.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
  if (url.pathname === '/api/overview') {
    requests++;
    const t = performance.now();
    const parsed = parseQuery(url.searchParams);
    const body = parsed.query ? JSON.stringify(overview.answer(parsed.query)) : '{}';
    serverMs += performance.now() - t;
    return res.writeHead(parsed.query ? 200 : 400, { 'content-type': 'application/json' }).end(body);
  }
  res.writeHead(404).end();
});
await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${http.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** In the page: run `change`, then wait until the caption or counts differ from before. */
const STEPS = [
  ['first screen', null],
  ['filter: sector', "el.sector = 'specialist'"],
  ['filter: organisation', "el.organisationId = 'org-dps'"],
  ['filter: coordinator', "el.sector = ''; el.organisationId = ''; el.coordinatorId = 'coord-gp-centre-1'"],
  ['months 6 → 3', 'el.coordinatorId = ""; el.months = 3'],
  ['gap: no-owner', "el.gap = 'no-owner'"],
  ['next page', "el.shadowRoot.querySelectorAll('.paging button')[1].click()"],
];
const results = Object.fromEntries(STEPS.map(([name]) => [name, { ms: [], requests: [], serverMs: [] }]));
for (let run = 0; run < runs; run++) {
  const tab = await browser.newPage();
  await tab.goto(`${origin}/`);
  await tab.waitForFunction(() => customElements.get('care-coordination-overview'));
  for (const [name, change] of STEPS) {
    const before = requests;
    const serverBefore = serverMs;
    const ms = await tab.evaluate(
      async ({ change, src }) => {
        const snapshot = (el) => (el?.shadowRoot?.querySelector('caption')?.textContent ?? '') + [...(el?.shadowRoot?.querySelectorAll('.count') ?? [])].map((c) => c.textContent).join();
        const t0 = performance.now();
        let el = document.querySelector('care-coordination-overview');
        const was = snapshot(el);
        if (!change) {
          el = document.createElement('care-coordination-overview');
          el.src = src;
          document.body.append(el);
        } else new Function('el', change)(el);
        await new Promise((resolve) => {
          const check = () => (el.shadowRoot?.querySelector('button.gap') && !el.shadowRoot.querySelector('[aria-busy="true"]') && snapshot(el) !== was && el.shadowRoot.querySelector('[role=status]').textContent !== 'Loading…' ? resolve() : requestAnimationFrame(check));
          check();
        });
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
        return performance.now() - t0;
      },
      { change, src: `${origin}/api` },
    );
    results[name].ms.push(ms);
    results[name].requests.push(requests - before);
    results[name].serverMs.push(serverMs - serverBefore);
  }
  await tab.close();
}
await browser.close();
http.close();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`Coordination overview, ${people.toLocaleString('en')} service users (index built in ${indexMs.toFixed(0)} ms), median of ${runs} runs`);
console.log('| Step | To screen | Requests | Server time |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, { ms, requests: counts, serverMs: server }] of Object.entries(results)) {
  console.log(`| ${name} | ${median(ms).toFixed(0)} ms | ${Math.max(...counts)} | ${median(server).toFixed(1)} ms |`);
}
