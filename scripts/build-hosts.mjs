// Builds the framework host pages in demo/hosts/ with esbuild: React 19, Vue 3 and Angular 21 apps
// that import the library as a portal would (`care-elements/define.js`, resolved through this
// package's own `exports` map to dist/esm/), plus the JSON data the plain HTML host fetches.
// Writes demo/hosts/<framework>/dist/. Needs the library build (dist/) first; exits 1 on any error.
//   node scripts/build-hosts.mjs
import { existsSync, mkdirSync, rmSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { root } from './lib/run.mjs';

const hosts = join(root, 'demo', 'hosts');
const started = performance.now();

const required = ['dist/esm/define.js', 'dist/care-elements.min.js'];
const missing = required.filter((file) => !existsSync(join(root, file)));
if (missing.length > 0) {
  console.error(`build-hosts: ${missing.join(', ')} missing; build the library first (npm run build).`);
  process.exit(1);
}

/** Options every framework bundle shares: one minified ES module per host, for current browsers. */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  metafile: true,
  // Languages and the FHIR mapping stay separate files, loaded on demand as in the library's own build.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** @type {Record<string, import('esbuild').BuildOptions>} */
const frameworks = {
  react: {
    entryPoints: { app: 'demo/hosts/react/app.jsx' },
    jsx: 'automatic',
  },
  vue: {
    entryPoints: { app: 'demo/hosts/vue/app.js' },
    define: {
      ...common.define,
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
  },
  angular: {
    entryPoints: { app: 'demo/hosts/angular/app.ts' },
    // Angular's decorators are the legacy (experimental) kind; its JIT compiler reads them at run time.
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    define: { ...common.define, ngDevMode: 'false', ngJitMode: 'true', ngI18nClosureMode: 'false' },
  },
};

/** The Fjordvik fixture as JSON, for the plain HTML host (a portal would fetch it from its API). */
async function writeFixtureJson(outdir) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/data/fixtures/fjordvik.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const { fjordvik } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const file = join(outdir, 'fjordvik.json');
  writeFileSync(file, JSON.stringify(fjordvik));
  return { files: [file], chunks: [] };
}

async function buildFramework(name, options) {
  const outdir = join(hosts, name, 'dist');
  const result = await esbuild.build({ ...common, ...options, outdir });
  const { outputs } = result.metafile;
  const scripts = Object.keys(outputs).filter((file) => file.endsWith('.js'));
  // What the page loads at once: the entry and every chunk it imports statically, transitively.
  const initial = new Set(scripts.filter((file) => !file.includes('/chunks/')));
  for (const file of initial) {
    for (const { path, kind } of outputs[file].imports) if (kind === 'import-statement') initial.add(path);
  }
  const lazy = scripts.filter((file) => !initial.has(file));
  return { files: [...initial].map((file) => join(root, file)), chunks: lazy.map((file) => join(root, file)) };
}

const jobs = [
  ...Object.entries(frameworks).map(([name, options]) => ({ name, run: () => buildFramework(name, options) })),
  { name: 'html', run: () => writeFixtureJson(join(hosts, 'html', 'dist')) },
];

for (const { name } of jobs) {
  const outdir = join(hosts, name, 'dist');
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
}

const results = await Promise.allSettled(jobs.map(({ run }) => run()));
let failed = false;
results.forEach((result, i) => {
  const { name } = jobs[i];
  if (result.status === 'rejected') {
    failed = true;
    // esbuild has printed its own errors; anything else gets its message here.
    console.error(`FAILED  ${name}: ${result.reason?.errors ? `${result.reason.errors.length} error(s) above` : result.reason}`);
    return;
  }
  const { files, chunks } = result.value;
  const size = (list) => list.reduce((sum, file) => sum + statSync(file).size, 0);
  const gzip = (list) => list.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
  const kb = (bytes) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`;
  const what = files.length > 1 ? `${relative(root, files[0])} + ${files.length - 1} chunks` : relative(root, files[0]);
  console.log(`ok      ${name.padEnd(8)} ${what.padEnd(44)} ${kb(size(files))} ${kb(gzip(files))} gzip`);
  if (chunks.length > 0) {
    console.log(`        ${''.padEnd(8)} ${`+ ${chunks.length} chunks loaded on demand`.padEnd(44)} ${kb(size(chunks))} ${kb(gzip(chunks))} gzip`);
  }
});
console.log(`build-hosts: ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
