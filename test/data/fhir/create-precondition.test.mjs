// A create never replaces what someone else created with the same id meanwhile. FhirSource reads
// the id first (a resource found is a conflict) and, where the server's CapabilityStatement says it
// honours it (FHIR R5 conditional update), sends the update with `If-None-Match: *`, so a resource
// created between that read and the write makes the write fail instead of being overwritten.
// Against test/server/fhir/server.mjs, R4 and R5. Run: node --test test/data/fhir/create-precondition.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FhirTestServer, startFhirServer } from '../../server/fhir/server.mjs';
import { fjordvikAsFhir } from '../../server/fhir/fjordvik.mjs';
import { loadFhirModule } from './load-source.mjs';

const m = await loadFhirModule();
const kari = { id: 'Practitioner/m-kari', name: 'Kari Nilsen', organisationId: 'Organization/org-home-care' };
const amina = { id: 'Practitioner/m-amina', name: 'Amina Yusuf' };
const erik = { id: 'RelatedPerson/m-erik', name: 'Erik Solberg' };

/** A new outcome of the meeting `mt-gp` (it has none yet), recorded by `by` with `notes`. */
const draft = (notes, by) => ({
  id: 'mo-mt-gp',
  meetingId: 'mt-gp',
  status: 'draft',
  parts: [{ id: 'op-meeting', notes, decisions: [], actions: [], categories: [] }],
  confirmations: [],
  questions: [],
  recordedBy: { id: by.id, name: by.name },
});

/** A FHIR test server with the Fjordvik case, started for the describe it is called in. */
const onServer = (options) => {
  const ctx = {};
  before(async () => {
    ctx.server = new FhirTestServer(options);
    ctx.server.seed(fjordvikAsFhir(m, options.version).resources);
    ctx.http = await startFhirServer(ctx.server);
  });
  after(() => ctx.http.close());
  return {
    get server() {
      return ctx.server;
    },
    source: () => new m.FhirSource({ baseUrl: ctx.http.url, version: options.version, patient: 'm-ingrid' }),
    storeAs: async (actor, source) => {
      const store = new m.CareStore(source ?? new m.FhirSource({ baseUrl: ctx.http.url, version: options.version, patient: 'm-ingrid' }), 'team-ingrid', actor);
      await store.load();
      return store;
    },
    /** Amina's outcome of `mt-gp`, as her page would have written it. */
    aminasComposition: () =>
      m.meetingOutcomeToFhir(draft('Amina: the GP renews the prescription.', amina), { version: options.version, patient: 'Patient/m-ingrid', index: new m.ResourceIndex(), teamId: 'team-ingrid', now: '2026-11-23T10:00:00Z' }),
    /** The PUTs sent since request number `from`, with the precondition headers they carried. */
    putsSince: (from) => ctx.server.requests.slice(from).filter((r) => r.method === 'PUT').map((r) => ({ path: r.path, ifMatch: r.ifMatch, ifNoneMatch: r.ifNoneMatch })),
  };
};

const notesOf = (composition) => composition.section[0].text.div;

