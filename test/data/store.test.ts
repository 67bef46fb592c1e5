import * as v from 'valibot';
import type { ConsentDirective } from '../../src/contract/consent.js';
import { expect } from '@open-wc/testing';
import { AuditEntry } from '../../src/contract/audit.js';
import { CareRecord } from '../../src/contract/record.js';
import { check } from '../../src/contract/validate.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { CareStore } from '../../src/data/store.js';
import { StoreError, type CareDataSource, type Change, type ChangeKind, type EntityByKind, type StoreSnapshot } from '../../src/data/types.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };

interface PendingSave {
  change: Change;
  resolve: (value?: unknown) => void;
  reject: (error: StoreError) => void;
}

/**
 * A source whose saves wait until the test answers them, so the test decides the order of
 * answers. Answering with no value stores the change with the next version.
 */
class ControlledSource implements CareDataSource {
  readonly saves: PendingSave[] = [];
  private version = 100;

  constructor(private readonly record: CareRecord) {}

  async load(): Promise<CareRecord> {
    return structuredClone(this.record);
  }

  save<K extends ChangeKind>(change: Change<K>): Promise<EntityByKind[K]> {
    return new Promise((resolve, reject) => {
      this.saves.push({
        change: change as Change,
        resolve: (value) => resolve((value ?? { ...change.value, meta: { version: String(++this.version) } }) as EntityByKind[K]),
        reject,
      });
    });
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function setup() {
  const source = new ControlledSource(v.parse(CareRecord, fjordvik));
  const store = new CareStore(source, 'team-ingrid', kari);
  const seen: StoreSnapshot[] = [];
  store.subscribe((snapshot) => seen.push(snapshot));
  await store.load();
  return { source, store, seen, record: () => store.snapshot.record! };
}

const consent = (record: CareRecord, id: string) => record.consents.find((c) => c.id === id)!;
const responsibility = (record: CareRecord, id: string) => record.responsibilities.find((r) => r.id === id)!;

describe('CareStore', () => {
  it('loads through the source and tells subscribers', async () => {
    const { store, seen } = await setup();
    expect(seen.map((s) => s.status)).to.deep.equal(['idle', 'loading', 'ready']);
    expect(store.snapshot.record!.team.id).to.equal('team-ingrid');
  });

  it('reports a failed load and keeps the error', async () => {
    const store = new CareStore(
      { load: () => Promise.reject(new StoreError('forbidden', 'not on this team', 403)), save: () => Promise.reject(new Error('unused')) },
      'team-ingrid',
    );
    await store.load();
    expect(store.snapshot.status).to.equal('error');
    expect(store.snapshot.loadError?.kind).to.equal('forbidden');
  });

  it('shows a change at once, before the source has answered', async () => {
    const { source, store, record } = await setup();
    const before = consent(record(), 'c-gp');
    const saving = store.save({ entity: 'consent', action: 'withdraw', value: { ...before, state: 'withdrawn' }, reason: 'Changed my mind' });

    expect(consent(record(), 'c-gp').state).to.equal('withdrawn');
    expect(store.snapshot.pending.has('consent/c-gp')).to.equal(true);
    await tick();
    expect(source.saves).to.have.length(1);
    source.saves[0].resolve();
    const outcome = await saving;
    expect(outcome.ok).to.equal(true);
    expect(store.snapshot.pending.size).to.equal(0);
    expect(consent(record(), 'c-gp').meta?.version, 'the stored version replaces the optimistic value').to.equal('101');
  });

  it('rolls a failed save back, keeps the failure for retry, and loses nothing else', async () => {
    const { source, store, record } = await setup();
    const consentBefore = consent(record(), 'c-gp');
    const failing = store.save({ entity: 'consent', action: 'withdraw', value: { ...consentBefore, state: 'withdrawn' } });
    // Meanwhile another entity is changed and saved.
    const medication = responsibility(record(), 'r-medication');
    const other = store.save({ entity: 'responsibility', action: 'review', value: { ...medication, reviewDate: '2027-02-01' } });
    await tick();
    const [consentSave, otherSave] = source.saves;
    otherSave.resolve();
    await other;
    consentSave.reject(new StoreError('server', 'database down', 503));
    const outcome = await failing;

    expect(outcome.ok).to.equal(false);
    expect(consent(record(), 'c-gp'), 'rolled back to the entity before').to.deep.equal(consentBefore);
    expect(responsibility(record(), 'r-medication').reviewDate, 'the other save stays').to.equal('2027-02-01');
    expect(record().consents).to.have.length(fjordvik.consents.length);
    expect(record().responsibilities).to.have.length(fjordvik.responsibilities.length);
    const failure = store.snapshot.failures.get('consent/c-gp')!;
    expect(failure.error.kind).to.equal('server');
    expect(failure.request.value).to.include({ state: 'withdrawn' });
    expect(store.snapshot.pending.size).to.equal(0);

    // Retry sends the same request again and succeeds.
    const retrying = store.retry('consent', 'c-gp')!;
    expect(consent(record(), 'c-gp').state, 'the retry is shown at once').to.equal('withdrawn');
    expect(store.snapshot.failures.has('consent/c-gp')).to.equal(false);
    await tick();
    source.saves[2].resolve();
    expect((await retrying).ok).to.equal(true);
    expect(consent(record(), 'c-gp').state).to.equal('withdrawn');
    expect(source.saves[2].change.baseVersion, 'the retry is based on the stored version').to.equal(consentBefore.meta?.version);
  });

  it('removes a new entity again when creating it fails', async () => {
    const { source, store, record } = await setup();
    const saving = store.save({
      entity: 'responsibility',
      action: 'create',
      value: { id: 'r-new', title: 'Dentist', area: 'physical-health', status: 'proposed', assignments: [], notes: [] },
    });
    expect(responsibility(record(), 'r-new').title).to.equal('Dentist');
    await tick();
    expect(source.saves[0].change.create).to.equal(true);
    source.saves[0].reject(new StoreError('rejected', 'no', 422));
    await saving;
    expect(responsibility(record(), 'r-new')).to.equal(undefined);
  });

  it('keeps the newest change of an entity, whatever order the answers come in', async () => {
    const { source, store, record } = await setup();
    const before = consent(record(), 'c-nav');
    const first = store.save({ entity: 'consent', action: 'withdraw', value: { ...before, state: 'withdrawn' } });
    const second = store.save({ entity: 'consent', action: 'grant', value: { ...before, state: 'granted', note: 'second' } as ConsentDirective });
    expect(consent(record(), 'c-nav')).to.include({ state: 'granted' });
    await tick();
    // The second is sent only once the first has answered, based on the version the first stored.
    expect(source.saves).to.have.length(1);
    source.saves[0].resolve();
    await first;
    expect(consent(record(), 'c-nav'), 'the first answer does not overwrite the newer change').to.include({ state: 'granted' });
    await tick();
    expect(source.saves).to.have.length(2);
    expect(source.saves[1].change.baseVersion).to.equal('101');
    expect(source.saves[1].change.create).to.equal(false);
    source.saves[1].resolve();
    await second;
    expect(consent(record(), 'c-nav')).to.include({ state: 'granted', note: 'second' });
    expect(consent(record(), 'c-nav').meta?.version).to.equal('102');
  });

  it('keeps the newest change when an older save fails after it', async () => {
    const { source, store, record } = await setup();
    const before = consent(record(), 'c-nav');
    const first = store.save({ entity: 'consent', action: 'withdraw', value: { ...before, state: 'withdrawn' } });
    const second = store.save({ entity: 'consent', action: 'refuse', value: { ...before, state: 'refused' } });
    await tick();
    source.saves[0].reject(new StoreError('network', 'offline'));
    expect((await first).ok).to.equal(false);
    expect(consent(record(), 'c-nav').state, 'an overtaken failure does not roll back the newer change').to.equal('refused');
    expect(store.snapshot.failures.size).to.equal(0);
    await tick();
    expect(source.saves[1].change.baseVersion, 'still based on what the source holds').to.equal(before.meta?.version);
    source.saves[1].reject(new StoreError('conflict', 'changed elsewhere', 412));
    await second;
    expect(consent(record(), 'c-nav'), 'back to what the source holds').to.deep.equal(before);
    expect(store.snapshot.failures.get('consent/c-nav')?.error.kind).to.equal('conflict');
  });

  it('writes every attempt to the audit trail with actor, time, reason and outcome', async () => {
    const { source, store, record } = await setup();
    const started = Date.now();
    const before = consent(record(), 'c-erik');
    const saved = store.save({ entity: 'consent', action: 'grant', value: { ...before, state: 'granted' }, reason: 'Erik may know about appointments' });
    await tick();
    source.saves[0].resolve();
    await saved;
    const failed = store.save({ entity: 'consent', action: 'withdraw', value: { ...before, state: 'withdrawn' } });
    await tick();
    source.saves[1].reject(new StoreError('forbidden', 'no', 403));
    await failed;
    store.recordVeto({ entity: 'consent', action: 'refuse', value: before, reason: 'host said no' });

    const audit = record().audit;
    expect(audit.map((entry) => [entry.entityId, entry.action, entry.outcome, entry.reason])).to.deep.equal([
      ['c-erik', 'grant', 'saved', 'Erik may know about appointments'],
      ['c-erik', 'withdraw', 'failed', undefined],
      ['c-erik', 'refuse', 'vetoed', 'host said no'],
    ]);
    for (const entry of audit) {
      expect(entry.actor).to.deep.equal(kari);
      expect(entry.entity).to.equal('consent');
      expect(Date.parse(entry.at)).to.be.within(started - 1000, Date.now() + 1000);
    }
    expect(source.saves[0].change.actor).to.deep.equal(kari);
    expect(source.saves[0].change.reason).to.equal('Erik may know about appointments');
  });

  it('refuses to save before anything is loaded', async () => {
    const store = new CareStore(new ControlledSource(v.parse(CareRecord, fjordvik)), 'team-ingrid');
    const outcome = await store.save({ entity: 'consent', action: 'grant', value: v.parse(CareRecord, fjordvik).consents[0] });
    expect(outcome.ok).to.equal(false);
    expect((outcome as { error: StoreError }).error.kind).to.equal('rejected');
  });

  it('forgets a dismissed failure', async () => {
    const { source, store, record } = await setup();
    const saving = store.save({ entity: 'consent', action: 'grant', value: { ...consent(record(), 'c-peer'), state: 'granted', since: '2026-12-01T10:00:00+01:00' } });
    await tick();
    source.saves[0].reject(new StoreError('timeout'));
    await saving;
    expect(store.snapshot.failures.has('consent/c-peer')).to.equal(true);
    store.dismiss('consent', 'c-peer');
    expect(store.snapshot.failures.has('consent/c-peer')).to.equal(false);
    expect(store.retry('consent', 'c-peer')).to.equal(undefined);
  });
});

describe('CareStore with a source of its own that stores part of a save (PartlySavedError from the public entry)', () => {
  it('shows what the source holds, also after Close, and Try again builds on it', async () => {
    const { PartlySavedError } = await import('../../src/index.js');
    const record = v.parse(CareRecord, fjordvik);
    const before = record.meetingOutcomes[0];
    const source = new ControlledSource(record);
    const store = new CareStore(source, 'team-ingrid', kari);
    await store.load();
    const changed = { ...before, parts: before.parts.map((p, i) => (i === 0 ? { ...p, notes: 'Agreed again.' } : p)), questions: [] };
    const saving = store.save({ entity: 'meeting-outcome', action: 'edit', value: changed });
    // The source stored the parts but not the change to the questions.
    const storedPart = { ...changed, questions: before.questions, meta: { version: '7' } };
    await Promise.resolve();
    source.saves[0].reject(new PartlySavedError(storedPart, new StoreError('server', 'the question could not be written', 500)));
    const outcome = await saving;
    expect(outcome.ok).to.equal(false);
    expect(outcome.ok ? undefined : outcome.error).to.be.instanceOf(PartlySavedError);
    store.dismiss('meeting-outcome', before.id);
    const shown = store.snapshot.record!.meetingOutcomes.find((o) => o.id === before.id)!;
    expect(shown.parts[0].notes, 'what the source holds, not the outcome before').to.equal('Agreed again.');
    expect(shown.meta?.version).to.equal('7');
  });

  it('the audit trail says the change was saved in part, why the rest failed and what was not saved', async () => {
    const { PartlySavedError } = await import('../../src/index.js');
    const record = v.parse(CareRecord, fjordvik);
    const before = record.meetingOutcomes[0];
    const source = new ControlledSource(record);
    const store = new CareStore(source, 'team-ingrid', kari);
    await store.load();
    const question = before.questions[0];
    const changed = { ...before, questions: before.questions.map((q, i) => (i === 0 ? { ...q, answer: 'Yes.', answeredAt: '2026-10-30T12:00:00Z' } : q)) };
    const saving = store.save({ entity: 'meeting-outcome', action: 'answer', value: changed });
    await Promise.resolve();
    source.saves[0].reject(new PartlySavedError({ ...before, meta: { version: '7' } }, new StoreError('server', 'the answer could not be written', 500), [['questions', question.id, 'answer']]));
    await saving;
    const entry = store.snapshot.record!.audit.at(-1)!;
    // Before: outcome "failed", as if nothing had been stored.
    expect(entry).to.include({ entity: 'meeting-outcome', action: 'answer', outcome: 'partly-saved', failure: 'server' });
    expect(entry.notSaved).to.deep.equal([['questions', question.id, 'answer']]);
    expect(check(AuditEntry, entry).ok, 'the entry follows the contract').to.equal(true);

    // A plain failure is still "failed", with nothing named as not saved.
    const again = store.save({ entity: 'meeting-outcome', action: 'answer', value: { ...changed, meta: { version: '7' } } });
    await Promise.resolve();
    source.saves[1].reject(new StoreError('network', 'offline'));
    await again;
    expect(store.snapshot.record!.audit.at(-1)).to.include({ outcome: 'failed', failure: 'network' });
    expect(store.snapshot.record!.audit.at(-1)!.notSaved).to.equal(undefined);
  });
});

describe('AuditEntry: saved in part', () => {
  const entry = { id: 'audit-1', entity: 'meeting-outcome', entityId: 'mo-october', action: 'answer', actor: kari, at: '2026-10-30T12:00:00Z', changeId: 'change-1' };

  it('keeps entries written before it valid, and refuses naming what was not saved on an entry that is not partly saved', () => {
    for (const outcome of ['saved', 'vetoed', 'rejected']) expect(check(AuditEntry, { ...entry, outcome }).ok, outcome).to.equal(true);
    expect(check(AuditEntry, { ...entry, outcome: 'failed', failure: 'server' }).ok).to.equal(true);
    expect(check(AuditEntry, { ...entry, outcome: 'partly-saved', failure: 'server', notSaved: [['confirmations', 'm-lars']] }).ok).to.equal(true);
    const wrong = check(AuditEntry, { ...entry, outcome: 'failed', failure: 'server', notSaved: [['confirmations', 'm-lars']] });
    expect(wrong.ok).to.equal(false);
    expect(wrong.ok ? [] : wrong.issues.map((i) => i.path)).to.deep.equal(['notSaved']);
  });
});
