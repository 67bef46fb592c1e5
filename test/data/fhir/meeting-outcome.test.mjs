// A meeting's outcome in FHIR, R4 and R5: the Composition (what each part becomes), the
// Communications (a question to the coordinator, its answer, "I have read this"), the exact round
// trip (fixture, a draft, hostile text), elements the mapping does not know kept, and a
// Composition that is no meeting outcome refused by name.
// Run: node --test test/data/fhir/meeting-outcome.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contractPart, loadFhirModule } from './load-source.mjs';

const m = await loadFhirModule();
const record = m.parse('CareRecord', m.CareRecord, m.fjordvik);
const outcome = record.meetingOutcomes[0];
const byTime = (list) => [...list].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
/** The outcome as it reads back: confirmations and questions oldest first (Communications have no order of their own). */
const asRead = (o) => contractPart({ ...o, confirmations: byTime(o.confirmations), questions: byTime(o.questions) });
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

    const messages = m.outcomeMessagesToFhir(outcome, { ...options, coordinator: { id: 'm-kari', name: 'Kari Nilsen' } });
    const messageOf = (code) => messages.filter((c) => c.category[0].coding[0].code === code);

    test('a question is a Communication from the participant to the coordinator about the Composition; the answer replies to it', () => {
      assert.equal(written.extension.filter((e) => /outcome-(question|confirmation)$/.test(e.url)).length, 0, 'no longer extensions of the Composition');
      const [question] = messageOf('question');
      assert.equal(question.resourceType, 'Communication');
      assert.equal(question.status, 'completed');
      assert.deepEqual(question.about, [{ reference: 'Composition/mo-october' }]);
      assert.deepEqual(question.subject, { reference: 'Patient/m-ingrid' });
      assert.deepEqual(question.sender, { identifier: { system: `${NS}/CodeSystem/member-id`, value: 'm-sofie' }, display: 'Sofie Lund' });
      assert.deepEqual(question.recipient, [{ identifier: { system: `${NS}/CodeSystem/member-id`, value: 'm-kari' }, display: 'Kari Nilsen' }]);
      assert.equal(question.sent, '2026-10-28T13:05:00+01:00');
      assert.deepEqual(question.identifier, [{ system: `${NS}/CodeSystem/outcome-question-id`, value: 'oq-1' }]);
      assert.deepEqual(question.extension, [{ url: `${NS}/StructureDefinition/outcome-part`, valueString: 'op-3' }]);
      // R4 has payload.contentString; R5 dropped it, so text goes in contentCodeableConcept.text.
      assert.deepEqual(question.payload, [version === 'R5' ? { contentCodeableConcept: { text: 'When do we talk about the housing benefit again?' } } : { contentString: 'When do we talk about the housing benefit again?' }]);
      const [answer] = messageOf('answer');
      assert.deepEqual(answer.inResponseTo, [{ reference: `Communication/${question.id}` }]);
      assert.deepEqual(answer.recipient, [question.sender]);
      assert.equal(answer.sender.display, 'Kari Nilsen');
      assert.deepEqual(answer.extension, [{ url: `${NS}/StructureDefinition/on-behalf-of`, valueReference: { reference: 'Organization/org-home-care' } }]);
      assert.equal(answer.sent, '2026-10-29T08:30:00+01:00');
    });

    test('"I have read this" is a Communication per member to the coordinator, never Composition.attester', () => {
      const read = messageOf('read');
      assert.deepEqual(read.map((c) => [c.sender.display, c.sent]), [['Ingrid Solberg', '2026-10-29T18:12:00+01:00'], ['Amina Rahimi', '2026-10-28T11:40:00+01:00']]);
      assert.equal(read[0].payload, undefined);
      assert.deepEqual(read[0].about, [{ reference: 'Composition/mo-october' }]);
      assert.equal(new Set(messages.map((c) => c.id)).size, messages.length, 'one resource per message');
      assert.ok(messages.every((c) => /^[A-Za-z0-9\-.]{1,64}$/.test(c.id)), 'valid FHIR ids');
      assert.equal(written.attester, undefined, 'a confirmation of reading is no attestation of accuracy');
    });

    test('round trip: the outcome read back from the Composition and its Communications is the outcome written', () => {
      const read = m.meetingOutcomeFromFhir(written, options, messages);
      assert.deepEqual(contractPart(read), asRead(outcome));
      assert.ok(m.check(m.MeetingOutcome, read).ok);
      const noise = [{ resourceType: 'Communication', id: 'other', status: 'completed', about: [{ reference: 'Composition/another' }], category: messages[0].category, sent: '2026-01-01T00:00:00Z', sender: { reference: 'Practitioner/x' } }];
      assert.deepEqual(contractPart(m.meetingOutcomeFromFhir(written, options, [...messages, ...noise])), asRead(outcome), 'messages about another outcome are not read');
    });

    test('unchanged, a Composition and Communications with elements the mapping does not know are written back exactly as read', () => {
      const foreign = structuredClone(written);
      foreign.meta = { versionId: '4', lastUpdated: '2026-11-01T10:00:00Z', tag: [{ system: 'urn:x', code: 'y' }] };
      foreign.identifier = { system: 'urn:oid:2.16.578.1', value: 'doc-9' };
      foreign.confidentiality = 'N';
      foreign.extension.push({ url: 'urn:other:extension', valueString: 'kept' });
      foreign.section[0].extension.push({ url: 'urn:other:section', valueBoolean: true });
      foreign.section[0].orderedBy = { text: 'Kept' };
      foreign.contained[0].note = [{ text: 'A note someone else wrote on the Task.' }];
      const foreignMessages = structuredClone(messages).map((c, i) => ({ ...c, meta: { versionId: String(i + 1) }, medium: [{ text: 'portal' }] }));
      const original = structuredClone(foreign);
      const read = m.meetingOutcomeFromFhir(foreign, options, foreignMessages);
      assert.deepEqual(foreign, original, 'reading does not change the resource');
      assert.equal(read.meta.version, '4');
      assert.deepEqual(m.meetingOutcomeToFhir(read, options), original);
      const sortById = (list) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      const again = m.outcomeMessagesToFhir(read, { ...options, coordinator: { id: 'm-kari', name: 'Kari Nilsen' }, existing: foreignMessages });
      assert.deepEqual(sortById(again), sortById(foreignMessages), 'every message as read');
    });

    test('when it was shared and when each message was sent, written without an offset, are read in the source\u2019s time zone; written back as they were', () => {
      const inOslo = { ...options, timeZone: 'Europe/Oslo' };
      const foreign = structuredClone(written);
      foreign.date = '2026-10-28T09:00:00';
      const foreignMessages = structuredClone(messages).map((c) => ({ ...c, sent: c.sent.replace(/(Z|[+-]\d{2}:\d{2})$/, '') }));
      const read = m.meetingOutcomeFromFhir(foreign, inOslo, foreignMessages);
      assert.ok(m.check(m.MeetingOutcome, read).ok, JSON.stringify(m.check(m.MeetingOutcome, read).issues));
      assert.equal(read.sharedAt, '2026-10-28T09:00:00+01:00', 'shared at 09:00 in Oslo, not 10:00');
      const sent = (list) => list.map((c) => `${c.sent}+01:00`).sort();
      assert.deepEqual([...read.confirmations.map((c) => c.at), ...read.questions.flatMap((q) => [q.at, q.answeredAt ?? []]).flat()].sort(), sent(foreignMessages));
      assert.deepEqual(m.meetingOutcomeToFhir(read, inOslo), foreign, 'written back unchanged it is the same Composition');
      const sortById = (list) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      const again = m.outcomeMessagesToFhir(read, { ...inOslo, coordinator: { id: 'm-kari', name: 'Kari Nilsen' }, existing: foreignMessages });
      assert.deepEqual(sortById(again), sortById(foreignMessages), 'every message as read: nobody\u2019s message is rewritten');
    });

    test('a change (a reworded decision, a new task) rewrites only its part, keeping what the mapping does not know; fields a host added travel in contract-extras', () => {
      const foreign = structuredClone(written);
      foreign.extension.push({ url: 'urn:other:extension', valueString: 'kept' });
      foreign.section[3].orderedBy = { text: 'Kept' };
      foreign.contained[0].note = [{ text: 'A note on the Task.' }];
      const read = m.meetingOutcomeFromFhir(foreign, options, messages);
      const changed = structuredClone(read);
      changed.parts[3].decisions = [{ id: 'od-9', text: 'We meet again in <b>January</b>.' }];
      changed.parts[3].actions = [{ id: 'oa-9', text: 'Send the summary to Ingrid', ownerId: 'm-kari', due: '2026-11-01' }];
      changed.hostNote = { kept: true };
      const out = m.meetingOutcomeToFhir(changed, options);
      assert.deepEqual(out.section.slice(0, 3), foreign.section.slice(0, 3), 'unchanged parts are written as they were');
      assert.deepEqual(out.contained.slice(0, 3), foreign.contained, 'their Tasks too, with the foreign note');
      assert.deepEqual(out.section[3].orderedBy, { text: 'Kept' });
      assert.ok(out.extension.some((e) => e.url === 'urn:other:extension'));
      const extras = JSON.parse(out.extension.find((e) => e.url === `${NS}/StructureDefinition/contract-extras`).valueString);
      assert.deepEqual(extras, { hostNote: { kept: true } }, 'only what FHIR has no element for');
      const { confirmations: _c, questions: _q, ...expected } = contractPart(changed);
      const { confirmations: _c2, questions: _q2, ...back } = contractPart(m.meetingOutcomeFromFhir(out, options));
      assert.deepEqual(back, expected);
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
      const messagesOf = m.outcomeMessagesToFhir(draft, options);
      const back = m.meetingOutcomeFromFhir(fhir, options, messagesOf);
      assert.deepEqual(contractPart(back), asRead(draft));
      assert.deepEqual(back.meta, { version: '7' });
    });

    test('the version of what was agreed, and the version each confirmation read, survive the round trip (contract-extras)', () => {
      const changed = { ...structuredClone(outcome), version: 2 };
      changed.confirmations = [{ ...changed.confirmations[0], version: 1 }, { ...changed.confirmations[1], version: 2 }];
      const composition = m.meetingOutcomeToFhir(changed, options);
      const sent = m.outcomeMessagesToFhir(changed, options);
      const extras = (r) => JSON.parse(r.extension.find((e) => e.url === `${NS}/StructureDefinition/contract-extras`).valueString);
      assert.deepEqual(extras(composition), { version: 2 });
      assert.deepEqual(sent.filter((c) => c.category[0].coding[0].code === 'read').map(extras), [{ version: 1 }, { version: 2 }]);
      assert.deepEqual(contractPart(m.meetingOutcomeFromFhir(composition, options, sent)), asRead(changed));
    });

    test('a question or answer with markup, emoji and right-to-left text travels as plain text, in any FHIR id', () => {
      const hostile = structuredClone(outcome);
      hostile.questions = [{ id: 'q with spaces/and#marks', memberId: 'Practitioner/m-sofie', name: '<img src=x onerror=alert(1)>', at: '2026-10-28T13:05:00+01:00', text: '\u202Eevil\u202C 🧠 <script>alert(1)</script>', answer: '&amp; "quoted"' }];
      hostile.confirmations = [{ memberId: 'x'.repeat(150), name: 'Ingrid 🌲', at: '2026-10-29T18:12:00+01:00' }];
      const written = m.outcomeMessagesToFhir(hostile, options);
      assert.ok(written.every((c) => /^[A-Za-z0-9\-.]{1,64}$/.test(c.id)), written.map((c) => c.id).join(', '));
      assert.deepEqual(written.find((c) => c.category[0].coding[0].code === 'question').sender, { reference: 'Practitioner/m-sofie', display: '<img src=x onerror=alert(1)>' });
      assert.deepEqual(contractPart(m.meetingOutcomeFromFhir(m.meetingOutcomeToFhir(hostile, options), options, written)), asRead(hostile));
    });

    test('an outcome entered in error (R5 also cancelled or deprecated) is left on the server, never shown as a draft to share; an R5 corrected or appended outcome is shared', () => {
      const gone = version === 'R4' ? ['entered-in-error'] : ['entered-in-error', 'cancelled', 'deprecated'];
      for (const status of gone) {
        const note = problemOf(() => m.meetingOutcomeFromFhir({ ...written, status }, options));
        assert.equal(note.kind, 'left-on-server', status);
        assert.equal(note.path, 'Composition.status');
        assert.match(note.message, new RegExp(status));
      }
      const still = version === 'R4' ? ['final', 'amended'] : ['final', 'amended', 'corrected', 'appended'];
      for (const status of still) assert.equal(m.meetingOutcomeFromFhir({ ...written, status }, options).status, 'shared', status);
      assert.equal(m.meetingOutcomeFromFhir({ ...written, status: 'preliminary' }, options).status, 'draft');
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
