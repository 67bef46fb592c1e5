// npm start: installs what is missing, builds what the demo needs when src/ changed since the last
// build, then serves the repository at http://localhost:8000/demo/ (PORT overrides the port).
// The full build (declarations, manifest, framework host pages) is `npm run build`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies } from './lib/ensure.mjs';
import { bin, root, run } from './lib/run.mjs';
import { serve } from './serve.mjs';

const port = Number(process.env.PORT) || 8000;
const started = performance.now();
const BUILD_INPUTS = ['src', 'package.json', 'package-lock.json', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json'];
// What the demo page loads: the single-file bundle and the ES modules of the fixture.
const DEMO_OUTPUTS = ['dist/care-elements.min.js', 'dist/esm/data/fixtures/fjordvik.js'];

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stats.mtimeMs);
}

if (!(await ensureDependencies())) process.exit(1);

const outputs = DEMO_OUTPUTS.map((file) => join(root, file));
const builtAt = outputs.every((file) => existsSync(file)) ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
const changedAt = Math.max(...BUILD_INPUTS.map((input) => newest(join(root, input))));

if (builtAt > changedAt) {
  console.log('dist/ is up to date with src/: no build needed (npm run build rebuilds everything).');
} else {
  console.log('Building the bundles the demo needs (rollup; the host pages and declarations are left to npm run build)…');
  const { code, seconds } = await run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);
  if (code !== 0) {
    if (!existsSync(outputs[0])) {
      console.error('\nThe build failed and produced no dist/care-elements.min.js, so there is nothing to serve.');
      process.exit(1);
    }
    console.warn('\nThe build reported errors (see above); serving what it produced anyway.');
  } else {
    console.log(`Built in ${seconds.toFixed(0)} s.`);
  }
}

try {
  await serve({ rootDir: root, port });
} catch (error) {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is already in use: run PORT=8001 npm start` : error.message);
  process.exit(1);
}
console.log(`\nCare Elements demo: http://localhost:${port}/demo/ (ready after ${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log('Press Ctrl+C to stop.');
