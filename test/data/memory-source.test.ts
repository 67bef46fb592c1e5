import { expect } from '@open-wc/testing';
import type { CareRecordInput } from '../../src/contract/record.js';
import { StoreContractError } from '../../src/data/entities.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { CareStore } from '../../src/data/store.js';
import { StoreError, type Change } from '../../src/data/types.js';
import { FakeStorage } from './fake-storage.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const TEAM = 'team-ingrid';

async function rejectionOf(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected the promise to reject');
}

let changeCount = 0;
const change = <K extends Change['entity']>(entity: K, value: Change<K>['value'], baseVersion?: string, create = false) =>
  ({ entity, action: 'edit', value, id: `change-${++changeCount}`, actor: kari, at: '2026-12-01T09:00:00.000Z', baseVersion, create }) as Change<K>;

describe('MemorySource', () => {
  it('loads the seed, checked against the contract, with a version on every entity', async () => {
    const record = await new MemorySource({ seed: fjordvik }).load(TEAM);
    expect(record.team.meta?.version).to.equal('7');
    expect(record.responsibilities.every((r) => r.meta?.version === '1')).to.equal(true);
    expect(record.consents.every((c) => c.meta?.version === '1')).to.equal(true);
    expect(record.meetings[0].agenda[0].attendeeIds).to.include('m-ingrid');
  });

  it('rejects a seed that breaks the contract with the issues and their paths', async () => {
    const bad = structuredClone(fjordvik) as unknown as { team: { members: Array<{ coordinator?: boolean; kind: string }> } };
    bad.team.members[3].kind = 'doctor';
    const error = await rejectionOf(new MemorySource({ seed: bad as unknown as CareRecordInput }).load(TEAM));
    expect(error.kind).to.equal('contract');
    expect(error).to.be.instanceOf(StoreContractError);
    expect(error.detail).to.contain('team.members[3].kind');
    expect((error as StoreContractError).issues.map((i) => i.path)).to.deep.equal(['team.members[3].kind']);

    // Team rules are checked once the members themselves are well-formed.
    bad.team.members[3].kind = 'professional';
    bad.team.members[2].coordinator = true;
    const rule = await rejectionOf(new MemorySource({ seed: bad as unknown as CareRecordInput }).load(TEAM));
    expect(rule.detail).to.contain('team.members: the team can have at most one active coordinator, and has 2 (m-kari, m-lars)');
  });

  it('says there is no data when it has no seed, or not for that team', async () => {
    expect((await rejectionOf(new MemorySource().load(TEAM))).detail).to.contain('give the memory source a seed');
    const error = await rejectionOf(new MemorySource({ seed: fjordvik }).load('team-nobody'));
    expect(error.kind).to.equal('rejected');
    expect(error.detail).to.contain('team-ingrid');
  });

  it('increments the version on each save and refuses a save on an outdated version', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const record = await source.load(TEAM);
    const gp = record.consents[0];
    const first = await source.save(change('consent', { ...gp, state: 'withdrawn' }, '1'));
    expect(first.meta?.version).to.equal('2');
    const second = await source.save(change('consent', { ...first, state: 'granted' }, '2'));
    expect(second.meta?.version).to.equal('3');

    const stale = await rejectionOf(source.save(change('consent', { ...gp, state: 'refused' }, '1')));
    expect(stale.kind).to.equal('conflict');
    expect(stale.detail).to.contain('stored version is 3');
    expect((await source.load(TEAM)).consents[0].state, 'nothing was overwritten').to.equal('granted');

    const exists = await rejectionOf(source.save(change('consent', gp, undefined, true)));
    expect(exists.kind).to.equal('conflict');
    const gone = await rejectionOf(source.save(change('consent', { ...gp, id: 'c-gone' }, '1')));
    expect(gone.kind).to.equal('conflict');
  });

  it('refuses a write that breaks the contract', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const record = await source.load(TEAM);
    const members = record.team.members.map((m) => (m.id === 'm-lars' ? { ...m, coordinator: true } : m));
    const error = await rejectionOf(source.save(change('team', { ...record.team, members }, '7')));
    expect(error.kind).to.equal('rejected');
    expect(error.detail).to.contain('at most one active coordinator');
  });

  it('hands out copies, so callers cannot change what it holds', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const record = await source.load(TEAM);
    record.team.members[0].name = 'Changed behind its back';
    record.consents.length = 0;
    const stored = await source.save(change('consent', (await source.load(TEAM)).consents[0], '1'));
    stored.state = 'refused';
    const again = await source.load(TEAM);
    expect(again.team.members[0].name).to.equal('Ingrid Solberg');
    expect(again.consents).to.have.length(fjordvik.consents.length);
    expect(again.consents[0].state).to.equal('granted');
  });

  it('keeps an audit entry for every saved change', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const record = await source.load(TEAM);
    await source.save({ ...change('consent', { ...record.consents[3], state: 'granted' }, '1'), action: 'grant', reason: 'Ingrid said yes' });
    const [entry] = (await source.load(TEAM)).audit;
    expect(entry).to.include({ entity: 'consent', entityId: 'c-erik', action: 'grant', reason: 'Ingrid said yes', outcome: 'saved' });
    expect(entry.actor).to.deep.equal(kari);
  });

  it('keeps what was saved in storage and reloads it', async () => {
    const storage = new FakeStorage();
    const first = new MemorySource({ seed: fjordvik, persist: { key: 'demo', storage } });
    const record = await first.load(TEAM);
    await first.save(change('responsibility', { ...record.responsibilities[0], title: 'Medicines: one list' }, '1'));
    expect([...storage.items.keys()], 'one key per team').to.deep.equal(['demo/team/team-ingrid']);

    const second = new MemorySource({ seed: fjordvik, persist: { key: 'demo', storage } });
    const reloaded = await second.load(TEAM);
    expect(reloaded.responsibilities[0].title).to.equal('Medicines: one list');
    expect(reloaded.responsibilities[0].meta?.version).to.equal('2');
    expect(reloaded.audit).to.have.length(1);
    // Versions carry over: a save on the old version is a conflict in the new page too.
    const stale = await rejectionOf(second.save(change('responsibility', record.responsibilities[0], '1')));
    expect(stale.kind).to.equal('conflict');
  });

  it('holds several teams, each saved to its own record', async () => {
    const other = structuredClone(fjordvik);
    other.team.id = 'team-other';
    other.consents = other.consents.map((c) => ({ ...c, id: `other-${c.id}` }));
    const source = new MemorySource({ seed: [fjordvik, other] });
    const ingrid = await source.load(TEAM);
    const them = await source.load('team-other');
    // A consent loaded with one team is saved to that team.
    await source.save(change('consent', { ...ingrid.consents[0], state: 'refused' }, '1'));
    await source.save(change('consent', { ...them.consents[1], state: 'withdrawn' }, '1'));
    expect((await source.load(TEAM)).consents.map((c) => c.state).slice(0, 2)).to.deep.equal(['refused', 'granted']);
    expect((await source.load('team-other')).consents.map((c) => c.state).slice(0, 2)).to.deep.equal(['granted', 'withdrawn']);
    // An id both teams use, or a new entity, needs its teamId rather than a guess.
    const ambiguous = await rejectionOf(source.save(change('responsibility', ingrid.responsibilities[0], '1')));
    expect(ambiguous.detail).to.contain('give it a teamId');
    const saved = await source.save(change('responsibility', { ...ingrid.responsibilities[0], teamId: TEAM }, '1'));
    expect(saved.meta?.version).to.equal('2');
  });

  it('waits for its latency and fails on request, for stories and tests', async () => {
    const source = new MemorySource({ seed: fjordvik, latency: 60 });
    const started = performance.now();
    const record = await source.load(TEAM);
    expect(performance.now() - started).to.be.at.least(50);
    source.failNext('server');
    expect((await rejectionOf(source.save(change('consent', record.consents[0], '1')))).kind).to.equal('server');
    expect((await source.save(change('consent', record.consents[0], '1'))).meta?.version, 'only the next one fails').to.equal('2');
    source.failNext('network', 'load');
    expect((await rejectionOf(source.load(TEAM))).kind).to.equal('network');
  });

  it('works under a CareStore: optimistic, versioned, failing and retrying', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const store = new CareStore(source, TEAM, kari);
    await store.load();
    const before = store.snapshot.record!.consents[1];
    source.failNext('server');
    const failed = await store.save({ entity: 'consent', action: 'withdraw', value: { ...before, state: 'withdrawn' } });
    expect(failed.ok).to.equal(false);
    expect(store.snapshot.record!.consents[1]).to.deep.equal(before);
    const retried = await store.retry('consent', before.id)!;
    expect(retried.ok).to.equal(true);
    expect(store.snapshot.record!.consents[1]).to.include({ state: 'withdrawn' });
    expect(store.snapshot.record!.consents[1].meta?.version).to.equal('2');
  });
});
