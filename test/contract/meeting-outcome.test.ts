import * as v from 'valibot';
import { expect } from '@open-wc/testing';
import { CareRecord, check, MeetingOutcome, meetingOutcomeFlags, outcomePartAccess, type ContractIssue } from '../../src/contract/index.js';
import { CareStore } from '../../src/data/store.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { HttpSource } from '../../src/data/http-source.js';
import { FhirSource } from '../../src/data/fhir/source.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';

const clone = <T>(value: T): T => structuredClone(value);
const record = v.parse(CareRecord, clone(fjordvik));
const outcome = (): MeetingOutcome => clone(record.meetingOutcomes[0]);
const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const amina = { id: 'm-amina', name: 'Amina Rahimi', organisationId: 'org-dps' };
const sofie = { id: 'm-sofie', name: 'Sofie Lund', organisationId: 'org-nav' };
const ingrid = { id: 'm-ingrid', name: 'Ingrid Solberg' };
const meeting = record.meetings.find((m) => m.id === 'mt-october')!;
const team = record.team;
const consents = record.consents;

const issuesOf = (input: unknown): ContractIssue[] => {
  const result = check(MeetingOutcome, input);
  expect(result.ok, 'expected the outcome to be refused').to.equal(false);
  return (result as { issues: ContractIssue[] }).issues;
};

describe('MeetingOutcome contract', () => {
  it('accepts the October outcome with its parts, decisions, actions, confirmations and questions', () => {
    const result = check(MeetingOutcome, outcome());
    expect(result.ok).to.equal(true);
    const value = (result as { value: MeetingOutcome }).value;
    expect(value.parts.map((p) => p.agendaItemId)).to.deep.equal(['a-oct-1', 'a-oct-2', 'a-oct-3', 'a-oct-4']);
    expect(value.parts[3].decisions).to.deep.equal([]);
    expect(value.parts[3].categories).to.deep.equal([]);
    expect(value.parts[2].actions[0]).to.include({ ownerId: 'm-hanne', due: '2026-12-01', responsibilityId: 'r-nav-meetings', effect: 'hand-over' });
    expect(value.confirmations.map((c) => c.memberId)).to.deep.equal(['m-ingrid', 'm-amina']);
  });

  it('refuses broken structure with the path and a plain reason', () => {
    const pathsOf = (change: (o: MeetingOutcome) => void) => {
      const broken = outcome();
      change(broken);
      return issuesOf(broken);
    };
    expect(pathsOf((o) => o.parts[0].actions.push({ ...o.parts[0].actions[0] })).map((i) => i.path)).to.deep.equal(['parts[0].actions[1].id']);
    expect(pathsOf((o) => (o.parts[1].actions[0].id = 'oa-3')).map((i) => i.path)).to.deep.equal(['parts[2].actions[0].id']);
    expect(pathsOf((o) => o.confirmations.push({ ...o.confirmations[0] })).map((i) => i.path)).to.deep.equal(['confirmations[2].memberId']);
    const unshared = pathsOf((o) => delete o.sharedAt);
    expect(unshared.map((i) => [i.path, i.message])).to.deep.equal([['sharedAt', 'a shared outcome says when it was shared (sharedAt)']]);
    const noEffect = pathsOf((o) => delete o.parts[2].actions[0].effect);
    expect(noEffect.map((i) => i.path)).to.deep.equal(['parts[2].actions[0].effect']);
    expect(noEffect[0].message).to.match(/names both the responsibility/);
    expect(pathsOf((o) => (o.parts[0].actions[0].due = '15.11.2026')).map((i) => i.path)).to.deep.equal(['parts[0].actions[0].due']);
  });

  it('keeps unknown fields and treats notes as text', () => {
    const value = { ...outcome(), extension: { x: 1 } };
    value.parts[0].notes = '<img src=x onerror=alert(1)>';
    const result = check(MeetingOutcome, value);
    expect(result.ok).to.equal(true);
    expect((result as { value: Record<string, unknown> }).value.extension).to.deep.equal({ x: 1 });
  });
});

