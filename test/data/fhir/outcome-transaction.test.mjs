// A meeting outcome written in more than one resource (the coordinator's change of the Composition
// and an answer's Communication) is all stored or none: one transaction Bundle when the server's
// CapabilityStatement offers transactions. Against test/server/fhir/server.mjs with and without
// them, R4 and R5. Run: node --test test/data/fhir/outcome-transaction.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FhirTestServer, startFhirServer } from '../../server/fhir/server.mjs';
import { fjordvikAsFhir } from '../../server/fhir/fjordvik.mjs';
import { loadFhirModule } from './load-source.mjs';

const m = await loadFhirModule();
const kari = { id: 'Practitioner/m-kari', name: 'Kari Nilsen', organisationId: 'Organization/org-home-care' };
const erik = { id: 'RelatedPerson/m-erik', name: 'Erik Solberg' };

/**
 * A FHIR test server seeded with the Fjordvik case for the describe it is called in (transactions
 * as given), and stores on it: `server` is the server of the running tests.
 */
const onServer = (version, transactions) => {
  const ctx = { server: undefined, http: undefined };
  before(async () => {
    ctx.server = new FhirTestServer({ version, transactions });
    ctx.server.seed(fjordvikAsFhir(m, version).resources);
    ctx.http = await startFhirServer(ctx.server);
  });
  after(() => ctx.http.close());
  const api = {
    get server() {
      return ctx.server;
    },
    storeAs: async (actor) => {
      const store = new m.CareStore(new m.FhirSource({ baseUrl: ctx.http.url, version, patient: 'm-ingrid' }), 'team-ingrid', actor);
      await store.load();
      return store;
    },
    outcomeIn: (store) => store.snapshot.record.meetingOutcomes.find((o) => o.id === 'mo-october'),
    /** What a new reader loads from the server now. */
    sourceLoad: () => new m.FhirSource({ baseUrl: ctx.http.url, version, patient: 'm-ingrid' }).load('team-ingrid'),
    /** Erik asks a question; Kari, in one save, rewords the notes of the last part and answers it. */
    askAndAnswer: async (questionId, notes) => {
      const asker = await api.storeAs(erik);
      const question = { id: questionId, memberId: erik.id, name: erik.name, at: '2026-10-30T10:00:00Z', partId: 'op-3', text: 'Can I come to the NAV meeting too?' };
      const asked = await asker.save({ entity: 'meeting-outcome', action: 'ask', value: { ...api.outcomeIn(asker), questions: [...api.outcomeIn(asker).questions, question] } });
      assert.equal(asked.ok, true, asked.error?.detail);
      const store = await api.storeAs(kari);
      const seen = api.outcomeIn(store);
      const change = {
        entity: 'meeting-outcome',
        action: 'record',
        value: {
          ...seen,
          parts: seen.parts.map((p, i) => (i === 3 ? { ...p, notes } : p)),
          questions: seen.questions.map((q) => (q.id === questionId ? { ...q, answer: 'Yes, if Ingrid wants it.', answeredAt: '2026-10-30T12:00:00Z', answeredBy: { id: kari.id, name: kari.name } } : q)),
        },
      };
      return { store, change, answerId: m.outcomeMessageId('mo-october', 'answer', questionId), notesBefore: seen.parts[3].notes };
    },
  };
  return api;
};

