// Three builds, run in order by `rollup -c` (or scripts/build.mjs):
//   1. dist/esm          unbundled ESM tree for npm consumers (dependencies stay external)
//   2. dist/care-elements.min.js (+ dist/chunks/)   every tag, fully bundled, for a <script> tag
//   3. dist/elements/<name>.min.js                  one standalone bundle per element (size budget)
// Builds 2 and 3 start from the JavaScript that build 1 wrote, so TypeScript compiles once.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyTemplates from '@lit-labs/rollup-plugin-minify-html-literals';

const root = dirname(fileURLToPath(import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const esmDir = join(dist, 'esm');

const isShippedModule = (file) =>
  file.endsWith('.ts') && !/\.(test|spec|stories|d)\.ts$/.test(file);

/** Every non-test TypeScript module under src/, so modules nothing imports yet still ship. */
function shippedModules() {
  if (!existsSync(src)) return [];
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .map((file) => join(src, file))
    .filter(isShippedModule)
    .sort();
}

/** Names of the folders that have src/components/<name>/define.ts. */
function elementNames() {
  const components = join(src, 'components');
  if (!existsSync(components)) return [];
  return readdirSync(components, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(components, entry.name, 'define.ts')))
    .map((entry) => entry.name)
    .sort();
}

const isBareImport = (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0');

/** Removes dist/ before the first build so stale modules never ship (not in watch mode). */
function cleanDist() {
  return {
    name: 'care-clean-dist',
    buildStart() {
      if (!this.meta.watchMode) rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** Copies theme token files (src/styles/themes/*.css) to dist/styles/ when there are any. */
function copyThemes() {
  return {
    name: 'care-copy-themes',
    writeBundle() {
      const themes = join(src, 'styles', 'themes');
      if (!existsSync(themes)) return;
      const files = readdirSync(themes).filter((file) => file.endsWith('.css'));
      if (files.length === 0) return;
      mkdirSync(join(dist, 'styles'), { recursive: true });
      for (const file of files) copyFileSync(join(themes, file), join(dist, 'styles', file));
    },
  };
}

/**
 * Rollup can only split out a dynamic import whose path is a string literal; a template literal
 * would stay in the bundle as a path that no longer exists, so fail the build instead.
 */
function literalDynamicImports() {
  return {
    name: 'care-literal-dynamic-imports',
    resolveDynamicImport(specifier, importer) {
      if (typeof specifier === 'string' || importer.includes(`${sep}node_modules${sep}`)) return null;
      this.error(
        `${relative(root, importer)}: dynamic import() with a computed path cannot be bundled; ` +
          `use a map of literal paths, e.g. { nb: () => import('./catalogues/nb/index.js') }`,
      );
    },
  };
}

/**
 * A chunk loaded on demand that imports other chunks (a source and the record code it shares with
 * the other sources; a language's scheduler strings and its date picker strings) would be fetched
 * first and its imports only once it has been read: one more round trip before a care record can
 * be asked for. Each `import()` here starts its chunk's imports at the same time. The entry itself
 * is already loaded and is left out.
 */
function loadImportsTogether() {
  return {
    name: 'care-load-imports-together',
    renderDynamicImport({ getTargetChunkImports }) {
      const paths = (getTargetChunkImports() ?? [])
        .filter((target) => target.type === 'internal' && !target.chunk.isEntry)
        // resolvedImportPath is the path as written in the code, quotes included.
        .map((target) => target.resolvedImportPath);
      if (paths.length === 0) return null;
      return { left: 'Promise.all([import(', right: `),${paths.map((path) => `import(${path})`).join(',')}]).then((loaded)=>loaded[0])` };
    },
  };
}

/**
 * package.json's `sideEffects` names the published modules that register tags; every other
 * module counts as side-effect free. A define module missing from that list would silently drop
 * its tag from the bundle, so every define.js keeps its side effects here (scripts/build.mjs
 * warns about the gap in package.json).
 */
function keepDefineSideEffects() {
  return {
    name: 'care-keep-define-side-effects',
    transform(code, id) {
      if (!id.startsWith(esmDir + sep) || !id.endsWith(`${sep}define.js`)) return null;
      return { code, map: null, moduleSideEffects: true };
    },
  };
}

/** The package a module belongs to, or 'own code'. */
function packageOf(id) {
  const marker = `${sep}node_modules${sep}`;
  const at = id.lastIndexOf(marker);
  if (at === -1) return id === join(esmDir, 'vendor', 'tslib.js') ? 'tslib' : 'own code';
  const parts = id.slice(at + marker.length).split(sep);
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

// lit is published as four packages; a portal developer thinks of them as one.
const LIT_FAMILY = new Set(['lit', 'lit-html', 'lit-element', '@lit/reactive-element']);
const groupOf = (pkg) => (LIT_FAMILY.has(pkg) ? 'lit' : pkg);

/** Writes what each module and package contributes to the bundle (read by scripts/size.mjs). */
function moduleReport(fileName) {
  return {
    name: 'care-module-report',
    generateBundle(_options, bundle) {
      const chunks = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const modules = Object.entries(chunk.modules)
          .filter(([, info]) => info.renderedLength > 0)
          .map(([id, info]) => ({
            id: id.startsWith(root) ? relative(root, id) : id,
            package: packageOf(id),
            group: groupOf(packageOf(id)),
            renderedLength: info.renderedLength,
          }))
          .sort((a, b) => b.renderedLength - a.renderedLength);
        const byGroup = {};
        for (const module of modules) {
          byGroup[module.group] = (byGroup[module.group] ?? 0) + module.renderedLength;
        }
        chunks[chunk.fileName] = {
          isEntry: chunk.isEntry,
          isDynamicEntry: chunk.isDynamicEntry,
          renderedLength: modules.reduce((sum, module) => sum + module.renderedLength, 0),
          byGroup,
          modules,
        };
      }
      this.emitFile({
        type: 'asset',
        fileName,
        source: `${JSON.stringify({ generatedAt: new Date().toISOString(), chunks }, null, 2)}\n`,
      });
    },
  };
}

/**
 * Whitespace and comments out of Lit's html`` and css`` literals; stops the build when one cannot
 * be parsed. Templates with a binding in tag-name position (lit/static-html, `<${tag}>`) are left
 * as they are: the HTML minifier cannot parse them.
 */
const minifyLiterals = () =>
  minifyTemplates({
    include: ['dist/esm/**/*.js'],
    failOnError: true,
    options: {
      shouldMinify: (template) => template.tag === 'html' && !template.parts.some((part) => /<\/?$/.test(part.text)),
      shouldMinifyCSS: (template) => template.tag === 'css',
    },
  });

const minify = () =>
  terser({
    ecma: 2022,
    module: true,
    compress: { passes: 2 },
    format: { comments: false },
  });

// No 'development' condition, so lit resolves to its production build.
const resolveForBrowser = () =>
  nodeResolve({ browser: true, exportConditions: ['browser', 'import', 'default'] });

const inDependency = (warning) =>
  [warning.id, warning.exporter, ...(warning.ids ?? [])].some((id) => id?.includes(`${sep}node_modules${sep}`));

const onwarn = (warning, warn) => {
  // Dependencies' own circular imports and comment placement are theirs to fix, not ours.
  if (['CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION', 'THIS_IS_UNDEFINED'].includes(warning.code) && inDependency(warning)) {
    return;
  }
  warn(warning);
};

/** Locale chunks are named after their language and part (chunks/locale-nb-consent-….js) so the size table reads well. */
const chunkFileNames = (chunk) => {
  const catalogue = chunk.facadeModuleId?.match(/[\\/]catalogues[\\/]([^\\/]+)[\\/]([^\\/]+)\.js$/);
  return catalogue ? `chunks/locale-${catalogue[1]}-${catalogue[2]}-[hash].js` : 'chunks/[name]-[hash].js';
};

const esmTree = {
  input: shippedModules(),
  external: (id) => isBareImport(id) && id !== 'tslib',
  onwarn,
  plugins: [
    cleanDist(),
    typescript({
      tsconfig: join(root, 'tsconfig.build.json'),
      // Declarations come from `tsc -p tsconfig.build.json` (scripts/build.mjs): the plugin
      // insists on writing them inside dist/esm.
      compilerOptions: {
        declaration: false,
        declarationDir: undefined,
        emitDeclarationOnly: false,
        outDir: esmDir,
        sourceMap: true,
      },
      outputToFilesystem: false,
    }),
    copyThemes(),
  ],
  output: {
    dir: esmDir,
    format: 'es',
    sourcemap: true,
    preserveModules: true,
    preserveModulesRoot: src,
    // The TypeScript decorator helper ships inside the package, so tslib is not a runtime dependency.
    entryFileNames: (chunk) =>
      chunk.facadeModuleId?.includes(`${sep}node_modules${sep}tslib${sep}`)
        ? 'vendor/tslib.js'
        : '[name].js',
  },
};

const singleBundle = {
  input: { 'care-elements.min': join(esmDir, 'define.js') },
  // The entry keeps its named export (configureRequests) and stays the one file a page loads,
  // rather than becoming a facade over a shared chunk.
  preserveEntrySignatures: 'allow-extension',
  onwarn,
  plugins: [
    literalDynamicImports(),
    loadImportsTogether(),
    keepDefineSideEffects(),
    resolveForBrowser(),
    minifyLiterals(),
    minify(),
    moduleReport('bundle-modules.json'),
  ],
  output: {
    dir: dist,
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames,
  },
};

const elementBundles = elementNames().map((name) => ({
  input: { [`${name}.min`]: join(esmDir, 'components', name, 'define.js') },
  onwarn,
  plugins: [
    literalDynamicImports(),
    loadImportsTogether(),
    keepDefineSideEffects(),
    resolveForBrowser(),
    minifyLiterals(),
    minify(),
    moduleReport(`${name}.modules.json`),
  ],
  output: {
    dir: join(dist, 'elements'),
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames,
  },
}));

const hasDefine = existsSync(join(src, 'define.ts'));

export default [esmTree, ...(hasDefine ? [singleBundle] : []), ...elementBundles];
