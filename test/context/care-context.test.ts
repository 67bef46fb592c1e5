import * as v from 'valibot';
import { consume } from '@lit/context';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { html as litHtml, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { CareElement } from '../../src/components/base/care-element.js';
import type { Actor } from '../../src/contract/common.js';
import { CareRecord } from '../../src/contract/record.js';
import type { CareContext } from '../../src/context/care-context.js';
import '../../src/context/define.js';
import { actorContext, localeContext, storeContext } from '../../src/context/keys.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { CareStore } from '../../src/data/store.js';
import type { CareDataSource, StoreSnapshot } from '../../src/data/types.js';
import { expectAxeClean } from '../helpers/a11y.js';
import { apiSession } from '../server/test-api.js';
import { roster } from '../../src/i18n/catalogues/en/roster.js';
import { rosterTranslations } from '../../src/i18n/translations.js';

/** A Care Element as the real ones are built: it gets store, locale and actor from the context. */
@customElement('care-context-test-probe')
class ContextProbe extends CareElement<'roster'> {
  protected readonly namespace = 'roster' as const;
  protected readonly english = roster;
  protected readonly translations = rosterTranslations;

  get connectedStore(): CareStore | undefined {
    return this.store;
  }
  get currentSnapshot(): StoreSnapshot | undefined {
    return this.snapshot;
  }
  get currentActor(): Actor | undefined {
    return this.actingPerson;
  }

  override render() {
    const snapshot = this.snapshot;
    if (!snapshot) return litHtml`<p>No store</p>`;
    if (snapshot.status === 'error') return this.renderLoadError(() => void this.store?.load());
    if (snapshot.status !== 'ready') return this.renderLoading();
    return litHtml`<h2>${snapshot.record!.team.name}</h2><p>${this.t.title}</p>`;
  }
}

/** A bare consumer of the three contexts, with nothing from CareElement. */
@customElement('care-context-test-consumer')
class PlainConsumer extends LitElement {
  @consume({ context: storeContext, subscribe: true }) @state() store?: CareStore;
  @consume({ context: localeContext, subscribe: true }) @state() locale?: string;
  @consume({ context: actorContext, subscribe: true }) @state() actor?: Actor;
}

const other = (() => {
  const record = structuredClone(fjordvik);
  record.team.id = 'team-other';
  record.team.name = 'Another care team';
  return record;
})();

const probeIn = (context: CareContext) => context.querySelector<ContextProbe>('care-context-test-probe')!;
const statusOf = (probe: ContextProbe) => probe.currentSnapshot?.status;
const ready = (probe: ContextProbe) => waitUntil(() => statusOf(probe) === 'ready', 'the store did not become ready', { timeout: 3000 });

describe('<care-context>', () => {
  it('gives a child element a loaded store from the memory source and its seed', async () => {
    const context = await fixture<CareContext>(html`
      <care-context source="memory" .seed=${fjordvik}><care-context-test-probe></care-context-test-probe></care-context>
    `);
    const probe = probeIn(context);
    await ready(probe);
    expect(probe.connectedStore).to.equal(context.store);
    expect(context.store!.teamId, 'the seed\u2019s team is used without care-team').to.equal('team-ingrid');
    expect(probe.currentSnapshot!.record!.team.members).to.have.length(9);
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('h2')!.textContent).to.equal('Ingrid\u2019s care team');
    expect(getComputedStyle(context).display).to.equal('contents');
    await expectAxeClean(context);
  });

  it('passes its language to the elements inside, and changes with it', async () => {
    const context = await fixture<CareContext>(html`
      <care-context source="memory" .seed=${fjordvik} lang="nb"><care-context-test-probe></care-context-test-probe></care-context>
    `);
    const probe = probeIn(context);
    await ready(probe);
    expect(probe.locale).to.equal('nb');
    context.lang = 'sv-SE';
    await context.updateComplete;
    await waitUntil(() => probe.locale === 'sv', 'the locale did not follow');
    expect(context.getAttribute('lang')).to.equal('sv-SE');
  });

  it('provides store, locale and actor to any consumer', async () => {
    const context = await fixture<CareContext>(html`
      <care-context source="memory" .seed=${fjordvik} lang="da" actor='{"id":"m-kari","name":"Kari Nilsen","organisationId":"org-home-care"}'>
        <div><care-context-test-consumer></care-context-test-consumer></div>
      </care-context>
    `);
    const consumer = context.querySelector<PlainConsumer>('care-context-test-consumer')!;
    expect(consumer.store).to.be.instanceOf(CareStore);
    expect(consumer.locale).to.equal('da');
    expect(consumer.actor).to.deep.equal({ id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' });
    expect(consumer.store!.actor?.name, 'the store records changes under the actor').to.equal('Kari Nilsen');
  });

  it('records changes under the actor given as a property', async () => {
    const context = await fixture<CareContext>(html`
      <care-context source="memory" .seed=${fjordvik}><care-context-test-probe></care-context-test-probe></care-context>
    `);
    const probe = probeIn(context);
    await ready(probe);
    context.actor = { id: 'm-sofie', name: 'Sofie Lund', organisationId: 'org-nav' };
    await context.updateComplete;
    await waitUntil(() => probe.currentActor?.name === 'Sofie Lund');
    const consent = probe.currentSnapshot!.record!.consents[0];
    const outcome = await context.store!.save({ entity: 'consent', action: 'withdraw', value: { ...consent, state: 'withdrawn' } });
    expect(outcome.ok).to.equal(true);
    expect(context.store!.snapshot.record!.audit.at(-1)!.actor.name).to.equal('Sofie Lund');
  });

  it('ignores an actor attribute that is not JSON or breaks the contract, with a warning', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const context = await fixture<CareContext>(html`<care-context source="memory" .seed=${fjordvik} actor="Kari"></care-context>`);
      expect(context.actor).to.equal(undefined);
      context.setAttribute('actor', '{"id":"m-kari"}');
      await context.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(warnings.join('\n')).to.contain('not JSON');
    expect(warnings.join('\n')).to.contain('name');
  });

  it('loads the other team when care-team changes', async () => {
    const context = await fixture<CareContext>(html`
      <care-context source="memory" .seed=${[fjordvik, other]} care-team="team-ingrid"><care-context-test-probe></care-context-test-probe></care-context>
    `);
    const probe = probeIn(context);
    await ready(probe);
    const first = context.store;
    context.setAttribute('care-team', 'team-other');
    await waitUntil(() => probe.currentSnapshot?.record?.team.id === 'team-other', 'the other team was not loaded');
    expect(context.store).not.to.equal(first);
    expect(context.store!.source, 'the same memory source keeps serving').to.equal(first!.source);
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('h2')!.textContent).to.equal('Another care team');
  });

  it('shows the load error when the memory source has no data', async () => {
    const context = await fixture<CareContext>(html`
      <care-context source="memory"><care-context-test-probe></care-context-test-probe></care-context>
    `);
    const probe = probeIn(context);
    await waitUntil(() => statusOf(probe) === 'error');
    expect(probe.currentSnapshot!.loadError!.kind).to.equal('rejected');
    expect(probe.currentSnapshot!.loadError!.detail).to.contain('give the memory source a seed');
    await probe.updateComplete;
    expect(probe.shadowRoot!.querySelector('[role="alert"]')).not.to.equal(null);
  });

  it('reports a seed that breaks the contract as a contract error', async () => {
    const broken = structuredClone(fjordvik) as unknown as { team: { members: Array<{ coordinator?: boolean }> } };
    broken.team.members[2].coordinator = true;
    const context = await fixture<CareContext>(html`
      <care-context source="memory" .seed=${broken}><care-context-test-probe></care-context-test-probe></care-context>
    `);
    const probe = probeIn(context);
    await waitUntil(() => statusOf(probe) === 'error');
    expect(probe.currentSnapshot!.loadError!.kind).to.equal('contract');
    expect(probe.currentSnapshot!.loadError!.detail).to.contain('team.members: the team can have at most one active coordinator');
  });

  it('uses a ready store given as a property, and loads it if nobody has', async () => {
    const store = new CareStore(new MemorySource({ seed: fjordvik }), 'team-ingrid');
    const context = await fixture<CareContext>(html`
      <care-context .store=${store}><care-context-test-probe></care-context-test-probe></care-context>
    `);
    const probe = probeIn(context);
    await ready(probe);
    expect(context.store).to.equal(store);
    expect(probe.connectedStore).to.equal(store);
  });

  it('uses any data source given as the source property', async () => {
    const loads: string[] = [];
    const source: CareDataSource = {
      load: async (teamId) => {
        loads.push(teamId);
        return v.parse(CareRecord, fjordvik);
      },
      save: async (change) => change.value,
    };
    const context = await fixture<CareContext>(html`
      <care-context .source=${source} care-team="team-ingrid"><care-context-test-probe></care-context-test-probe></care-context>
    `);
    await ready(probeIn(context));
    expect(loads).to.deep.equal(['team-ingrid']);
    await context.reload();
    expect(loads, 'reload() loads again').to.deep.equal(['team-ingrid', 'team-ingrid']);
  });

  it('loads from a REST API given as src', async () => {
    const api = await apiSession(fjordvik);
    const context = await fixture<CareContext>(html`
      <care-context src=${api.baseUrl('ok')} care-team="team-ingrid"><care-context-test-probe></care-context-test-probe></care-context>
    `);
    const probe = probeIn(context);
    await ready(probe);
    expect(probe.currentSnapshot!.record!.team.meta?.version).to.equal('7');
  });

  it('creates a FHIR source from fhir-base and patient', async () => {
    // Nothing listens on port 9 of the loopback interface: the load fails as a network error.
    const context = await fixture<CareContext>(html`
      <care-context fhir-base="http://127.0.0.1:9/fhir" fhir-version="R5" patient="p-ingrid" care-team="team-ingrid">
        <care-context-test-probe></care-context-test-probe>
      </care-context>
    `);
    const probe = probeIn(context);
    expect(context.store?.teamId).to.equal('team-ingrid');
    expect(context.store?.source).not.to.be.instanceOf(MemorySource);
    await waitUntil(() => statusOf(probe) === 'error', 'the FHIR load did not fail', { timeout: 8000 });
    expect(probe.currentSnapshot!.loadError!.kind).to.equal('network');
    expect(probe.currentSnapshot!.loadError!.detail).to.contain('http://127.0.0.1:9/fhir');
  });

  it('keeps changes across page loads with persist', async () => {
    const key = `care-context-test-${crypto.randomUUID()}`;
    try {
      const first = await fixture<CareContext>(html`
        <care-context source="memory" .seed=${fjordvik} persist=${key} .actor=${{ id: 'm-kari', name: 'Kari Nilsen' }}><care-context-test-probe></care-context-test-probe></care-context>
      `);
      await ready(probeIn(first));
      const consent = first.store!.snapshot.record!.consents[4];
      await first.store!.save({ entity: 'consent', action: 'grant', value: { ...consent, state: 'granted', since: '2026-12-01T10:00:00+01:00' } });

      const second = await fixture<CareContext>(html`
        <care-context source="memory" .seed=${fjordvik} persist=${key} .actor=${{ id: 'm-kari', name: 'Kari Nilsen' }}><care-context-test-probe></care-context-test-probe></care-context>
      `);
      const probe = probeIn(second);
      await ready(probe);
      expect(probe.currentSnapshot!.record!.consents[4].state).to.equal('granted');
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('provides no store without a source, so the elements inside stay controlled', async () => {
    const context = await fixture<CareContext>(html`
      <care-context lang="nn"><care-context-test-probe></care-context-test-probe></care-context>
    `);
    const probe = probeIn(context);
    await probe.updateComplete;
    expect(context.store).to.equal(undefined);
    expect(probe.connectedStore).to.equal(undefined);
    expect(probe.locale).to.equal('nn');
    expect(probe.shadowRoot!.textContent).to.contain('No store');
  });
});
