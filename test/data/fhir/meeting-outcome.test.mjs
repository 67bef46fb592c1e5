// A meeting's outcome as a FHIR Composition, R4 and R5: what each part becomes, the exact round
// trip (fixture, a draft, hostile text), and a Composition that is no meeting outcome refused by name.
// Run: node --test test/data/fhir/meeting-outcome.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadFhirModule } from './load-source.mjs';

const m = await loadFhirModule();
const record = m.CareRecord.parse(m.fjordvik);
const outcome = record.meetingOutcomes[0];
const NS = 'https://care-elements.dev/fhir';

const problemOf = (fn) => {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof m.FhirResourceProblem, `a named problem, not ${error}`);
    return error.note;
  }
  assert.fail('expected the Composition to be refused');
};

for (const version of ['R4', 'R5']) {
  const options = { version, patient: 'Patient/m-ingrid' };

  describe(`Meeting outcome as Composition ${version}`, () => {
    const written = m.meetingOutcomeToFhir(outcome, options);

    test('the outcome is a final Composition of the meeting-outcome type about the person, dated when it was shared, by its author', () => {
      assert.equal(written.resourceType, 'Composition');
      assert.equal(written.id, 'mo-october');
      assert.equal(written.status, 'final');
      assert.ok(m.isMeetingOutcome(written));
      assert.deepEqual(written.type.coding[0], { system: `${NS}/CodeSystem/composition-kind`, code: 'meeting-outcome', display: 'Meeting outcome' });
      // R4 Composition.subject is one Reference, R5 a list.
      assert.deepEqual(written.subject, version === 'R5' ? [{ reference: 'Patient/m-ingrid' }] : { reference: 'Patient/m-ingrid' });
      assert.equal(written.date, '2026-10-28T09:00:00+01:00');
      assert.equal(written.author[0].display, 'Kari Nilsen');
      assert.deepEqual(written.author[1], { reference: 'Organization/org-home-care' });
      assert.deepEqual(written.extension[0], { url: `${NS}/StructureDefinition/outcome-meeting`, valueReference: { reference: 'Appointment/mt-october' } });
    });

    test('each agenda part is a section: its agenda item as code, the notes as escaped narrative, decisions and information kinds', () => {
      assert.equal(written.section.length, 4);
      const [first] = written.section;
      assert.deepEqual(first.code, { coding: [{ system: `${NS}/CodeSystem/agenda-item`, code: 'a-oct-1' }] });
      assert.match(first.text.div, /^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml"><p>Ingrid has slept better/);
      assert.deepEqual(
        first.extension.filter((e) => e.url === `${NS}/StructureDefinition/outcome-categories`).map((e) => e.valueCode),
        ['mental-health'],
      );
      const decision = first.extension.find((e) => e.url === `${NS}/StructureDefinition/outcome-decision`);
      assert.deepEqual(decision.extension, [{ url: 'id', valueString: 'od-1' }, { url: 'text', valueString: 'We look at the crisis plan again in November.' }]);
      assert.equal(written.section[3].text.div, '<div xmlns="http://www.w3.org/1999/xhtml"><p>We went through the decisions together. Ingrid said them back in her own words.</p></div>');
    });

    test('each task is a contained Task listed in its section: description, owner, due date, and the responsibility it hands over in basedOn', () => {
      const entry = written.section[2].entry[0];
      const task = written.contained.find((r) => `#${r.id}` === entry.reference);
      assert.equal(task.resourceType, 'Task');
      assert.equal(task.status, 'requested');
      assert.equal(task.intent, 'plan');
      assert.equal(task.description, 'Go with Ingrid to NAV meetings');
      assert.deepEqual(task.owner, { identifier: { system: `${NS}/CodeSystem/member-id`, value: 'm-hanne' } });
      assert.deepEqual(task.restriction, { period: { end: '2026-12-01' } });
      assert.deepEqual(task.basedOn, [{ reference: 'Task/r-nav-meetings' }]);
      assert.deepEqual(task.code.coding, [{ system: `${NS}/CodeSystem/action-effect`, code: 'hand-over' }]);
      assert.deepEqual(task.for, { reference: 'Patient/m-ingrid' });
      assert.equal(written.contained.length, 3);
    });

    test('confirmations and questions travel in the same resource, so they are saved against one version', () => {
      const confirmations = written.extension.filter((e) => e.url === `${NS}/StructureDefinition/outcome-confirmation`);
      assert.equal(confirmations.length, 2);
      assert.deepEqual(confirmations[0].extension, [
        { url: 'member', valueReference: { identifier: { system: `${NS}/CodeSystem/member-id`, value: 'm-ingrid' }, display: 'Ingrid Solberg' } },
        { url: 'at', valueDateTime: '2026-10-29T18:12:00+01:00' },
      ]);
      const question = written.extension.find((e) => e.url === `${NS}/StructureDefinition/outcome-question`);
      assert.deepEqual(
        question.extension.map((e) => e.url),
        ['id', 'member', 'at', 'part', 'text', 'answer', 'answeredAt', 'answeredBy', 'answeredFor'],
      );
      assert.equal(written.attester, undefined, 'a confirmation of reading is no attestation of accuracy');
    });

    test('round trip: the outcome read back is the outcome written', () => {
      assert.deepEqual(m.meetingOutcomeFromFhir(written), outcome);
      assert.ok(m.check(m.MeetingOutcome, m.meetingOutcomeFromFhir(written)).ok);
    });

    test('round trip of a draft, a part without agenda item, a series occurrence, a withheld part, a version and text with markup and line breaks', () => {
      const draft = structuredClone(outcome);
      draft.status = 'draft';
      delete draft.sharedAt;
      draft.occurrenceStart = '2027-01-21T10:00:00+01:00';
      draft.teamId = 'team-ingrid';
      draft.meta = { version: '7' };
      draft.parts.push({ id: 'op-extra', title: 'Anything else', notes: 'Line one\n<b>not bold</b> & "quoted"', decisions: [], actions: [], categories: [] });
      draft.parts[1] = { id: 'op-2', agendaItemId: 'a-oct-2', notes: '', decisions: [], actions: [], categories: ['medication'], withheld: true };
      draft.parts[0].actions[0] = { ...draft.parts[0].actions[0], responsibilityId: 'r-new-1', effect: 'new-responsibility' };
      const fhir = m.meetingOutcomeToFhir(draft, { ...options, now: '2026-10-27T12:00:00Z' });
      assert.equal(fhir.status, 'preliminary');
      assert.equal(fhir.date, '2026-10-27T12:00:00Z');
      assert.equal(fhir.meta.versionId, '7');
      assert.ok(!JSON.stringify(fhir.section[4].text.div).includes('<b>'), 'markup in the notes is escaped');
      assert.deepEqual(m.meetingOutcomeFromFhir(fhir), draft);
    });

    test('a Composition that is no meeting outcome, or an outcome without its meeting, is refused with the reason', () => {
      const other = { resourceType: 'Composition', id: 'discharge', status: 'final', type: { coding: [{ system: 'http://loinc.org', code: '18842-5' }] }, date: '2026-01-01', author: [{ display: 'X' }], title: 'Discharge' };
      assert.equal(m.isMeetingOutcome(other), false);
      assert.match(problemOf(() => m.meetingOutcomeFromFhir(other)).message, /not a meeting outcome/);
      const noMeeting = { ...written, extension: written.extension.filter((e) => !e.url.endsWith('outcome-meeting')) };
      const note = problemOf(() => m.meetingOutcomeFromFhir(noMeeting));
      assert.equal(note.kind, 'refused');
      assert.match(note.message, /names no meeting/);
      const brokenTask = structuredClone(written);
      delete brokenTask.contained[0].owner;
      assert.match(problemOf(() => m.meetingOutcomeFromFhir(brokenTask)).message, /owner/);
    });
  });
}