for (const version of ['R4', 'R5']) {
  describe(`FhirSource ${version}: a meeting outcome saved in several resources, on a server with transactions`, () => {
    const setup = onServer(version, true);
    const { storeAs, outcomeIn } = setup;
    const textOf = (communication) => (version === 'R5' ? communication.payload[0].contentCodeableConcept.text : communication.payload[0].contentString);

    test('the server cannot store the answer: nothing of the save is stored, so "not saved" is true, and Try again stores both in one transaction', async () => {
      const { store, change, answerId, notesBefore } = await setup.askAndAnswer('oq-disk', 'Everyone understood the plan; Erik may come to NAV.');
      const composition = setup.server.get('Composition/mo-october');
      setup.server.failNext('PUT', 500, 'The disk is full.', `Communication/${answerId}`);
      const from = setup.server.requests.length;
      const failed = await store.save(change);
      assert.equal(failed.ok, false);
      assert.equal(failed.error.kind, 'server');
      // Before: the Composition was written on its own first, so the coordinator's change was stored under a page saying "not saved".
      assert.equal(setup.server.get('Composition/mo-october').meta.versionId, composition.meta.versionId, 'the Composition is as it was');
      assert.equal(setup.server.get(`Communication/${answerId}`), undefined, 'no answer is stored');
      const sent = setup.server.requests.slice(from).filter((r) => r.method !== 'GET');
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path}`), ['POST '], 'one transaction, posted to the base');
      const bundle = JSON.parse(sent[0].body);
      assert.equal(bundle.type, 'transaction');
      assert.deepEqual(
        bundle.entry.map((e) => e.request),
        [
          { method: 'PUT', url: 'Composition/mo-october', ifMatch: `W/"${composition.meta.versionId}"` },
          { method: 'PUT', url: `Communication/${answerId}` },
        ],
      );
      // What the page shows after the failure, and after closing it, is what the server holds.
      store.dismiss('meeting-outcome', 'mo-october');
      assert.equal(outcomeIn(store).parts[3].notes, notesBefore);
      const onServer = await setup.sourceLoad();
      assert.equal(onServer.meetingOutcomes.find((o) => o.id === 'mo-october').parts[3].notes, notesBefore);

      const retried = await store.save(change);
      assert.equal(retried.ok, true, retried.error?.detail);
      const stored = setup.server.get('Composition/mo-october');
      assert.equal(stored.meta.versionId, String(Number(composition.meta.versionId) + 1));
      assert.equal(textOf(setup.server.get(`Communication/${answerId}`)), 'Yes, if Ingrid wants it.');
      assert.equal(retried.value.meta.version, stored.meta.versionId, 'the saved outcome has the version the transaction made');
      const reloaded = await storeAs(kari);
      assert.equal(outcomeIn(reloaded).parts[3].notes, 'Everyone understood the plan; Erik may come to NAV.');
      assert.equal(outcomeIn(reloaded).questions.find((q) => q.id === 'oq-disk').answer, 'Yes, if Ingrid wants it.');
    });

    test('someone else changed the Composition meanwhile: the transaction is a conflict and the answer is not stored either', async () => {
      const { store, change, answerId } = await setup.askAndAnswer('oq-stale', 'Erik asked about NAV; Kari answered.');
      setup.server.seed({ ...setup.server.get('Composition/mo-october'), title: 'Changed by someone else' });
      const failed = await store.save(change);
      assert.equal(failed.ok, false);
      assert.equal(failed.error.kind, 'conflict');
      assert.equal(setup.server.get('Composition/mo-october').title, 'Changed by someone else', 'nothing of theirs is overwritten');
      assert.equal(setup.server.get(`Communication/${answerId}`), undefined, 'the answer did not go in without the change it came with');
    });

    test('a save that writes one resource (a confirmation) stays one conditional PUT', async () => {
      const store = await storeAs({ id: 'Practitioner/m-lars', name: 'Lars Haugen' });
      const outcome = outcomeIn(store);
      const from = setup.server.requests.length;
      const saved = await store.save({ entity: 'meeting-outcome', action: 'confirm', value: { ...outcome, confirmations: [...outcome.confirmations, { memberId: 'Practitioner/m-lars', name: 'Lars Haugen', at: '2026-10-30T09:00:00Z' }] } });
      assert.equal(saved.ok, true, saved.error?.detail);
      assert.deepEqual(setup.server.requests.slice(from).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`), [`PUT Communication/${m.outcomeMessageId('mo-october', 'read', 'Practitioner/m-lars')}`]);
    });
  });

  for (const [transactions, which] of [
    [false, 'without transactions'],
    ['as-batch', 'that says it offers transactions but carries the entries out one by one'],
  ]) describe(`FhirSource ${version}: a meeting outcome saved in several resources, on a server ${which}`, () => {
    const setup = onServer(version, transactions);
    const { storeAs, outcomeIn } = setup;

    test('the answer cannot be stored after the Composition was: the failure says so, the page shows what the server holds, and Try again writes only the answer', async () => {
      const notes = 'Everyone understood the plan; Erik may come to NAV.';
      const { store, change, answerId } = await setup.askAndAnswer('oq-part', notes);
      const composition = setup.server.get('Composition/mo-october');
      setup.server.failNext('PUT', 500, 'The disk is full.', `Communication/${answerId}`);
      const failed = await store.save(change);
      assert.equal(failed.ok, false);
      assert.equal(failed.error.kind, 'server');
      assert.equal(failed.error.name, 'PartlySavedError', 'the failure says part of it is stored');
      // The audit trail says so too (before: outcome "failed", as if nothing was stored), and names what was not.
      const entry = store.snapshot.record.audit.at(-1);
      assert.deepEqual([entry.outcome, entry.failure, entry.notSaved], ['partly-saved', 'server', [['questions', 'oq-part', 'answer']]]);
      const stored = setup.server.get('Composition/mo-october');
      assert.equal(stored.meta.versionId, String(Number(composition.meta.versionId) + 1), 'the Composition was stored before the answer failed');
      // Before: the page went back to the outcome before the change, which the server no longer held.
      const shown = () => outcomeIn(store);
      assert.equal(shown().parts[3].notes, notes, 'the page shows the notes the server holds');
      assert.equal(shown().meta.version, stored.meta.versionId);
      assert.equal(shown().questions.find((q) => q.id === 'oq-part').answer, undefined, 'and no answer, as none is stored');
      store.dismiss('meeting-outcome', 'mo-october');
      assert.equal(shown().parts[3].notes, notes, 'closing the error still shows what the server holds');

      // Saved again, the answer fails once more; Try again then writes only the answer.
      setup.server.failNext('PUT', 503, 'Busy.', `Communication/${answerId}`);
      assert.equal((await store.save(change)).ok, false);
      const from = setup.server.requests.length;
      const retried = await store.retry('meeting-outcome', 'mo-october');
      assert.equal(retried.ok, true, retried.error?.detail);
      assert.deepEqual(setup.server.requests.slice(from).filter((r) => r.method === 'PUT').map((r) => r.path), [`Communication/${answerId}`], 'only the missing answer is written');
      assert.equal(setup.server.get('Composition/mo-october').meta.versionId, stored.meta.versionId);
      const reloaded = await storeAs(kari);
      assert.equal(outcomeIn(reloaded).parts[3].notes, notes);
      assert.equal(outcomeIn(reloaded).questions.find((q) => q.id === 'oq-part').answer, 'Yes, if Ingrid wants it.');
    });

    if (transactions === 'as-batch') {
      test('the Composition cannot be stored but the answer was: the audit trail names the notes as not saved', async () => {
        const { store, change } = await setup.askAndAnswer('oq-notes', 'Notes that did not get through.');
        setup.server.failNext('PUT', 500, 'The disk is full.', 'Composition/mo-october');
        const failed = await store.save(change);
        assert.equal(failed.error.name, 'PartlySavedError');
        const entry = store.snapshot.record.audit.at(-1);
        assert.deepEqual([entry.outcome, entry.failure, entry.notSaved], ['partly-saved', 'server', [['parts']]]);
      });
    }
  });
}
