import { html, LitElement } from 'lit';
import { CareEvent, CareRequestEvent } from '../../src/components/base/events.js';
import { IntentController } from '../../src/components/base/intent-controller.js';
import type { ConsentDirective } from '../../src/contract/consent.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { CareStore } from '../../src/data/store.js';
import type { Change, ChangeKind, EntityByKind } from '../../src/data/types.js';
import { expect, fixture } from '../helpers/fixture.js';

const lars = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };

interface ProbeDetail {
  directive: ConsentDirective;
  action: string;
  previous?: ConsentDirective;
}

/** A bare element carrying consent changes through the controller. */
class IntentProbe extends LitElement {
  store?: CareStore;
  readonly intents = new IntentController(this, {
    kind: 'consent',
    store: () => this.store,
    events: {
      request: (directive, action, previous) => new CareRequestEvent<ProbeDetail>('probe-request', { directive, action, previous }),
      committed: (directive, action, previous) => new CareEvent<ProbeDetail>('probe-change', { directive, action, previous }),
    },
  });
}
customElements.define('care-intent-probe', IntentProbe);

/** A memory source that remembers the id and attempt of every change sent to it. */
class CountingSource extends MemorySource {
  readonly sent: Array<{ id: string; attempt?: number }> = [];
  override save<K extends ChangeKind>(change: Change<K>, signal?: AbortSignal): Promise<EntityByKind[K]> {
    this.sent.push({ id: change.id, attempt: change.attempt });
    return super.save(change, signal);
  }
}

const setUp = async (connected = true) => {
  const source = new CountingSource({ seed: fjordvik });
  const store = new CareStore(source, 'team-ingrid', lars);
  await store.load();
  const el = await fixture<IntentProbe>(html`<care-intent-probe .store=${connected ? store : undefined}></care-intent-probe>`);
  const requests: CareRequestEvent<ProbeDetail>[] = [];
  const changes: CareEvent<ProbeDetail>[] = [];
  el.addEventListener('probe-request', (e) => requests.push(e as CareRequestEvent<ProbeDetail>));
  el.addEventListener('probe-change', (e) => changes.push(e as CareEvent<ProbeDetail>));
  const gp = store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!;
  const withdrawn = { ...gp, state: 'withdrawn' as const };
  return { source, store, el, requests, changes, gp, withdrawn };
};

