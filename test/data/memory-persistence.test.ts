// A persisted memory source: one key per team with a version, the old single key migrated with
// every team, stored data that breaks the contract kept aside and reported (never replaced by the
// seed, never overwritten), and a full or blocked storage failing the save visibly.
import { expect } from '@open-wc/testing';
import type { ConsentDirective } from '../../src/contract/consent.js';
import { StoreContractError } from '../../src/data/entities.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { lazySource } from '../../src/data/lazy-source.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { StorageProblemEvent, type StorageProblem } from '../../src/data/memory-storage.js';
import { CareStore } from '../../src/data/store.js';
import { StoreError, type Change } from '../../src/data/types.js';
import { BlockedStorage, FakeStorage } from './fake-storage.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const TEAM = 'team-ingrid';
const OTHER = 'team-other';
const TEAM_KEY = 'demo/team/team-ingrid';
const OTHER_KEY = 'demo/team/team-other';

const other = (() => {
  const record = structuredClone(fjordvik);
  record.team.id = OTHER;
  record.consents = record.consents.map((c) => ({ ...c, id: `other-${c.id}`, teamId: OTHER }));
  return record;
})();

let changeCount = 0;
const change = <K extends Change['entity']>(entity: K, value: Change<K>['value'], baseVersion?: string) =>
  ({ entity, action: 'edit', value, id: `persist-${++changeCount}`, actor: kari, at: '2026-12-01T09:00:00.000Z', baseVersion, create: false }) as Change<K>;

async function rejectionOf(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected the promise to reject');
}

/** A source on `storage` that records its problems and the console warnings it gives. */
function sourceOn(storage: Storage, seed = [fjordvik, other]) {
  const source = new MemorySource({ seed, persist: { key: 'demo', storage } });
  const problems: StorageProblem[] = [];
  source.addEventListener('storage-problem', (event) => problems.push((event as StorageProblemEvent).problem));
  return { source, problems };
}

async function warningsDuring<T>(work: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    return { value: await work(), warnings };
  } finally {
    console.warn = original;
  }
}

const stored = (storage: FakeStorage, key: string) => JSON.parse(storage.getItem(key)!) as { format: string; version: number; record: { consents: ConsentDirective[] } };

