// A chunk loaded on demand starts loading together with the chunks it imports: every `import()`
// in the built bundles (dist/care-elements.min.js, dist/elements/*.min.js and their chunks) of a
// chunk that imports other chunks sits in one Promise.all with an import() of each of them, so
// the browser does not first have to read the chunk to find them (one round trip more, before a
// connected element can ask for its care record).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');

/** The .js files of a build folder and its chunks/ folder. */
const filesOf = (dir) =>
  [dir, join(dir, 'chunks')].filter(existsSync).flatMap((folder) => readdirSync(folder).filter((name) => name.endsWith('.js')).map((name) => join(folder, name)));

/** The chunks a built file imports statically (`from"./x.js"`, `import"./x.js"`), as absolute paths. */
const staticImports = (file) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)].map((match) => join(dirname(file), match[1]));

/** Each `import("…")` of a file: its target, and the text of the Promise.all it stands in, if any. */
const dynamicImports = (file) => {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g)].map((match) => {
    const start = code.lastIndexOf('Promise.all([', match.index);
    const end = start === -1 ? -1 : code.indexOf('])', start);
    const group = start !== -1 && end > match.index ? code.slice(start, end) : '';
    return { target: join(dirname(file), match[1]), group };
  });
};

const asWritten = (from, to) => {
  const path = relative(dirname(from), to).split('\\').join('/');
  return path.startsWith('.') ? path : `./${path}`;
};

for (const [name, entries] of [
  ['the single bundle', [join(dist, 'care-elements.min.js')]],
  ['the element bundles', existsSync(join(dist, 'elements')) ? readdirSync(join(dist, 'elements')).filter((file) => file.endsWith('.min.js')).map((file) => join(dist, 'elements', file)) : []],
]) {
  test(`${name}: a chunk loaded on demand starts loading with the chunks it imports`, () => {
    assert.ok(entries.length > 0 && entries.every(existsSync), 'the bundles are built: run npm run build first');
    const folder = dirname(entries[0]);
    let checked = 0;
    for (const file of filesOf(folder)) {
      for (const { target, group } of dynamicImports(file)) {
        const needed = staticImports(target).filter((dep) => !entries.includes(dep));
        for (const dep of needed) {
          checked += 1;
          assert.ok(
            group.includes(`import("${asWritten(file, dep)}")`),
            `${relative(dist, file)} loads ${relative(dist, target)} on demand, which imports ${relative(dist, dep)}: both should start together`,
          );
        }
      }
    }
    // The bundles have such chunks today (the data sources share the record code; a language's
    // scheduler strings import its date picker strings): a check that found none proves nothing.
    assert.ok(checked > 0, 'found chunks loaded on demand that import other chunks');
  });
}