describe('Intent controller (request → save → change → retry)', () => {
  it('fires the request, saves through the store, then fires the change with the stored value', async () => {
    const { store, el, requests, changes, gp, withdrawn } = await setUp();
    const outcome = await el.intents.carry('withdraw', withdrawn, gp);
    expect(outcome.status).to.equal('saved');
    expect(requests.map((e) => e.detail.action)).to.deep.equal(['withdraw']);
    expect(changes).to.have.length(1);
    expect(changes[0].detail.directive.state).to.equal('withdrawn');
    expect(changes[0].detail.previous?.state).to.equal('granted');
    expect(store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!.state).to.equal('withdrawn');
  });

  it('is pending from the request until the answer, also while the host’s own step runs', async () => {
    const { el, gp, withdrawn } = await setUp();
    let finishHostStep!: () => void;
    el.addEventListener('probe-request', (e) => (e as CareRequestEvent<ProbeDetail>).waitUntil(new Promise<void>((r) => (finishHostStep = r))));
    const carrying = el.intents.carry('withdraw', withdrawn, gp);
    expect(el.intents.isPending('c-gp')).to.equal(true);
    expect(el.intents.carryingFor('c-gp')).to.equal('withdraw');
    expect(el.intents.busy).to.equal(true);
    finishHostStep();
    await carrying;
    expect(el.intents.isPending('c-gp')).to.equal(false);
    expect(el.intents.busy).to.equal(false);
  });

  it('a veto saves nothing and fires no change', async () => {
    const { store, el, changes, gp, withdrawn } = await setUp();
    el.addEventListener('probe-request', (e) => e.preventDefault());
    expect((await el.intents.carry('withdraw', withdrawn, gp)).status).to.equal('vetoed');
    expect(changes).to.have.length(0);
    expect(store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!.state).to.equal('granted');
  });

  it('Try again fires the request event like the first try, and sends the kept change with the same change id', async () => {
    const { source, store, el, requests, changes, gp, withdrawn } = await setUp();
    source.failNext('network');
    const failed = await el.intents.carry('withdraw', withdrawn, gp);
    expect(failed.status).to.equal('failed');
    const failure = el.intents.failureOf('c-gp')!;
    expect(failure.kept, 'the store keeps it').to.equal(true);
    expect(failure.error.kind).to.equal('network');
    expect(failure.previous?.state, 'the value before, from the store').to.equal('granted');
    const retried = await el.intents.retry('c-gp');
    expect(retried?.status).to.equal('saved');
    expect(requests.map((e) => e.detail.action), 'a request for the first try and one for Try again').to.deep.equal(['withdraw', 'withdraw']);
    expect(requests[1].detail.directive.state).to.equal('withdrawn');
    expect(changes).to.have.length(1);
    expect(source.sent).to.have.length(2);
    expect(source.sent[1].id).to.equal(source.sent[0].id);
    expect(source.sent.map((s) => s.attempt)).to.deep.equal([1, 2]);
    expect(el.intents.failureOf('c-gp')).to.equal(undefined);
    expect(store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!.state).to.equal('withdrawn');
  });

  it('the host can veto a Try again; the failure stays to try later', async () => {
    const { source, el, gp, withdrawn } = await setUp();
    source.failNext('server');
    await el.intents.carry('withdraw', withdrawn, gp);
    const veto = (e: Event) => e.preventDefault();
    el.addEventListener('probe-request', veto);
    expect((await el.intents.retry('c-gp'))?.status).to.equal('vetoed');
    expect(source.sent).to.have.length(1);
    expect(el.intents.failureOf('c-gp')?.error.kind).to.equal('server');
    el.removeEventListener('probe-request', veto);
    expect((await el.intents.retry('c-gp'))?.status).to.equal('saved');
  });

  it('a failure the store keeps is seen by another element (an element added again after a route change)', async () => {
    const { source, store, el, gp, withdrawn } = await setUp();
    source.failNext('timeout');
    await el.intents.carry('withdraw', withdrawn, gp);
    el.remove();
    const again = await fixture<IntentProbe>(html`<care-intent-probe .store=${store}></care-intent-probe>`);
    expect(again.intents.failureOf('c-gp')?.error.kind).to.equal('timeout');
    expect((await again.intents.retry('c-gp'))?.status).to.equal('saved');
  });

  it('controlled: the host rejects its own save; the element keeps the failure, and Try again takes the same road', async () => {
    const { el, requests, changes, gp, withdrawn } = await setUp(false);
    let attempt = 0;
    el.addEventListener('probe-request', (e) => {
      attempt++;
      (e as CareRequestEvent<ProbeDetail>).waitUntil(attempt === 1 ? Promise.reject(new Error('the host said no')) : Promise.resolve());
    });
    const errors: Event[] = [];
    el.addEventListener('care-error', (e) => errors.push(e));
    expect((await el.intents.carry('withdraw', withdrawn, gp)).status).to.equal('failed');
    const failure = el.intents.failureOf('c-gp')!;
    expect(failure.kept).to.equal(false);
    expect(failure.error.kind).to.equal('rejected');
    expect(errors).to.have.length(1);
    expect((await el.intents.retry('c-gp'))?.status).to.equal('saved');
    expect(requests).to.have.length(2);
    expect(changes.map((e) => e.detail.directive.state)).to.deep.equal(['withdrawn']);
    expect(el.intents.failureOf('c-gp')).to.equal(undefined);
  });

  it('Close forgets the failure, in the store too', async () => {
    const { source, store, el, gp, withdrawn } = await setUp();
    source.failNext('network');
    await el.intents.carry('withdraw', withdrawn, gp);
    el.intents.dismiss('c-gp');
    expect(el.intents.failureOf('c-gp')).to.equal(undefined);
    expect(store.failureOf('consent', 'c-gp')).to.equal(undefined);
  });
});
