import * as v from 'valibot';
import { expect } from '@open-wc/testing';
import { CareRecord } from '../../src/contract/record.js';
import type { Responsibility } from '../../src/contract/responsibility.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { CareStore } from '../../src/data/store.js';
import { MemorySource } from '../../src/data/memory-source.js';
import type { MeetingOutcome } from '../../src/contract/meeting-outcome.js';
import { StoreError, type CareDataSource, type Change, type ChangeKind, type EntityByKind } from '../../src/data/types.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const ID = 'r-medication';

/** A server for responsibilities with versions: a stale base version is a conflict. */
class VersionedServer implements CareDataSource {
  readonly record = v.parse(CareRecord, fjordvik);
  /** The next write is stored, but its answer is lost (a timeout). */
  loseNextAnswer = false;
  /** When set, writes wait for it (a save under way). */
  gate?: Promise<void>;

  constructor() {
    this.record.responsibilities = this.record.responsibilities.map((r) => ({ ...r, meta: { ...r.meta, version: '1' } }));
  }

  get current(): Responsibility {
    return this.record.responsibilities.find((r) => r.id === ID)!;
  }

  /** Another writer changes the responsibility behind the store's back. */
  changeBehindTheBack(title: string) {
    this.put({ ...this.current, title });
  }

  async load(): Promise<CareRecord> {
    return structuredClone(this.record);
  }

  async save<K extends ChangeKind>(change: Change<K>): Promise<EntityByKind[K]> {
    if (this.gate) await this.gate;
    const value = change.value as Responsibility;
    if (change.baseVersion !== this.current.meta?.version) throw new StoreError('conflict', 'stale version', 412);
    const stored = this.put(value);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new StoreError('timeout', 'no answer');
    }
    return structuredClone(stored) as EntityByKind[K];
  }

  private put(value: Responsibility): Responsibility {
    const stored = { ...value, meta: { ...value.meta, version: String(Number(this.current.meta?.version ?? 0) + 1) } };
    this.record.responsibilities = this.record.responsibilities.map((r) => (r.id === ID ? stored : r));
    return stored;
  }
}

async function setup() {
  const server = new VersionedServer();
  const store = new CareStore(server, 'team-ingrid', kari);
  await store.load();
  const shown = () => store.snapshot.record!.responsibilities.find((r) => r.id === ID)!;
  const save = (value: Responsibility) => store.save({ entity: 'responsibility', action: 'update', value });
  return { server, store, shown, save };
}

