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
const record = m.parse('CareRecord', m.CareRecord, m.fjordvik);
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
      assert.deepEqual(acute.find((x) => x.url === 'availableTime'), {
        url: 'availableTime',
        extension: [
          ...['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ url: 'daysOfWeek', valueCode: day })),
          { url: 'availableStartTime', valueTime: '08:00:00' },
          { url: 'availableEndTime', valueTime: '20:00:00' },
        ],
      }, 'hours in the shape of FHIR\u2019s availableTime');
      const agreements = written.extension.filter((e) => e.url === `${NS}/StructureDefinition/crisis-plan-agreement`);
      assert.deepEqual(agreements.map((a) => a.extension.find((x) => x.url === 'member').valueReference.display), ['Ingrid Solberg', 'Kari Nilsen']);
    });

    test('read back, the plan is the same plan and the contract accepts it; the proposal\u2019s organisation is all that needs contract-extras', () => {
      const read = m.crisisPlanFromFhir(written, options);
      const result = m.check(m.CrisisPlan, read);
      assert.deepEqual(result.ok ? [] : result.issues, []);
      assert.deepEqual(contractPart(read), contractPart(plan));
      const extras = JSON.parse(written.extension.find((e) => e.url === `${NS}/StructureDefinition/contract-extras`).valueString);
      assert.deepEqual(Object.keys(extras), ['proposals', '$read'], 'a Task has no element for the proposer\u2019s organisation, so the proposals keep it here, with what the Tasks said');
      const withoutOrganisation = { ...plan, proposals: plan.proposals.map((p) => ({ ...p, by: { id: p.by.id, name: p.by.name } })) };
      const plain = m.crisisPlanToFhir(withoutOrganisation, options);
      assert.equal(plain.extension.find((e) => e.url === `${NS}/StructureDefinition/contract-extras`), undefined, 'the proposals themselves are Tasks, not extras');
      assert.deepEqual(contractPart(m.crisisPlanFromFhir(plain, options)), contractPart(withoutOrganisation));
    });

    test('a proposal is a contained Task: intent proposal, status requested, focus the CarePlan, requester and authoredOn, the measure as a measure Task says it', () => {
      const task = written.contained.find((r) => r.intent === 'proposal');
      assert.equal(task.resourceType, 'Task');
      assert.equal(task.status, 'requested');
      assert.deepEqual(task.focus, { reference: '#' }, 'the CarePlan that holds it');
      assert.deepEqual(task.identifier[0], { system: `${NS}/CodeSystem/crisis-proposal-id`, value: 'pr-1' });
      assert.deepEqual(task.identifier[1], { system: `${NS}/CodeSystem/crisis-measure-id`, value: 'mw-4' });
      assert.equal(task.code.coding[0].code, 'getting-worse');
      assert.equal(task.description, 'Lars sees me within a day if Amina cannot.');
      assert.equal(task.authoredOn, '2026-11-20T14:00:00+01:00');
      assert.deepEqual(task.requester, { identifier: { system: `${NS}/CodeSystem/member-id`, value: 'm-lars' }, display: 'Lars Haugen' });
      assert.deepEqual(task.note, [{ text: 'The DPS is often full in December.' }]);
      assert.equal(written.activity.some((a) => a[element].reference === `#${task.id}`), false, 'a proposal is not an activity of the plan until the person accepts it');
    });

    for (const [status, taskStatus] of [['accepted', 'accepted'], ['declined', 'rejected']]) {
      test(`the person\u2019s answer (${status}) is Task.status ${taskStatus}, with when and who recorded it; read back it is the same`, () => {
        const answered = {
          ...plan,
          proposals: plan.proposals.map((p) => ({ ...p, by: { id: p.by.id, name: p.by.name }, status, answeredAt: '2026-11-22T09:30:00+01:00', answeredBy: { id: 'm-ingrid', name: 'Ingrid Solberg' } })),
        };
        const out = m.crisisPlanToFhir(answered, options);
        const task = out.contained.find((r) => r.intent === 'proposal');
        assert.equal(task.status, taskStatus);
        assert.equal(task.lastModified, '2026-11-22T09:30:00+01:00');
        assert.deepEqual(task.extension.find((e) => e.url === `${NS}/StructureDefinition/crisis-proposal-answered-by`).valueReference.identifier.value, 'm-ingrid');
        assert.deepEqual(contractPart(m.crisisPlanFromFhir(out, options)).proposals, answered.proposals);
      });
    }

    test('answering a proposal rewrites its Task and keeps what the mapping does not know elsewhere; a cancelled proposal Task from another system stays as it is', () => {
      const foreign = JSON.parse(JSON.stringify(written));
      const cancelled = { resourceType: 'Task', id: 'other-proposal', identifier: [{ system: `${NS}/CodeSystem/crisis-proposal-id`, value: 'pr-x' }], status: 'cancelled', intent: 'proposal', focus: { reference: '#' } };
      foreign.contained.push(cancelled);
      foreign.contained.find((r) => r.id === 'ms-1').note = [{ text: 'kept' }];
      const read = m.crisisPlanFromFhir(foreign, options);
      assert.deepEqual(read.proposals.map((p) => p.id), ['pr-1'], 'a cancelled proposal has no contract meaning');
      const answered = { ...read, proposals: read.proposals.map((p) => ({ ...p, status: 'declined', answeredAt: '2026-11-22T09:30:00+01:00' })) };
      const out = m.crisisPlanToFhir(answered, options);
      assert.deepEqual(out.contained.find((r) => r.id === 'other-proposal'), cancelled);
      assert.deepEqual(out.contained.find((r) => r.id === 'ms-1').note, [{ text: 'kept' }]);
      assert.equal(out.contained.filter((r) => r.intent === 'proposal' && r.status === 'rejected').length, 1);
      assert.deepEqual(contractPart(m.crisisPlanFromFhir(out, options)).proposals, answered.proposals);
    });

    test('a confirmation, a proposal and its answer written without an offset are read in the source\u2019s time zone, and written back as they were', () => {
      const inOslo = { ...options, timeZone: 'Europe/Oslo' };
      const foreign = JSON.parse(JSON.stringify(m.crisisPlanToFhir({ ...plan, proposals: plan.proposals.map((p) => ({ ...p, by: { id: p.by.id, name: p.by.name }, status: 'accepted', answeredAt: '2026-11-22T09:30:00+01:00' })) }, inOslo)));
      const agreement = foreign.extension.find((e) => e.url === `${NS}/StructureDefinition/crisis-plan-agreement`);
      agreement.extension.find((x) => x.url === 'at').valueDateTime = '2026-11-21T18:45:00';
      const task = foreign.contained.find((r) => r.intent === 'proposal');
      task.authoredOn = '2026-11-20T14:00:00';
      task.lastModified = '2026-06-22T09:30:00';
      const read = m.crisisPlanFromFhir(foreign, inOslo);
      assert.equal(read.agreedBy[0].at, '2026-11-21T18:45:00+01:00', 'agreed at 18:45 in Oslo, not 19:45');
      assert.equal(read.proposals[0].at, '2026-11-20T14:00:00+01:00');
      assert.equal(read.proposals[0].answeredAt, '2026-06-22T09:30:00+02:00', 'in summer time too');
      assert.deepEqual(m.crisisPlanToFhir(read, inOslo), foreign, 'written back unchanged it is the same CarePlan');
    });

    test('contact hours survive the round trip, several lines too; hours written as text by earlier versions are still read', () => {
      const withHours = {
        ...plan,
        stages: plan.stages.map((s, i) =>
          i === 0 ? { ...s, contacts: [{ ...s.contacts[0], hours: [{ days: ['mon', 'wed'], opens: '08:00', closes: '15:30' }, { days: ['sat'], opens: '10:00', closes: '14:00' }] }, ...s.contacts.slice(1)] } : s,
        ),
      };
      const out = m.crisisPlanToFhir(withHours, options);
      const read = m.crisisPlanFromFhir(out, options);
      assert.deepEqual(read.stages[0].contacts[0].hours, withHours.stages[0].contacts[0].hours);
      assert.deepEqual(contractPart(read), contractPart(withHours));
      const legacy = JSON.parse(JSON.stringify(out));
      const first = legacy.extension.find((e) => e.url === `${NS}/StructureDefinition/crisis-contact`);
      first.extension = [...first.extension.filter((x) => x.url !== 'availableTime'), { url: 'hours', valueString: 'mon,wed 08:00-15:30' }];
      assert.deepEqual(m.crisisPlanFromFhir(legacy, options).stages[0].contacts[0].hours, [{ days: ['mon', 'wed'], opens: '08:00', closes: '15:30' }]);
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

    test('a measure whose Task was cancelled, rejected or entered in error is not shown as what is done in a crisis, and stays in the CarePlan when the plan is changed', () => {
      const foreign = JSON.parse(JSON.stringify(written));
      const taskOf = (activity) => foreign.contained.find((r) => `#${r.id}` === activity[element].reference);
      const stoodDown = foreign.activity.slice(0, 3).map(taskOf);
      ['cancelled', 'rejected', 'entered-in-error'].forEach((status, i) => (stoodDown[i].status = status));
      const read = m.crisisPlanFromFhir(foreign, options);
      const shown = read.stages.flatMap((s) => s.measures.map((x) => x.text));
      for (const task of stoodDown) assert.ok(!shown.includes(task.description), `${task.status}: ${task.description}`);
      assert.equal(shown.length, plan.stages.flatMap((s) => s.measures).length - 3, 'the other measures are shown');
      assert.deepEqual(m.crisisPlanToFhir(read, options), foreign, 'written back unchanged it is the same CarePlan');
      const stage = read.stages.find((s) => s.measures.length);
      const changed = { ...read, stages: read.stages.map((s) => (s === stage ? { ...s, measures: [{ ...s.measures[0], text: 'Ola checks my medicines every day.' }, ...s.measures.slice(1)] } : s)) };
      const out = m.crisisPlanToFhir(changed, options);
      for (const task of stoodDown) {
        assert.deepEqual(out.contained.find((r) => r.id === task.id), task, `the ${task.status} Task is kept as it was`);
        assert.ok(out.activity.some((a) => a[element].reference === `#${task.id}`), `and still an activity of the plan`);
      }
      assert.deepEqual(contractPart(m.crisisPlanFromFhir(out, options)), contractPart(changed));
    });

    test('a measure whose Task is a draft, requested or received (not a proposal) is not shown as what is done in a crisis, and stays in the CarePlan when the plan is changed', () => {
      const foreign = JSON.parse(JSON.stringify(written));
      const taskOf = (activity) => foreign.contained.find((r) => `#${r.id}` === activity[element].reference);
      const notAgreed = foreign.activity.slice(0, 3).map(taskOf);
      ['requested', 'draft', 'received'].forEach((status, i) => {
        notAgreed[i].status = status;
        notAgreed[i].note = [{ text: 'Suggested by the night service; not discussed with Ingrid yet.' }];
      });
      const read = m.crisisPlanFromFhir(foreign, options);
      const shown = read.stages.flatMap((s) => s.measures.map((x) => x.text));
      for (const task of notAgreed) assert.ok(!shown.includes(task.description), `${task.status}: ${task.description}`);
      assert.equal(shown.length, plan.stages.flatMap((s) => s.measures).length - 3, 'the agreed measures are shown');
      assert.deepEqual(read.proposals.map((p) => p.id), plan.proposals.map((p) => p.id), 'nor is one read as a proposal');
      assert.deepEqual(m.crisisPlanToFhir(read, options), foreign, 'written back unchanged it is the same CarePlan');
      const stage = read.stages.find((s) => s.measures.length);
      const changed = { ...read, version: read.version + 1, stages: read.stages.map((s) => (s === stage ? { ...s, measures: [...s.measures.slice(1), { id: 'm-new', text: 'Kari calls me the next morning.', memberIds: [], responsibilityIds: [] }] } : s)) };
      const out = m.crisisPlanToFhir(changed, options);
      for (const task of notAgreed) {
        assert.deepEqual(out.contained.find((r) => r.id === task.id), task, `the ${task.status} Task is kept as it was, not made accepted`);
        assert.ok(out.activity.some((a) => a[element].reference === `#${task.id}`), 'and still an activity of the plan');
      }
      assert.deepEqual(contractPart(m.crisisPlanFromFhir(out, options)), contractPart(changed));
    });

    test('a measure whose Task says what must not be done (doNotPerform) is not shown as what is done in a crisis, and stays in the CarePlan', () => {
      const foreign = JSON.parse(JSON.stringify(written));
      const task = foreign.contained.find((r) => `#${r.id}` === foreign.activity[0][element].reference);
      task.doNotPerform = true;
      const read = m.crisisPlanFromFhir(foreign, options);
      assert.ok(!read.stages.flatMap((s) => s.measures.map((x) => x.text)).includes(task.description), task.description);
      assert.deepEqual(m.crisisPlanToFhir(read, options), foreign, 'written back unchanged it is the same CarePlan');
      const stage = read.stages.find((s) => s.measures.length);
      const out = m.crisisPlanToFhir({ ...read, stages: read.stages.map((s) => (s === stage ? { ...s, measures: s.measures.slice(1) } : s)) }, options);
      assert.deepEqual(out.contained.find((r) => r.id === task.id), task, 'the Task is kept as it was');
      assert.ok(out.activity.some((a) => a[element].reference === `#${task.id}`), 'and still an activity of the plan');
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

    test('a crisis plan whose period has ended is left on the server, though its status still says active', () => {
      const ended = { ...JSON.parse(JSON.stringify(written)), period: { start: '2025-01-10', end: '2026-06' } };
      const note = problemOf(() => m.crisisPlanFromFhir(ended, { ...options, today: '2026-11-23' }));
      assert.deepEqual([note.kind, note.path], ['left-on-server', 'CarePlan.period.end']);
      assert.match(note.message, /2026-06/);
      const running = { ...ended, period: { start: '2025-01-10', end: '2026-11' } };
      assert.equal(m.crisisPlanFromFhir(running, { ...options, today: '2026-11-23' }).id, written.id, 'a plan to the end of this month is still in force');
      assert.deepEqual(m.crisisPlanToFhir(m.crisisPlanFromFhir(running, { ...options, today: '2026-11-23' }), { ...options, today: '2026-11-23' }), running, 'written back unchanged it is the same CarePlan');
    });

    test('a CarePlan the server calls a draft, a proposal or an option is read as a draft, never as the agreed plan (the official f201, a proposal drafted)', () => {
      const [f201] = officialCarePlans(version).filter((e) => e.id === 'f201');
      assert.deepEqual([f201.status, f201.intent], ['draft', 'proposal']);
      // The official example made a crisis plan (category, the review date) and still running; the rest as published.
      const proposed = {
        ...JSON.parse(JSON.stringify(f201)),
        category: [m.CRISIS_PLAN_CATEGORY],
        period: { start: '2026-11-01' },
        extension: [{ url: `${NS}/StructureDefinition/next-review`, valueDate: '2027-05-01' }],
        activity: [],
      };
      const read = m.crisisPlanFromFhir(proposed, options);
      assert.equal(read.draft, true, 'a draft proposal is no agreed plan');
      assert.deepEqual(m.crisisPlanFlags(read, team)[0], { kind: 'draft' }, 'and the contract flags it first');
      assert.deepEqual(m.crisisPlanToFhir(read, options), proposed, 'written back unchanged it is the same CarePlan');
      const agreed = JSON.parse(JSON.stringify(written));
      assert.equal(m.crisisPlanFromFhir(agreed, options).draft, undefined, 'an active plan is no draft');
      for (const [status, intent] of [['draft', 'plan'], ['active', 'proposal'], ['active', 'option']]) {
        assert.equal(m.crisisPlanFromFhir({ ...agreed, status, intent }, options).draft, true, `${status} ${intent}`);
      }
    });

    test('the confirmation that completes the agreement of a draft writes the CarePlan active, keeping its intent; before that it stays a draft', () => {
      const drafted = { ...JSON.parse(JSON.stringify(written)), status: 'draft', author: { reference: 'Practitioner/m-kari' } };
      const read = m.crisisPlanFromFhir(drafted, options);
      const coordinator = read.agreedBy.find((a) => a.memberId === 'm-kari');
      const waiting = { ...read, agreedBy: read.agreedBy.filter((a) => a !== coordinator) };
      const onlyThePerson = m.crisisPlanToFhir(waiting, options);
      assert.equal(onlyThePerson.status, 'draft', 'the person alone has confirmed: still a draft');
      const { draft: _draft, ...complete } = m.crisisPlanFromFhir(onlyThePerson, options);
      const confirmed = { ...complete, agreedBy: [...complete.agreedBy, coordinator] };
      const out = m.crisisPlanToFhir(confirmed, options);
      assert.equal(out.status, 'active', 'agreed by both: in force for every system that reads it');
      assert.equal(out.intent, 'plan');
      assert.deepEqual({ ...out, status: 'draft' }, drafted, 'nothing else of the CarePlan changed');
      const back = m.crisisPlanFromFhir(out, options);
      assert.equal(back.draft, undefined);
      assert.deepEqual(contractPart(back), contractPart(confirmed));
    });

    test('a proposal CarePlan stays a proposal: completing its agreement is refused, naming CarePlan.intent, and nothing is written', () => {
      const proposal = { ...JSON.parse(JSON.stringify(written)), status: 'draft', intent: 'proposal' };
      const { draft: _draft, ...agreed } = m.crisisPlanFromFhir(proposal, options);
      assert.throws(
        () => m.crisisPlanToFhir(agreed, options),
        (error) => error instanceof m.StoreError && error.kind === 'rejected' && /CarePlan\/cp-ingrid is a proposal \(CarePlan\.intent\)/.test(error.detail),
      );
      const kept = m.crisisPlanToFhir({ ...m.crisisPlanFromFhir(proposal, options), nextReview: '2027-04-01' }, options);
      assert.deepEqual([kept.status, kept.intent], ['draft', 'proposal'], 'an edit leaves the proposal as it was');
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
