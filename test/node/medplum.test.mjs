// FhirSource end to end against a THIRD-PARTY FHIR R4 implementation: Medplum's FhirRouter and
// MemoryRepository (@medplum/fhir-router 4.5.2) behind node:http on loopback, validating every
// write against the R4 StructureDefinitions as Medplum's server does (test/server/medplum/server.mjs).
// Seeded with the official R4 examples and the Fjordvik case. Run: node --test test/node/medplum.test.mjs
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fjordvikAsFhir } from '../server/fhir/fjordvik.mjs';
import { MedplumFhirServer, officialR4Examples, startMedplumServer } from '../server/medplum/server.mjs';
import { byId, contractPart, inTeam, loadFhirModule } from '../data/fhir/load-source.mjs';

const m = await loadFhirModule();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const change = (entity, action, value, baseVersion) => ({ entity, action, value, id: `c-${action}`, actor: { name: 'Kari Nilsen' }, at: '2026-11-23T10:00:00Z', baseVersion, create: false });

describe('FhirSource against Medplum (FHIR R4, loopback)', () => {
  let server;
  let http;
  let seed;
  let examples;
  before(async () => {
    server = new MedplumFhirServer({ pageSize: 4 });
    examples = officialR4Examples();
    seed = fjordvikAsFhir(m, 'R4');
    await server.seed(examples.resources);
    await server.seed(seed.resources);
    http = await startMedplumServer(server);
  });
  after(() => http.close());

  const source = (extra = {}) => new m.FhirSource({ baseUrl: http.url, version: 'R4', patient: 'm-ingrid', ...extra });
  /** Another client changes a resource behind the page's back (an unconditional update). */
  const changeBehind = async (reference, edit) => {
    const current = await server.get(reference);
    const answer = await fetch(`${http.url}/${reference}`, { method: 'PUT', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(edit(current)) });
    assert.equal(answer.status, 200);
  };

  test('Medplum accepts every official example used and every Fjordvik resource the mapping writes', () => {
    assert.deepEqual(examples.refused, []);
    assert.ok(examples.resources.length >= 60, `${examples.resources.length} official examples`);
    assert.ok(seed.resources.length >= 40, `${seed.resources.length} Fjordvik resources`);
  });

  test('the Fjordvik case loads whole through typed patient searches, _include and Bundle paging', async () => {
    server.requests.length = 0;
    const record = await source().load('team-ingrid');
    assert.deepEqual(contractPart(record.team), contractPart(seed.record.team));
    assert.deepEqual(byId(record.responsibilities), byId(inTeam(seed.record.responsibilities)));
    assert.deepEqual(byId(record.consents), byId(seed.record.consents));
    assert.deepEqual(byId(record.meetings), byId(inTeam(seed.record.meetings)));
    assert.equal(record.availability.length, seed.record.availability.length);
    const [outcome] = record.meetingOutcomes;
    const [expected] = seed.record.meetingOutcomes;
    assert.deepEqual(contractPart({ ...outcome, confirmations: [], questions: [] }), contractPart({ ...expected, confirmations: [], questions: [] }), 'the meeting outcome from its Composition');
    assert.deepEqual(outcome.confirmations.map((c) => c.memberId).sort(), expected.confirmations.map((c) => c.memberId).sort(), 'confirmations from their Communications');
    assert.deepEqual(contractPart(outcome.questions[0]), expected.questions[0], 'the question and its answer from two Communications');
    assert.match(record.consents[0].meta.version, UUID, 'the version is Medplum’s own versionId');
    const queries = server.requests.map((r) => decodeURIComponent(r.query));
    assert.ok(queries.some((q) => q.includes('patient=Patient/m-ingrid')), 'searches name the patient as Patient/<id>');
    assert.ok(queries.some((q) => q.includes('_include=CareTeam:participant')));
    assert.ok(queries.some((q) => q.includes('_offset=')), 'a search was paged through link[next]');
    assert.ok(server.requests.every((r) => r.status === 200), server.requests.filter((r) => r.status !== 200).map((r) => `${r.path}${r.query} ${r.status}`).join('\n'));
  });

  test('a consent withdrawn through the store arrives as status inactive, written with If-Match W/"<versionId>"', async () => {
    const store = new m.CareStore(source(), 'team-ingrid', { id: 'Patient/m-ingrid', name: 'Ingrid Solberg' });
    await store.load();
    const granted = store.snapshot.record.consents.find((c) => c.state === 'granted');
    const before = await server.get(`Consent/${granted.id}`);
    assert.equal(before.status, 'active');
    server.requests.length = 0;
    const outcome = await store.save({
      entity: 'consent',
      action: 'withdraw',
      value: { ...granted, state: 'withdrawn', since: '2026-11-23T10:00:00Z', history: [...granted.history, { state: 'withdrawn', at: '2026-11-23T10:00:00Z', method: 'digital' }] },
    });
    assert.equal(outcome.ok, true, outcome.error?.detail);
    const stored = await server.get(`Consent/${granted.id}`);
    assert.equal(stored.status, 'inactive');
    assert.deepEqual(stored.provision, before.provision, 'the provisions stay as they were');
    const put = server.requests.find((r) => r.method === 'PUT');
    assert.equal(put.ifMatch, `W/"${before.meta.versionId}"`);
    assert.equal(put.status, 200);
    assert.equal(outcome.value.meta.version, stored.meta.versionId);
    assert.notEqual(stored.meta.versionId, before.meta.versionId);
  });

  test('a guardian who decided a consent and is not on the team comes with the consent search (_include=Consent:consentor) and is shown by name and relation', async () => {
    const coordinator = { coding: [{ system: 'http://snomed.info/sct', code: '768821004' }] };
    await server.seed([
      { resourceType: 'Patient', id: 'guard-sindre', name: [{ text: 'Sindre Berg' }] },
      { resourceType: 'Practitioner', id: 'guard-coordinator', name: [{ text: 'Kari Nilsen' }] },
      { resourceType: 'Organization', id: 'guard-home-care', name: 'Fjordvik Home Care' },
      { resourceType: 'RelatedPerson', id: 'guard-marit', patient: { reference: 'Patient/guard-sindre' }, name: [{ text: 'Marit Berg' }], relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'GUARD' }] }] },
      { resourceType: 'CareTeam', id: 'team-guard', status: 'active', subject: { reference: 'Patient/guard-sindre' }, participant: [{ role: [coordinator], member: { reference: 'Practitioner/guard-coordinator' } }, { member: { reference: 'Patient/guard-sindre' } }] },
      {
        resourceType: 'Consent',
        id: 'consent-guard',
        status: 'active',
        scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
        category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
        patient: { reference: 'Patient/guard-sindre' },
        dateTime: '2026-03-02T10:00:00+01:00',
        performer: [{ reference: 'RelatedPerson/guard-marit' }],
        policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
        provision: { type: 'permit', actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'PRCP' }] }, reference: { reference: 'Organization/guard-home-care' } }] },
      },
    ]);
    server.requests.length = 0;
    const record = await source({ patient: 'guard-sindre' }).load('team-guard');
    assert.equal(record.team.members.some((x) => x.id === 'RelatedPerson/guard-marit'), false, 'the guardian is not on the team');
    assert.deepEqual(record.consents.find((c) => c.id === 'consent-guard').decidedBy, { name: 'Marit Berg', relation: 'guardian', memberId: 'RelatedPerson/guard-marit' });
    const queries = server.requests.map((r) => `${r.path}${decodeURIComponent(r.query)}`);
    assert.ok(queries.some((q) => q.includes('_include=Consent:consentor')), 'the consent search includes who decided');
    assert.ok(queries.every((q) => !q.startsWith('RelatedPerson')), 'Medplum gave her with the search: nothing more to read');
    assert.ok(server.requests.every((r) => r.status === 200), server.requests.filter((r) => r.status !== 200).map((r) => `${r.path}${r.query} ${r.status}`).join('\n'));
  });

  test('a change made on a version someone else replaced answers 412 and is reported as a conflict', async () => {
    const store = new m.CareStore(source(), 'team-ingrid', { name: 'Kari Nilsen' });
    await store.load();
    const task = store.snapshot.record.responsibilities.find((r) => r.status === 'agreed');
    await changeBehind(`Task/${task.id}`, (t) => ({ ...t, description: 'Changed by someone else' }));
    const outcome = await store.save({ entity: 'responsibility', action: 'end', value: { ...task, status: 'ended' } });
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error.kind, 'conflict');
    assert.equal(outcome.error.status, 412);
    assert.match(outcome.error.detail, /Precondition Failed/);
    assert.equal(store.snapshot.record.responsibilities.find((r) => r.id === task.id).status, 'agreed', 'the store rolled back');
    assert.equal((await server.get(`Task/${task.id}`)).description, 'Changed by someone else', 'nothing was overwritten');
  });

  test('a new meeting outcome is created on Medplum (no CapabilityStatement, so no create precondition): a read of its id, then a PUT; one created before the read is a conflict', async () => {
    const kari = { id: 'Practitioner/m-kari', name: 'Kari Nilsen' };
    const draft = (notes, by) => ({ id: 'mo-mt-gp', meetingId: 'mt-gp', status: 'draft', parts: [{ id: 'op-meeting', notes, decisions: [], actions: [], categories: [] }], confirmations: [], questions: [], recordedBy: by });
    const store = new m.CareStore(source(), 'team-ingrid', kari);
    await store.load();
    // Amina's page is open too, from before Kari records the outcome.
    const amina = new m.CareStore(source(), 'team-ingrid', { id: 'Practitioner/m-amina', name: 'Amina Yusuf' });
    await amina.load();
    const from = server.requests.length;
    const saved = await store.save({ entity: 'meeting-outcome', action: 'record', value: draft('Kari: short meeting.', kari) });
    assert.equal(saved.ok, true, saved.error?.detail);
    const sent = server.requests.slice(from);
    assert.deepEqual(sent.filter((r) => r.method === 'PUT').map((r) => [r.path, r.ifMatch, r.ifNoneMatch]), [['Composition/mo-mt-gp', undefined, undefined]], 'Medplum’s router does not evaluate If-None-Match on update, and says nothing that would ask for it');
    assert.ok(sent.some((r) => r.method === 'GET' && r.path === 'Composition/mo-mt-gp'), 'its id was read first');

    // Then Amina records the outcome of the same meeting: her page looks for it first and finds Kari's.
    const second = await amina.save({ entity: 'meeting-outcome', action: 'record', value: draft('Amina: the GP renews the prescription.', { id: 'Practitioner/m-amina', name: 'Amina Yusuf' }) });
    assert.equal(second.ok, false, 'not created over Kari’s');
    assert.equal(second.error.kind, 'conflict');
    assert.match((await server.get('Composition/mo-mt-gp')).section[0].text.div, /Kari: short meeting\./);
    assert.equal(server.requests.slice(from).filter((r) => r.path === 'metadata').length, 2, 'a server without a CapabilityStatement is asked once by each page');
  });

  test('team, meeting, responsibility and consent writes pass Medplum’s validation and keep what the mapping does not know', async () => {
    const fhir = source();
    await changeBehind('CareTeam/team-ingrid', (t) => ({ ...t, category: [{ text: 'Kept by the server' }] }));
    const record = await fhir.load('team-ingrid');
    const team = { ...record.team, name: 'Ingrid og hennes team' };
    const savedTeam = await fhir.save(change('team', 'rename', team, team.meta.version));
    assert.equal(savedTeam.name, 'Ingrid og hennes team');
    assert.deepEqual((await server.get('CareTeam/team-ingrid')).category, [{ text: 'Kept by the server' }]);
    assert.equal(savedTeam.members.find((x) => x.id === 'RelatedPerson/m-hanne').organisationId, 'Organization/org-peer');

    const meeting = record.meetings[0];
    const cancelled = await fhir.save(change('meeting', 'cancel', { ...meeting, status: 'cancelled' }, meeting.meta.version));
    assert.equal(cancelled.status, 'cancelled');
    assert.equal((await server.get(`Appointment/${meeting.id}`)).status, 'cancelled');

    const task = record.responsibilities.find((r) => r.status === 'agreed' && !r.id.includes('.activity-'));
    const ended = await fhir.save(change('responsibility', 'end', { ...task, status: 'ended' }, task.meta.version));
    assert.equal(ended.status, 'ended');
    assert.equal((await server.get(`Task/${task.id}`)).status, 'completed');

    const consent = record.consents.find((c) => c.state === 'granted');
    const refused = await fhir.save(change('consent', 'refuse', { ...consent, state: 'refused' }, consent.meta.version));
    assert.equal(refused.state, 'refused');
    assert.equal((await server.get(`Consent/${consent.id}`)).provision.type, 'deny');
  });

  test('a write Medplum refuses as invalid FHIR is a rejected change carrying Medplum’s reason', async () => {
    // A client that corrupts the Consent on its way out (no status, an element FHIR does not have)
    // stands in for a mapping bug. Medplum checks structure and cardinality, not terminology bindings.
    const corrupting = (url, init) =>
      fetch(url, init?.method === 'PUT' ? { ...init, body: JSON.stringify({ ...JSON.parse(init.body), status: undefined, state: 'withdrawn' }) } : init);
    const store = new m.CareStore(source({ fetch: corrupting }), 'team-ingrid', { name: 'Kari Nilsen' });
    await store.load();
    const consent = store.snapshot.record.consents.find((c) => c.state === 'granted');
    const outcome = await store.save({ entity: 'consent', action: 'withdraw', value: { ...consent, state: 'withdrawn' } });
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error.kind, 'rejected');
    assert.equal(outcome.error.status, 400);
    assert.match(outcome.error.detail, /state|status/, outcome.error.detail);
    assert.equal((await server.get(`Consent/${consent.id}`)).status, 'active', 'nothing was written');
  });

  test('the CareTeam writes onBehalfOf only for Practitioner members (FHIR invariant ctm-1)', () => {
    const written = m.careTeamToFhir(seed.record.team, { version: 'R4', index: new m.ResourceIndex(seed.resources), patient: seed.patient, team: seed.record.team, teamId: 'team-ingrid' });
    const withOrganisation = written.participant.filter((p) => p.onBehalfOf).map((p) => p.member.reference);
    assert.ok(withOrganisation.length >= 4);
    assert.ok(withOrganisation.every((reference) => reference.startsWith('Practitioner/')), withOrganisation.join(', '));
    assert.ok(written.managingOrganization.some((o) => o.reference === 'Organization/org-peer'), 'the peer supporter’s organisation stays on the team');
    const back = m.careTeamFromFhir(written, { version: 'R4', index: new m.ResourceIndex(seed.resources), patient: seed.patient });
    assert.equal(back.members.find((x) => x.id === 'RelatedPerson/m-hanne').organisationId, 'Organization/org-peer');
  });

  test('official examples: the example CareTeam has no coordinator; it loads with its Tasks, CarePlan and Appointments, flagged, and a coordinator added later shows', async () => {
    const example = () => new m.FhirSource({ baseUrl: http.url, version: 'R4', patient: 'example', careTeam: 'example' });
    const without = await example().load('');
    assert.deepEqual(without.team.members.map((x) => x.name), ['Peter James Chalmers', 'Dorothy Dietician']);
    assert.deepEqual(m.teamFlags(without.team), [{ kind: 'no-coordinator' }]);
    // examplereq asks for a time within a week of whole days: no meeting at a time nobody set.
    assert.deepEqual(without.meetings.map((x) => x.id).sort(), ['2docs', 'example']);
    await changeBehind('CareTeam/example', (t) => ({
      ...t,
      participant: [...t.participant, { role: [{ coding: [{ system: 'http://snomed.info/sct', code: '768821004', display: 'Care team coordinator' }] }], member: { reference: 'Practitioner/example' } }],
    }));
    const source = example();
    const record = await source.load('');
    assert.deepEqual(record.team.members.map((x) => x.name), ['Peter James Chalmers', 'Dorothy Dietician', 'Adam Careful']);
    assert.deepEqual(m.teamFlags(record.team), []);
    assert.equal(record.team.members.find((x) => x.id === 'pr1').organisationId, 'Organization/f001');
    assert.equal(record.team.organisations.find((o) => o.id === 'Organization/f001').name, 'Burgers University Medical Center');
    // Its one Consent says neither permit nor deny (no provision.type, only a policy), and covers information
    // labelled N (normal), which has no category here: left on the server, named by the first.
    assert.deepEqual(record.consents.map((c) => c.id), []);
    assert.deepEqual(source.notes.map((n) => [n.kind, `${n.resourceType}/${n.id}`, n.path]), [
      ['left-on-server', 'Consent/consent-example-pkb', 'Consent.provision.type'],
      ['left-on-server', 'Appointment/examplereq', 'Appointment.start'],
    ]);
    assert.deepEqual(record.meetings.map((x) => x.id).sort(), ['2docs', 'example']);
    assert.ok(record.responsibilities.length >= 5);
  });
});
