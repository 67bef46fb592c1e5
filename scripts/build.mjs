// npm run build: rollup (ESM tree, single-file bundle, per-element bundles), type declarations,
// then the Custom Elements Manifest. Exits 1 when any step fails.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { bin, root, run } from './lib/run.mjs';

/** A package.json `sideEffects` glob as a regexp over paths relative to the package root. */
function globToRegExp(glob) {
  let pattern = glob.replace(/^\.\//, '');
  // Like webpack, a pattern without a slash matches a file name in any folder.
  if (!pattern.includes('/')) pattern = `**/${pattern}`;
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** package.json `sideEffects` as regexps, or null when it is not a list. */
function sideEffectPatterns() {
  const { sideEffects } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return Array.isArray(sideEffects) ? sideEffects.map(globToRegExp) : null;
}

/** Define modules that consumers' bundlers would drop because package.json does not list them. */
function unlistedDefineModules() {
  const patterns = sideEffectPatterns();
  const esm = join(root, 'dist', 'esm');
  if (!patterns || !existsSync(esm)) return [];
  return readdirSync(esm, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('define.js'))
    .map((file) => relative(root, join(esm, file)).split(sep).join('/'))
    .filter((file) => !patterns.some((pattern) => pattern.test(file)));
}

const steps = [];

async function step(name, command, args) {
  console.log(`\n> ${name}`);
  const result = await run(command, args);
  steps.push({ name, ...result });
  return result.code === 0;
}

// rollup empties dist/ first, so the other steps wait for it.
const bundled = await step('rollup -c rollup.config.mjs', bin('rollup'), ['-c', 'rollup.config.mjs']);
if (bundled) {
  await step('tsc -p tsconfig.build.json (declarations → dist/types)', bin('tsc'), ['-p', 'tsconfig.build.json']);
  await step('cem analyze --litelement (→ custom-elements.json)', bin('cem'), [
    'analyze',
    '--litelement',
    '--config',
    'custom-elements-manifest.config.mjs',
  ]);
  await step('build-hosts (React, Vue, Angular and HTML host pages → demo/hosts/*/dist)', process.execPath, [join(root, 'scripts', 'build-hosts.mjs')]);
}

const unlisted = unlistedDefineModules();
if (unlisted.length > 0) {
  console.warn(
    `\nWarning: package.json "sideEffects" does not list ${unlisted.join(', ')}; ` +
      'bundlers that consume the npm package would drop the tags these modules register.',
  );
}

console.log('');
for (const { name, code, seconds } of steps) {
  console.log(`${code === 0 ? 'ok    ' : 'FAILED'} ${seconds.toFixed(1).padStart(6)}s  ${name}`);
}
process.exit(bundled && steps.every(({ code }) => code === 0) ? 0 : 1);
