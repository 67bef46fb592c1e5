// npm run api:report: writes api/care-elements.api.md, the public surface of the package entry
// (src/index.ts) as API Extractor reads it from the emitted type declarations.
//   --check   compare instead of writing: exit 1, with the changed lines, when the public surface
//             differs from the checked-in report (update it with `npm run api:report`).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { bin, root, run } from './lib/run.mjs';

const checkOnly = process.argv.includes('--check');
const reportFolder = join(root, 'api');
const reportFile = join(reportFolder, 'care-elements.api.md');
// Inside the repository (not node_modules, which API Extractor reads as other packages) so that
// the declarations resolve `lit` and `valibot` from the package's own node_modules.
const work = join(root, '.api-report');

// --use-build reads the declarations that `npm run build` wrote to dist/types (npm test runs the
// check after the build, so the declarations are not emitted twice).
const built = join(root, 'dist', 'types');
const useBuild = process.argv.includes('--use-build') && existsSync(join(built, 'index.d.ts'));
const types = useBuild ? built : join(work, 'types');

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
if (!useBuild) {
  const emitted = await run(bin('tsc'), ['-p', 'tsconfig.build.json', '--declarationDir', types]);
  if (emitted.code !== 0) {
    console.error('api-report: the type declarations could not be emitted (see above).');
    process.exit(1);
  }
}

const config = ExtractorConfig.prepare({
  configObjectFullPath: join(root, 'api-extractor.json'),
  packageJsonFullPath: join(root, 'package.json'),
  configObject: {
    projectFolder: root,
    mainEntryPointFilePath: join(types, 'index.d.ts'),
    bundledPackages: [],
    compiler: {
      overrideTsconfig: {
        compilerOptions: {
          target: 'ES2022',
          module: 'ES2022',
          moduleResolution: 'bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          experimentalDecorators: true,
          skipLibCheck: true,
          types: [],
        },
        files: [join(types, 'index.d.ts')],
      },
    },
    apiReport: { enabled: true, reportFileName: 'care-elements', reportFolder: work, reportTempFolder: work },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      // Our JSDoc uses the Custom Elements Manifest tags (@fires, @csspart …), which TSDoc does not know.
      tsdocMessageReporting: { default: { logLevel: 'none' } },
      compilerMessageReporting: { default: { logLevel: 'error' } },
      extractorMessageReporting: {
        default: { logLevel: 'warning' },
        // Undocumented members are listed as "(undocumented)" in the report itself.
        'ae-undocumented': { logLevel: 'none' },
        // The package has no release stages (alpha, beta): everything exported is public.
        'ae-missing-release-tag': { logLevel: 'none' },
        // A public type that leans on an internal one is noted in the report, where review sees it.
        'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
        'ae-internal-missing-underscore': { logLevel: 'none' },
        'ae-unresolved-link': { logLevel: 'none' },
      },
    },
  },
});

// localBuild writes the report into `work` without failing; the comparison below is our own.
const result = Extractor.invoke(config, { localBuild: true, showVerboseMessages: false, showDiagnostics: false });
const produced = join(work, 'care-elements.api.md');
if (!result.succeeded || !existsSync(produced)) {
  console.error(`api-report: API Extractor failed (${result.errorCount} errors).`);
  process.exit(1);
}

// Warnings that API Extractor cannot attach to a declaration name the declaration file; the file
// is named from the declarations folder, which differs between `--use-build` (dist/types) and a
// fresh emit (.api-report/types), so the report names it the same way for both.
const typesPrefix = `${relative(root, types).split(sep).join('/')}/`;
const fresh = readFileSync(produced, 'utf8').replaceAll(`// ${typesPrefix}`, '// types/');
const current = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
if (!checkOnly) {
  mkdirSync(reportFolder, { recursive: true });
  writeFileSync(reportFile, fresh);
  console.log(`api-report: wrote ${reportFile.slice(root.length + 1)}${fresh === current ? ' (unchanged)' : ''}.`);
} else if (fresh !== current) {
  const before = new Set(current.split('\n'));
  const after = new Set(fresh.split('\n'));
  const removed = current.split('\n').filter((line) => !after.has(line));
  const added = fresh.split('\n').filter((line) => !before.has(line));
  console.error('api-report: the public API changed, but api/care-elements.api.md was not updated.');
  console.error('If the change is intended, run `npm run api:report`, document it and commit the report.');
  for (const line of removed.slice(0, 40)) console.error(`- ${line}`);
  for (const line of added.slice(0, 40)) console.error(`+ ${line}`);
  if (removed.length + added.length > 80) console.error(`… ${removed.length + added.length - 80} more changed lines`);
  process.exit(1);
} else {
  console.log('api-report: the public API matches api/care-elements.api.md.');
}
