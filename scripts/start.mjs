// npm start: installs what is missing, builds what the demo page loads when src/ changed since the
// last build, then serves the repository at http://localhost:8000/demo/ (PORT overrides the port).
// The demo's build is esbuild's (a second or two): the single-file bundle with its on-demand chunks,
// the fixture module and the theme files. The full build (rollup's ESM tree and per-element
// bundles, declarations, manifest, framework host pages) is `npm run build`.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureDependencies } from './lib/ensure.mjs';
import { root } from './lib/run.mjs';
import { serve } from './serve.mjs';

const port = Number(process.env.PORT) || 8000;
const started = performance.now();
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
const BUILD_INPUTS = ['src', 'package.json', 'package-lock.json', 'tsconfig.json'];
const dist = join(root, 'dist');
// What the demo page (demo/index.html, demo/demo.js) loads: the single-file bundle, the fixture and the themes.
const DEMO_OUTPUTS = ['dist/care-elements.min.js', 'dist/esm/data/fixtures/fjordvik.js', 'dist/styles/light.css'];

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stats.mtimeMs);
}

/**
 * Builds the demo's files with esbuild, in the places rollup puts them: dist/care-elements.min.js
 * with its language and FHIR chunks in dist/chunks/, the fixture as dist/esm/data/fixtures/fjordvik.js
 * and the theme files in dist/styles/. Returns the error text, or undefined when it built.
 */
async function buildDemo() {
  const { build } = await import('esbuild');
  // Chunks of an earlier build (rollup's or this one's) would pile up beside the new ones.
  rmSync(join(dist, 'chunks'), { recursive: true, force: true });
  const common = { absWorkingDir: root, tsconfig: join(root, 'tsconfig.json'), target: 'es2022', logLevel: 'silent', legalComments: 'none' };
  try {
    await Promise.all([
      build({
        ...common,
        entryPoints: [{ in: 'src/define.ts', out: 'care-elements.min' }],
        outdir: dist,
        chunkNames: 'chunks/[name]-[hash]',
        bundle: true,
        splitting: true,
        format: 'esm',
        minify: true,
        sourcemap: true,
        platform: 'browser',
      }),
      // Bundled, so the fixture stays one file the page can load even if it comes to import values.
      build({ ...common, entryPoints: ['src/data/fixtures/fjordvik.ts'], outfile: join(dist, 'esm', 'data', 'fixtures', 'fjordvik.js'), bundle: true, format: 'esm' }),
    ]);
  } catch (error) {
    const messages = error.errors?.map((e) => `  ${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`) ?? [String(error)];
    return messages.join('\n');
  }
  const themes = join(root, 'src', 'styles', 'themes');
  mkdirSync(join(dist, 'styles'), { recursive: true });
  for (const file of readdirSync(themes).filter((name) => name.endsWith('.css'))) copyFileSync(join(themes, file), join(dist, 'styles', file));
  writeFileSync(
    join(dist, 'START-BUILD.txt'),
    'npm start rebuilt only what the demo loads (care-elements.min.js, chunks/, esm/data/fixtures/fjordvik.js, styles/) with esbuild.\n' +
      'The rest of dist/ may be older: `npm run build` rebuilds everything with rollup.\n',
  );
  return undefined;
}

if (!(await ensureDependencies())) process.exit(1);

const outputs = DEMO_OUTPUTS.map((file) => join(root, file));
const builtAt = outputs.every((file) => existsSync(file)) ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
const changedAt = Math.max(...BUILD_INPUTS.map((input) => newest(join(root, input))));

if (builtAt > changedAt) {
  console.log('dist/ is up to date with src/: no build needed.');
} else {
  const buildStarted = performance.now();
  const failure = await buildDemo();
  if (failure) {
    console.error(`The demo's bundle did not build:\n${failure}`);
    if (!existsSync(outputs[0])) process.exit(1);
    console.warn('Serving the bundle of an earlier build.');
  } else {
    const shown = DEMO_OUTPUTS.slice(0, 2).map((file) => relative(root, join(root, file))).join(', ');
    console.log(`Built ${shown} and dist/chunks/ with esbuild in ${seconds(buildStarted)} s (npm run build builds everything).`);
  }
}

try {
  await serve({ rootDir: root, port });
} catch (error) {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is already in use: run PORT=8001 npm start` : error.message);
  process.exit(1);
}
console.log(`\nCare Elements demo: http://localhost:${port}/demo/ (ready after ${seconds(started)} s)`);
console.log('Press Ctrl+C to stop.');
