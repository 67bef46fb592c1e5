// Strict Content-Security-Policy pages for test/csp/csp.test.ts. web-test-runner.config.mjs loads
// this file (every test/server/*.plugin.mjs).
//
// GET  /__csp__/<page>.html?run=<id>[&tt=none]  a page that loads the BUILT bundle
//      (/dist/care-elements.min.js) the way a portal would, plus /__csp__/page.js, all from 'self'
//      and with no inline script or style, served with the CSP header below.
//      `tt=none` swaps `trusted-types lit-html` for `trusted-types 'none'` (to show why the
//      elements cannot meet it); `tt=duplicates` adds 'allow-duplicates' (for two copies of Lit).
// GET  /__csp__/probe.js      the first script on every page: collects `securitypolicyviolation`
//                             events into window.__cspViolations.
// GET  /__csp__/page.js       seeds <care-context> with the Fjordvik record (from dist/esm).
// POST /__csp__/report?run=   the page's `report-uri`: Chromium posts every violation here.
// GET  /__csp__/reports?run=  the reports received for a run, as JSON.
// GET  /__csp__/status        { built: boolean } — whether dist/care-elements.min.js exists.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The policy the elements are tested under (docs/embedding.md and docs/security.md quote it). */
export const TESTED_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const TRUSTED_TYPES = {
  '': 'trusted-types lit-html',
  none: "trusted-types 'none'",
  duplicates: "trusted-types lit-html 'allow-duplicates'",
};

const policyFor = (run, tt) =>
  [
    TESTED_POLICY.replace('trusted-types lit-html', TRUSTED_TYPES[tt] ?? TRUSTED_TYPES['']),
    `report-uri /__csp__/report?run=${encodeURIComponent(run)}`,
  ].join('; ');

const ACTOR = JSON.stringify({ id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' });

/** What each page puts in its body: every element as a portal would write it. */
const BODIES = {
  roster: `<care-context source="memory" care-team="team-ingrid" actor='${ACTOR}'>
    <care-team-roster audience="professional" today="2026-12-01"></care-team-roster>
  </care-context>`,
  matrix: `<care-context source="memory" care-team="team-ingrid" actor='${ACTOR}'>
    <care-responsibility-matrix editable audience="professional" today="2026-12-01"></care-responsibility-matrix>
  </care-context>`,
  toggle: `<care-context source="memory" care-team="team-ingrid" actor='${ACTOR}'>
    <care-consent-toggle directive-id="c-gp" audience="professional"></care-consent-toggle>
  </care-context>`,
  // In Norwegian bokmål, so a lazily loaded language chunk runs under the policy too.
  list: `<care-context source="memory" care-team="team-ingrid" lang="nb" actor='${ACTOR}'>
    <care-consent-list audience="service-user"></care-consent-list>
  </care-context>`,
  scheduler: `<care-context source="memory" care-team="team-ingrid" actor='${ACTOR}'>
    <care-meeting-scheduler meeting-id="mt-series" audience="professional" me="m-kari" today="2026-12-01"
      viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>
  </care-context>`,
  crisis: `<care-context source="memory" care-team="team-ingrid" actor='${ACTOR}'>
    <care-crisis-plan audience="professional"></care-crisis-plan>
  </care-context>`,
  'date-picker': `<label for="when">When</label>
    <care-date-picker id="when" value="2026-12-08" today="2026-12-01" label="Meeting date"></care-date-picker>`,
  // A portal that loads a second copy of Lit (here: the bundle again under another URL).
  'two-copies': `<care-context source="memory" care-team="team-ingrid" actor='${ACTOR}'>
    <care-team-roster audience="professional" today="2026-12-01"></care-team-roster>
  </care-context>`,
  // Deliberately breaks the policy (from page.js) so the test can prove that collection works.
  canary: `<p id="canary">canary</p>`,
};

const PROBE = `// Runs before anything else on the page: every CSP violation lands in window.__cspViolations.
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', function (event) {
  window.__cspViolations.push({
    directive: event.effectiveDirective || event.violatedDirective,
    blockedURI: event.blockedURI,
    sample: event.sample,
    source: event.sourceFile + ':' + event.lineNumber + ':' + event.columnNumber,
  });
}, true);
window.addEventListener('error', function (event) {
  (window.__pageErrors = window.__pageErrors || []).push(String(event.message));
});
window.addEventListener('unhandledrejection', function (event) {
  (window.__pageErrors = window.__pageErrors || []).push(String(event.reason));
});
`;

const PAGE_SCRIPT = `// Seeds the page's <care-context> as a portal would, then says the page is ready.
import { fjordvik } from '/dist/esm/data/fixtures/fjordvik.js';

const page = location.pathname.replace(/^\\/__csp__\\//, '').replace(/\\.html$/, '');
const context = document.querySelector('care-context');
if (context) context.seed = structuredClone(fjordvik);
if (page === 'canary') {
  // Three different breaches: an inline style attribute, string-to-code, and an HTML sink
  // without a Trusted Types policy.
  document.getElementById('canary').setAttribute('style', 'color: red');
  try { new Function('return 1'); } catch { /* blocked, reported */ }
  try { document.getElementById('canary').innerHTML = '<b>x</b>'; } catch { /* blocked, reported */ }
}
window.__cspPageReady = true;
`;

/** run id → reports received */
const reports = new Map();

const readBody = (req) =>
  new Promise((resolvePromise, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const secondCopy = (name) =>
  name === 'two-copies' ? '\n    <script type="module" src="/dist/care-elements.min.js?second-copy"></script>' : '';

const page = (name) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>CSP page: ${name}</title>
    <script src="/__csp__/probe.js"></script>
    <script type="module" src="/dist/care-elements.min.js"></script>${secondCopy(name)}
    <script type="module" src="/__csp__/page.js"></script>
  </head>
  <body>
    ${BODIES[name]}
  </body>
</html>
`;

export default [
  {
    name: 'care-csp-pages',
    async serve(context) {
      if (!context.path.startsWith('/__csp__/')) return undefined;
      const rest = context.path.slice('/__csp__/'.length);
      if (rest === 'status') {
        return { body: JSON.stringify({ built: existsSync(resolve('dist/care-elements.min.js')) }), type: 'json' };
      }
      if (rest === 'probe.js') return { body: PROBE, type: 'js' };
      if (rest === 'page.js') return { body: PAGE_SCRIPT, type: 'js' };
      if (rest === 'report' && context.method === 'POST') {
        const run = String(context.query.run ?? '');
        const text = await readBody(context.req);
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          body = { unparsed: text };
        }
        const list = reports.get(run) ?? [];
        // report-uri sends { "csp-report": {...} }; the Reporting API sends an array of reports.
        for (const entry of Array.isArray(body) ? body : [body]) list.push(entry['csp-report'] ?? entry.body ?? entry);
        reports.set(run, list);
        return { body: '', type: 'txt', headers: { 'Cache-Control': 'no-store' } };
      }
      if (rest === 'reports') {
        const run = String(context.query.run ?? '');
        return { body: JSON.stringify(reports.get(run) ?? []), type: 'json', headers: { 'Cache-Control': 'no-store' } };
      }
      const match = /^([a-z-]+)\.html$/.exec(rest);
      if (match && BODIES[match[1]]) {
        const run = String(context.query.run ?? 'default');
        const tt = String(context.query.tt ?? '');
        return {
          body: page(match[1]),
          type: 'html',
          headers: { 'Content-Security-Policy': policyFor(run, tt), 'Cache-Control': 'no-store' },
        };
      }
      return undefined;
    },
  },
];
