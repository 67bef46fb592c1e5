import * as v from 'valibot';
import { html as litHtml, type TemplateResult } from 'lit';
import { CareElement } from '../../src/components/base/care-element.js';
import { CareRequestEvent, CareEvent, type CareDataErrorEvent, type CareErrorEvent } from '../../src/components/base/events.js';
import { carryIntent } from '../../src/components/base/intent.js';
import { CareTeam, CareRecord, type CareTeamInput } from '../../src/contract/index.js';
import { CareStore } from '../../src/data/store.js';
import { StoreError, type CareDataSource } from '../../src/data/types.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { loadCatalogue } from '../../src/i18n/locale.js';
import { expectAxeClean } from '../helpers/a11y.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';
import { roster } from '../../src/i18n/catalogues/en/roster.js';
import { rosterTranslations } from '../../src/i18n/translations.js';

/** A minimal element on the shared base: shows the team or the contract error state. */
class ProbeElement extends CareElement<'roster'> {
  protected readonly namespace = 'roster' as const;
  protected readonly english = roster;
  protected readonly translations = rosterTranslations;
  team?: unknown;
  /** Who reads: contract paths are shown (folded) to a professional only. */
  audience: 'professional' | 'service-user' = 'professional';
  static override properties = { team: { attribute: false }, audience: {} };

  protected override render(): TemplateResult {
    if (this.team === undefined) return this.renderLoading();
    const result = this.checkInput('CareTeam', CareTeam, this.team);
    if ('issues' in result) return this.renderDataError(result.issues);
    return litHtml`<p>${this.t.saved}: ${result.value.members.length}</p>`;
  }
}
customElements.define('care-probe-element', ProbeElement);

const validTeam = (): CareTeamInput => structuredClone(fjordvik.team) as CareTeamInput;