describe('FhirSource R5, on a server whose CapabilityStatement says conditionalUpdate (R5: If-None-Match on update)', () => {
  const setup = onServer({ version: 'R5', conditionalUpdate: true });

  test('a new outcome is created with one PUT carrying If-None-Match: *, after a read of its id', async () => {
    const store = await setup.storeAs(kari);
    const from = setup.server.requests.length;
    const saved = await store.save({ entity: 'meeting-outcome', action: 'record', value: draft('Kari: short meeting.', kari) });
    try {
      assert.equal(saved.ok, true, saved.error?.detail);
      assert.deepEqual(setup.putsSince(from), [{ path: 'Composition/mo-mt-gp', ifMatch: undefined, ifNoneMatch: '*' }]);
      assert.ok(setup.server.requests.slice(from).some((r) => r.method === 'GET' && r.path === 'Composition/mo-mt-gp'), 'its id was read first');
      assert.match(notesOf(setup.server.get('Composition/mo-mt-gp')), /Kari: short meeting\./);
    } finally {
      setup.server.resources.delete('Composition/mo-mt-gp');
    }
  });

  test('someone else creates the same outcome between the read and the write: a conflict, and theirs is not replaced', async () => {
    const store = await setup.storeAs(kari);
    // Amina records the outcome of the same meeting just after Kari's page has looked for it.
    setup.server.afterNext('GET', 'Composition/mo-mt-gp', () => setup.server.seed(setup.aminasComposition()));
    try {
      const saved = await store.save({ entity: 'meeting-outcome', action: 'record', value: draft('Kari: short meeting.', kari) });
      // Before: the PUT carried no precondition, replaced Amina's outcome, and the page said saved.
      assert.equal(saved.ok, false, 'not saved over the outcome Amina created');
      assert.equal(saved.error.kind, 'conflict');
      assert.match(saved.error.detail, /Composition\/mo-mt-gp was created by someone else meanwhile/);
      const stored = setup.server.get('Composition/mo-mt-gp');
      assert.equal(stored.meta.versionId, '1', 'Amina\u2019s outcome is as she wrote it');
      assert.match(notesOf(stored), /Amina: the GP renews the prescription\./);
      // The store fetched what Amina wrote, so Kari is asked which notes to keep.
      assert.deepEqual(
        store.failureOf('meeting-outcome', 'mo-mt-gp').conflicts.map((c) => c.path.join('.')).sort(),
        ['parts.op-meeting.notes', 'recordedBy.id', 'recordedBy.name'],
      );
    } finally {
      setup.server.resources.delete('Composition/mo-mt-gp');
    }
  });

  test('the CapabilityStatement is read once per source, not once per create', async () => {
    const source = setup.source();
    const store = await setup.storeAs(kari, source);
    const from = setup.server.requests.length;
    try {
      assert.equal((await store.save({ entity: 'meeting-outcome', action: 'record', value: draft('First.', kari) })).ok, true);
      const outcome = store.snapshot.record.meetingOutcomes.find((o) => o.id === 'mo-mt-gp');
      const confirmed = await store.save({ entity: 'meeting-outcome', action: 'confirm', value: { ...outcome, confirmations: [{ memberId: kari.id, name: kari.name, at: '2026-11-23T11:00:00Z' }] } });
      assert.equal(confirmed.ok, true, confirmed.error?.detail);
      assert.equal(setup.server.requests.slice(from).filter((r) => r.path === 'metadata').length, 1);
      assert.deepEqual(setup.putsSince(from).map((p) => p.ifNoneMatch), ['*', '*'], 'the confirmation\u2019s new Communication is created the same way');
    } finally {
      setup.server.resources.delete('Composition/mo-mt-gp');
      setup.server.resources.delete(`Communication/${m.outcomeMessageId('mo-mt-gp', 'read', kari.id)}`);
    }
  });
});

describe('FhirSource R5, on a server that answers 304 Not Modified to If-None-Match: * over an existing resource', () => {
  const setup = onServer({ version: 'R5', conditionalUpdate: true, ifNoneMatch: 'not-modified' });

  test('the 304 is a conflict, never a save', async () => {
    const store = await setup.storeAs(kari);
    setup.server.afterNext('GET', 'Composition/mo-mt-gp', () => setup.server.seed(setup.aminasComposition()));
    try {
      const saved = await store.save({ entity: 'meeting-outcome', action: 'record', value: draft('Kari: short meeting.', kari) });
      assert.equal(saved.ok, false);
      assert.equal(saved.error.kind, 'conflict');
      assert.match(notesOf(setup.server.get('Composition/mo-mt-gp')), /Amina/);
    } finally {
      setup.server.resources.delete('Composition/mo-mt-gp');
    }
  });
});

