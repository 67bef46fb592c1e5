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

/** Lit's and the platform's plumbing: public in JavaScript, nothing a portal developer sets. */
const PLUMBING = new Set(['formAssociated', 'shadowRootOptions', 'styles', 'properties', 'elementProperties', 'elementStyles']);

/**
 * Keeps the manifest to the public API: private and protected members, `_`- and `#`-prefixed
 * names and Lit's static plumbing are left out, so the docs tables and Storybook controls list
 * only what a portal developer can set, call or listen to. The analyzer lists every entry of
 * `static properties` as an attribute, internal state (`{ state: true }`) included: an attribute
 * whose field is not public is left out too.
 */
function publicApiOnly() {
  const isPublic = (member) =>
    member.privacy !== 'private' && member.privacy !== 'protected' && !/^[_#]/.test(member.name) && !PLUMBING.has(member.name);
  return {
    name: 'care-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules ?? []) {
        for (const declaration of module.declarations ?? []) {
          if (!Array.isArray(declaration.members)) continue;
          const internal = new Set(declaration.members.filter((member) => !isPublic(member)).map((member) => member.name));
          if (Array.isArray(declaration.attributes)) declaration.attributes = declaration.attributes.filter((attribute) => !internal.has(attribute.fieldName));
          declaration.members = declaration.members.filter(isPublic);
        }
      }
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
  plugins: [publishedPaths(), publicApiOnly()],
};
