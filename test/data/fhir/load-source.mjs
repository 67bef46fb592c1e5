// Bundles the TypeScript FHIR mapping (with the contract, the Fjordvik fixture and the store) into
// one ES module in a temporary folder, so Node's built-in test runner can import it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

let loaded;

/** The FHIR module: mapping functions, FhirSource, contract schemas, `fjordvik`, `CareStore`. */
export function loadFhirModule() {
  loaded ??= (async () => {
    const { build, stop } = await import('esbuild');
    const outfile = join(mkdtempSync(join(tmpdir(), 'care-fhir-')), 'fhir.mjs');
    await build({
      stdin: {
        contents: [
          "export * from './src/data/fhir/index.ts';",
          "export * from './src/contract/index.ts';",
          "export { fjordvik } from './src/data/fixtures/fjordvik.ts';",
          "export { CareStore } from './src/data/store.ts';",
          "export { StoreError } from './src/data/types.ts';",
        ].join('\n'),
        resolveDir: root,
        loader: 'ts',
        sourcefile: 'fhir-test-entry.ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      outfile,
      logLevel: 'error',
      tsconfig: join(root, 'tsconfig.json'),
    });
    await stop(); // the esbuild service would otherwise keep the test process alive
    return import(pathToFileURL(outfile).href);
  })();
  return loaded;
}

/** An entity as the contract sees it: without what the FHIR mapping kept and without meta. */
export const contractPart = (entity) => {
  const { fhir: _fhir, meta: _meta, ...rest } = entity;
  return JSON.parse(JSON.stringify(rest));
};
export const byId = (list) => Object.fromEntries(list.map((item) => [item.id, contractPart(item)]));
/** The source names the team on every responsibility and meeting it loads. */
export const inTeam = (list) => list.map((item) => ({ teamId: 'team-ingrid', ...item }));
