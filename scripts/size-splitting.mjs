// node scripts/size-splitting.mjs [--element consent-toggle] [--lang nb]
// What a portal that uses one element loads when it bundles the library with esbuild and code
// splitting (the way docs/embedding.md describes): the app's entry and the chunks it imports at
// load, then what one language adds when a page asks for it. Built from src/ into a temporary
// folder; prints gzip sizes (zlib level 9; 1 KB = 1,000 bytes).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { root } from './lib/run.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
const element = argument('element', 'consent-toggle');
const lang = argument('lang', 'nb');

// The namespace of each element's strings in src/i18n/catalogues/<lang>/.
const NAMESPACES = {
  'consent-toggle': 'consent',
  'consent-list': 'consent',
  'team-roster': 'roster',
  'responsibility-matrix': 'matrix',
  'meeting-scheduler': 'scheduler',
};
const namespace = NAMESPACES[element];
if (!namespace) {
  console.error(`Unknown element "${element}"; one of ${Object.keys(NAMESPACES).join(', ')}.`);
  process.exit(1);
}

const out = mkdtempSync(join(tmpdir(), 'care-size-splitting-'));
try {
  const entry = join(out, 'app.js');
  writeFileSync(entry, `import ${JSON.stringify(join(root, 'src', 'components', element, 'define.ts'))};\n`);
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outdir: join(out, 'dist'),
    tsconfig: join(root, 'tsconfig.json'),
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const gzip = (file) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
  const byFile = new Map(outputs);
  /** A chunk and every chunk it imports statically, transitively. */
  const closure = (file, seen = new Set()) => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const imported of byFile.get(file)?.imports ?? []) if (imported.kind === 'import-statement') closure(imported.path, seen);
    return seen;
  };
  const appFile = outputs.find(([, output]) => output.entryPoint && join(root, output.entryPoint) === entry)?.[0];
  const atLoad = closure(appFile);
  // The language's catalogue chunks the element asks for: its own strings and the common ones
  // (or, where a language is one chunk, that chunk).
  const wanted = new RegExp(`catalogues/${lang}/(index|common|${namespace})\\.ts$`);
  const languageEntries = outputs.filter(([, output]) => output.entryPoint && wanted.test(output.entryPoint)).map(([file]) => file);
  const language = new Set();
  for (const file of languageEntries) for (const chunk of closure(file)) if (!atLoad.has(chunk)) language.add(chunk);
  const allLanguage = outputs.filter(([, output]) => output.entryPoint?.includes(`catalogues/${lang}/`)).map(([file]) => file);

  const kb = (bytes) => `${(bytes / 1000).toFixed(2)} KB`;
  const sum = (files) => [...files].reduce((total, file) => total + gzip(file), 0);
  console.log(`A ${element}-only app bundled by esbuild with --splitting (built from src/), gzip:`);
  console.log(`  at load (entry and its static imports, English): ${kb(sum(atLoad))} in ${atLoad.size} file(s)`);
  console.log(`  added by lang="${lang}": ${kb(sum(language))} in ${language.size} file(s): ${[...language].map((file) => relative(join(out, 'dist'), join(root, file))).join(', ')}`);
  console.log(`  every ${lang} chunk in the build (what a page with all elements may load): ${kb(sum(new Set(allLanguage.flatMap((file) => [...closure(file)]).filter((file) => !atLoad.has(file)))))}`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