describe('CareStore: conflicts and lost answers', () => {
  it('merges only the retried change onto the newer version; a fresh edit is saved as made', async () => {
    const { server, store, shown, save } = await setup();
    const original = shown().title;
    server.changeBehindTheBack('Changed by someone else');
    const stale = await save({ ...shown(), status: 'ended' });
    expect(stale.ok, 'the stale write conflicts').to.equal(false);
    expect(shown().title, 'the newer version is shown').to.equal('Changed by someone else');

    // A new edit on the version now shown sets the title back: that is what is saved.
    const fresh = await save({ ...shown(), title: original });
    expect(fresh.ok).to.equal(true);
    expect(server.current.title).to.equal(original);
    expect(store.snapshot.failures.size).to.equal(0);
  });

  it('Try again merges the refused change onto the newer version', async () => {
    const { server, store, shown, save } = await setup();
    server.changeBehindTheBack('Changed by someone else');
    await save({ ...shown(), status: 'ended' });
    const retried = await store.retry('responsibility', ID);
    expect(retried?.ok).to.equal(true);
    expect(server.current.status, 'their change').to.equal('ended');
    expect(server.current.title, 'and the other writer’s').to.equal('Changed by someone else');
  });

  it('a lost answer counts as saved for its own Try again, not for a different edit', async () => {
    const { server, store, shown, save } = await setup();
    const before = shown();
    server.loseNextAnswer = true;
    const lost = await save({ ...before, title: 'First try' });
    expect(lost.ok).to.equal(false);
    expect(server.current.title, 'it got through').to.equal('First try');

    // A different edit made on the old version is not the lost one: the person is told.
    const other = await save({ ...before, title: 'Something else' });
    expect(other.ok, 'a different edit is not reported saved').to.equal(false);
    expect(server.current.title).to.equal('First try');
    expect(shown().title, 'they now see what the server holds').to.equal('First try');

    // Both changed the title: Try again saves nothing and shows both values until the person chooses.
    const again = await store.retry('responsibility', ID);
    expect(again?.ok, 'both changed the title: nothing is saved silently').to.equal(false);
    expect(server.current.title).to.equal('First try');
    expect(store.failureOf('responsibility', ID)!.conflicts).to.deep.equal([
      { path: ['title'], base: before.title, mine: 'Something else', theirs: 'First try' },
    ]);
    expect((await store.resolve('responsibility', ID, 'mine'))?.ok).to.equal(true);
    expect(server.current.title).to.equal('Something else');
  });

  it('a change made on an older copy than the store now holds keeps what someone else saved in between', async () => {
    const { server, store, shown, save } = await setup();
    const old = shown();
    // Someone else renames it; this page hears of it (a reload, another tab) while a form still holds the old copy.
    server.changeBehindTheBack('Changed by someone else');
    await store.load();
    expect(shown().meta?.version).to.equal('2');
    const outcome = await save({ ...old, status: 'ended' });
    expect(outcome.ok, 'only different fields changed: saved').to.equal(true);
    expect(server.current.status, 'their change').to.equal('ended');
    expect(server.current.title, 'the other writer\u2019s is not wiped').to.equal('Changed by someone else');
    expect(shown().title).to.equal('Changed by someone else');
  });

  it('a change made on an older copy that changed the same value is not saved until the person chooses', async () => {
    const { server, store, shown, save } = await setup();
    const old = shown();
    server.changeBehindTheBack('Changed by someone else');
    await store.load();
    const outcome = await save({ ...old, title: 'Mine' });
    expect(outcome.ok, 'both changed the title: nothing saved silently').to.equal(false);
    expect(server.current.title).to.equal('Changed by someone else');
    expect(store.failureOf('responsibility', ID)!.conflicts).to.deep.equal([
      { path: ['title'], base: old.title, mine: 'Mine', theirs: 'Changed by someone else' },
    ]);
    expect((store.failureOf('responsibility', ID)!.request.value as Responsibility).title, 'what they typed is kept for Try again').to.equal('Mine');
    expect((await store.resolve('responsibility', ID, 'mine'))?.ok).to.equal(true);
    expect(server.current.title).to.equal('Mine');
  });

  describe('two elements on one store (each saves as its own origin)', () => {
    const matrix = {};
    const outcomes = {};
    const saveAs = (store: CareStore, origin: object, value: Responsibility) => store.save({ entity: 'responsibility', action: 'update', value }, { origin });

    it('a change made on the copy before the other element saved the same value is not saved until the person chooses', async () => {
      const { server, store, shown } = await setup();
      const old = shown();
      expect((await saveAs(store, outcomes, { ...old, title: 'Theirs' })).ok).to.equal(true);
      const outcome = await saveAs(store, matrix, { ...old, title: 'Mine' });
      expect(outcome.ok, 'not saved over the other element\u2019s change').to.equal(false);
      expect(server.current.title).to.equal('Theirs');
      expect(store.failureOf('responsibility', ID)!.conflicts).to.deep.equal([{ path: ['title'], base: old.title, mine: 'Mine', theirs: 'Theirs' }]);
      // Its Try again is still the same element's change: nothing is saved until the person chooses.
      expect((await store.retry('responsibility', ID))?.ok).to.equal(false);
      expect((await store.resolve('responsibility', ID, 'mine'))?.ok).to.equal(true);
      expect(server.current.title).to.equal('Mine');
    });

    it('the same, while the other element\u2019s save is still under way', async () => {
      const { server, store, shown } = await setup();
      const old = shown();
      let open!: () => void;
      server.gate = new Promise<void>((resolve) => (open = resolve));
      const first = saveAs(store, outcomes, { ...old, title: 'Theirs' });
      const second = saveAs(store, matrix, { ...old, title: 'Mine' });
      open();
      expect((await first).ok).to.equal(true);
      expect((await second).ok, 'not saved over the other element\u2019s change').to.equal(false);
      expect(server.current.title).to.equal('Theirs');
      expect(store.failureOf('responsibility', ID)!.conflicts.map((c) => c.path)).to.deep.equal([['title']]);
    });

    it('changes of different values are both kept, saved or under way', async () => {
      const { server, store, shown } = await setup();
      const old = shown();
      expect((await saveAs(store, outcomes, { ...old, title: 'Theirs' })).ok).to.equal(true);
      expect((await saveAs(store, matrix, { ...old, status: 'ended' })).ok).to.equal(true);
      expect([server.current.title, server.current.status]).to.deep.equal(['Theirs', 'ended']);

      const now = shown();
      let open!: () => void;
      server.gate = new Promise<void>((resolve) => (open = resolve));
      const first = saveAs(store, outcomes, { ...now, title: 'Theirs again' });
      const second = saveAs(store, matrix, { ...now, reviewDate: '2027-03-01' });
      open();
      expect([(await first).ok, (await second).ok]).to.deep.equal([true, true]);
      expect([server.current.title, server.current.reviewDate]).to.deep.equal(['Theirs again', '2027-03-01']);
      expect(store.snapshot.failures.size).to.equal(0);
    });

    it('an element changing the same value again on what it shows while its save is under way is not asked', async () => {
      const { server, store, shown } = await setup();
      let open!: () => void;
      server.gate = new Promise<void>((resolve) => (open = resolve));
      const first = saveAs(store, matrix, { ...shown(), title: 'First' });
      const second = saveAs(store, matrix, { ...shown(), title: 'Second' });
      open();
      expect([(await first).ok, (await second).ok]).to.deep.equal([true, true]);
      expect(server.current.title).to.equal('Second');
      // Saved, then changed again on the copy its own save was made on: still its own.
      expect((await saveAs(store, matrix, { ...shown(), meta: { version: '1' }, title: 'Third' })).ok).to.equal(true);
      expect(server.current.title).to.equal('Third');
    });
  });

  it('a lost answer is found saved when the same change is tried again', async () => {
    const { server, store, shown, save } = await setup();
    server.loseNextAnswer = true;
    await save({ ...shown(), title: 'First try' });
    const again = await store.retry('responsibility', ID);
    expect(again?.ok).to.equal(true);
    expect(server.current.title).to.equal('First try');
    expect(server.current.meta?.version, 'stored once').to.equal('2');
  });

  it('two people create the same entity at once: the later one\u2019s Try again does not replace the first', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const lars = new CareStore(source, 'team-ingrid', { id: 'm-lars', name: 'Lars Haugen' });
    const amina = new CareStore(source, 'team-ingrid', { id: 'm-amina', name: 'Amina Yusuf' });
    await Promise.all([lars.load(), amina.load()]);
    // Both record the outcome of the same meeting (its id follows from the meeting's).
    const outcome = (notes: string) => ({ id: 'mo-new', meetingId: 'mt-series', status: 'draft', parts: [{ id: 'op-1', notes, decisions: [], actions: [], categories: [] }], confirmations: [], questions: [] }) as unknown as MeetingOutcome;
    expect((await lars.save({ entity: 'meeting-outcome', action: 'record', value: outcome('Lars: the GP renews the prescriptions.') })).ok).to.equal(true);
    const first = await amina.save({ entity: 'meeting-outcome', action: 'record', value: outcome('Amina: the DPS keeps a bed free.') });
    expect(first.ok, 'it exists already').to.equal(false);
    expect(amina.failureOf('meeting-outcome', 'mo-new')!.conflicts.map((c) => c.path.join('.'))).to.deep.equal(['parts.op-1.notes']);
    const again = await amina.retry('meeting-outcome', 'mo-new');
    expect(again?.ok, 'nothing is saved until she chooses').to.equal(false);
    const stored = (await source.load('team-ingrid')).meetingOutcomes.find((o) => o.id === 'mo-new')!;
    expect(stored.parts[0].notes, 'Lars\u2019s outcome is not replaced').to.equal('Lars: the GP renews the prescriptions.');
    expect((await amina.resolve('meeting-outcome', 'mo-new', 'mine'))?.ok, 'she chooses hers').to.equal(true);
    expect((await source.load('team-ingrid')).meetingOutcomes.find((o) => o.id === 'mo-new')!.parts[0].notes).to.equal('Amina: the DPS keeps a bed free.');
  });

  it('a save that fails shows what the source holds now, with a change someone else saved while it was under way', async () => {
    const source = new MemorySource({ seed: fjordvik });
    let failSave: ((error: StoreError) => void) | undefined;
    let loaded!: () => void;
    const reloaded = new Promise<void>((resolve) => (loaded = resolve));
    // Kari's connection: her save hangs until the test fails it; her page hears of others' saves.
    const kariSide: CareDataSource = {
      load: async (id, signal) => {
        const record = await source.load(id, signal);
        queueMicrotask(loaded);
        return record;
      },
      save: (change, signal) => (failSave ? source.save(change, signal) : new Promise((_, reject) => (failSave = reject))),
      watch: (id, listener) => source.watch(id, listener),
    };
    const kariStore = new CareStore(kariSide, 'team-ingrid', kari);
    await kariStore.load();
    const stop = kariStore.subscribe(() => {});
    const ola = new CareStore(source, 'team-ingrid', { id: 'm-ola', name: 'Ola Berg' });
    await ola.load();
    const shown = () => kariStore.snapshot.record!.responsibilities.find((r) => r.id === ID)!;

    const saving = kariStore.save({ entity: 'responsibility', action: 'update', value: { ...shown(), status: 'ended' } });
    const theirs = ola.snapshot.record!.responsibilities.find((r) => r.id === ID)!;
    expect((await ola.save({ entity: 'responsibility', action: 'rename', value: { ...theirs, title: 'Renamed by Ola' } })).ok).to.equal(true);
    await reloaded;
    await Promise.resolve();
    failSave!(new StoreError('network', 'offline'));
    expect((await saving).ok).to.equal(false);
    expect(shown().title, 'Ola\u2019s change, which the page had heard of').to.equal('Renamed by Ola');
    expect(shown().status, 'her change is not shown as saved').to.not.equal('ended');
    // Try again merges hers onto his.
    expect((await kariStore.retry('responsibility', ID))?.ok).to.equal(true);
    const stored = (await source.load('team-ingrid')).responsibilities.find((r) => r.id === ID)!;
    expect([stored.title, stored.status]).to.deep.equal(['Renamed by Ola', 'ended']);
    stop();
  });

  it('a read that answers late never replaces what a newer read showed', async () => {
    const older = v.parse(CareRecord, fjordvik);
    older.responsibilities = older.responsibilities.map((r) => ({ ...r, meta: { ...r.meta, version: '1' } }));
    const newer = structuredClone(older);
    newer.responsibilities = newer.responsibilities.map((r) => (r.id === ID ? { ...r, title: 'Renamed by Ola', meta: { version: '2' } } : r));
    const answers: Array<(record: CareRecord) => void> = [];
    let changed!: () => void;
    const source: CareDataSource = {
      load: () => new Promise((resolve) => answers.push(resolve)),
      save: () => Promise.reject(new StoreError('server', 'not in this test')),
      watch: (_id, listener) => ((changed = listener), () => {}),
    };
    const store = new CareStore(source, 'team-ingrid', kari);
    const first = store.load();
    answers.shift()!(structuredClone(older));
    await first;
    const stop = store.subscribe(() => {});
    const shown = () => store.snapshot.record!.responsibilities.find((r) => r.id === ID)!;

    // The source says something changed: the store reads again (slowly)…
    changed();
    await Promise.resolve();
    expect(answers.length, 'the refresh asked').to.equal(1);
    const slow = answers.shift()!;
    // …and the host reloads meanwhile, which answers first with the newer record.
    const reload = store.load();
    answers.shift()!(structuredClone(newer));
    await reload;
    expect(shown().title).to.equal('Renamed by Ola');
    // The slow read, made before, answers last with what it saw then.
    slow(structuredClone(older));
    // The store's handling of that answer is promise work only: it has run before the next task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown().title, 'the late, older read does not take Ola\u2019s change off the screen').to.equal('Renamed by Ola');
    stop();
  });
});

