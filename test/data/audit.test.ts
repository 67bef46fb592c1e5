// One audit entry for every outcome, the same change id across attempts, kept at the source.
import { expect } from '@open-wc/testing';
import { CareEvent, CareRequestEvent } from '../../src/components/base/events.js';
import { carryIntent } from '../../src/components/base/intent.js';
import type { AuditEntry } from '../../src/contract/audit.js';
import type { ConsentDirective } from '../../src/contract/consent.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { HttpSource } from '../../src/data/http-source.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { CareStore } from '../../src/data/store.js';
import { StoreError } from '../../src/data/types.js';
import { apiSession } from '../server/test-api.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const TEAM = 'team-ingrid';


const waitFor = async (predicate: () => Promise<boolean> | boolean, what: string) => {
  for (let i = 0; i < 100; i++) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never: ${what}`);
};

describe('the audit trail', () => {
  it('memory: saved, vetoed, rejected by the host and failed (with a category) all reach the source', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const store = new CareStore(source, TEAM, kari);
    await store.load();
    const consent = store.snapshot.record!.consents.find((c) => c.id === 'c-nav')!;
    const change = { entity: 'consent' as const, action: 'withdraw', value: { ...consent, state: 'withdrawn' as const } };
    const host = document.createElement('div');
    const carry = (listener: (e: CareRequestEvent<unknown>) => void) => {
      const onRequest = (e: Event) => listener(e as CareRequestEvent<unknown>);
      host.addEventListener('care-test-request', onRequest, { once: true });
      return carryIntent(host, { request: new CareRequestEvent('care-test-request', {}), change, store, committed: () => new CareEvent('care-test-change', {}) });
    };

    expect((await carry((e) => e.preventDefault())).status).to.equal('vetoed');
    expect((await carry((e) => e.waitUntil(Promise.reject(new StoreError('forbidden', 'no signature'))))).status).to.equal('failed');
    source.failNext('timeout');
    expect((await carry(() => undefined)).status).to.equal('failed');
    const failure = store.failureOf('consent', 'c-nav')!;
    expect((await store.retry('consent', 'c-nav'))!.ok).to.equal(true);

    await waitFor(async () => (await source.load(TEAM)).audit.length >= 4, 'four entries at the source');
    const kept = (await source.load(TEAM)).audit;
    expect(kept.map((e) => [e.outcome, e.failure])).to.deep.equal([
      ['vetoed', undefined],
      ['rejected', 'forbidden'],
      ['failed', 'timeout'],
      ['saved', undefined],
    ]);
    expect(kept[2].changeId, 'the failed attempt').to.equal(failure.changeId);
    expect(kept[3].changeId, 'its Try again is the same change').to.equal(failure.changeId);
    for (const entry of kept) expect(entry.actor).to.deep.equal(kari);
  });

  it('HTTP: a Try again sends the same Care-Change-Id; failed and vetoed entries are posted to the audit endpoint', async () => {
    const api = await apiSession(fjordvik);
    const conflicting = new CareStore(new HttpSource({ baseUrl: api.baseUrl('conflict'), retries: 0 }), TEAM, kari);
    await conflicting.load();
    const meeting = conflicting.snapshot.record!.meetings[0];
    const first = await conflicting.save({ entity: 'meeting', action: 'update', value: { ...meeting, title: 'Responsibility group, winter' } });
    expect(first.ok).to.equal(false);
    expect((await conflicting.retry('meeting', meeting.id))!.ok).to.equal(true);
    conflicting.recordVeto({ entity: 'meeting', action: 'cancel', value: meeting });

    const puts = (await api.log()).requests.filter((r) => r.method === 'PUT');
    expect(puts.map((p) => [p.changeId === puts[0].changeId, p.attempt])).to.deep.equal([
      [true, '1'],
      [true, '2'],
    ]);
    await waitFor(async () => ((await api.log()).records[TEAM].audit ?? []).length >= 3, 'three entries on the server');
    const audit = (await api.log()).records[TEAM].audit as AuditEntry[];
    expect(audit.map((e) => [e.outcome, e.failure ?? null, e.changeId === puts[0].changeId])).to.deep.equal([
      ['failed', 'conflict', true],
      ['saved', null, true],
      ['vetoed', null, false],
    ]);
  });

  it('consent history is append-only at the source', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const store = new CareStore(source, TEAM, kari);
    await store.load();
    const consent = store.snapshot.record!.consents.find((c) => c.id === 'c-gp')! as ConsentDirective;
    const rewritten = { ...consent, state: 'refused' as const, since: '2026-12-01T10:00:00Z', history: [{ state: 'refused' as const, at: '2026-12-01T10:00:00Z' }] };
    const outcome = await store.save({ entity: 'consent', action: 'refuse', value: rewritten });
    expect(outcome.ok).to.equal(false);
    expect((outcome as { error: StoreError }).error.detail).to.contain('append-only');
    expect((await source.load(TEAM)).consents.find((c) => c.id === 'c-gp')!.history).to.deep.equal(consent.history);
  });
});