describe('Who reads which part of an outcome', () => {
  const access = (reader: { id?: string; organisationId?: string } | undefined, partIndex: number, o = outcome()) =>
    outcomePartAccess(o, o.parts[partIndex], meeting, team, consents, reader);

  it('the coordinator reads every part, a draft included', () => {
    const draft = { ...outcome(), status: 'draft' as const };
    for (const i of [0, 1, 2, 3]) expect(access(kari, i, draft)).to.deep.equal({ shown: true, because: 'coordinator' });
  });

  it('nobody else reads a draft', () => {
    const draft = { ...outcome(), status: 'draft' as const };
    expect(access(ingrid, 0, draft)).to.deep.equal({ shown: false, because: 'not-shared' });
  });

  it('the person reads the parts they were invited to, whatever the consents say', () => {
    for (const i of [0, 1, 2, 3]) expect(access(ingrid, i).shown).to.equal(true);
  });

  it('a professional reads parts they were invited to, only as far as a consent covers their organisation', () => {
    // Sofie (NAV): invited to parts 1, 3 and 4; NAV's consent covers social services, money and housing only.
    expect(access(sofie, 0)).to.deep.equal({ shown: false, because: 'no-consent', categories: ['mental-health'] });
    expect(access(sofie, 1)).to.deep.equal({ shown: false, because: 'not-invited' });
    expect(access(sofie, 2)).to.deep.equal({ shown: true, because: 'invited' });
    // A part that lists no categories is part of the care plan, which NAV may not see.
    expect(access(sofie, 3)).to.deep.equal({ shown: false, because: 'no-consent', categories: ['care-plan'] });
    // Amina (DPS): health, mental health, medication and the care plan are covered.
    expect([0, 1, 2, 3].map((i) => access(amina, i).shown)).to.deep.equal([true, true, false, true]);
    expect(access(amina, 2).because).to.equal('not-invited');
  });

  it('a withdrawn consent withholds what it covered', () => {
    const withdrawn = consents.map((c) => (c.id === 'c-dps' ? { ...c, state: 'withdrawn' as const } : c));
    const o = outcome();
    expect(outcomePartAccess(o, o.parts[1], meeting, team, withdrawn, amina)).to.deep.equal({ shown: false, because: 'no-consent', categories: ['medication', 'health'] });
  });

  it('a consent that has ended, or not begun, withholds what it covered', () => {
    const o = outcome();
    const dated = (validFrom?: string, validUntil?: string) => consents.map((c) => (c.id === 'c-dps' ? { ...c, validFrom, validUntil } : c));
    expect(outcomePartAccess(o, o.parts[1], meeting, team, dated(undefined, '2026-12-06'), amina, '2026-12-07')).to.deep.equal({ shown: false, because: 'no-consent', categories: ['medication', 'health'] });
    expect(outcomePartAccess(o, o.parts[1], meeting, team, dated('2026-12-08'), amina, '2026-12-07')).to.deep.equal({ shown: false, because: 'no-consent', categories: ['medication', 'health'] });
    expect(outcomePartAccess(o, o.parts[1], meeting, team, dated('2026-01-01', '2026-12-07'), amina, '2026-12-07')).to.deep.equal({ shown: true, because: 'invited' });
  });

  it('a part the source withheld, or an unknown reader, is never shown', () => {
    const o = outcome();
    o.parts[2].withheld = true;
    expect(access(sofie, 2, o)).to.deep.equal({ shown: false, because: 'withheld' });
    expect(access(undefined, 2)).to.deep.equal({ shown: false, because: 'unknown-reader' });
    expect(access({ name: 'Someone' } as { id?: string }, 2)).to.deep.equal({ shown: false, because: 'unknown-reader' });
  });
});

describe('Outcome flags', () => {
  it('flags unknown owners, agenda items and responsibilities, and open questions', () => {
    const o = outcome();
    o.parts[0].actions[0].ownerId = 'm-nobody';
    o.parts[1].agendaItemId = 'a-gone';
    o.questions.push({ id: 'oq-2', memberId: 'm-ingrid', name: 'Ingrid Solberg', at: '2026-10-30T10:00:00+01:00', text: 'Who calls me about the blood test?' });
    const flags = meetingOutcomeFlags(o, meeting, team, ['r-medication']);
    expect(flags).to.deep.equal([
      { kind: 'unknown-owner', actionIds: ['oa-1'] },
      { kind: 'unknown-agenda-item', partIds: ['op-2'] },
      { kind: 'unknown-responsibility', actionIds: ['oa-3'] },
      { kind: 'questions-open', count: 1 },
    ]);
    expect(meetingOutcomeFlags(outcome(), meeting, team, fjordvik.responsibilities.map((r) => r.id))).to.deep.equal([]);
  });
});