describe('A source that gives no versions', () => {
  it('the console says once that a change was saved without the version it was made on; with versions it says nothing', async () => {
    // A server that sends no ETag and no meta.version: nothing can tell it that someone else saved meanwhile.
    const record = v.parse(CareRecord, structuredClone(fjordvik));
    const unversioned: CareDataSource = {
      load: async () => structuredClone(record),
      save: async <K extends ChangeKind>(change: Change<K>) => structuredClone(change.value) as EntityByKind[K],
    };
    const warningsOf = async (source: CareDataSource) => {
      const store = new CareStore(source, 'team-ingrid', kari);
      await store.load();
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
      try {
        for (const title of ['Medicines', 'Medicines and prescriptions']) {
          const r = store.snapshot.record!.responsibilities.find((x) => x.id === ID)!;
          const outcome = await store.save({ entity: 'responsibility', action: 'rename', value: { ...r, title } });
          expect(outcome.ok).to.equal(true);
        }
      } finally {
        console.warn = original;
      }
      return warnings.filter((w) => w.includes('without the version it was made on'));
    };
    const warned = await warningsOf(unversioned);
    expect(warned).to.deep.equal([
      'care-elements: a change to a responsibility was saved without the version it was made on, because the data source gave it none (no ETag or meta.version): a change someone else saved meanwhile cannot be noticed, and may be overwritten.',
    ]);
    expect(await warningsOf(new MemorySource({ seed: fjordvik })), 'a source with versions').to.deep.equal([]);
  });
});
