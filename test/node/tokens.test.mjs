// Design tokens: every custom property a style reads is defined or documented, and every documented
// token is used. System tokens are documented in docs/theming.md and set in light.css; component
// tokens are documented with @cssprop on their element; private twins (--_…) are defined in the
// styles themselves. The automatic theme keeps the light and dark values of the two theme files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (path) => readFileSync(join(root, path), 'utf8');

/** Every .ts file under src/ (styles are tagged templates in .ts files). */
function sources(folder = join(root, 'src')) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [relative(root, path)] : [];
  });
}

/** The text inside css`…` templates of a file: what a style reads and defines. */
const cssOf = (text) => [...text.matchAll(/css`([\s\S]*?)`/g)].map((m) => m[1]).join('\n');

const styleText = sources()
  .map((path) => cssOf(read(path)))
  .join('\n');
const allSource = sources()
  .map((path) => read(path))
  .join('\n');

const uniq = (values) => [...new Set(values)].sort();
const used = (prefix) => uniq([...styleText.matchAll(new RegExp(`var\\((${prefix}[a-z0-9-]+)`, 'g'))].map((m) => m[1]));
const declared = (text, prefix) => uniq([...text.matchAll(new RegExp(`(${prefix}[a-z0-9-]+)\\s*:`, 'g'))].map((m) => m[1]));

/** Tokens named in docs/theming.md's system token tables (first column of rows under "System tokens"). */
function documentedSystemTokens() {
  const doc = read('docs/theming.md');
  const section = doc.slice(doc.indexOf('## System tokens'), doc.indexOf('\n## ', doc.indexOf('## System tokens') + 3));
  return uniq([...section.matchAll(/^\| `(--care-[a-z0-9-]+)` \|/gm)].map((m) => m[1]));
}

/** Component tokens documented with @cssprop in the elements' JSDoc. */
const documentedComponentTokens = () => uniq([...allSource.matchAll(/@cssprop \[?(--care-[a-z0-9-]+)/g)].map((m) => m[1]));

const themeTokens = (file) => Object.fromEntries([...read(`src/styles/themes/${file}`).matchAll(/(--care-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));

test('the documentation names a real set of tokens (the parsers find them)', () => {
  assert.ok(documentedSystemTokens().length >= 40, `system tokens found in docs/theming.md: ${documentedSystemTokens().length}`);
  assert.ok(documentedComponentTokens().length >= 40, `component tokens found: ${documentedComponentTokens().length}`);
  assert.ok(used('--care-').length >= 80, `tokens read by styles: ${used('--care-').length}`);
});

test('every --care-… token a style reads is a documented system token or a documented component token', () => {
  const known = new Set([...documentedSystemTokens(), ...documentedComponentTokens()]);
  const unknown = used('--care-').filter((token) => !known.has(token));
  assert.deepEqual(unknown, [], `read by a style but documented nowhere: ${unknown.join(', ')}`);
});

test('every documented token is read by some style', () => {
  const read = new Set(used('--care-'));
  const unused = [...documentedSystemTokens(), ...documentedComponentTokens()].filter((token) => !read.has(token));
  assert.deepEqual(unused, [], `documented but read by no style: ${unused.join(', ')}`);
});

test('light.css sets exactly the documented system tokens', () => {
  const light = Object.keys(themeTokens('light.css')).sort();
  assert.deepEqual(light, documentedSystemTokens());
});

test('the other themes set only documented system tokens', () => {
  const documented = new Set(documentedSystemTokens());
  for (const file of ['dark.css', 'high-contrast.css', 'auto.css', 'compact.css']) {
    const stray = Object.keys(themeTokens(file)).filter((token) => !documented.has(token));
    assert.deepEqual(stray, [], `${file} sets tokens the docs do not name`);
  }
});

test('every private twin (--_…) a style reads is defined by a style or set by its element', () => {
  const setByScript = [...allSource.matchAll(/setProperty\('(--_[a-z0-9-]+)'/g)].map((m) => m[1]);
  const defined = new Set([...declared(styleText, '--_'), ...setByScript]);
  const missing = used('--_').filter((token) => !defined.has(token));
  assert.deepEqual(missing, [], `read but never defined: ${missing.join(', ')}`);
});

test('auto.css is light-dark(light, dark) for every colour the dark theme changes, with the same values', () => {
  const light = themeTokens('light.css');
  const dark = themeTokens('dark.css');
  const auto = themeTokens('auto.css');
  const changed = Object.keys(dark).filter((token) => light[token] !== undefined && light[token] !== dark[token]);
  assert.ok(changed.length >= 20, `colours the dark theme changes: ${changed.length}`);
  for (const token of changed) assert.equal(auto[token], `light-dark(${light[token]}, ${dark[token]})`, token);
  assert.deepEqual(Object.keys(auto).sort(), changed.sort(), 'auto.css sets nothing else');
  assert.match(read('src/styles/themes/auto.css'), /color-scheme:\s*light dark/);
});

test('element styles use the type scale: no literal font sizes or weights', () => {
  const literal = [...styleText.matchAll(/font-(size|weight):\s*(?!\s|var\(|inherit|1em|[\d.]+pt;)[^;]+;/g)].map((m) => m[0]);
  // Print sizes in points (A4 copies) are paper measures, not the screen type scale.
  assert.deepEqual(literal, []);
});
