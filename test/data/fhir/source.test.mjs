// FhirSource end to end, over HTTP on loopback, against test/server/fhir/server.mjs (our own
// minimal FHIR REST test double: read, search with _include/_revinclude and paging, conditional
// update with If-Match and 412), seeded with the Fjordvik case mapped to FHIR and every official
// example. Run: node --test test/data/fhir/
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FhirTestServer, startFhirServer } from '../../server/fhir/server.mjs';
import { fjordvikAsFhir } from '../../server/fhir/fjordvik.mjs';
import { readCorpus } from './corpus-lib.mjs';
import { byId, contractPart, inTeam, loadFhirModule } from './load-source.mjs';

const m = await loadFhirModule();
const byTime = (list) => [...list].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
/** Communications have no order of their own: an outcome reads back with confirmations and questions oldest first. */
const oldestFirst = (o) => ({ ...o, confirmations: byTime(o.confirmations), questions: byTime(o.questions) });


/** An active CarePlan with two activities of Kari's and a note the mapping does not know. */
const twoActivityPlan = (id) => ({
  resourceType: 'CarePlan',
  id,
  status: 'active',
  intent: 'plan',
  subject: { reference: 'Patient/m-ingrid' },
  note: [{ text: 'Kept by the server' }],
  activity: [
    { detail: { status: 'scheduled', code: { text: 'Dose dispenser' }, performer: [{ reference: 'Practitioner/m-kari' }] } },
    { detail: { status: 'scheduled', code: { text: 'Weekly walk' }, performer: [{ reference: 'Practitioner/m-kari' }] } },
  ],
});

