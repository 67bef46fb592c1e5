// The typings a host project compiles against: sample React (18 and 19) and Vue host code, and a
// plain TypeScript page, type-checked by tsc against the built declarations (dist/types) through
// the package's own `exports`/`typesVersions`, in `bundler`, `node16` and `node` (node10) resolution.
// Each sample also holds lines that must NOT compile (`@ts-expect-error`), so the typings are
// proven to refuse a misspelt property or a wrong value, not only to accept anything: a heading
// level outside 1–6, a misspelt key in contract data (the contract types have no index signature).
// Needs `npm run build` first (npm test builds before this runs).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');

const samples = {
  'react-host.tsx': `
import 'care-elements/define.js';
import type {} from 'care-elements/react';
import { useRef } from 'react';
import type { CareTeamRoster } from 'care-elements';

export function Page() {
  const roster = useRef<CareTeamRoster>(null);
  return (
    <care-context care-team="team-1" source="memory">
      <care-team-roster ref={roster} headingLevel={3} audience="professional" lang="nb" />
      <care-consent-toggle directive-id="c-1" className="consent" />
      <care-consent-toggle
        actor='{"id":"m-ingrid","name":"Ingrid Solberg"}'
        heading-level="3"
        oncare-consent-change={(event: Event) => console.log(event.type)}
      ></care-consent-toggle>
      {/* @ts-expect-error a misspelt property is refused */}
      <care-team-roster headingLvel={3} />
      {/* @ts-expect-error an audience the element does not have is refused */}
      <care-team-roster audience="everyone" />
      {/* @ts-expect-error a ref to another element type is refused */}
      <care-consent-list ref={roster} />
      {/* @ts-expect-error a heading level outside 1–6 is refused */}
      <care-team-roster headingLevel={9} />
    </care-context>
  );
}
`,
  'vue-host.ts': `
import type {} from 'care-elements/vue';
import type { GlobalComponents } from 'vue';

type RosterProps = InstanceType<GlobalComponents['care-team-roster']>['$props'];
export const bound: RosterProps = { headingLevel: 3, audience: 'service-user', 'group-by': 'sector' };
// @ts-expect-error a misspelt property is refused
export const misspelt: RosterProps = { headingLvel: 3 };
// @ts-expect-error an attribute is a string
export const wrongAttribute: RosterProps = { 'heading-level': 3 };
`,
  'plain-page.ts': `
import 'care-elements/define.js';
import type { CareTeamInput, CareTeamRoster, Fhir, Member, MemberInput, RosterLayout } from 'care-elements';
import { careTeamFromFhir, ROSTER_LAYOUTS } from 'care-elements';

const roster = document.createElement('care-team-roster');
export const typed: CareTeamRoster = roster;
roster.headingLevel = 3;
// @ts-expect-error the tag's type is the element, not any HTMLElement
roster.headingLvel = 3;
// @ts-expect-error a heading level outside 1–6 is refused
roster.headingLevel = 9;
roster.sectorFilter = 'municipal';
// @ts-expect-error a sector the contract does not list is refused
roster.sectorFilter = 'hospital';
const context = document.createElement('care-context');
context.fhirVersion = 'R5';
// @ts-expect-error a FHIR release the source does not speak is refused (as an attribute it is a load error)
context.fhirVersion = 'STU3';

// Contract data as a host writes it: defaults (contacts) may be left out; nothing else may be misspelt.
const kari: MemberInput = { id: 'm-kari', name: 'Kari Nilsen', kind: 'professional', status: 'active' };
export const team: CareTeamInput = {
  id: 'team-1',
  serviceUserId: 'm-ingrid',
  members: [{ id: 'm-ingrid', name: 'Ingrid Solberg', kind: 'service-user', status: 'active' }, kari],
};
roster.team = team;
// @ts-expect-error a misspelt key in contract data is refused
export const misspelt: MemberInput = { id: 'm-kari', naem: 'Kari Nilsen', kind: 'professional', status: 'active' };
// @ts-expect-error a misspelt key deep inside is refused too
export const deep: CareTeamInput = { id: 'team-1', serviceUserId: 'm-ingrid', members: [{ id: 'm-ingrid', name: 'Ingrid', kind: 'service-user', status: 'active', coordinater: true }] };
// @ts-expect-error a kind the contract does not list is refused
export const wrongKind: MemberInput = { id: 'm-kari', name: 'Kari Nilsen', kind: 'doctor', status: 'active' };
// @ts-expect-error the output type has its defaults filled in: contacts is there
export const output: Member = kari;

// The types a host names when it wires the elements to its own data: a roster layout, a FHIR resource.
export const layout: RosterLayout = ROSTER_LAYOUTS[1];
roster.layout = layout;
// @ts-expect-error a layout the roster does not have is refused
export const wrongLayout: RosterLayout = 'grid';
export const fromServer: Fhir.CareTeam = { resourceType: 'CareTeam', id: 'ct-1', participant: [] };
export const mapped = careTeamFromFhir(fromServer, { version: 'R4' });
// @ts-expect-error a FHIR care team is not a Consent
export const wrongResource: Fhir.Consent = fromServer;
`,
};