for (const version of ['R4', 'R5']) {
  for (const [options, which] of [
    [{ version }, 'whose CapabilityStatement offers no create precondition'],
    ...(version === 'R4' ? [[{ version, conditionalUpdate: true }, 'that says conditionalUpdate (R4 defines no If-None-Match on update)']] : []),
  ]) {
    describe(`FhirSource ${version}, on a server ${which}`, () => {
      const setup = onServer(options);

      test('a new outcome is created as before: a read of its id, then a PUT without a precondition header', async () => {
        const store = await setup.storeAs(kari);
        const from = setup.server.requests.length;
        const saved = await store.save({ entity: 'meeting-outcome', action: 'record', value: draft('Kari: short meeting.', kari) });
        try {
          assert.equal(saved.ok, true, saved.error?.detail);
          assert.deepEqual(setup.putsSince(from), [{ path: 'Composition/mo-mt-gp', ifMatch: undefined, ifNoneMatch: undefined }]);
        } finally {
          setup.server.resources.delete('Composition/mo-mt-gp');
        }
      });

      test('an outcome someone else created before the read is still a conflict, and theirs is not replaced', async () => {
        const store = await setup.storeAs(kari);
        setup.server.seed(setup.aminasComposition());
        const from = setup.server.requests.length;
        try {
          const saved = await store.save({ entity: 'meeting-outcome', action: 'record', value: draft('Kari: short meeting.', kari) });
          assert.equal(saved.ok, false);
          assert.equal(saved.error.kind, 'conflict');
          assert.equal(setup.server.get('Composition/mo-mt-gp').meta.versionId, '1');
          assert.deepEqual(setup.putsSince(from), [], 'nothing was written');
        } finally {
          setup.server.resources.delete('Composition/mo-mt-gp');
        }
      });
    });
  }
}

