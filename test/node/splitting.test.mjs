// docs/embedding.md "Bundling with code splitting": its app.js and esbuild command, run as printed
// against the built package (dist/esm, through the package's exports map), split each language
// by element: the Norwegian consent strings are a chunk without the other elements' strings, and
// app.js holds no Norwegian at all.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The ```lang blocks of the section of docs/embedding.md headed `heading`. */
const blocksOf = (heading, lang) => {
  const docs = readFileSync(join(root, 'docs', 'embedding.md'), 'utf8');
  const start = docs.indexOf(`### ${heading}\n`);
  assert.notEqual(start, -1, `docs/embedding.md has a section "${heading}"`);
  const section = docs.slice(start, docs.indexOf('\n#', start + 4));
  return [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]);
};

/** Some strings of a built catalogue module, long enough to be found only where they belong. */
const stringsOf = async (lang, part) => {
  const module = await import(join(root, 'dist', 'esm', 'i18n', 'catalogues', lang, `${part}.js`));
  return Object.values(module[part]).filter((value) => typeof value === 'string' && value.length > 12 && !value.includes('{'));
};

test('the documented esbuild command splits Norwegian by element', async () => {
  assert.ok(existsSync(join(root, 'dist', 'esm', 'components')), 'dist/esm is missing: run npm run build first');
  const [app] = blocksOf('Bundling with code splitting', 'js');
  const [command] = blocksOf('Bundling with code splitting', 'sh');
  assert.ok(app && command, 'the section has a js and an sh example');

  const dir = mkdtempSync(join(tmpdir(), 'care-splitting-'));
  try {
    writeFileSync(join(dir, 'app.js'), app);
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(root, join(dir, 'node_modules', 'care-elements'));
    symlinkSync(join(root, 'node_modules', '.bin', 'esbuild'), join(dir, 'node_modules', '.bin', 'esbuild'));
    execSync(command.trim(), { cwd: dir, stdio: 'pipe' });

    const out = join(dir, 'public', 'js');
    const files = readdirSync(out).filter((file) => file.endsWith('.js'));
    const text = Object.fromEntries(files.map((file) => [file, readFileSync(join(out, file), 'utf8')]));
    const consent = (await stringsOf('nb', 'consent')).slice(0, 3);
    const others = [...(await stringsOf('nb', 'scheduler')), ...(await stringsOf('nb', 'roster')), ...(await stringsOf('nb', 'matrix'))];
    const common = (await stringsOf('nb', 'common')).slice(0, 3);
    assert.ok(consent.length === 3 && others.length > 10 && common.length === 3, 'found strings to look for');

    assert.ok(!consent.some((s) => text['app.js'].includes(s)), 'app.js holds no Norwegian strings');
    const consentChunks = files.filter((file) => consent.every((s) => text[file].includes(s)));
    assert.equal(consentChunks.length, 1, 'one chunk holds the Norwegian consent strings');
    const chunk = text[consentChunks[0]];
    assert.deepEqual(others.filter((s) => chunk.includes(s)), [], 'and none of the other elements\u2019 Norwegian strings');
    assert.ok(!common.some((s) => chunk.includes(s)), 'the common strings are a chunk of their own, shared by every element');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
