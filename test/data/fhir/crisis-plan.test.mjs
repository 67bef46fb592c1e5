// The crisis plan as a FHIR CarePlan, R4 and R5: what each part of the plan becomes, the unchanged
// round trip (exact), a change written without touching what the mapping does not know, and the
// official CarePlan examples, which are no crisis plans and are left on the server with the reason.
// Run: node --test test/data/fhir/crisis-plan.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractPart, loadFhirModule, root } from './load-source.mjs';
import { PACKAGES } from './corpus-lib.mjs';

const m = await loadFhirModule();
const record = m.CareRecord.parse(m.fjordvik);
const plan = record.crisisPlans[0];
const team = record.team;
const NS = 'https://care-elements.dev/fhir';

const officialCarePlans = (version) => {
  const dir = join(root, 'node_modules', PACKAGES[version]);
  return ['example', 'f001', 'f002', 'f003', 'f201', 'f202', 'f203', 'gpvisit', 'integrate', 'obesity-narrative', 'preg'].map((id) =>
    JSON.parse(readFileSync(join(dir, `CarePlan-${id}.json`), 'utf8')),
  );
};

const problemOf = (fn) => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof m.FhirResourceProblem, `a named problem, not ${error}`);
    return error.note;
  }
  assert.fail('expected the CarePlan to be refused or left on the server');
};