for (const [ifNoneMatch, answers] of [
  ['precondition-failed', '412 to If-None-Match: * over an existing resource'],
  ['not-modified', '304 Not Modified to an entry\u2019s ifNoneMatch over an existing resource, and stores the other entries'],
]) describe(`FhirSource R5, a meeting outcome saved as one transaction on a server that says conditionalUpdate and answers ${answers}`, () => {
  const setup = onServer({ version: 'R5', transactions: true, conditionalUpdate: true, ifNoneMatch });

  /** Erik asks a question; Kari, in one save, rewords the last part's notes and answers it (a new Communication). */
  const askAndAnswer = async (questionId) => {
    const asker = await setup.storeAs(erik);
    const outcomeOf = (store) => store.snapshot.record.meetingOutcomes.find((o) => o.id === 'mo-october');
    const question = { id: questionId, memberId: erik.id, name: erik.name, at: '2026-10-30T10:00:00Z', partId: 'op-3', text: 'Can I come to the NAV meeting too?' };
    const asked = await asker.save({ entity: 'meeting-outcome', action: 'ask', value: { ...outcomeOf(asker), questions: [...outcomeOf(asker).questions, question] } });
    assert.equal(asked.ok, true, asked.error?.detail);
    const store = await setup.storeAs(kari);
    const seen = outcomeOf(store);
    const answer = (text, by) => (q) => (q.id === questionId ? { ...q, answer: text, answeredAt: '2026-10-30T12:00:00Z', answeredBy: { id: by.id, name: by.name } } : q);
    const change = {
      entity: 'meeting-outcome',
      action: 'record',
      value: { ...seen, parts: seen.parts.map((p, i) => (i === 3 ? { ...p, notes: `Erik may come to NAV (${questionId}).` } : p)), questions: seen.questions.map(answer('Yes, if Ingrid wants it.', kari)) },
    };
    /** The same answer as another coordinator's page writes it. */
    const theirs = () => m.outcomeMessagesToFhir({ ...seen, questions: seen.questions.map(answer('Amina: ask Ingrid first.', amina)) }, { version: 'R5', patient: 'Patient/m-ingrid', index: new m.ResourceIndex(), existing: [], coordinator: { id: amina.id, name: amina.name } });
    return { store, change, theirs, answerId: m.outcomeMessageId('mo-october', 'answer', questionId) };
  };

  test('the new answer\u2019s entry carries ifNoneMatch *, the changed Composition\u2019s ifMatch', async () => {
    const { store, change, answerId } = await askAndAnswer('oq-plain');
    const composition = setup.server.get('Composition/mo-october');
    const from = setup.server.requests.length;
    const saved = await store.save(change);
    assert.equal(saved.ok, true, saved.error?.detail);
    const posted = setup.server.requests.slice(from).find((r) => r.method === 'POST');
    assert.deepEqual(
      JSON.parse(posted.body).entry.map((e) => e.request),
      [
        { method: 'PUT', url: 'Composition/mo-october', ifMatch: `W/"${composition.meta.versionId}"` },
        { method: 'PUT', url: `Communication/${answerId}`, ifNoneMatch: '*' },
      ],
    );
  });

  test('someone else answers the same question between the read and the transaction: a conflict, and their answer is kept', async () => {
    const { store, change, theirs, answerId } = await askAndAnswer('oq-both');
    const composition = setup.server.get('Composition/mo-october');
    const answerOf = (c) => c.payload[0].contentCodeableConcept.text;
    setup.server.afterNext('GET', `Communication/${answerId}`, () => setup.server.seed(theirs().find((r) => r.id === answerId)));
    const from = setup.server.requests.length;
    const saved = await store.save(change);
    assert.deepEqual(setup.server.requests.slice(from).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`), ['POST '], 'one transaction');
    // Before: the entry had no precondition, Amina's answer was replaced and the page said saved.
    assert.equal(saved.ok, false);
    assert.equal(saved.error.kind, 'conflict');
    assert.equal(answerOf(setup.server.get(`Communication/${answerId}`)), 'Amina: ask Ingrid first.', 'the other answer is as it was written');
    assert.equal(setup.server.get(`Communication/${answerId}`).meta.versionId, '1');
    if (ifNoneMatch === 'precondition-failed') {
      assert.equal(setup.server.get('Composition/mo-october').meta.versionId, composition.meta.versionId, 'the notes did not go in without the answer');
    } else {
      // This server took the 304 for no failure and stored the notes: saved in part, and the answer is named as not saved.
      assert.equal(saved.error.name, 'PartlySavedError', saved.error.detail);
      assert.deepEqual(store.snapshot.record.audit.at(-1).notSaved, [['questions', 'oq-both', 'answer']]);
    }
  });
});

describe('FhirSource R4, on a server without a CapabilityStatement', () => {
  const setup = onServer({ version: 'R4' });

  test('creates still work, and the missing statement is asked for once, not before every create', async () => {
    const source = setup.source();
    const store = await setup.storeAs(kari, source);
    setup.server.failNext('GET', 404, 'No metadata here.', 'metadata');
    const from = setup.server.requests.length;
    try {
      assert.equal((await store.save({ entity: 'meeting-outcome', action: 'record', value: draft('First.', kari) })).ok, true);
      const outcome = store.snapshot.record.meetingOutcomes.find((o) => o.id === 'mo-mt-gp');
      const confirmed = await store.save({ entity: 'meeting-outcome', action: 'confirm', value: { ...outcome, confirmations: [{ memberId: kari.id, name: kari.name, at: '2026-11-23T11:00:00Z' }] } });
      assert.equal(confirmed.ok, true, confirmed.error?.detail);
      assert.equal(setup.server.requests.slice(from).filter((r) => r.path === 'metadata').length, 1);
      assert.deepEqual(setup.putsSince(from).map((p) => p.ifNoneMatch), [undefined, undefined]);
    } finally {
      setup.server.resources.delete('Composition/mo-mt-gp');
      setup.server.resources.delete(`Communication/${m.outcomeMessageId('mo-mt-gp', 'read', kari.id)}`);
    }
  });
});