for (const version of ['R4', 'R5']) {
  describe(`FhirSource ${version} against the loopback FHIR test server`, () => {
    let server;
    let http;
    let seed;
    before(async () => {
      server = new FhirTestServer({ version, pageSize: 4 });
      seed = fjordvikAsFhir(m, version);
      const { found, referenced } = readCorpus(version);
      server.seed(referenced, found.filter((f) => f.where === 'file').map((f) => f.resource));
      server.seed(seed.resources);
      http = await startFhirServer(server);
    });
    after(() => http.close());

    const source = (extra = {}) => new m.FhirSource({ baseUrl: http.url, version, patient: 'm-ingrid', ...extra });

    test('loads the whole care record through paged searches with _include', async () => {
      server.requests.length = 0;
      const record = await source().load('team-ingrid');
      assert.deepEqual(contractPart(record.team), contractPart(seed.record.team));
      assert.deepEqual(byId(record.responsibilities), byId(inTeam(seed.record.responsibilities)));
      assert.deepEqual(byId(record.consents), byId(seed.record.consents));
      assert.deepEqual(byId(record.meetings), byId(inTeam(seed.record.meetings)));
      assert.deepEqual(byId(record.crisisPlans), byId(seed.record.crisisPlans), 'the crisis plan comes from its CarePlan, not as responsibilities');
      assert.deepEqual(byId(record.meetingOutcomes), byId(seed.record.meetingOutcomes.map(oldestFirst)), 'the outcome from its Composition, confirmations and questions from their Communications');
      assert.deepEqual(
        record.availability.map((a) => ({ memberId: a.memberId, busy: a.busy })).sort((a, b) => a.memberId.localeCompare(b.memberId)),
        seed.record.availability.map((a) => ({ memberId: a.memberId, busy: a.busy })).sort((a, b) => a.memberId.localeCompare(b.memberId)),
      );
      assert.equal(record.consents[0].meta.version, '1');
      assert.ok(server.requests.some((r) => decodeURIComponent(r.query).includes('_include=CareTeam:participant')), 'the CareTeam search includes its participants');
      assert.ok(server.requests.some((r) => r.query.includes('_offset=')), 'a search was paged through link[next]');
      assert.ok(server.requests.every((r) => r.method === 'GET'));
    });

    test('a CareTeam the contract refuses is named in FHIR terms: resource, element and what to change, never a contract path', async () => {
      const coordinator = { coding: [{ system: 'http://snomed.info/sct', code: '768821004' }] };
      const role = version === 'R4' ? [coordinator] : coordinator;
      const periodKey = version === 'R4' ? 'period' : 'coveragePeriod';
      server.seed({
        resourceType: 'CareTeam',
        id: 'team-refused',
        status: 'active',
        // Another patient's team, so the searches by patient in the other tests do not find it.
        subject: { reference: 'Patient/refused-case', display: 'Per Refused' },
        participant: [
          { role, member: { reference: 'Practitioner/m-kari' } },
          { member: { reference: 'Practitioner/m-sofie' }, [periodKey]: { start: '2026-05-01', end: '2026-01-31' } },
          { role, member: { reference: 'Practitioner/m-lars' } },
        ],
      });
      const error = await source({ patient: 'refused-case' }).load('team-refused').then(() => undefined, (e) => e);
      assert.ok(error, 'the load fails');
      assert.equal(error.kind, 'contract');
      const message = error.detail || error.message;
      assert.match(message, /^CareTeam\/team-refused /);
      assert.ok(message.includes('CareTeam.participant[0].role, CareTeam.participant[2].role: the team can have at most one active coordinator'), message);
      assert.ok(message.includes('Fix: keep the care team coordinator role (SNOMED CT 768821004) on one active participant only'), message);
      assert.ok(message.includes(`CareTeam.participant[1].${periodKey}: the period ends before it starts. Fix: set ${periodKey}.end on or after ${periodKey}.start`), message);
      assert.doesNotMatch(message, /team\.members|members\[/, 'no contract path');
      assert.deepEqual(error.issues.map((i) => i.path), ['CareTeam.participant[1].' + periodKey, 'CareTeam.participant[0].role, CareTeam.participant[2].role'].sort((a, b) => message.indexOf(a) - message.indexOf(b)));
    });

    test('one Task or Appointment the contract refuses is left out with a note naming its FHIR element, the rest loads', async () => {
      server.seed(
        { resourceType: 'Appointment', id: 'too-long', status: 'booked', description: 'x'.repeat(600), start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z', participant: [{ actor: { reference: 'Patient/m-ingrid' }, status: 'accepted' }], ...(version === 'R5' ? { subject: { reference: 'Patient/m-ingrid' } } : {}) },
        { resourceType: 'Task', id: 'too-long', status: 'requested', intent: 'plan', for: { reference: 'Patient/m-ingrid' }, code: { text: 'y'.repeat(600) } },
      );
      try {
        const fhirSource = source();
        const record = await fhirSource.load('team-ingrid');
        assert.ok(record.meetings.length > 0 && !record.meetings.some((x) => x.id === 'too-long'));
        const appointment = fhirSource.notes.find((n) => n.resourceType === 'Appointment' && n.id === 'too-long');
        const task = fhirSource.notes.find((n) => n.resourceType === 'Task' && n.id === 'too-long');
        assert.equal(appointment.kind, 'refused');
        assert.equal(appointment.path, 'Appointment.description');
        assert.match(m.formatNote(appointment), /^Appointment\/too-long \(Appointment\.description\): Appointment\.description: is too long \(at most \d+ characters, found 600\) Fix: correct Appointment\.description/);
        assert.equal(task.path, 'Task.code.text');
        assert.doesNotMatch(m.formatNote(task), /does not follow the data contract|title/, 'no contract wording or field name');
        // What the store and <care-context> report as left out: the resource, where, and why.
        const leftOut = fhirSource.leftOut.filter((item) => item.id.endsWith('/too-long'));
        assert.deepEqual(leftOut.map(({ entity, id, at }) => ({ entity, id, at })), [
          { entity: 'Responsibility', id: 'Task/too-long', at: 'Task.code.text' },
          { entity: 'Meeting', id: 'Appointment/too-long', at: 'Appointment.description' },
        ].sort((a, b) => fhirSource.leftOut.findIndex((x) => x.id === a.id) - fhirSource.leftOut.findIndex((x) => x.id === b.id)));
        assert.match(leftOut.find((item) => item.entity === 'Meeting').issues[0].message, /is too long/);
      } finally {
        server.resources.delete('Appointment/too-long');
        server.resources.delete('Task/too-long');
      }
    });

    test("without a team id it finds the patient's CareTeam", async () => {
      const record = await source().load('');
      assert.equal(record.team.id, 'team-ingrid');
      assert.equal(record.team.serviceUserId, 'Patient/m-ingrid');
    });

    test('a consent withdrawn through the store arrives at the server as status inactive', async () => {
      const store = new m.CareStore(source(), 'team-ingrid', { id: 'Patient/m-ingrid', name: 'Ingrid Solberg' });
      await store.load();
      const granted = store.snapshot.record.consents.find((c) => c.state === 'granted');
      const before = server.get(`Consent/${granted.id}`);
      const outcome = await store.save({
        entity: 'consent',
        action: 'withdraw',
        value: { ...granted, state: 'withdrawn', since: '2026-11-23T10:00:00Z', history: [...granted.history, { state: 'withdrawn', at: '2026-11-23T10:00:00Z', method: 'digital' }] },
      });
      assert.equal(outcome.ok, true, outcome.error?.detail);
      const stored = server.get(`Consent/${granted.id}`);
      assert.equal(stored.status, 'inactive');
      assert.deepEqual(stored.provision, before.provision, 'the provisions stay as they were');
      if (version === 'R5') assert.equal(stored.decision, before.decision);
      const put = server.requests.findLast((r) => r.method === 'PUT');
      assert.equal(put.ifMatch, `W/"${before.meta.versionId}"`);
      assert.equal(outcome.value.meta.version, String(Number(before.meta.versionId) + 1));
      assert.equal(outcome.value.state, 'withdrawn');
      assert.equal(store.snapshot.record.consents.find((c) => c.id === granted.id).state, 'withdrawn');
    });

    test('a guardian who decided a consent and is not on the team is read with the consents, and shown by name and relation', async () => {
      // Marit Berg is Sindre's guardian (GUARD) and decided for him; she is not a member of his CareTeam.
      const coordinator = { coding: [{ system: 'http://snomed.info/sct', code: '768821004' }] };
      server.seed(
        { resourceType: 'Patient', id: 'guard-sindre', name: [{ text: 'Sindre Berg' }] },
        { resourceType: 'Practitioner', id: 'guard-coordinator', name: [{ text: 'Kari Nilsen' }] },
        { resourceType: 'Organization', id: 'guard-home-care', name: 'Fjordvik Home Care' },
        { resourceType: 'RelatedPerson', id: 'guard-marit', patient: { reference: 'Patient/guard-sindre' }, name: [{ text: 'Marit Berg' }], relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'GUARD' }] }] },
        {
          resourceType: 'CareTeam',
          id: 'team-guard',
          status: 'active',
          subject: { reference: 'Patient/guard-sindre' },
          participant: [
            { role: version === 'R4' ? [coordinator] : coordinator, member: { reference: 'Practitioner/guard-coordinator' } },
            { member: { reference: 'Patient/guard-sindre' } },
          ],
        },
      );
      const recipient = { role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] }, reference: { reference: 'Organization/guard-home-care' } };
      const guardian = [{ reference: 'RelatedPerson/guard-marit' }];
      server.seed(
        version === 'R4'
          ? { resourceType: 'Consent', id: 'consent-guard', status: 'active', scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] }, patient: { reference: 'Patient/guard-sindre' }, dateTime: '2026-03-02T10:00:00+01:00', performer: guardian, provision: { type: 'permit', actor: [recipient] } }
          : { resourceType: 'Consent', id: 'consent-guard', status: 'active', category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'INFA' }] }], subject: { reference: 'Patient/guard-sindre' }, date: '2026-03-02', grantor: guardian, grantee: [recipient.reference], decision: 'deny', provision: [{ actor: [recipient] }] },
      );
      server.requests.length = 0;
      const record = await source({ patient: 'guard-sindre' }).load('team-guard');
      assert.equal(record.team.members.some((member) => member.id === 'RelatedPerson/guard-marit'), false, 'the guardian is not on the team');
      const consent = record.consents.find((c) => c.id === 'consent-guard');
      assert.equal(consent.state, 'granted');
      assert.deepEqual(consent.decidedBy, { name: 'Marit Berg', relation: 'guardian', memberId: 'RelatedPerson/guard-marit' }, 'her name and relation, so the person and an auditor see that she decided');
      const searches = server.requests.map((r) => `${r.path}${decodeURIComponent(r.query)}`);
      if (version === 'R4') {
        assert.ok(searches.some((s) => s.includes('Consent?') && s.includes('_include=Consent:consentor')), 'R4: the consent search includes who decided (Consent:consentor)');
        assert.ok(searches.every((s) => !s.startsWith('RelatedPerson')), 'R4: nothing more to read');
      } else {
        assert.ok(searches.every((s) => !s.includes('Consent:grantor')), 'R5 defines no search parameter for grantor: it is never asked for');
        assert.ok(searches.includes('RelatedPerson?_id=guard-marit'), 'R5: who decided is read by id');
      }
    });

    test('a crisis plan saved through the store is written to its CarePlan: a contact moved, the rest of the resource kept', async () => {
      server.seed({ ...server.get('CarePlan/cp-ingrid'), author: { reference: 'Practitioner/m-kari' } });
      const store = new m.CareStore(source(), 'team-ingrid', { id: 'Patient/m-ingrid', name: 'Ingrid Solberg' });
      await store.load();
      const plan = store.snapshot.record.crisisPlans[0];
      const before = server.get('CarePlan/cp-ingrid');
      const [first, second, ...rest] = plan.stages[1].contacts;
      const value = { ...plan, version: plan.version + 1, stages: plan.stages.map((s, i) => (i === 1 ? { ...s, contacts: [second, first, ...rest] } : s)) };
      const outcome = await store.save({ entity: 'crisis-plan', action: 'edit', value });
      assert.equal(outcome.ok, true, outcome.error?.detail);
      const put = server.requests.findLast((r) => r.method === 'PUT');
      assert.equal(put.ifMatch, `W/"${before.meta.versionId}"`);
      const stored = server.get('CarePlan/cp-ingrid');
      assert.deepEqual(stored.author, { reference: 'Practitioner/m-kari' }, 'what the mapping does not know is kept');
      assert.deepEqual(stored.activity, before.activity, 'the measures did not change');
      assert.deepEqual(store.snapshot.record.crisisPlans[0].stages[1].contacts.map((c) => c.id), ['cw-2', 'cw-1', 'cw-3']);
      assert.equal(outcome.value.meta.version, String(Number(before.meta.versionId) + 1));
    });

    test('a crisis-plan measure nobody agreed to (its Task requested) is not shown, and a save through the store keeps it as it was', async () => {
      const original = server.get('CarePlan/cp-ingrid');
      const seeded = JSON.parse(JSON.stringify(original));
      const element = version === 'R5' ? 'plannedActivityReference' : 'reference';
      const requested = seeded.contained.find((r) => `#${r.id}` === seeded.activity[0][element].reference);
      requested.status = 'requested';
      server.seed(seeded);
      const store = new m.CareStore(source(), 'team-ingrid', { id: 'Patient/m-ingrid', name: 'Ingrid Solberg' });
      await store.load();
      const plan = store.snapshot.record.crisisPlans[0];
      const measures = plan.stages.flatMap((s) => s.measures.map((x) => x.text));
      assert.ok(!measures.includes(requested.description), 'a measure only asked for is not what is done in a crisis');
      const [first, second, ...rest] = plan.stages[1].contacts;
      const value = { ...plan, version: plan.version + 1, stages: plan.stages.map((s, i) => (i === 1 ? { ...s, contacts: [second, first, ...rest], measures: s.measures.slice(1) } : s)) };
      const outcome = await store.save({ entity: 'crisis-plan', action: 'edit', value });
      assert.equal(outcome.ok, true, outcome.error?.detail);
      const stored = server.get('CarePlan/cp-ingrid');
      assert.deepEqual(stored.contained.find((r) => r.id === requested.id), requested, 'the requested Task is kept, still requested');
      assert.ok(stored.activity.some((a) => a[element].reference === `#${requested.id}`), 'and still an activity of the plan');
      assert.ok(!outcome.value.stages.flatMap((s) => s.measures.map((x) => x.text)).includes(requested.description), 'and still not shown');
      server.seed(original);
    });

    test('two activities of one CarePlan saved one after the other: both saved, no conflict that nobody caused; a real one still is', async () => {
      server.seed(twoActivityPlan('cp-two'));
      const store = new m.CareStore(source(), 'team-ingrid', { id: 'm-kari', name: 'Kari Nilsen' });
      await store.load();
      const of = (id) => store.snapshot.record.responsibilities.find((r) => r.id === id);
      const [first, second] = [of('cp-two.activity-1'), of('cp-two.activity-2')];
      assert.ok(first && second, 'both activities are read as responsibilities');
      const read = server.get('CarePlan/cp-two').meta.versionId;
      const one = await store.save({ entity: 'responsibility', action: 'edit', value: { ...first, title: 'Dose dispenser every Monday' } });
      assert.equal(one.ok, true, one.error?.detail);
      const two = await store.save({ entity: 'responsibility', action: 'edit', value: { ...of('cp-two.activity-2'), title: 'Weekly walk on Thursdays' } });
      assert.equal(two.ok, true, `the second save met ${two.error?.kind} (${two.error?.detail})`);
      const stored = server.get('CarePlan/cp-two');
      assert.deepEqual(stored.activity.map((a) => a.detail.code.text), ['Dose dispenser every Monday', 'Weekly walk on Thursdays'], 'neither change is lost');
      assert.deepEqual(stored.note, [{ text: 'Kept by the server' }]);
      const puts = server.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('CarePlan/cp-two'));
      assert.deepEqual(puts.map((p) => p.ifMatch), [`W/"${read}"`, `W/"${Number(read) + 1}"`], 'the second write is made on the version the first one made');
      // Someone else changes the plan: the next save of an activity read before is a conflict again.
      server.seed({ ...server.get('CarePlan/cp-two'), note: [{ text: 'Changed by someone else' }] });
      const three = await store.save({ entity: 'responsibility', action: 'edit', value: { ...of('cp-two.activity-1'), title: 'Dose dispenser on Mondays' } });
      assert.equal(three.ok, false);
      assert.equal(three.error.kind, 'conflict');
      assert.equal(server.get('CarePlan/cp-two').activity[0].detail.code.text, 'Dose dispenser every Monday', 'nothing was overwritten');
      server.resources.delete('CarePlan/cp-two');
    });

    test('an activity of a draft CarePlan is proposed; agreeing to it writes nothing, an edit keeps the draft as it was', async () => {
      server.seed({
        resourceType: 'CarePlan',
        id: 'cp-draft',
        status: 'draft',
        intent: 'plan',
        subject: { reference: 'Patient/m-ingrid' },
        author: { reference: 'Practitioner/m-lars' },
        activity: [{ detail: { status: 'in-progress', code: { text: 'Home visits twice a week' }, performer: [{ reference: 'Practitioner/m-kari' }] } }],
      });
      const store = new m.CareStore(source(), 'team-ingrid', { id: 'm-kari', name: 'Kari Nilsen' });
      await store.load();
      const visits = () => store.snapshot.record.responsibilities.find((r) => r.id === 'cp-draft.activity-1');
      assert.equal(visits().status, 'proposed', 'nobody agreed to an activity of a plan still drafted');
      const before = server.get('CarePlan/cp-draft');
      server.requests.length = 0;
      const agree = await store.save({ entity: 'responsibility', action: 'agree', value: { ...visits(), status: 'agreed' } });
      assert.equal(agree.ok, false, 'agreeing is not saved');
      assert.equal(agree.error.kind, 'rejected');
      assert.match(agree.error.detail, /CarePlan\/cp-draft is a draft/);
      assert.equal(server.requests.filter((r) => r.method === 'PUT').length, 0, 'nothing was written');
      assert.deepEqual(server.get('CarePlan/cp-draft'), before);
      assert.equal(visits().status, 'proposed', 'the page goes back to proposed');
      store.dismiss('responsibility', 'cp-draft.activity-1');
      const rename = await store.save({ entity: 'responsibility', action: 'edit', value: { ...visits(), title: 'Home visits on Mondays' } });
      assert.equal(rename.ok, true, rename.error?.detail);
      const stored = server.get('CarePlan/cp-draft');
      assert.deepEqual({ ...stored, meta: undefined, activity: undefined }, { ...before, meta: undefined, activity: undefined }, 'the draft stays a draft, by the same author');
      assert.deepEqual(stored.activity[0].detail, { ...before.activity[0].detail, code: { text: 'Home visits on Mondays' } });
      assert.equal(rename.value.status, 'proposed');
      server.resources.delete('CarePlan/cp-draft');
    });

    test('two activities of one CarePlan saved at the same moment: the second waits for the first and goes on top of it; a change by someone else is still a conflict', async () => {
      server.seed(twoActivityPlan('cp-both'));
      server.requests.length = 0;
      const store = new m.CareStore(source(), 'team-ingrid', { id: 'm-kari', name: 'Kari Nilsen' });
      await store.load();
      const of = (id) => store.snapshot.record.responsibilities.find((r) => r.id === id);
      const read = server.get('CarePlan/cp-both').meta.versionId;
      // Kari changes both, one right after the other, before either answer came back: both were read at the same version.
      const [one, two] = await Promise.all([
        store.save({ entity: 'responsibility', action: 'edit', value: { ...of('cp-both.activity-1'), title: 'Dose dispenser every Monday' } }),
        store.save({ entity: 'responsibility', action: 'edit', value: { ...of('cp-both.activity-2'), title: 'Weekly walk on Thursdays' } }),
      ]);
      assert.equal(one.ok, true, one.error?.detail);
      assert.equal(two.ok, true, `the second save met ${two.error?.kind} (${two.error?.detail}) though nobody else changed the plan`);
      const stored = server.get('CarePlan/cp-both');
      assert.deepEqual(stored.activity.map((a) => a.detail.code.text), ['Dose dispenser every Monday', 'Weekly walk on Thursdays'], 'neither change is lost');
      assert.deepEqual(stored.note, [{ text: 'Kept by the server' }]);
      const puts = server.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('CarePlan/cp-both'));
      assert.deepEqual(puts.map((p) => p.ifMatch), [`W/"${read}"`, `W/"${Number(read) + 1}"`], 'the second write is made on the version the first one made');
      assert.deepEqual([one.value.meta.version, two.value.meta.version], [String(Number(read) + 1), String(Number(read) + 2)], 'each has the version its own write made');
      assert.deepEqual([of('cp-both.activity-1').title, of('cp-both.activity-2').title], ['Dose dispenser every Monday', 'Weekly walk on Thursdays']);

      // Someone else changes the plan; two saves at the same moment on the version read before both meet a conflict, and nothing is overwritten.
      server.seed({ ...server.get('CarePlan/cp-both'), note: [{ text: 'Changed by someone else' }] });
      const [three, four] = await Promise.all([
        store.save({ entity: 'responsibility', action: 'edit', value: { ...of('cp-both.activity-1'), title: 'Dose dispenser on Mondays' } }),
        store.save({ entity: 'responsibility', action: 'edit', value: { ...of('cp-both.activity-2'), title: 'Walk on Fridays' } }),
      ]);
      assert.deepEqual([three.ok, four.ok], [false, false]);
      assert.deepEqual([three.error.kind, four.error.kind], ['conflict', 'conflict']);
      const after = server.get('CarePlan/cp-both');
      assert.deepEqual(after.activity.map((a) => a.detail.code.text), ['Dose dispenser every Monday', 'Weekly walk on Thursdays'], 'nothing was overwritten');
      assert.deepEqual(after.note, [{ text: 'Changed by someone else' }]);
      server.resources.delete('CarePlan/cp-both');
    });

    test('a change made on an outdated version is reported as a conflict, with the server message', async () => {
      const store = new m.CareStore(source(), 'team-ingrid', { name: 'Kari Nilsen' });
      await store.load();
      const task = store.snapshot.record.responsibilities.find((r) => r.status === 'agreed');
      server.seed({ ...server.get(`Task/${task.id}`), description: 'Changed by someone else' });
      const outcome = await store.save({ entity: 'responsibility', action: 'end', value: { ...task, status: 'ended' } });
      assert.equal(outcome.ok, false);
      assert.equal(outcome.error.kind, 'conflict');
      assert.equal(outcome.error.status, 412);
      assert.match(outcome.error.detail, /Someone else changed this Task first/);
      assert.equal(store.snapshot.record.responsibilities.find((r) => r.id === task.id).status, 'agreed', 'the store rolled back');
      assert.equal(store.snapshot.failures.get(`responsibility/${task.id}`).error.kind, 'conflict');
      assert.equal(server.get(`Task/${task.id}`).description, 'Changed by someone else', 'nothing was overwritten');
    });

    test('a meeting and the team save with merged writes that keep unknown elements', async () => {
      const fhir = source();
      const record = await fhir.load('team-ingrid');
      server.seed({ ...server.get('CareTeam/team-ingrid'), category: [{ text: 'Kept by the server' }] });
      const reloaded = await fhir.load('team-ingrid');
      const team = { ...reloaded.team, name: 'Ingrid og hennes team' };
      const saved = await fhir.save({ entity: 'team', action: 'rename', value: team, id: 'c1', actor: { name: 'Kari' }, at: '2026-11-23T10:00:00Z', baseVersion: team.meta.version, create: false });
      assert.equal(saved.name, 'Ingrid og hennes team');
      assert.deepEqual(server.get('CareTeam/team-ingrid').category, [{ text: 'Kept by the server' }]);
      const meeting = record.meetings[0];
      const cancelled = await fhir.save({ entity: 'meeting', action: 'cancel', value: { ...meeting, status: 'cancelled' }, id: 'c2', actor: { name: 'Kari' }, at: '2026-11-23T10:00:00Z', baseVersion: meeting.meta.version, create: false });
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(server.get(`Appointment/${meeting.id}`).status, 'cancelled');
    });

    describe('meeting outcomes', () => {
      const NS = 'https://care-elements.dev/fhir';
      const storeAs = async (actor) => {
        const store = new m.CareStore(source(), 'team-ingrid', actor);
        await store.load();
        return store;
      };
      const outcomeIn = (store) => store.snapshot.record.meetingOutcomes.find((o) => o.id === 'mo-october');
      const putsSince = (n) => server.requests.slice(n).filter((r) => r.method === 'PUT').map((r) => r.path);

      test('a participant\u2019s "I have read this" through the store is one new Communication to the coordinator; the Composition is not written', async () => {
        const store = await storeAs({ id: 'Practitioner/m-lars', name: 'Lars Haugen' });
        const outcome = outcomeIn(store);
        const composition = server.get('Composition/mo-october');
        const from = server.requests.length;
        const saved = await store.save({ entity: 'meeting-outcome', action: 'confirm', value: { ...outcome, confirmations: [...outcome.confirmations, { memberId: 'Practitioner/m-lars', name: 'Lars Haugen', at: '2026-10-30T09:00:00Z' }] } });
        assert.equal(saved.ok, true, saved.error?.detail);
        const id = m.outcomeMessageId('mo-october', 'read', 'Practitioner/m-lars');
        assert.deepEqual(putsSince(from), [`Communication/${id}`]);
        const stored = server.get(`Communication/${id}`);
        assert.deepEqual(stored.sender, { reference: 'Practitioner/m-lars', display: 'Lars Haugen' });
        assert.deepEqual(stored.recipient, [{ reference: 'Practitioner/m-kari', display: 'Kari Nilsen' }]);
        assert.deepEqual(stored.about, [{ reference: 'Composition/mo-october' }]);
        assert.deepEqual(stored.category[0].coding[0], { system: `${NS}/CodeSystem/outcome-message`, code: 'read' });
        assert.equal(server.get('Composition/mo-october').meta.versionId, composition.meta.versionId, 'the Composition is as it was');
        assert.ok(outcomeIn(store).confirmations.some((c) => c.memberId === 'Practitioner/m-lars'));
        const reloaded = await source().load('team-ingrid');
        assert.deepEqual(reloaded.meetingOutcomes[0].confirmations.map((c) => c.memberId), ['Practitioner/m-amina', 'Patient/m-ingrid', 'Practitioner/m-lars']);
      });

      test('a question reaches the coordinator as a Communication; the coordinator\u2019s answer is a Communication in response to it', async () => {
        const asker = await storeAs({ id: 'RelatedPerson/m-erik', name: 'Erik Solberg' });
        const outcome = outcomeIn(asker);
        const question = { id: 'oq-fhir', memberId: 'RelatedPerson/m-erik', name: 'Erik Solberg', at: '2026-10-30T10:00:00Z', partId: 'op-3', text: 'Can I come to the NAV meeting too?' };
        const asked = await asker.save({ entity: 'meeting-outcome', action: 'ask', value: { ...outcome, questions: [...outcome.questions, question] } });
        assert.equal(asked.ok, true, asked.error?.detail);
        const questionId = m.outcomeMessageId('mo-october', 'question', 'oq-fhir');
        const sent = server.get(`Communication/${questionId}`);
        assert.deepEqual(sent.recipient, [{ reference: 'Practitioner/m-kari', display: 'Kari Nilsen' }], 'to the coordinator');
        assert.deepEqual(sent.sender, { reference: 'RelatedPerson/m-erik', display: 'Erik Solberg' });
        assert.equal(version === 'R5' ? sent.payload[0].contentCodeableConcept.text : sent.payload[0].contentString, question.text);

        const coordinator = await storeAs({ id: 'Practitioner/m-kari', name: 'Kari Nilsen', organisationId: 'Organization/org-home-care' });
        const seen = outcomeIn(coordinator);
        assert.deepEqual(contractPart(seen.questions.find((q) => q.id === 'oq-fhir')), question, 'the coordinator sees it after a load');
        const from = server.requests.length;
        const answered = await coordinator.save({
          entity: 'meeting-outcome',
          action: 'answer',
          value: { ...seen, questions: seen.questions.map((q) => (q.id === 'oq-fhir' ? { ...q, answer: 'Yes, if Ingrid wants it.', answeredAt: '2026-10-30T12:00:00Z', answeredBy: { id: 'Practitioner/m-kari', name: 'Kari Nilsen' } } : q)) },
        });
        assert.equal(answered.ok, true, answered.error?.detail);
        const answerId = m.outcomeMessageId('mo-october', 'answer', 'oq-fhir');
        assert.deepEqual(putsSince(from), [`Communication/${answerId}`], 'only the answer is written');
        assert.deepEqual(server.get(`Communication/${answerId}`).inResponseTo, [{ reference: `Communication/${questionId}` }]);
        assert.deepEqual(server.get(`Communication/${answerId}`).recipient, [sent.sender]);
        const again = await source().load('team-ingrid');
        assert.equal(again.meetingOutcomes[0].questions.find((q) => q.id === 'oq-fhir').answer, 'Yes, if Ingrid wants it.');
      });

      test('two people answering the same question at once: the second is a conflict, the first answer is not replaced', async () => {
        const asker = await storeAs({ id: 'RelatedPerson/m-erik', name: 'Erik Solberg' });
        const question = { id: 'oq-twice', memberId: 'RelatedPerson/m-erik', name: 'Erik Solberg', at: '2026-10-30T10:00:00Z', partId: 'op-3', text: 'Who drives Ingrid to NAV?' };
        const asked = await asker.save({ entity: 'meeting-outcome', action: 'ask', value: { ...outcomeIn(asker), questions: [...outcomeIn(asker).questions, question] } });
        assert.equal(asked.ok, true, asked.error?.detail);
        const answerId = m.outcomeMessageId('mo-october', 'answer', 'oq-twice');
        try {
          // Both read the question before either answered.
          const kari = await storeAs({ id: 'Practitioner/m-kari', name: 'Kari Nilsen' });
          const lars = await storeAs({ id: 'Practitioner/m-lars', name: 'Lars Haugen' });
          const answer = (store, text, by) => {
            const seen = outcomeIn(store);
            return store.save({ entity: 'meeting-outcome', action: 'answer', value: { ...seen, questions: seen.questions.map((q) => (q.id === 'oq-twice' ? { ...q, answer: text, answeredAt: '2026-10-30T12:00:00Z', answeredBy: by } : q)) } });
          };
          const first = await answer(kari, 'Kari drives her.', { id: 'Practitioner/m-kari', name: 'Kari Nilsen' });
          assert.equal(first.ok, true, first.error?.detail);
          const second = await answer(lars, 'Lars drives her.', { id: 'Practitioner/m-lars', name: 'Lars Haugen' });
          assert.equal(second.ok, false, 'not written over the first answer');
          assert.equal(second.error.kind, 'conflict');
          const stored = server.get(`Communication/${answerId}`);
          assert.equal(version === 'R5' ? stored.payload[0].contentCodeableConcept.text : stored.payload[0].contentString, 'Kari drives her.');
          const reloaded = await source().load('team-ingrid');
          assert.equal(reloaded.meetingOutcomes[0].questions.find((q) => q.id === 'oq-twice').answer, 'Kari drives her.');
        } finally {
          server.resources.delete(`Communication/${answerId}`);
          server.resources.delete(`Communication/${m.outcomeMessageId('mo-october', 'question', 'oq-twice')}`);
        }
      });

      test('the coordinator\u2019s edit is a conditional update of the Composition that keeps what the mapping does not know; a stale one is a conflict', async () => {
        server.seed({ ...server.get('Composition/mo-october'), confidentiality: 'N', identifier: { system: 'urn:oid:2.16.578.1', value: 'doc-9' } });
        const store = await storeAs({ id: 'Practitioner/m-kari', name: 'Kari Nilsen' });
        const outcome = outcomeIn(store);
        const before = server.get('Composition/mo-october');
        const from = server.requests.length;
        const parts = outcome.parts.map((p, i) => (i === 3 ? { ...p, decisions: [{ id: 'od-new', text: 'We meet again in January.' }] } : p));
        const saved = await store.save({ entity: 'meeting-outcome', action: 'record', value: { ...outcome, parts } });
        assert.equal(saved.ok, true, saved.error?.detail);
        assert.deepEqual(putsSince(from), ['Composition/mo-october'], 'no Communication is rewritten');
        const put = server.requests.findLast((r) => r.method === 'PUT');
        assert.equal(put.ifMatch, `W/"${before.meta.versionId}"`);
        const stored = server.get('Composition/mo-october');
        assert.equal(stored.confidentiality, 'N');
        assert.deepEqual(stored.identifier, before.identifier);
        assert.deepEqual(stored.section.slice(0, 3), before.section.slice(0, 3), 'unchanged parts as they were');
        assert.equal(saved.value.meta.version, String(Number(before.meta.versionId) + 1));
        assert.deepEqual(outcomeIn(store).parts[3].decisions, [{ id: 'od-new', text: 'We meet again in January.' }]);

        server.seed({ ...server.get('Composition/mo-october'), title: 'Changed by someone else' });
        const stale = await store.save({ entity: 'meeting-outcome', action: 'record', value: { ...outcomeIn(store), parts: outcomeIn(store).parts.map((p, i) => (i === 3 ? { ...p, notes: 'Mine' } : p)) } });
        assert.equal(stale.ok, false);
        assert.equal(stale.error.kind, 'conflict');
        assert.equal(server.get('Composition/mo-october').title, 'Changed by someone else', 'nothing was overwritten');
      });

      test('a new outcome is created with a PUT without If-Match, as a preliminary Composition about the person', async () => {
        const store = await storeAs({ id: 'Practitioner/m-kari', name: 'Kari Nilsen' });
        const draft = { id: 'mo-new', meetingId: 'mt-october', status: 'draft', parts: [{ id: 'op-meeting', notes: 'Short meeting.', decisions: [], actions: [], categories: [] }], confirmations: [], questions: [], recordedBy: { id: 'Practitioner/m-kari', name: 'Kari Nilsen' } };
        const saved = await store.save({ entity: 'meeting-outcome', action: 'record', value: draft });
        assert.equal(saved.ok, true, saved.error?.detail);
        const put = server.requests.findLast((r) => r.method === 'PUT');
        assert.equal(put.path, 'Composition/mo-new');
        assert.equal(put.ifMatch, undefined);
        const stored = server.get('Composition/mo-new');
        assert.equal(stored.status, 'preliminary');
        assert.deepEqual(stored.subject, version === 'R5' ? [{ reference: 'Patient/m-ingrid' }] : { reference: 'Patient/m-ingrid' });
        assert.deepEqual(stored.author[0], { reference: 'Practitioner/m-kari', display: 'Kari Nilsen' });
        const reloaded = await source().load('team-ingrid');
        assert.deepEqual(contractPart(reloaded.meetingOutcomes.find((o) => o.id === 'mo-new')), draft);
        server.resources.delete('Composition/mo-new');
      });

      test('two people creating the outcome of one meeting at once: the second is a conflict, the first is not overwritten', async () => {
        const kari = await storeAs({ id: 'Practitioner/m-kari', name: 'Kari Nilsen' });
        const amina = await storeAs({ id: 'Practitioner/m-amina', name: 'Amina Yusuf' });
        const draft = (notes, by) => ({ id: 'mo-both', meetingId: 'mt-october', status: 'draft', parts: [{ id: 'op-meeting', notes, decisions: [], actions: [], categories: [] }], confirmations: [], questions: [], recordedBy: by });
        try {
          const first = await kari.save({ entity: 'meeting-outcome', action: 'record', value: draft('Kari: short meeting.', { id: 'Practitioner/m-kari', name: 'Kari Nilsen' }) });
          assert.equal(first.ok, true, first.error?.detail);
          const second = await amina.save({ entity: 'meeting-outcome', action: 'record', value: draft('Amina: the DPS keeps a bed free.', { id: 'Practitioner/m-amina', name: 'Amina Yusuf' }) });
          assert.equal(second.ok, false, 'not created over the first');
          assert.equal(second.error.kind, 'conflict');
          const stored = await source().load('team-ingrid');
          assert.equal(stored.meetingOutcomes.find((o) => o.id === 'mo-both').parts[0].notes, 'Kari: short meeting.');
          assert.deepEqual(amina.failureOf('meeting-outcome', 'mo-both').conflicts.map((c) => c.path.join('.')).sort(), ['parts.op-meeting.notes', 'recordedBy.id', 'recordedBy.name']);
        } finally {
          server.resources.delete('Composition/mo-both');
        }
      });

      test('a Composition that is no meeting outcome stays on the server; a broken outcome is left out with a note naming its element', async () => {
        server.seed(
          { resourceType: 'Composition', id: 'discharge', status: 'final', type: { coding: [{ system: 'http://loinc.org', code: '18842-5' }] }, subject: version === 'R5' ? [{ reference: 'Patient/m-ingrid' }] : { reference: 'Patient/m-ingrid' }, date: '2026-01-01', author: [{ display: 'X' }], title: 'Discharge' },
          { ...server.get('Composition/mo-october'), id: 'mo-broken', extension: [] },
        );
        try {
          const fhir = source();
          const record = await fhir.load('team-ingrid');
          assert.deepEqual(record.meetingOutcomes.map((o) => o.id), ['mo-october']);
          const note = fhir.notes.find((n) => n.id === 'mo-broken');
          assert.equal(note.kind, 'refused');
          assert.equal(note.path, 'Composition.extension:outcome-meeting');
          assert.equal(fhir.notes.find((n) => n.id === 'discharge'), undefined, 'another kind of document is not ours to comment on');
        } finally {
          server.resources.delete('Composition/discharge');
          server.resources.delete('Composition/mo-broken');
        }
      });
    });

    test('OperationOutcome messages become the error detail', async () => {
      const fhir = source();
      const record = await fhir.load('team-ingrid');
      const consent = record.consents[0];
      server.failNext('PUT', 422, 'This consent is under legal review and cannot be changed now.');
      await assert.rejects(
        fhir.save({ entity: 'consent', action: 'refuse', value: { ...consent, state: 'refused' }, id: 'c3', actor: { name: 'Kari' }, at: '2026-11-23T10:00:00Z', baseVersion: consent.meta.version, create: false }),
        (error) => error.kind === 'rejected' && error.status === 422 && error.detail.startsWith('This consent is under legal review'),
      );
      server.failNext('GET', 503, 'Down for maintenance');
      server.failNext('GET', 503, 'Down for maintenance');
      server.failNext('GET', 503, 'Down for maintenance');
      await assert.rejects(new m.FhirSource({ baseUrl: http.url, version, patient: 'm-ingrid', retries: 1 }).load('team-ingrid'), (error) => error.kind === 'server' && /maintenance/.test(error.detail));
      server.plannedFailures.length = 0;
    });

    test('network failures and timeouts are reported as such', async () => {
      const refused = new m.FhirSource({ baseUrl: 'http://127.0.0.1:9/fhir', version, patient: 'm-ingrid', retries: 0 });
      await assert.rejects(refused.load('team-ingrid'), (error) => error.kind === 'network');
      const hanging = new m.FhirSource({ baseUrl: http.url, version, patient: 'm-ingrid', retries: 0, timeoutMs: 50, fetch: (_url, init) => new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason))) });
      await assert.rejects(hanging.load('team-ingrid'), (error) => error.kind === 'timeout');
    });

    test('a CareTeam chosen by id that is another person\u2019s team is refused, never shown with this person\u2019s consents and meetings', async () => {
      server.seed({
        resourceType: 'CareTeam',
        id: 'team-of-someone-else',
        status: 'active',
        subject: { reference: 'Patient/someone-else', display: 'Ola Other' },
        participant: [{ member: { reference: 'Practitioner/m-kari' } }],
      });
      const error = await source({ careTeam: 'team-of-someone-else' }).load('').then(() => undefined, (e) => e);
      assert.ok(error, 'the load fails');
      assert.equal(error.kind, 'rejected');
      assert.match(error.detail, /CareTeam\/team-of-someone-else is the team of Patient\/someone-else, not of Patient\/m-ingrid/);
      const again = await source().load('team-of-someone-else').then(() => undefined, (e) => e);
      assert.equal(again?.kind, 'rejected', 'the same for a team id given to load');
      // A team that is a participant of the person's team comes with the search (_include), but is not the person's team.
      server.seed(
        { resourceType: 'CareTeam', id: 'team-nested-own', status: 'proposed', subject: { reference: 'Patient/nested-case' }, participant: [{ member: { reference: 'CareTeam/team-nested-part', display: 'Home care' } }] },
        { resourceType: 'CareTeam', id: 'team-nested-part', status: 'active', name: 'Home care', participant: [{ member: { reference: 'Practitioner/m-kari' } }] },
      );
      assert.equal((await source({ patient: 'nested-case' }).load('')).team.id, 'team-nested-own', 'the person\u2019s own team, though only proposed, not the active team within it');
      assert.equal((await source({ patient: 'nested-case', careTeam: 'team-nested-own' }).load('')).team.id, 'team-nested-own', 'the team asked for by id');
      const own = await source({ careTeam: 'team-ingrid' }).load('');
      assert.equal(own.team.id, 'team-ingrid', 'the person\u2019s own team by id still loads');
    });

    test('a CareTeam entered in error is never shown as the person\u2019s team', async () => {
      server.seed(
        { resourceType: 'CareTeam', id: 'team-typo', status: 'entered-in-error', subject: { reference: 'Patient/typo-case' }, participant: [{ member: { reference: 'Practitioner/m-kari' } }] },
        { resourceType: 'CareTeam', id: 'team-resting', status: 'suspended', subject: { reference: 'Patient/typo-case' }, participant: [{ member: { reference: 'Practitioner/m-lars' } }] },
      );
      assert.equal((await source({ patient: 'typo-case' }).load('')).team.id, 'team-resting', 'the suspended team, not the one entered in error');
      const error = await source({ patient: 'typo-case', careTeam: 'team-typo' }).load('').then(() => undefined, (e) => e);
      assert.equal(error?.kind, 'rejected');
      assert.match(error.detail, /CareTeam\/team-typo was entered in error/);
    });

    test('an official example team without a coordinator loads with everything, and is flagged, not refused', async () => {
      const example = new m.FhirSource({ baseUrl: http.url, version, patient: 'example', careTeam: 'example' });
      const record = await example.load('');
      assert.deepEqual(record.team.members.map((x) => x.name), ['Peter James Chalmers', 'Dorothy Dietician'], 'the members are shown');
      assert.deepEqual(m.teamFlags(record.team), [{ kind: 'no-coordinator' }]);
      assert.ok(record.meetings.length > 0 && record.responsibilities.length > 0, 'meetings and responsibilities load with the team');
      for (const note of example.notes) assert.match(note.path, new RegExp(`^${note.resourceType}\\.`), 'each left-out resource names its FHIR element');
      const request = example.notes.find((n) => n.resourceType === 'Appointment' && n.id === 'examplereq');
      assert.deepEqual([request?.kind, request?.path], ['left-on-server', 'Appointment.start'], 'a request for some time within a week is left on the server with a note, not shown at midnight on its first day');
      assert.ok(!record.meetings.some((x) => x.id === 'examplereq'));
      const nobody = new m.FhirSource({ baseUrl: http.url, version, patient: 'nobody' });
      await assert.rejects(nobody.load(''), (error) => error.kind === 'rejected' && error.status === 404);
    });
  });
}