describe('CareElement (shared base)', () => {
  it('shows the loading state in English when nothing is given', async () => {
    const el = await fixture<ProbeElement>(html`<care-probe-element></care-probe-element>`);
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.textContent).to.contain('Loading');
    await expectAxeClean(el);
  });

  it('renders valid data without an error', async () => {
    const el = await fixture<ProbeElement>(html`<care-probe-element .team=${validTeam()}></care-probe-element>`);
    expect(el.shadowRoot!.textContent).to.contain('Saved: 9');
  });

  it('renders contract violations with the path and fires care-data-error once', async () => {
    const team = validTeam();
    (team.members[2] as { kind: string }).kind = 'wizard';
    const events: CareDataErrorEvent[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @care-data-error=${(e: CareDataErrorEvent) => events.push(e)}></div>`);
    const el = document.createElement('care-probe-element') as ProbeElement;
    el.team = team;
    wrapper.append(el);
    await settle(el);
    el.requestUpdate();
    await settle(el);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('members[2].kind');
    expect(alert.textContent).to.contain('found "wizard"');
    expect(alert.querySelector('details')!.open, 'the paths are folded away').to.equal(false);
    expect(events).to.have.length(1);
    expect(events[0].detail.entity).to.equal('CareTeam');
    expect(events[0].detail.issues.map((i) => i.path)).to.include('members[2].kind');
    await expectAxeClean(el);
  });

  it('keeps contract paths off a service user\'s screen but still reports them to the host', async () => {
    const team = validTeam();
    (team.members[2] as { kind: string }).kind = 'wizard';
    const events: CareDataErrorEvent[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @care-data-error=${(e: CareDataErrorEvent) => events.push(e)}></div>`);
    const el = document.createElement('care-probe-element') as ProbeElement;
    el.audience = 'service-user';
    el.team = team;
    wrapper.append(el);
    await settle(el);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('This information cannot be shown');
    expect(alert.textContent).not.to.contain('members[2]');
    expect(alert.querySelector('details')).to.equal(null);
    expect(events.map((e) => e.detail.issues.map((i) => i.path)).flat()).to.include('members[2].kind');
    await expectAxeClean(el);
  });

  it('explains a broken team rule (two coordinators) in plain words', async () => {
    const team = validTeam();
    team.members[2].coordinator = true;
    const el = await fixture<ProbeElement>(html`<care-probe-element .team=${team}></care-probe-element>`);
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('at most one active coordinator, and has 2');
  });

  it('renders markup in data as text in the error state', async () => {
    const team = validTeam();
    (team.members[0] as { kind: string }).kind = '<img src=x onerror="window.__pwned=1">';
    const el = await fixture<ProbeElement>(html`<care-probe-element .team=${team}></care-probe-element>`);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.contain('<img src=x');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('follows lang from the page, loads the catalogue on demand, and honours label overrides', async () => {
    await loadCatalogue('nb');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="nb-NO"><care-probe-element .team=${validTeam()}></care-probe-element></div>`);
    const el = wrapper.querySelector<ProbeElement>('care-probe-element')!;
    await settle(el);
    expect(el.locale).to.equal('nb');
    expect(el.shadowRoot!.textContent).to.contain('Lagret: 9');
    el.labels = { saved: 'Lagra på tenaren' };
    await settle(el);
    expect(el.shadowRoot!.textContent).to.contain('Lagra på tenaren: 9');
    el.lang = 'sv';
    await settle(el);
    await loadCatalogue('sv');
    await settle(el);
    expect(el.shadowRoot!.textContent).to.contain('Lagra på tenaren: 9');
    el.labels = {};
    await settle(el);
    expect(el.shadowRoot!.textContent).to.contain('Sparat: 9');
  });
});

describe('carryIntent', () => {
  const record = () => v.parse(CareRecord, structuredClone(fjordvik));
  const consent = () => record().consents[0];

  class ConsentChanged extends CareEvent<{ id: string }> {
    constructor(id: string) {
      super('care-test-change', { id });
    }
  }

  const source = (save: CareDataSource['save']): CareDataSource => ({
    load: async () => record(),
    save,
  });

  it('stops at a veto: nothing saved, the veto is in the audit trail', async () => {
    let saves = 0;
    const store = new CareStore(source(async (change) => { saves++; return change.value; }), 'team-ingrid', { name: 'Kari Nilsen' });
    await store.load();
    const host = document.createElement('div');
    host.addEventListener('care-test-request', (e) => e.preventDefault());
    const outcome = await carryIntent(host, {
      request: new CareRequestEvent('care-test-request', {}),
      change: { entity: 'consent', action: 'withdraw', value: { ...consent(), state: 'withdrawn' } },
      store,
      committed: (value) => new ConsentChanged(value.id),
    });
    expect(outcome.status).to.equal('vetoed');
    expect(saves).to.equal(0);
    expect(store.snapshot.record!.consents[0].state).to.equal('granted');
    expect(store.snapshot.record!.audit.at(-1)!.outcome).to.equal('vetoed');
  });

  it('waits for the host (waitUntil) and reports a rejected wait as care-error', async () => {
    const host = document.createElement('div');
    const errors: CareErrorEvent[] = [];
    host.addEventListener('care-error', (e) => errors.push(e));
    host.addEventListener('care-test-request', (e) => (e as CareRequestEvent<unknown>).waitUntil(Promise.reject(new StoreError('forbidden'))));
    const outcome = await carryIntent(host, {
      request: new CareRequestEvent('care-test-request', {}),
      change: { entity: 'consent', action: 'grant', value: consent() },
      committed: (value) => new ConsentChanged(value.id),
    });
    expect(outcome.status).to.equal('failed');
    expect(errors[0].detail.error.kind).to.equal('forbidden');
  });

  it('saves through the store and fires the committed event with the stored value', async () => {
    const store = new CareStore(source(async (change) => ({ ...change.value, meta: { version: '2' } })), 'team-ingrid', { name: 'Kari Nilsen' });
    await store.load();
    const host = document.createElement('div');
    const committed: string[] = [];
    host.addEventListener('care-test-change', (e) => committed.push((e as ConsentChanged).detail.id));
    const outcome = await carryIntent(host, {
      request: new CareRequestEvent('care-test-request', {}),
      change: { entity: 'consent', action: 'withdraw', value: { ...consent(), state: 'withdrawn' } },
      store,
      committed: (value) => new ConsentChanged(value.id),
    });
    expect(outcome.status).to.equal('saved');
    expect(committed).to.deep.equal(['c-gp']);
    expect(store.snapshot.record!.consents[0].meta?.version).to.equal('2');
  });
});