describe('Meeting outcomes in the store and the sources', () => {
  it('saves an outcome through the memory source with a new version and an audit entry', async () => {
    const source = new MemorySource({ seed: clone(fjordvik) });
    const store = new CareStore(source, 'team-ingrid', kari);
    await store.load();
    const current = store.snapshot.record!.meetingOutcomes[0];
    expect(current.meta?.version).to.equal('1');
    const next = clone(current);
    next.parts[0].notes = 'Ingrid sleeps better.';
    const saved = await store.save({ entity: 'meeting-outcome', action: 'record', value: next });
    expect(saved.ok).to.equal(true);
    expect(store.snapshot.record!.meetingOutcomes[0].meta?.version).to.equal('2');
    const entry = store.snapshot.record!.audit.at(-1)!;
    expect([entry.entity, entry.entityId, entry.action, entry.outcome, entry.actor.name]).to.deep.equal(['meeting-outcome', 'mo-october', 'record', 'saved', 'Kari Nilsen']);
    expect((await source.load('team-ingrid')).meetingOutcomes[0].parts[0].notes).to.equal('Ingrid sleeps better.');
  });

  it('two confirmations saved at the same time are both kept, and the coordinator\u2019s edit too', async () => {
    const source = new MemorySource({ seed: clone(fjordvik) });
    const stores = [kari, sofie, { id: 'm-erik', name: 'Erik Solberg' }].map((actor) => new CareStore(source, 'team-ingrid', actor));
    await Promise.all(stores.map((s) => s.load()));
    const [coordinator, nav, erik] = stores;
    const base = coordinator.snapshot.record!.meetingOutcomes[0];
    const edited = clone(base);
    edited.parts[2].notes = 'The housing benefit is paid again from November.';
    const sofieConfirms = { ...clone(base), confirmations: [...base.confirmations, { memberId: 'm-sofie', name: 'Sofie Lund', at: '2026-10-30T09:00:00+01:00' }] };
    const erikConfirms = { ...clone(base), confirmations: [...base.confirmations, { memberId: 'm-erik', name: 'Erik Solberg', at: '2026-10-30T09:00:01+01:00' }] };
    const results = await Promise.all([
      coordinator.save({ entity: 'meeting-outcome', action: 'record', value: edited }),
      nav.save({ entity: 'meeting-outcome', action: 'confirm', value: sofieConfirms }),
      erik.save({ entity: 'meeting-outcome', action: 'confirm', value: erikConfirms }),
    ]);
    // One of them reached the source first; the others were made on a version that is no longer there.
    expect(results.filter((r) => r.ok).length).to.equal(1);
    for (const store of stores) {
      if (store.failureOf('meeting-outcome', 'mo-october')) {
        expect(store.failureOf('meeting-outcome', 'mo-october')!.error.kind).to.equal('conflict');
        expect(store.failureOf('meeting-outcome', 'mo-october')!.conflicts).to.deep.equal([]);
      }
    }
    for (const store of stores) {
      if (!store.failureOf('meeting-outcome', 'mo-october')) continue;
      let again = await store.retry('meeting-outcome', 'mo-october');
      // Another Try again saved in between: the merge is made again on the newest version.
      if (!again?.ok) again = await store.retry('meeting-outcome', 'mo-october');
      expect(again?.ok, 'Try again merges onto the newer version').to.equal(true);
    }
    const stored = (await source.load('team-ingrid')).meetingOutcomes[0];
    expect(stored.confirmations.map((c) => c.memberId).sort()).to.deep.equal(['m-amina', 'm-erik', 'm-ingrid', 'm-sofie']);
    expect(stored.parts[2].notes).to.equal('The housing benefit is paid again from November.');
  });

  it('a coordinator\u2019s stale copy does not remove a confirmation saved meanwhile', async () => {
    const source = new MemorySource({ seed: clone(fjordvik) });
    const coordinator = new CareStore(source, 'team-ingrid', kari);
    const nav = new CareStore(source, 'team-ingrid', sofie);
    await coordinator.load();
    await nav.load();
    const base = nav.snapshot.record!.meetingOutcomes[0];
    await nav.save({ entity: 'meeting-outcome', action: 'confirm', value: { ...clone(base), confirmations: [...base.confirmations, { memberId: 'm-sofie', name: 'Sofie Lund', at: '2026-10-30T09:00:00+01:00' }] } });
    const stale = clone(coordinator.snapshot.record!.meetingOutcomes[0]);
    stale.questions[0].answer = 'In December.';
    const first = await coordinator.save({ entity: 'meeting-outcome', action: 'answer', value: stale });
    expect(first.ok).to.equal(false);
    expect((await coordinator.retry('meeting-outcome', 'mo-october'))?.ok).to.equal(true);
    const stored = (await source.load('team-ingrid')).meetingOutcomes[0];
    expect(stored.confirmations.map((c) => c.memberId)).to.include('m-sofie');
    expect(stored.questions[0].answer).to.equal('In December.');
  });

  it('writes an outcome over HTTP to /care-teams/{teamId}/meeting-outcomes/{id} with If-Match', async () => {
    const requests: Array<{ url: string; method: string; ifMatch: string | null }> = [];
    const fakeFetch = (async (url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      requests.push({ url, method: init.method ?? 'GET', ifMatch: headers.get('If-Match') });
      if ((init.method ?? 'GET') === 'GET') return new Response(JSON.stringify(fjordvik), { status: 200, headers: { 'Content-Type': 'application/json' } });
      return new Response(init.body as string, { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"4"' } });
    }) as typeof fetch;
    const source = new HttpSource({ baseUrl: 'https://api.example', fetch: fakeFetch });
    const store = new CareStore(source, 'team-ingrid', ingrid);
    await store.load();
    const value = { ...store.snapshot.record!.meetingOutcomes[0], meta: { version: '3' } };
    store.setRecord({ ...store.snapshot.record!, meetingOutcomes: [value] });
    const outcomeOfSave = await store.save({ entity: 'meeting-outcome', action: 'confirm', value });
    expect(outcomeOfSave.ok).to.equal(true);
    expect(requests.at(-1)).to.deep.equal({ url: 'https://api.example/care-teams/team-ingrid/meeting-outcomes/mo-october', method: 'PUT', ifMatch: '"3"' });
    expect(store.snapshot.record!.meetingOutcomes[0].meta?.version).to.equal('4');
  });

  it('the FHIR source writes an outcome as its Composition, with its confirmations and questions as Communications', async () => {
    const requests: Array<{ url: string; method: string; ifMatch: string | null; body: { resourceType: string } }> = [];
    const reads: string[] = [];
    const fetchStub = (async (url: string, init: RequestInit) => {
      // A server that offers no transactions: each resource is its own PUT.
      if (url.endsWith('/metadata')) {
        return new Response(JSON.stringify({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1', rest: [{ mode: 'server', interaction: [{ code: 'batch' }] }] }), { status: 200, headers: { 'Content-Type': 'application/fhir+json' } });
      }
      // A new outcome is looked for first (someone else may have created it meanwhile): not there yet.
      if ((init.method ?? 'GET') === 'GET') {
        reads.push(url);
        return new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] }), { status: 404, headers: { 'Content-Type': 'application/fhir+json' } });
      }
      const body = JSON.parse(String(init.body));
      requests.push({ url, method: init.method ?? 'GET', ifMatch: new Headers(init.headers).get('If-Match'), body });
      return new Response(JSON.stringify({ ...body, meta: { versionId: '1' } }), { status: 201, headers: { 'Content-Type': 'application/fhir+json' } });
    }) as unknown as typeof fetch;
    const source = new FhirSource({ baseUrl: 'https://fhir.example/r4', version: 'R4', patient: 'p-1', fetch: fetchStub });
    const value = outcome();
    const saved = await source.save({ id: 'c-1', entity: 'meeting-outcome', action: 'record', value, actor: kari, at: '2026-10-28T09:00:00Z', create: true });
    // Each resource is looked for once before it is created: the Composition, then each message.
    expect(reads).to.deep.equal(requests.map((r) => r.url));
    expect(requests[0]).to.include({ url: `https://fhir.example/r4/Composition/${value.id}`, method: 'PUT', ifMatch: null });
    expect(requests[0].body.resourceType).to.equal('Composition');
    const messages = value.confirmations.length + value.questions.length + value.questions.filter((q) => q.answer).length;
    expect(requests.slice(1).map((r) => r.body.resourceType)).to.deep.equal(Array(messages).fill('Communication'));
    expect(saved.meta?.version).to.equal('1');
    expect(saved.parts).to.deep.equal(value.parts);
  });
});
