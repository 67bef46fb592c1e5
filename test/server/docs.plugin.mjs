// Pages for test/docs/snippets.test.ts: every ```html example in README.md and docs/embedding.md,
// served verbatim as the body of a page, the way a portal developer would paste it.
// web-test-runner.config.mjs loads this file (every test/server/*.plugin.mjs).
//
// GET /__docs__/snippets.json             [{ id, file, line, html }] for every html example
// GET /__docs__/pages/<id>.html           the example as a page; /__docs__/probe.js runs first
// GET /__docs__/probe.js                  collects errors, console errors and care-…-error events
// GET /__docs__/pages/care-team.json      the seed of the README's first example (for seed-src)
// GET /vendor/care-elements/<file>, /assets/care-elements/<file>
//                                         the BUILT dist/<file>, at the paths the examples use
// GET /api/care/care-teams/<id>/record    a read-only REST API (docs/openapi.yaml) for `src="/api/care"`
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DOCS = ['README.md', 'docs/embedding.md'];
const BUNDLE_PATHS = /^\/(?:vendor|assets)\/care-elements\/([\w./-]+)$/;

/** Every ```html block of a Markdown file, with the line its code starts on. */
export function htmlExamples(file) {
  const lines = readFileSync(resolve(file), 'utf8').split('\n');
  const examples = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```html') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    examples.push({ file, line: start + 1, html: lines.slice(start, end).join('\n') });
    i = end;
  }
  return examples;
}

const allExamples = () =>
  DOCS.flatMap((file) => htmlExamples(file).map((example, index) => ({ id: `${file.replace(/[^\w]+/g, '-')}-${index}`, ...example })));

/** The first inline seed (`<script type="application/json">`) in the README's examples. */
const readmeSeed = () => {
  for (const { html } of htmlExamples('README.md')) {
    const match = /<script type="application\/json">([\s\S]*?)<\/script>/.exec(html);
    if (match) return match[1];
  }
  return undefined;
};

const PROBE = `window.__docErrors = [];
window.__docEvents = [];
addEventListener('error', (event) => window.__docErrors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => window.__docErrors.push(String(event.reason)));
const consoleError = console.error.bind(console);
console.error = (...args) => { window.__docErrors.push(args.map(String).join(' ')); consoleError(...args); };
for (const type of ['care-load-error', 'care-data-error', 'care-error']) {
  document.addEventListener(type, (event) => window.__docEvents.push({ type, reason: event.detail && event.detail.reason }));
}`;

export default [
  {
    name: 'care-doc-examples',
    serve(context) {
      const path = context.path;
      if (path === '/__docs__/snippets.json') return { body: JSON.stringify(allExamples()), type: 'json' };
      if (path === '/__docs__/probe.js') return { body: PROBE, type: 'js' };
      if (path === '/__docs__/pages/care-team.json' || /^\/api\/care\/care-teams\/[\w-]+\/record$/.test(path)) {
        const seed = readmeSeed();
        if (!seed) return { status: 404, body: 'no seed in the README', type: 'text' };
        const teamId = /care-teams\/([\w-]+)\/record/.exec(path)?.[1];
        if (teamId && JSON.parse(seed).team?.id !== teamId) return { status: 404, body: '{"title":"Not Found"}', type: 'json' };
        return { body: seed, type: 'json' };
      }
      const page = /^\/__docs__\/pages\/([\w-]+)\.html$/.exec(path);
      if (page) {
        const example = allExamples().find(({ id }) => id === page[1]);
        if (!example) return undefined;
        return {
          type: 'html',
          body: `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${example.file} line ${example.line}</title><script src="/__docs__/probe.js"></script></head>
<body>
${example.html}
</body>
</html>`,
        };
      }
      const bundled = BUNDLE_PATHS.exec(path);
      if (bundled && !bundled[1].includes('..')) {
        const file = resolve('dist', bundled[1]);
        if (!existsSync(file)) return { status: 404, body: `dist/${bundled[1]} is missing: run npm run build first`, type: 'text' };
        return { body: readFileSync(file, 'utf8'), type: 'js' };
      }
      return undefined;
    },
  },
];