describe('FhirSource paging: next links only on the base URL’s origin and scheme', () => {
  /** A fetch that answers every search with one CareTeam page whose next link is `next`, and records where each request went. */
  const pagedFetch = (next) => {
    const calls = [];
    const fetch = async (url, init) => {
      calls.push({ url, authorization: new Headers(init.headers).get('Authorization') });
      const first = !new URL(url).searchParams.has('page');
      const bundle = { resourceType: 'Bundle', type: 'searchset', entry: [], link: first ? [{ relation: 'next', url: next }] : [] };
      return new Response(JSON.stringify(bundle), { status: 200, headers: { 'Content-Type': 'application/fhir+json' } });
    };
    return { fetch, calls };
  };
  const source = (fetch) => new m.FhirSource({ baseUrl: 'https://fhir.hospital.example/R4', version: 'R4', patient: 'p1', fetch, headers: { Authorization: 'Bearer secret' }, retries: 0 });

  for (const [what, next] of [
    ['another origin', 'https://collector.example/R4/CareTeam?page=2'],
    ['another scheme on the same host', 'http://fhir.hospital.example/R4/CareTeam?page=2'],
    ['another port', 'https://fhir.hospital.example:8443/R4/CareTeam?page=2'],
  ]) {
    test(`a next link to ${what} is refused, and nothing (no token) is sent there`, async () => {
      const { fetch, calls } = pagedFetch(next);
      await assert.rejects(source(fetch).load(''), (error) => error instanceof m.StoreError && error.kind === 'server' && error.detail.includes(new URL(next).origin) && /not followed/.test(error.detail));
      assert.deepEqual(calls.map((c) => new URL(c.url).origin), ['https://fhir.hospital.example']);
    });
  }

  test('relative and same-origin next links are followed, with the headers', async () => {
    for (const next of ['CareTeam?patient=Patient/p1&page=2', 'https://fhir.hospital.example/R4/CareTeam?patient=Patient/p1&page=2']) {
      const { fetch, calls } = pagedFetch(next);
      await assert.rejects(source(fetch).load(''), (error) => error.kind === 'rejected' && error.status === 404, 'no CareTeam on either page');
      assert.equal(calls.length, 2);
      assert.equal(calls[1].url, 'https://fhir.hospital.example/R4/CareTeam?patient=Patient/p1&page=2');
      assert.ok(calls.every((c) => c.authorization === 'Bearer secret'));
    }
  });
});

