import * as v from 'valibot';
import type { ConsentDirective } from '../../src/contract/consent.js';
import { expect } from '@open-wc/testing';
import { CareRecord } from '../../src/contract/record.js';
import { StoreContractError } from '../../src/data/entities.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { errorKindForStatus, HttpSource } from '../../src/data/http-source.js';
import { CareStore } from '../../src/data/store.js';
import { StoreError, type Change } from '../../src/data/types.js';
import { apiSession } from '../server/test-api.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const TEAM = 'team-ingrid';

/** Rejection of a promise, or a failure when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected the promise to reject');
}

const consentChange = (value: CareRecord['consents'][number], baseVersion: string | undefined, reason?: string): Change<'consent'> => ({
  entity: 'consent',
  action: 'withdraw',
  value,
  reason,
  id: `change-${Math.random().toString(36).slice(2)}`,
  actor: kari,
  at: '2026-12-01T09:30:00.000Z',
  baseVersion,
  create: false,
});

describe('HttpSource against the loopback REST server', () => {
  it('loads the care record, checked against the contract, with versions', async () => {
    const api = await apiSession(fjordvik);
    const record = await new HttpSource({ baseUrl: api.baseUrl('ok') }).load(TEAM);
    expect(record.team.id).to.equal(TEAM);
    expect(record.team.members).to.have.length(fjordvik.team.members.length);
    expect(record.team.meta?.version).to.equal('7');
    expect(record.consents[0].meta?.version).to.equal('1');
    // Defaults from the contract are applied.
    expect(record.audit).to.deep.equal([]);
  });

  it('sends the entity as the body, If-Match with the base version, and who/when/why in headers', async () => {
    const api = await apiSession(fjordvik);
    const source = new HttpSource({ baseUrl: api.baseUrl('ok'), headers: () => ({ Authorization: 'Bearer test-token' }) });
    const record = await source.load(TEAM);
    const consent = { ...record.consents[0], state: 'withdrawn' as const, portalRef: 'X-17' };
    const reason = 'Ingrid asked: “not now” – Marit Ås agreed';
    const stored = await source.save(consentChange(consent, '1', reason));

    expect(stored.state).to.equal('withdrawn');
    expect(stored.meta?.version, 'the ETag becomes meta.version').to.equal('2');
    expect((stored as Record<string, unknown>).portalRef, 'unknown fields pass through').to.equal('X-17');

    const log = await api.log();
    const put = log.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).to.equal(`care-teams/${TEAM}/consents/c-gp`);
    expect(put.ifMatch).to.equal('"1"');
    expect(put.ifNoneMatch).to.equal(undefined);
    expect(put.action).to.equal('withdraw');
    expect(put.reason).to.equal(reason);
    expect(put.actor).to.deep.equal(kari);
    expect(put.at).to.equal('2026-12-01T09:30:00.000Z');
    expect(put.authorization).to.equal('Bearer test-token');
    expect(log.records[TEAM].consents[0].state).to.equal('withdrawn');
  });

  it('creates with If-None-Match: * and writes the team to its own path', async () => {
    const api = await apiSession(fjordvik);
    const source = new HttpSource({ baseUrl: api.baseUrl('ok') });
    const record = await source.load(TEAM);
    const created = await source.save({
      entity: 'responsibility',
      action: 'create',
      value: { id: 'r-new', title: 'Dentist appointment', area: 'physical-health', status: 'proposed', assignments: [], notes: [] },
      id: 'change-new',
      actor: kari,
      at: '2026-12-01T09:30:00.000Z',
      create: true,
    });
    expect(created.meta?.version).to.equal('1');
    const team = await source.save({
      entity: 'team',
      action: 'confirm',
      value: { ...record.team, lastConfirmed: '2026-12-01' },
      id: 'change-team',
      actor: kari,
      at: '2026-12-01T09:30:00.000Z',
      baseVersion: record.team.meta?.version,
      create: false,
    });
    expect(team.meta?.version).to.equal('8');
    const puts = (await api.log()).requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => [r.path, r.ifNoneMatch ?? r.ifMatch])).to.deep.equal([
      [`care-teams/${TEAM}/responsibilities/r-new`, '*'],
      [`care-teams/${TEAM}`, '"7"'],
    ]);
  });

  it('reports a 412 on a stale If-Match as a conflict; the store rolls back and nothing is overwritten', async () => {
    const api = await apiSession(fjordvik);
    // Someone else saves first, from another page.
    const other = new HttpSource({ baseUrl: api.baseUrl('ok') });
    const theirs = await other.load(TEAM);
    const store = new CareStore(new HttpSource({ baseUrl: api.baseUrl('ok') }), TEAM, kari);
    await store.load();
    await other.save(consentChange({ ...theirs.consents[0], state: 'refused' }, '1'));

    const before = store.snapshot.record!.consents[0];
    const outcome = await store.save({ entity: 'consent', action: 'withdraw', value: { ...before, state: 'withdrawn' } });

    expect(outcome.ok).to.equal(false);
    const error = (outcome as { error: StoreError }).error;
    expect(error.kind).to.equal('conflict');
    expect(error.status).to.equal(412);
    expect(error.detail).to.contain('stored version is 2');
    const shown = store.snapshot.record!.consents[0];
    expect(shown, 'rolled back to what the server holds now, not to the stale copy').to.deep.include({ state: 'refused' });
    expect(shown.meta?.version).to.equal('2');
    expect(before.meta?.version).to.equal('1');
    expect(store.snapshot.failures.get('consent/c-gp')?.error.kind, 'the failure is reported').to.equal('conflict');
    expect(store.snapshot.pending.size).to.equal(0);
    const server = await api.log();
    expect(server.records[TEAM].consents[0].state, 'the other save is not overwritten').to.equal('refused');
    expect(server.records[TEAM].consents[0].meta?.version).to.equal('2');
  });

  it('maps a 500 to a server error with the problem detail, after retrying the read', async () => {
    const api = await apiSession(fjordvik);
    const error = await rejectionOf(new HttpSource({ baseUrl: api.baseUrl('error-500'), retryDelayMs: 10 }).load(TEAM));
    expect(error.kind).to.equal('server');
    expect(error.status).to.equal(500);
    expect(error.detail).to.contain('the database is not answering');
    expect((await api.log()).requests.filter((r) => r.method === 'GET')).to.have.length(3);
  });

  it('never repeats a write', async () => {
    const api = await apiSession(fjordvik);
    const record = await new HttpSource({ baseUrl: api.baseUrl('ok') }).load(TEAM);
    const source = new HttpSource({ baseUrl: api.baseUrl('error-500'), retryDelayMs: 10 });
    const error = await rejectionOf(source.save(consentChange({ ...record.consents[0], state: 'withdrawn', teamId: TEAM } as ConsentDirective, '1')));
    expect(error.kind).to.equal('server');
    expect((await api.log()).requests.filter((r) => r.method === 'PUT')).to.have.length(1);
  });

  it('succeeds when a retried read gets through', async () => {
    const api = await apiSession(fjordvik);
    const record = await new HttpSource({ baseUrl: api.baseUrl('flaky'), retryDelayMs: 10 }).load(TEAM);
    expect(record.team.id).to.equal(TEAM);
    expect((await api.log()).requests).to.have.length(2);
  });

  it('times out a slow answer', async () => {
    const api = await apiSession(fjordvik);
    const started = performance.now();
    const error = await rejectionOf(new HttpSource({ baseUrl: api.baseUrl('slow'), timeoutMs: 150 }).load(TEAM));
    expect(error.kind).to.equal('timeout');
    expect(performance.now() - started, 'timeouts are not retried').to.be.below(2000);
  });

  it('rejects a record that breaks the contract, naming the paths', async () => {
    const api = await apiSession(fjordvik);
    const error = await rejectionOf(new HttpSource({ baseUrl: api.baseUrl('invalid') }).load(TEAM));
    expect(error.kind).to.equal('contract');
    expect(error).to.be.instanceOf(StoreContractError);
    const paths = (error as StoreContractError).issues.map((issue) => issue.path);
    expect(paths).to.include('team.members[1].kind');
    expect(paths).to.include('meetings[0].start');
    expect(error.detail).to.contain('team.members[1].kind');
  });

  it('leaves out one meeting and one consent that break the contract, names them, and shows the rest', async () => {
    const broken = {
      ...fjordvik,
      meetings: fjordvik.meetings.map((m, i) => (i === 1 ? { ...m, start: '2026-02-30T13:00:00+01:00' } : m)),
      consents: fjordvik.consents.map((c) => (c.id === 'c-peer' ? { ...c, recipient: undefined } : c)),
    };
    const api = await apiSession(broken as unknown as typeof fjordvik);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    const source = new HttpSource({ baseUrl: api.baseUrl('ok') });
    let record: CareRecord;
    try {
      record = await source.load(TEAM);
    } finally {
      console.warn = warn;
    }
    expect(record.meetings.map((m) => m.id)).to.deep.equal(fjordvik.meetings.filter((_, i) => i !== 1).map((m) => m.id));
    expect(record.consents.map((c) => c.id)).to.deep.equal(fjordvik.consents.filter((c) => c.id !== 'c-peer').map((c) => c.id));
    expect(record.crisisPlans, 'the crisis plan is shown').to.have.length(1);
    expect(source.leftOut.map(({ entity, id, at }) => ({ entity, id, at }))).to.deep.equal([
      { entity: 'ConsentDirective', id: 'c-peer', at: 'consents[4]' },
      { entity: 'Meeting', id: fjordvik.meetings[1].id, at: 'meetings[1]' },
    ]);
    expect(source.leftOut[0].issues.map((issue) => issue.path)).to.include('recipient');
    expect(source.leftOut[1].issues.map((issue) => issue.path)).to.include('start');
    expect(warnings.join('\n')).to.contain('HttpSource: left out meetings[1]');
    // The store hands what was left out on with the record.
    const store = new CareStore(new HttpSource({ baseUrl: api.baseUrl('ok') }), TEAM, kari);
    console.warn = () => undefined;
    try {
      await store.load();
    } finally {
      console.warn = warn;
    }
    expect(store.snapshot.status).to.equal('ready');
    expect(store.snapshot.leftOut!.map((item) => item.id)).to.deep.equal(['c-peer', fjordvik.meetings[1].id]);
  });

  it('rejects an answer that is not JSON as a contract problem', async () => {
    const api = await apiSession(fjordvik);
    const error = await rejectionOf(new HttpSource({ baseUrl: api.baseUrl('not-json') }).load(TEAM));
    expect(error.kind).to.equal('contract');
    expect(error.detail).to.contain('not JSON');
  });

  it('maps 403 to forbidden and 422 to rejected with the detail', async () => {
    const api = await apiSession(fjordvik);
    expect((await rejectionOf(new HttpSource({ baseUrl: api.baseUrl('forbidden') }).load(TEAM))).kind).to.equal('forbidden');
    const record = await new HttpSource({ baseUrl: api.baseUrl('ok') }).load(TEAM);
    const error = await rejectionOf(
      new HttpSource({ baseUrl: api.baseUrl('reject-422') }).save(consentChange({ ...record.consents[0], state: 'withdrawn', teamId: TEAM } as ConsentDirective, '1')),
    );
    expect(error.kind).to.equal('rejected');
    expect(error.detail).to.contain('does not accept this task');
  });

  it('refuses to guess the team of an entity it has not loaded', async () => {
    const record = v.parse(CareRecord, fjordvik);
    const error = await rejectionOf(new HttpSource({ baseUrl: 'https://portal.example/api' }).save(consentChange(record.consents[0], '1')));
    expect(error.kind).to.equal('rejected');
    expect(error.detail).to.contain('no team has been loaded');
  });

  it('reports a network failure', async () => {
    // Nothing listens on port 9 (discard) of the loopback interface.
    const error = await rejectionOf(new HttpSource({ baseUrl: 'http://127.0.0.1:9/api', retries: 0 }).load(TEAM));
    expect(error.kind).to.equal('network');
  });

  it('maps every status family to a kind', () => {
    expect([409, 412, 401, 403, 400, 422, 404, 408, 429, 500, 503].map(errorKindForStatus)).to.deep.equal([
      'conflict',
      'conflict',
      'forbidden',
      'forbidden',
      'rejected',
      'rejected',
      'rejected',
      'timeout',
      'server',
      'server',
      'server',
    ]);
  });

  it('uses an injected fetch and stops when the caller aborts', async () => {
    const calls: string[] = [];
    const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(`${init?.method} ${String(input)}`);
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    }) as typeof fetch;
    const controller = new AbortController();
    const loading = new HttpSource({ baseUrl: 'https://portal.example/api/', fetch: fakeFetch }).load('team a/b', controller.signal);
    controller.abort();
    let caught: unknown;
    try {
      await loading;
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(DOMException);
    expect(calls).to.deep.equal(['GET https://portal.example/api/care-teams/team%20a%2Fb/record']);
  });
});