for (const version of ['R4', 'R5']) {
  const options = { version, patient: 'Patient/m-ingrid', team, teamId: team.id };
  const element = version === 'R5' ? 'plannedActivityReference' : 'reference';

  describe(`Crisis plan as CarePlan ${version}`, () => {
    const written = m.crisisPlanToFhir(plan, options);

    test('the plan is a CarePlan of the crisis-plan category for the person, valid from period.start, with its next review and version', () => {
      assert.equal(written.resourceType, 'CarePlan');
      assert.equal(written.id, 'cp-ingrid');
      assert.equal(written.intent, 'plan');
      assert.equal(written.status, 'active');
      assert.ok(m.isCrisisCarePlan(written));
      assert.deepEqual(written.subject, { reference: 'Patient/m-ingrid' });
      assert.deepEqual(written.careTeam, [{ reference: 'CareTeam/team-ingrid' }]);
      assert.equal(written.period.start, '2026-09-14');
      assert.equal(written.period.end, undefined, 'the next review is no end of the plan');
      assert.deepEqual(written.extension.find((e) => e.url === `${NS}/StructureDefinition/next-review`), { url: `${NS}/StructureDefinition/next-review`, valueDate: '2027-03-14' });
      assert.equal(written.extension.find((e) => e.url === `${NS}/StructureDefinition/plan-version`).valuePositiveInt, 3);
    });

    test('each measure is an activity pointing at a contained Task: its stage, its words, its members by reference and the matrix responsibilities in basedOn', () => {
      const measures = plan.stages.flatMap((s) => s.measures);
      assert.equal(written.activity.length, measures.length);
      const tasks = written.activity.map((a) => written.contained.find((r) => `#${r.id}` === a[element].reference));
      assert.ok(tasks.every((t) => t?.resourceType === 'Task'), 'every activity points at a contained Task');
      const depot = tasks.find((t) => t.description.startsWith('Ola checks'));
      assert.deepEqual(depot.code.coding[0], { system: `${NS}/CodeSystem/crisis-stage`, code: 'getting-worse', display: 'Getting worse' });
      assert.deepEqual(depot.basedOn, [{ reference: 'Task/r-depot' }, { reference: 'Task/r-medication' }], 'responsibilities by reference, never retyped');
      const actors =
        version === 'R5'
          ? depot.performer.map((p) => p.actor)
          : depot.extension.filter((e) => e.url === 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Task.performer').map((e) => e.extension.find((x) => x.url === 'actor').valueReference);
      assert.deepEqual(actors, [{ identifier: { system: `${NS}/CodeSystem/member-id`, value: 'm-ola' }, display: 'Ola Berg' }]);
      assert.equal(depot.identifier[0].value, 'mw-1');
    });

    test('the person\u2019s own words and each stage\u2019s signs are notes marked with their part; contacts and agreements are extensions in order', () => {
      const section = (note) => note.extension[0].extension.find((x) => x.url === 'section').valueCode;
      assert.deepEqual(written.note.slice(0, 3).map((n) => [section(n), n.text]), plan.ownWords.earlyWarningSigns.map((t) => ['earlyWarningSigns', t]));
      assert.deepEqual(written.note[0].authorReference, { reference: 'Patient/m-ingrid' }, 'the person\u2019s own words are theirs');
      const dog = written.note.find((n) => n.id === 'pm-dog');
      assert.equal(dog.extension[0].extension.find((x) => x.url === 'topic').valueCode, 'pets');
      const contacts = written.extension.filter((e) => e.url === `${NS}/StructureDefinition/crisis-contact`);
      assert.deepEqual(contacts.map((c) => c.extension.find((x) => x.url === 'id').valueString), ['ct-1', 'ct-2', 'cw-1', 'cw-2', 'cw-3', 'cc-1', 'cc-2', 'cc-3'], 'the order of the plan');
      const acute = contacts[7].extension;
      assert.deepEqual(acute.find((x) => x.url === 'phone').valueContactPoint, { system: 'phone', value: '+47 55 00 30 00' });
      assert.equal(acute.find((x) => x.url === 'hours').valueString, 'mon,tue,wed,thu,fri 08:00-20:00');
      const agreements = written.extension.filter((e) => e.url === `${NS}/StructureDefinition/crisis-plan-agreement`);
      assert.deepEqual(agreements.map((a) => a.extension.find((x) => x.url === 'member').valueReference.display), ['Ingrid Solberg', 'Kari Nilsen']);
    });

    test('read back, the plan is the same plan (proposals travel in contract-extras) and the contract accepts it', () => {
      const read = m.crisisPlanFromFhir(written, options);
      const result = m.check(m.CrisisPlan, read);
      assert.deepEqual(result.ok ? [] : result.issues, []);
      assert.deepEqual(contractPart(read), contractPart(plan));
      const extras = JSON.parse(written.extension.find((e) => e.url === `${NS}/StructureDefinition/contract-extras`).valueString);
      assert.deepEqual(Object.keys(extras), ['proposals'], 'only what FHIR has no element for');
    });

    test('unchanged, a CarePlan with elements the mapping does not know is written back exactly as read', () => {
      const foreign = {
        ...JSON.parse(JSON.stringify(written)),
        meta: { versionId: '4', lastUpdated: '2026-11-01T10:00:00Z', tag: [{ system: 'urn:x', code: 'y' }] },
        identifier: [{ system: 'urn:oid:2.16.578.1', value: 'plan-9' }],
        text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">Crisis plan</div>' },
        author: { reference: 'Practitioner/m-kari' },
        goal: [{ reference: 'Goal/stay-home' }],
      };
      foreign.extension.push({ url: 'urn:other:extension', valueString: 'kept' });
      foreign.contained[0].note = [{ text: 'A note someone else wrote on the Task.' }];
      const original = JSON.parse(JSON.stringify(foreign));
      const read = m.crisisPlanFromFhir(foreign, options);
      assert.deepEqual(foreign, original, 'reading does not change the resource');
      assert.equal(read.meta.version, '4');
      assert.deepEqual(m.crisisPlanToFhir(read, options), original);
    });

    test('a change (a contact moved up, a measure reworded) rewrites only that, keeping what the mapping does not know', () => {
      const foreign = { ...JSON.parse(JSON.stringify(written)), author: { reference: 'Practitioner/m-kari' } };
      foreign.extension.push({ url: 'urn:other:extension', valueString: 'kept' });
      const read = m.crisisPlanFromFhir(foreign, options);
      const worse = read.stages[1];
      const changed = {
        ...read,
        version: 4,
        stages: [read.stages[0], { ...worse, contacts: [worse.contacts[1], worse.contacts[0], worse.contacts[2]], measures: [{ ...worse.measures[0], text: 'Ola checks my medicines every day.' }, ...worse.measures.slice(1)] }, read.stages[2]],
      };
      const out = m.crisisPlanToFhir(changed, options);
      assert.deepEqual(out.author, foreign.author);
      assert.ok(out.extension.some((e) => e.url === 'urn:other:extension'));
      const ids = out.extension.filter((e) => e.url === `${NS}/StructureDefinition/crisis-contact`).map((c) => c.extension.find((x) => x.url === 'id').valueString);
      assert.deepEqual(ids.slice(2, 5), ['cw-2', 'cw-1', 'cw-3']);
      assert.equal(out.contained.find((r) => r.id === 'mw-1').description, 'Ola checks my medicines every day.');
      assert.deepEqual(out.contained.find((r) => r.id === 'ms-1'), foreign.contained.find((r) => r.id === 'ms-1'), 'an unchanged measure is written as it was');
      assert.deepEqual(out.note, foreign.note, 'unchanged notes are written as they were');
      assert.deepEqual(contractPart(m.crisisPlanFromFhir(out, options)), contractPart(changed));
    });

    test('the official CarePlan examples are not crisis plans: left on the server, naming CarePlan.category', () => {
      const examples = officialCarePlans(version);
      assert.equal(examples.length, 11);
      for (const example of examples) {
        assert.equal(m.isCrisisCarePlan(example), false);
        const note = problemOf(() => m.crisisPlanFromFhir(example, options));
        assert.equal(note.kind, 'left-on-server', example.id);
        assert.equal(note.path, 'CarePlan.category', example.id);
        assert.match(note.message, /not a crisis plan/);
      }
    });

    test('an official example marked as a crisis plan is refused with the element that lacks the meaning, never read half', () => {
      const [example] = officialCarePlans(version).filter((e) => e.id === 'example');
      const marked = { ...JSON.parse(JSON.stringify(example)), category: [...(example.category ?? []), m.CRISIS_PLAN_CATEGORY] };
      const note = problemOf(() => m.crisisPlanFromFhir(marked, options));
      assert.equal(note.kind, 'refused');
      assert.match(note.path, /^CarePlan\.(period\.start|extension\(.*next-review\))$/, note.path);
      // Given the dates, the activities are what the plan cannot read with their meaning.
      const dated = { ...marked, period: { start: '2026-01-01' }, extension: [{ url: `${NS}/StructureDefinition/next-review`, valueDate: '2026-06-01' }] };
      const activity = problemOf(() => m.crisisPlanFromFhir(dated, options));
      assert.equal(activity.kind, 'refused');
      assert.match(activity.path, /^CarePlan\.activity\[0\]\.(detail|reference|plannedActivityReference)/);
      assert.match(activity.message, /not a measure/);
    });

    test('a crisis plan no longer in force is left on the server; a note with no part is refused, naming the note', () => {
      const revoked = { ...JSON.parse(JSON.stringify(written)), status: 'revoked' };
      const left = problemOf(() => m.crisisPlanFromFhir(revoked, options));
      assert.deepEqual([left.kind, left.path], ['left-on-server', 'CarePlan.status']);
      const unmarked = JSON.parse(JSON.stringify(written));
      unmarked.note.push({ text: 'Written by another system.' });
      const refused = problemOf(() => m.crisisPlanFromFhir(unmarked, options));
      assert.deepEqual([refused.kind, refused.path], ['refused', `CarePlan.note[${unmarked.note.length - 1}]`]);
    });
  });
}
