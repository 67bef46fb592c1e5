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
    // The failed attempt's entry is posted in the background while Try again sends its PUT: the
    // server may receive either first (docs/openapi.yaml: arrival is not the order of events).
    const rows = audit.map((e) => [e.outcome, e.failure ?? null, e.changeId === puts[0].changeId] as const);
    const byOutcome = (a: readonly unknown[], b: readonly unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect([...rows].sort(byOutcome)).to.deep.equal([
      ['failed', 'conflict', true],
      ['saved', null, true],
      ['vetoed', null, false],
    ]);
  });

  describe('hand-over to the HTTP source', () => {
    const auditPosts = async (api: Awaited<ReturnType<typeof apiSession>>) =>
      (await api.log()).requests.filter((r) => r.method === 'POST' && r.path.endsWith('/audit'));
    const serverAudit = async (api: Awaited<ReturnType<typeof apiSession>>) => ((await api.log()).records[TEAM].audit ?? []) as AuditEntry[];

    /** A store on one scenario of the test API, with short pauses between audit tries. */
    const storeOn = async (scenario: Parameters<Awaited<ReturnType<typeof apiSession>>['baseUrl']>[0]) => {
      const api = await apiSession(fjordvik);
      const store = new CareStore(new HttpSource({ baseUrl: api.baseUrl(scenario), retries: 0 }), TEAM, kari);
      store.auditDelivery = { attempts: 4, delayMs: 20 };
      await store.load();
      return { api, store, meeting: store.snapshot.record!.meetings[0] };
    };

    it('a 503 is tried again with the same entry, which the server then keeps once', async () => {
      const { api, store, meeting } = await storeOn('audit-unavailable');
      store.recordVeto({ entity: 'meeting', action: 'cancel', value: meeting });
      await waitFor(async () => (await serverAudit(api)).length === 1, 'the entry on the server');
      const posts = await auditPosts(api);
      expect(posts.length, 'the 503, then the try that got through').to.equal(2);
      expect(posts[1].body, 'the same entry (same id and change id) both times').to.equal(posts[0].body);
      const [kept] = await serverAudit(api);
      expect([kept.outcome, kept.entityId]).to.deep.equal(['vetoed', meeting.id]);
      expect(kept.id).to.equal((JSON.parse(posts[0].body!) as AuditEntry[])[0].id);
      expect(store.snapshot.auditUndelivered).to.deep.equal([]);
      expect(store.hasUnsavedWork).to.equal(false);
    });

    it('a try whose answer was lost (kept, answered 503) is sent again and not kept twice', async () => {
      const { api, store, meeting } = await storeOn('audit-lost');
      store.recordVeto({ entity: 'meeting', action: 'cancel', value: meeting });
      await waitFor(async () => (await auditPosts(api)).length === 2, 'a second try');
      await waitFor(() => !store.hasUnsavedWork, 'the delivery to end');
      expect((await serverAudit(api)).map((e) => e.outcome)).to.deep.equal(['vetoed']);
      expect(store.snapshot.auditUndelivered).to.deep.equal([]);
    });

    it('a 400 is not tried again: the entry waits in auditUndelivered, and resendAudit delivers it', async () => {
      const { api, store, meeting } = await storeOn('audit-refused');
      const errors: string[] = [];
      const consoleError = console.error;
      console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      try {
        store.recordVeto({ entity: 'meeting', action: 'cancel', value: meeting });
        await waitFor(() => (store.snapshot.auditUndelivered ?? []).length === 1, 'the entry kept in the page');
      } finally {
        console.error = consoleError;
      }
      // Longer than every pause between tries: a refusal is never tried again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await auditPosts(api)).length, 'one try only').to.equal(1);
      expect(await serverAudit(api)).to.deep.equal([]);
      const [waiting] = store.snapshot.auditUndelivered!;
      expect([waiting.outcome, waiting.entityId, waiting.actor]).to.deep.equal(['vetoed', meeting.id, kari]);
      expect(errors.join('\n'), 'the console says which entry and why').to.contain(`vetoed meeting ${meeting.id}`).and.to.contain('400');
      expect(store.hasUnsavedWork, 'leaving the page asks first').to.equal(true);

      await store.resendAudit();
      expect((await serverAudit(api)).map((e) => [e.id, e.outcome])).to.deep.equal([[waiting.id, 'vetoed']]);
      expect(store.snapshot.auditUndelivered).to.deep.equal([]);
      expect(store.hasUnsavedWork).to.equal(false);
    });

    it('a lasting 503 ends after 4 tries in all, with the entry kept in the page', async () => {
      const { api, store, meeting } = await storeOn('audit-down');
      const consoleError = console.error;
      console.error = () => undefined;
      try {
        store.recordVeto({ entity: 'meeting', action: 'cancel', value: meeting });
        await waitFor(() => (store.snapshot.auditUndelivered ?? []).length === 1, 'the entry kept in the page');
      } finally {
        console.error = consoleError;
      }
      const posts = await auditPosts(api);
      expect(posts.length).to.equal(4);
      expect(new Set(posts.map((p) => p.body)).size, 'the same entry every time').to.equal(1);
    });

    it('is sent with keepalive on the page\u2019s own origin (it survives leaving the page), not to another origin', async () => {
      const seen: Array<{ url: string; method?: string; keepalive?: boolean }> = [];
      const fetchSpy: typeof fetch = async (input, init) => {
        seen.push({ url: String(input), method: init?.method, keepalive: init?.keepalive });
        return new Response(null, { status: 204 });
      };
      const entry: AuditEntry = { id: 'audit-1', entity: 'meeting', entityId: 'mt-1', action: 'cancel', actor: kari, at: '2026-12-01T10:00:00Z', outcome: 'vetoed', changeId: 'change-1' };
      await new HttpSource({ baseUrl: `${location.origin}/api`, fetch: fetchSpy }).audit(TEAM, [entry]);
      await new HttpSource({ baseUrl: 'https://care.example/api', fetch: fetchSpy }).audit(TEAM, [entry]);
      expect(seen).to.deep.equal([
        { url: `${location.origin}/api/care-teams/${TEAM}/audit`, method: 'POST', keepalive: true },
        { url: `https://care.example/api/care-teams/${TEAM}/audit`, method: 'POST', keepalive: false },
      ]);
    });
  });

  it('a source that keeps no audit entries: the console says so once, and the entries stay in the page', async () => {
    const memory = new MemorySource({ seed: fjordvik });
    const withoutAudit = { load: memory.load.bind(memory), save: memory.save.bind(memory) };
    const store = new CareStore(withoutAudit, TEAM, kari);
    await store.load();
    const meeting = store.snapshot.record!.meetings[0];
    const warnings: string[] = [];
    const consoleWarn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      store.recordVeto({ entity: 'meeting', action: 'cancel', value: meeting });
      store.recordVeto({ entity: 'meeting', action: 'move', value: meeting });
    } finally {
      console.warn = consoleWarn;
    }
    expect(warnings.filter((w) => w.includes('keeps no audit entries')).length).to.equal(1);
    expect(store.snapshot.record!.audit.map((e) => [e.outcome, e.action])).to.deep.equal([
      ['vetoed', 'cancel'],
      ['vetoed', 'move'],
    ]);
    expect(store.snapshot.auditUndelivered).to.deep.equal([]);
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