describe('FHIR versions: STU3 is refused with a reason, never read as R4; metadata tells the version when none is given', () => {
  const bundle = (resources) => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) });
  /** A fetch that answers metadata with `fhirVersion` and every search with `resources`, recording the paths asked. */
  const serverOf = (fhirVersion, resources = []) => {
    const paths = [];
    const fetch = async (url) => {
      const path = new URL(url).pathname.replace(/^\/fhir\//, '');
      paths.push(path);
      const body = path === 'metadata' ? { resourceType: 'CapabilityStatement', fhirVersion } : bundle(resources.filter((r) => r.resourceType === path));
      return new Response(JSON.stringify(body), { status: 200 });
    };
    return { fetch, paths };
  };
  const stu3 = readCorpus('STU3', 'hl7.fhir.r3.examples');

  test('fhir-version STU3 (or anything but R4/R5) is refused with a reason', () => {
    for (const version of ['STU3', 'R3', 'DSTU2']) {
      assert.throws(() => new m.FhirSource({ baseUrl: 'https://x.example/fhir', version, patient: 'p' }), (error) => error instanceof TypeError && /not supported/.test(error.message) && /STU3/.test(error.message));
    }
  });

  test('without a version, the server’s metadata tells it; an STU3 server is refused before anything else is read', async () => {
    const old = serverOf('3.0.2');
    await assert.rejects(new m.FhirSource({ baseUrl: 'https://x.example/fhir', patient: 'p', fetch: old.fetch, retries: 0 }).load(''), (error) => error.kind === 'rejected' && /STU3 \(fhirVersion 3\.0\.2\)/.test(error.detail));
    assert.deepEqual(old.paths, ['metadata']);
    for (const [fhirVersion, version] of [['4.0.1', 'R4'], ['5.0.0', 'R5']]) {
      const server = serverOf(fhirVersion);
      const source = new m.FhirSource({ baseUrl: 'https://x.example/fhir', patient: 'p', fetch: server.fetch, retries: 0 });
      await assert.rejects(source.load(''), (error) => error.status === 404, 'no CareTeam');
      assert.equal(source.version, version);
      assert.deepEqual(server.paths, ['metadata', 'CareTeam']);
    }
  });

  test('every STU3 Consent and CareTeam example is recognised as STU3 when read as R4', () => {
    const examples = stu3.found.filter((f) => f.where === 'file' && (f.resource.resourceType === 'Consent' || f.resource.resourceType === 'CareTeam'));
    assert.ok(examples.length >= 13, `only ${examples.length} STU3 examples`);
    for (const { resource } of examples) assert.match(m.contentVersionProblem(resource, 'R4') ?? '', /is STU3 content/, `${resource.resourceType}/${resource.id}`);
  });

  test('an STU3 team read through FhirSource as R4 fails the load with the reason, naming the element', async () => {
    const team = stu3.found.find((f) => f.resource.resourceType === 'CareTeam' && f.where === 'file').resource;
    const server = serverOf('3.0.2', [team]);
    await assert.rejects(new m.FhirSource({ baseUrl: 'https://x.example/fhir', version: 'R4', patient: 'example', fetch: server.fetch, retries: 0 }).load(''), (error) => error.kind === 'rejected' && /CareTeam\/example is STU3 content \(CareTeam\.participant\.role\)/.test(error.detail));
  });

  test('R4 content read as R5 is refused in FHIR terms, saying which version it is', async () => {
    const { found } = readCorpus('R4');
    const consent = found.find((f) => f.resource.id === 'consent-example-notOrg').resource;
    assert.match(m.contentVersionProblem(consent, 'R5'), /Consent\/consent-example-notOrg is R4 content \(Consent\.scope\), read as R5/);
    const team = found.find((f) => f.resource.resourceType === 'CareTeam' && f.where === 'file').resource;
    assert.match(m.contentVersionProblem(team, 'R5'), /is R4 content \(CareTeam\.participant\.(role|period)\)/);
  });
});
