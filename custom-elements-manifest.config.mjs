// Custom Elements Manifest: generated from the JSDoc in src/ (see scripts/build.mjs).
const toDistPath = (path) => path.replace(/^\/?src\//, 'dist/esm/').replace(/\.ts$/, '.js');

/** Points every module reference at the published JavaScript instead of the TypeScript source. */
function publishedPaths() {
  const rewrite = (node) => {
    if (Array.isArray(node)) node.forEach(rewrite);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'path' || key === 'module') && typeof value === 'string' && /^\/?src\/.*\.(ts|js)$/.test(value)) {
          node[key] = toDistPath(value);
        } else rewrite(value);
      }
    }
  };
  return {
    name: 'care-published-paths',
    packageLinkPhase({ customElementsManifest }) {
      rewrite(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the analyzer would otherwise rewrite the file.
  packagejson: false,
  plugins: [publishedPaths()],
};