const configs = [
  { name: 'bundler, React 19', module: 'esnext', moduleResolution: 'bundler', files: ['react-host.tsx', 'vue-host.ts', 'plain-page.ts'] },
  { name: 'node16, React 19', module: 'node16', moduleResolution: 'node16', files: ['react-host.tsx', 'vue-host.ts', 'plain-page.ts'] },
  { name: 'node (node10), React 19', module: 'commonjs', moduleResolution: 'node', files: ['react-host.tsx', 'plain-page.ts'] },
  { name: 'bundler, React 18', module: 'esnext', moduleResolution: 'bundler', react18: true, files: ['react-host.tsx'] },
];

const work = mkdtempSync(join(tmpdir(), 'care-typings-'));
after(() => rmSync(work, { recursive: true, force: true }));

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * A host project: its own folder with the package installed as npm would (package.json and the
 * declarations copied, so the package's `import 'react'` finds the host's React types, not ours),
 * its dependencies and the host's peers linked in.
 */
function project(config) {
  const dir = join(work, config.name.replace(/\W+/g, '-'));
  const installed = join(dir, 'node_modules/care-elements');
  mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
  mkdirSync(installed, { recursive: true });
  cpSync(join(root, 'package.json'), join(installed, 'package.json'));
  cpSync(join(root, 'dist/types'), join(installed, 'dist/types'), { recursive: true });
  for (const name of [...Object.keys(manifest.dependencies ?? {}), 'react', 'vue']) {
    mkdirSync(join(dir, 'node_modules', name, '..'), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  const reactTypes = config.react18 ? '@types/react-18' : '@types/react';
  symlinkSync(join(root, 'node_modules', reactTypes), join(dir, 'node_modules/@types/react'), 'dir');
  // node16 treats .ts files as ES modules only under "type": "module".
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'host', private: true, type: config.module === 'commonjs' ? 'commonjs' : 'module' }));
  for (const file of config.files) writeFileSync(join(dir, file), samples[file]);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: config.module,
        moduleResolution: config.moduleResolution,
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
      },
      files: config.files,
    }),
  );
  return dir;
}

describe('typings for host projects', () => {
  test('the build has declarations to check', () => {
    assert.ok(existsSync(join(root, 'dist/types/react.d.ts')), 'dist/types/react.d.ts is missing: run npm run build');
    assert.ok(existsSync(join(root, 'dist/types/vue.d.ts')), 'dist/types/vue.d.ts is missing: run npm run build');
  });

  for (const config of configs) {
    test(`compiles sample host code: ${config.name}`, async () => {
      const dir = project(config);
      const outcome = await run(process.execPath, [tsc, '-p', dir], { cwd: dir }).then(
        () => ({ code: 0, output: '' }),
        (error) => ({ code: error.code, output: `${error.stdout}${error.stderr}` }),
      );
      assert.equal(outcome.code, 0, `tsc found errors (${config.name}):\n${outcome.output}`);
    });
  }
});
