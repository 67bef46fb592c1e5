import { html, LitElement, type TemplateResult } from 'lit';
import { connectedFor, StoreConnection } from '../../src/components/base/store-connection.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { CareStore } from '../../src/data/store.js';
import type { Change, ChangeKind, EntityByKind } from '../../src/data/types.js';
import { expect, fixture, settle } from '../helpers/fixture.js';

const lars = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };

/** Shows the consent c-gp as the store holds it, through the connection alone. */
class ConnectionProbe extends LitElement {
  store?: CareStore;
  renders = 0;
  readonly connection = new StoreConnection(this, { store: () => this.store });

  protected override render(): TemplateResult {
    this.renders++;
    const state = this.connection.entity('consent', 'c-gp');
    return html`<p id="status">${this.connection.snapshot?.status ?? 'none'}</p>
      <p id="state">${state?.confirmed?.state ?? ''}</p>
      <p id="pending">${state?.pending?.state ?? ''}</p>
      <p id="failure">${state?.failure?.error.kind ?? ''}</p>`;
  }
}
customElements.define('care-connection-probe', ConnectionProbe);

/** A memory source whose saves wait until the test lets them through. */
class GatedSource extends MemorySource {
  private gate = Promise.resolve();
  open = () => {};
  hold() {
    this.gate = new Promise<void>((resolve) => (this.open = resolve));
  }
  override async save<K extends ChangeKind>(change: Change<K>, signal?: AbortSignal): Promise<EntityByKind[K]> {
    await this.gate;
    return super.save(change, signal);
  }
}

const text = (el: Element, id: string) => el.shadowRoot!.getElementById(id)!.textContent!.trim();

const loadedStore = async (source = new MemorySource({ seed: fjordvik })) => {
  const store = new CareStore(source, 'team-ingrid', lars);
  await store.load();
  return { store, source };
};

const withdrawal = (store: CareStore) => {
  const directive = store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!;
  return { entity: 'consent' as const, action: 'withdraw', value: { ...directive, state: 'withdrawn' as const } };
};

describe('Store connection controller', () => {
  it('states one rule: a value the host gives wins; an unset one is read from (and saved through) the store', async () => {
    const { store } = await loadedStore();
    expect(connectedFor(undefined, store)).to.equal(store);
    expect(connectedFor(null, store)).to.equal(store);
    expect(connectedFor({ id: 'given' }, store)).to.equal(undefined);
    expect(connectedFor([], store), 'an empty list given by the host is still the host’s').to.equal(undefined);
    expect(connectedFor(undefined, undefined)).to.equal(undefined);
  });

  it('renders what the store holds, and follows every new snapshot', async () => {
    const source = new GatedSource({ seed: fjordvik });
    const { store } = await loadedStore(source);
    const el = await fixture<ConnectionProbe>(html`<care-connection-probe .store=${store}></care-connection-probe>`);
    expect(text(el, 'status')).to.equal('ready');
    source.hold();
    expect(text(el, 'state')).to.equal('granted');
    const saving = store.save(withdrawal(store));
    await settle(el);
    expect(text(el, 'state'), 'confirmed value while the save is under way').to.equal('granted');
    expect(text(el, 'pending')).to.equal('withdrawn');
    source.open();
    await saving;
    await settle(el);
    expect(text(el, 'state')).to.equal('withdrawn');
    expect(text(el, 'pending')).to.equal('');
  });

  it('stops listening while off the page, and shows a failure that happened meanwhile when it is back', async () => {
    const { store, source } = await loadedStore();
    const el = await fixture<ConnectionProbe>(html`<care-connection-probe .store=${store}></care-connection-probe>`);
    const parent = el.parentElement!;
    el.remove();
    const rendersWhileAway = el.renders;
    source.failNext('network');
    await store.save(withdrawal(store));
    expect(el.renders, 'no renders while removed').to.equal(rendersWhileAway);
    parent.append(el);
    await settle(el);
    expect(text(el, 'failure')).to.equal('network');
    expect(text(el, 'state'), 'the confirmed value, not the change that failed').to.equal('granted');
  });

  it('moves to a new store and lets go of the old one', async () => {
    const first = await loadedStore();
    const second = await loadedStore();
    const el = await fixture<ConnectionProbe>(html`<care-connection-probe .store=${first.store}></care-connection-probe>`);
    el.store = second.store;
    el.connection.sync();
    await settle(el);
    const renders = el.renders;
    await first.store.save(withdrawal(first.store));
    await settle(el);
    expect(el.renders, 'the old store no longer updates the element').to.equal(renders);
    expect(text(el, 'state')).to.equal('granted');
    el.store = undefined;
    el.connection.sync();
    await settle(el);
    expect(text(el, 'status')).to.equal('none');
  });
});