describe('MemorySource persistence', () => {
  it('keeps one key per team, each with its own version', async () => {
    const storage = new FakeStorage();
    const { source } = sourceOn(storage);
    const ingrid = await source.load(TEAM);
    const them = await source.load(OTHER);
    await source.save(change('consent', { ...ingrid.consents[0], state: 'refused' }, '1'));
    await source.save(change('consent', { ...ingrid.consents[1], state: 'withdrawn' }, '1'));
    await source.save(change('consent', { ...them.consents[0], state: 'withdrawn' }, '1'));
    expect([...storage.items.keys()].sort()).to.deep.equal([TEAM_KEY, OTHER_KEY]);
    expect(stored(storage, TEAM_KEY)).to.include({ format: 'care-elements/memory-team@2', version: 2 });
    expect(stored(storage, OTHER_KEY).version).to.equal(1);
    expect(stored(storage, OTHER_KEY).record.consents[0].state).to.equal('withdrawn');
  });

  it('moves the old single key to one key per team, keeping every team and its changes', async () => {
    const storage = new FakeStorage();
    const ingrid = structuredClone(fjordvik) as unknown as { consents: Array<{ state: string }> };
    ingrid.consents[0].state = 'withdrawn';
    storage.setItem('demo', JSON.stringify({ format: 'care-elements/memory-source@1', records: { [TEAM]: ingrid, [OTHER]: other } }));
    const { source, problems } = sourceOn(storage);
    expect((await source.load(TEAM)).consents[0].state, 'the withdrawal made before survives').to.equal('withdrawn');
    expect((await source.load(OTHER)).team.id).to.equal(OTHER);
    expect(storage.getItem('demo'), 'the old key is gone once moved').to.equal(null);
    expect([...storage.items.keys()].sort()).to.deep.equal([TEAM_KEY, OTHER_KEY]);
    expect(problems).to.deep.equal([]);
  });

  it('an unreadable old key is kept aside whole and reported, not deleted', async () => {
    const storage = new FakeStorage();
    storage.setItem('demo', '{"format":"care-elements/memory-source@1","records":{"team-ingrid":');
    const { source, problems } = sourceOn(storage);
    const { warnings } = await warningsDuring(() => source.load(TEAM));
    expect(problems.map((p) => p.kind)).to.deep.equal(['legacy-unreadable']);
    expect(warnings.join('\n')).to.contain('kept under "demo/quarantine"');
    const kept = JSON.parse(storage.getItem('demo/quarantine')!) as Array<{ text: string; from: string }>;
    expect(kept).to.have.length(1);
    expect(kept[0]).to.include({ text: '{"format":"care-elements/memory-source@1","records":{"team-ingrid":', from: 'demo' });
  });

  it('corrupt JSON for one team: that team does not load (kept aside, reported), the other teams are untouched', async () => {
    const storage = new FakeStorage();
    const { source: first } = sourceOn(storage);
    const ingrid = await first.load(TEAM);
    await first.save(change('consent', { ...ingrid.consents[0], state: 'withdrawn' }, '1'));
    await first.save(change('consent', { ...(await first.load(OTHER)).consents[2], state: 'refused' }, '1'));
    storage.setItem(TEAM_KEY, '{"format":"care-elements/memory-team@2","vers');
    const otherBefore = storage.getItem(OTHER_KEY);

    const { source, problems } = sourceOn(storage);
    const { value: error, warnings } = await warningsDuring(() => rejectionOf(source.load(TEAM)));
    expect(error.kind).to.equal('contract');
    expect(error.detail).to.contain('demo/team/team-ingrid').and.to.contain('not valid JSON');
    expect(problems.map((p) => [p.kind, p.teamId, p.quarantineKey])).to.deep.equal([['quarantined', TEAM, 'demo/quarantine/team-ingrid']]);
    expect(warnings.join('\n')).to.contain('it is not replaced by the seed');
    expect(storage.getItem(TEAM_KEY), 'left where it was').to.equal('{"format":"care-elements/memory-team@2","vers');

    // The other team loads and saves as before; nothing of the corrupt team is overwritten.
    const them = await source.load(OTHER);
    expect(them.consents[2].state).to.equal('refused');
    expect(storage.getItem(OTHER_KEY)).to.equal(otherBefore);
    await source.save(change('consent', { ...them.consents[3], state: 'granted' }, '1'));
    expect(storage.getItem(TEAM_KEY)).to.equal('{"format":"care-elements/memory-team@2","vers');
    const kept = JSON.parse(storage.getItem('demo/quarantine/team-ingrid')!) as Array<{ text: string }>;
    expect(kept.map((k) => k.text)).to.deep.equal(['{"format":"care-elements/memory-team@2","vers']);
  });

  it('a stored record with one field the contract refuses is kept aside and reported; a withdrawn consent never shows as granted from the seed', async () => {
    const storage = new FakeStorage();
    const { source: first } = sourceOn(storage);
    const gp = (await first.load(TEAM)).consents[0];
    expect(gp.state, 'the seed says granted').to.equal('granted');
    await first.save(change('consent', { ...gp, state: 'withdrawn' }, '1'));
    const value = stored(storage, TEAM_KEY);
    (value.record.consents[1] as { state: string }).state = 'maybe';
    storage.setItem(TEAM_KEY, JSON.stringify(value));

    const { source, problems } = sourceOn(storage);
    const { value: error } = await warningsDuring(() => rejectionOf(source.load(TEAM)));
    expect(error).to.be.instanceOf(StoreContractError);
    expect((error as StoreContractError).issues.map((i) => i.path)).to.deep.equal(['consents[1].state']);
    expect(problems[0].kind).to.equal('quarantined');
    expect(problems[0].issues!.map((i) => i.path)).to.deep.equal(['consents[1].state']);

    // A store over it shows the load error, and no save can overwrite the stored record.
    const store = new CareStore(source, TEAM, kari);
    await warningsDuring(() => store.load());
    expect(store.snapshot.status).to.equal('error');
    expect(store.snapshot.loadError!.kind).to.equal('contract');
    const refused = await warningsDuring(() => rejectionOf(source.save(change('consent', { ...gp, teamId: TEAM, state: 'granted' } as ConsentDirective, '2'))));
    expect(refused.value.kind).to.equal('contract');
    expect(stored(storage, TEAM_KEY).record.consents[0].state, 'the withdrawal is still stored').to.equal('withdrawn');

    // Only when the host decides does the team start again from the seed; the copy kept aside stays.
    source.discardStored(TEAM);
    expect((await source.load(TEAM)).consents[0].state).to.equal('granted');
    const kept = JSON.parse(storage.getItem('demo/quarantine/team-ingrid')!) as Array<{ text: string; reason: string }>;
    expect(kept[0].reason).to.contain('consents[1].state');
    expect(JSON.parse(kept[0].text).record.consents[0].state).to.equal('withdrawn');
  });

  it('a full storage fails the save visibly and keeps what was stored', async () => {
    const storage = new FakeStorage();
    const { source, problems } = sourceOn(storage);
    const store = new CareStore(source, TEAM, kari);
    await store.load();
    const nav = store.snapshot.record!.consents.find((c) => c.id === 'c-nav')!;
    storage.full = true;
    const { value: outcome } = await warningsDuring(() => store.save({ entity: 'consent', action: 'withdraw', value: { ...nav, state: 'withdrawn' } }));
    expect(outcome.ok).to.equal(false);
    const error = (outcome as { error: StoreError }).error;
    expect([error.kind, error.status]).to.deep.equal(['storage', 507]);
    expect(error.detail).to.contain('storage is full');
    expect(store.failureOf('consent', 'c-nav'), 'the element can say it failed and offer Try again').to.not.equal(undefined);
    expect(store.snapshot.record!.consents.find((c) => c.id === 'c-nav')!.state, 'shown as it was').to.equal(nav.state);
    // The save, and the audit entry of its failure, could not be written: each is reported.
    expect(problems.length).to.be.greaterThan(0);
    expect(new Set(problems.map((p) => p.kind))).to.deep.equal(new Set(['not-written']));
    expect((await source.load(TEAM)).consents.find((c) => c.id === 'c-nav')!.state, 'the source did not keep it in memory either').to.equal(nav.state);

    storage.full = false;
    expect((await store.retry('consent', 'c-nav'))!.ok).to.equal(true);
    expect(stored(storage, TEAM_KEY).record.consents.find((c) => c.id === 'c-nav')!.state).to.equal('withdrawn');
  });

  it('a blocked storage: the load says so, and every save fails visibly', async () => {
    const { source, problems } = sourceOn(new BlockedStorage());
    const { warnings } = await warningsDuring(() => source.load(TEAM));
    expect(problems.map((p) => p.kind)).to.deep.equal(['blocked']);
    expect(warnings.join('\n')).to.contain('storage cannot be used');
    const record = await source.load(TEAM);
    const { value: error } = await warningsDuring(() => rejectionOf(source.save(change('consent', { ...record.consents[0], state: 'withdrawn' }, '1'))));
    expect([error.kind, error.status]).to.deep.equal(['storage', 507]);
    expect(error.detail).to.contain('blocked');
  });

  it('two sources on one storage (two tabs): a save made on an older version is a conflict, as on a server', async () => {
    const storage = new FakeStorage();
    const tab1 = sourceOn(storage).source;
    const tab2 = sourceOn(storage).source;
    const seen1 = await tab1.load(TEAM);
    const seen2 = await tab2.load(TEAM);
    await tab1.save(change('consent', { ...seen1.consents[0], state: 'withdrawn' }, '1'));
    // Tab 2 changes another consent: it is stored beside tab 1's change, not over the whole record.
    await tab2.save(change('consent', { ...seen2.consents[1], state: 'refused' }, '1'));
    const error = await rejectionOf(tab2.save(change('consent', { ...seen2.consents[0], state: 'refused' }, '1')));
    expect(error.kind).to.equal('conflict');
    const after = stored(storage, TEAM_KEY).record.consents;
    expect(after.slice(0, 2).map((c) => c.state)).to.deep.equal(['withdrawn', 'refused']);
    expect(stored(storage, TEAM_KEY).version).to.equal(2);
    expect((await tab1.load(TEAM)).consents[1].state, 'tab 1 reads what tab 2 stored').to.equal('refused');
  });

  it('two stores on two tabs: a participant\u2019s answer and a change of attendance are both kept, and the other tab sees it without reloading', async () => {
    const storage = new FakeStorage();
    const lars = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };
    const larsTab = new CareStore(sourceOn(storage).source, TEAM, lars);
    const kariTab = new CareStore(sourceOn(storage).source, TEAM, kari);
    await Promise.all([larsTab.load(), kariTab.load()]);
    const larsSees: string[] = [];
    larsTab.subscribe((snapshot) => {
      const p = snapshot.record?.meetings.find((m) => m.id === 'mt-series')?.participants.find((x) => x.memberId === 'm-lars');
      if (p) larsSees.push(`${p.required ? 'must come' : 'welcome'}/${p.response}`);
    });
    const series = () => kariTab.snapshot.record!.meetings.find((m) => m.id === 'mt-series')!;
    const older = series();
    const answered = larsTab.snapshot.record!.meetings.find((m) => m.id === 'mt-series')!;
    const larsAnswer = { ...answered, participants: answered.participants.map((p) => (p.memberId === 'm-lars' ? { ...p, response: 'accepted' as const } : p)) };
    expect((await larsTab.save({ entity: 'meeting', action: 'respond', value: larsAnswer })).ok).to.equal(true);

    const kariChange = { ...older, participants: older.participants.map((p) => (p.memberId === 'm-lars' ? { ...p, required: true } : p)) };
    const first = await kariTab.save({ entity: 'meeting', action: 'update', value: kariChange });
    expect(first.ok, 'made on the older copy: a conflict').to.equal(false);
    expect(kariTab.failureOf('meeting', 'mt-series')!.conflicts, 'different fields: nothing to choose').to.deep.equal([]);
    expect((await kariTab.retry('meeting', 'mt-series'))!.ok).to.equal(true);
    const kept = stored(storage, TEAM_KEY).record as unknown as { meetings: Array<{ id: string; participants: Array<{ memberId: string }> }> };
    expect(kept.meetings.find((m) => m.id === 'mt-series')!.participants.find((p) => p.memberId === 'm-lars')).to.deep.include({ required: true, response: 'accepted' });
    // Lars's tab heard of it through the channel and shows both, without a reload of its own.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(larsSees.at(-1)).to.equal('must come/accepted');
    expect(larsTab.snapshot.status).to.equal('ready');
  });

  it('keeps an audit entry sent twice (a retry after a lost answer) once', async () => {
    const source = new MemorySource({ seed: fjordvik, persist: { key: 'demo', storage: new FakeStorage() } });
    await source.load(TEAM);
    const entry = { id: 'audit-x', entity: 'consent' as const, entityId: 'c-gp', action: 'withdraw', actor: kari, at: '2026-12-01T09:00:00.000Z', outcome: 'failed' as const, failure: 'network' as const, changeId: 'change-x' };
    await source.audit(TEAM, [entry]);
    await source.audit(TEAM, [entry]);
    expect((await source.load(TEAM)).audit.map((e) => e.id)).to.deep.equal(['audit-x']);
  });

  it('<care-context>\u2019s lazily loaded source passes audit entries and watching through', async () => {
    const storage = new FakeStorage();
    const real = sourceOn(storage).source;
    const lazy = lazySource(() => Promise.resolve(real), 'memory-test');
    const heard: string[] = [];
    const stop = lazy.watch!(TEAM, () => heard.push('changed'));
    await lazy.load(TEAM);
    const entry = { id: 'audit-y', entity: 'consent' as const, entityId: 'c-gp', action: 'grant', actor: kari, at: '2026-12-01T09:00:00.000Z', outcome: 'vetoed' as const, changeId: 'change-y' };
    await lazy.audit!(TEAM, [entry]);
    expect((await real.load(TEAM)).audit.map((e) => e.id)).to.deep.equal(['audit-y']);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard.length, 'the audit write was announced').to.be.greaterThan(0);
    stop();
    const without = lazySource(() => Promise.resolve({ load: real.load.bind(real), save: real.save.bind(real) }), 'memory-test');
    expect((await rejectionOf(without.audit!(TEAM, [entry]))).detail).to.contain('does not keep audit entries');
  });
});
