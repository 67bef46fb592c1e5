// The store keys everything by kind and id, orders answers by version, and refuses a change with no actor.
import { expect } from '@open-wc/testing';
import { CareRecord } from '../../src/contract/record.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { CareStore } from '../../src/data/store.js';
import { StoreError, type CareDataSource, type Change, type ChangeKind, type EntityByKind } from '../../src/data/types.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };

/** Fjordvik with one meeting whose id is also a consent's id (ids are unique within a kind only). */
const sharedIdRecord = () => {
  const record = structuredClone(fjordvik) as unknown as CareRecord;
  record.meetings[0] = { ...record.meetings[0], id: 'c-gp' };
  return record;
};

/** Remembers every save and answers it when the test says so. */
class GatedSource implements CareDataSource {
  readonly saves: Array<{ change: Change; answer: (error?: StoreError) => void }> = [];
  readonly loads: Array<(record: CareRecord) => void> = [];
  constructor(
    private readonly inner: CareDataSource,
    private gateLoads = false,
  ) {}
  holdLoads(on: boolean) {
    this.gateLoads = on;
  }
  async load(teamId: string): Promise<CareRecord> {
    const record = await this.inner.load(teamId);
    if (!this.gateLoads) return record;
    return new Promise((resolve) => this.loads.push(() => resolve(record)));
  }
  save<K extends ChangeKind>(change: Change<K>): Promise<EntityByKind[K]> {
    return new Promise((resolve, reject) => {
      this.saves.push({ change: change as Change, answer: (error) => (error ? reject(error) : resolve(this.inner.save(change))) });
    });
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CareStore: kind and id', () => {
  it('a meeting and a consent with the same id have their own queue, version and failure', async () => {
    const memory = new MemorySource({ seed: sharedIdRecord() });
    const source = new GatedSource(memory);
    const store = new CareStore(source, 'team-ingrid', kari);
    await store.load();
    // The consent is saved once, so its version is 2 while the meeting's is still 1.
    const consent = store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!;
    const first = store.save({ entity: 'consent', action: 'withdraw', value: { ...consent, state: 'withdrawn', since: '2026-12-01T10:00:00Z' } });
    await tick();
    source.saves[0].answer();
    expect((await first).ok).to.equal(true);

    const meeting = store.snapshot.record!.meetings.find((m) => m.id === 'c-gp')!;
    const consentNow = store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!;
    const meetingSave = store.save({ entity: 'meeting', action: 'update', value: { ...meeting, title: 'Renamed' } });
    const consentSave = store.save({ entity: 'consent', action: 'grant', value: { ...consentNow, state: 'granted' } });
    await tick();
    // Both are sent at once (separate queues), each with its own version.
    expect(source.saves.map((s) => [s.change.entity, s.change.baseVersion])).to.deep.equal([
      ['consent', '1'],
      ['meeting', '1'],
      ['consent', '2'],
    ]);
    expect([...store.snapshot.pending].sort()).to.deep.equal(['consent/c-gp', 'meeting/c-gp']);
    expect(store.stateOf('meeting', 'c-gp').pending?.title, 'the pending change').to.equal('Renamed');
    expect(store.stateOf('meeting', 'c-gp').confirmed?.title, 'the confirmed value').to.equal(meeting.title);

    source.saves[1].answer(new StoreError('server', 'down', 503));
    source.saves[2].answer();
    expect((await meetingSave).ok).to.equal(false);
    expect((await consentSave).ok).to.equal(true);
    const record = store.snapshot.record!;
    // After the failure nothing lands in the wrong list.
    expect(record.meetings.filter((m) => m.id === 'c-gp')).to.have.length(1);
    expect(record.meetings.find((m) => m.id === 'c-gp')!.title).to.equal(meeting.title);
    expect(record.consents.filter((c) => c.id === 'c-gp')).to.have.length(1);
    expect(record.consents.find((c) => c.id === 'c-gp')!).to.include({ state: 'granted' });
    expect(record.meetings.every((m) => 'participants' in m)).to.equal(true);
    expect([...store.snapshot.failures.keys()]).to.deep.equal(['meeting/c-gp']);
    expect(store.failureOf('consent', 'c-gp')).to.equal(undefined);
    expect(store.stateOf('meeting', 'c-gp').failure?.error.kind).to.equal('server');
  });
});

describe('CareStore: answers in order', () => {
  it('a read that started before a save does not replace the saved value', async () => {
    const memory = new MemorySource({ seed: fjordvik });
    const source = new GatedSource(memory);
    const store = new CareStore(source, 'team-ingrid', kari);
    await store.load();
    source.holdLoads(true);
    const reading = store.load();
    await tick();
    const consent = store.snapshot.record!.consents.find((c) => c.id === 'c-nav')!;
    const saving = store.save({ entity: 'consent', action: 'withdraw', value: { ...consent, state: 'withdrawn' } });
    await tick();
    source.saves[0].answer();
    expect((await saving).ok).to.equal(true);
    expect(store.snapshot.record!.consents.find((c) => c.id === 'c-nav')!.state).to.equal('withdrawn');
    // The old read (version 1, granted) arrives only now.
    source.loads.shift()!(undefined as unknown as CareRecord);
    await reading;
    const shown = store.snapshot.record!.consents.find((c) => c.id === 'c-nav')!;
    expect(shown.state, 'the older read does not bring the old value back').to.equal('withdrawn');
    expect(shown.meta?.version).to.equal('2');
    // A read that starts after the save is taken as it is.
    source.holdLoads(false);
    await store.load();
    expect(store.snapshot.record!.consents.find((c) => c.id === 'c-nav')!.state).to.equal('withdrawn');
  });
});

describe('CareStore: the actor', () => {
  it('a change with no actor is refused with a clear error and nothing is written or shown', async () => {
    const memory = new MemorySource({ seed: fjordvik });
    const store = new CareStore(memory, 'team-ingrid');
    await store.load();
    const before = store.snapshot.record!;
    const consent = before.consents[0];
    const outcome = await store.save({ entity: 'consent', action: 'withdraw', value: { ...consent, state: 'withdrawn' } });
    expect(outcome.ok).to.equal(false);
    const error = (outcome as { error: StoreError }).error;
    expect(error.kind).to.equal('no-actor');
    expect(error.detail).to.contain('no actor');
    expect(store.snapshot.record, 'nothing shown').to.equal(before);
    expect((await memory.load('team-ingrid')).consents[0].state, 'nothing written').to.equal(consent.state);
  });

  it('setting the actor to nothing, or to something the contract refuses, clears it', async () => {
    const store = new CareStore(new MemorySource({ seed: fjordvik }), 'team-ingrid', kari);
    expect(store.actor?.name).to.equal('Kari Nilsen');
    store.actor = undefined;
    expect(store.actor).to.equal(undefined);
    store.actor = kari;
    store.actor = { name: '' } as never;
    expect(store.actor, 'an actor without a name is refused').to.equal(undefined);
    await store.load();
    const consent = store.snapshot.record!.consents[0];
    const outcome = await store.save({ entity: 'consent', action: 'withdraw', value: { ...consent, state: 'withdrawn' } });
    expect((outcome as { error: StoreError }).error.kind).to.equal('no-actor');
  });
});
