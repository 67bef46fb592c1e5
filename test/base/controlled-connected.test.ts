import * as v from 'valibot';
// The rows of the "Controlled and connected" table in docs/embedding.md, one test per element:
// inside a <care-context>, which input wins, who saves, which events fire, and what the element
// does with its own property after a save the host made.
import { html } from 'lit';
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import type { CareConsentList } from '../../src/components/consent-list/consent-list.js';
import type { CareCoordinationOverview } from '../../src/components/coordination-overview/coordination-overview.js';
import '../../src/components/coordination-overview/define.js';
import type { OverviewSource } from '../../src/data/overview/source.js';
import { OverviewPage } from '../../src/contract/overview.js';
import type { CareCrisisPlan } from '../../src/components/crisis-plan/crisis-plan.js';
import type { CareMeetingOutcomes } from '../../src/components/meeting-outcomes/meeting-outcomes.js';
import type { CareDatePicker } from '../../src/components/date-picker/date-picker.js';
import type { CareMeetingScheduler } from '../../src/components/meeting-scheduler/meeting-scheduler.js';
import type { CareResponsibilityMatrix } from '../../src/components/responsibility-matrix/responsibility-matrix.js';
import type { CareTeamRoster } from '../../src/components/team-roster/team-roster.js';
import '../../src/components/consent-list/define.js';
import '../../src/components/consent-toggle/define.js';
import '../../src/components/crisis-plan/define.js';
import '../../src/components/meeting-outcomes/define.js';
import '../../src/components/date-picker/define.js';
import '../../src/components/meeting-scheduler/define.js';
import '../../src/components/responsibility-matrix/define.js';
import '../../src/components/team-roster/define.js';
import type { CareContext } from '../../src/context/care-context.js';
import '../../src/context/define.js';
import type { CareRecordInput } from '../../src/contract/record.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { CareStore } from '../../src/data/store.js';
import type { Change, ChangeKind, EntityByKind } from '../../src/data/types.js';
import { expect, fixture, settle, waitUntil } from '../helpers/fixture.js';
import { press } from '../helpers/keys.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const someoneElse = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };

/** A memory source that counts what reaches it. */
class CountingSource extends MemorySource {
  saves: Change[] = [];
  override async save<K extends ChangeKind>(change: Change<K>, signal?: AbortSignal): Promise<EntityByKind[K]> {
    this.saves.push(change as Change);
    return super.save(change, signal);
  }
}

const seed = (): CareRecordInput => structuredClone(fjordvik) as CareRecordInput;

/** A loaded store on a counting memory source, acting as Kari. */
const loadedStore = async () => {
  const source = new CountingSource({ seed: seed() });
  const store = new CareStore(source, 'team-ingrid', kari);
  await store.load();
  return { store, source };
};

const shadow = (el: Element) => el.shadowRoot!;
const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Event types fired on `el`, in order. */
const record = (el: Element, types: string[]) => {
  const seen: string[] = [];
  for (const type of types) el.addEventListener(type, () => seen.push(type));
  return seen;
};

const inContext = async <T extends HTMLElement>(store: CareStore, inner: unknown): Promise<T> => {
  const context = await fixture<CareContext>(html`<care-context .store=${store} lang="en">${inner}</care-context>`);
  const el = context.firstElementChild as T;
  await settle(el);
  return el;
};

const consentEvents = ['care-consent-request', 'care-consent-change', 'care-error'];

describe('Controlled and connected, element by element (docs/embedding.md)', () => {
  it('consent toggle: a directive the host gives wins over directive-id; the host saves it; the store is used only without one', async () => {
    const { store, source } = await loadedStore();
    const given = structuredClone(store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!);
    const controlled = await inContext<CareConsentToggle>(
      store,
      html`<care-consent-toggle directive-id="c-gp" .directive=${given} .actor=${someoneElse}></care-consent-toggle>`,
    );
    const seen = record(controlled, consentEvents);
    const recorded: string[] = [];
    controlled.addEventListener('care-consent-change', (e) => recorded.push(e.detail.directive.recordedBy!.id!));
    shadow(controlled).querySelector<HTMLButtonElement>('[role="switch"]')!.click();
    await settle(controlled);
    expect(seen).to.deep.equal(['care-consent-request', 'care-consent-change']);
    expect(source.saves, 'nothing reaches the store').to.have.length(0);
    expect(store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!.state).to.equal('granted');
    expect(shadow(controlled).querySelector('[role="switch"]')!.getAttribute('aria-checked'), 'shows what was saved').to.equal('false');
    expect(controlled.directive, 'its own property is left as the host gave it').to.equal(given);
    expect(recorded, 'inside <care-context> the context’s actor is recorded, not the element’s').to.deep.equal(['m-kari']);

    const connected = await inContext<CareConsentToggle>(store, html`<care-consent-toggle directive-id="c-gp"></care-consent-toggle>`);
    const seenConnected = record(connected, consentEvents);
    shadow(connected).querySelector<HTMLButtonElement>('[role="switch"]')!.click();
    await waitUntil(() => seenConnected.includes('care-consent-change'), 'the store never saved');
    expect(seenConnected).to.deep.equal(['care-consent-request', 'care-consent-change']);
    expect(source.saves.map((s) => s.value.id)).to.deep.equal(['c-gp']);
    const stored = store.snapshot.record!.consents.find((c) => c.id === 'c-gp')!.state;
    expect(stored).to.not.equal('granted');
    expect(stored).to.equal((source.saves[0].value as { state: string }).state);
  });

  it('consent list: consents the host gives make every toggle controlled (host saves); without them the toggles save through the store', async () => {
    const { store, source } = await loadedStore();
    const consents = structuredClone(store.snapshot.record!.consents);
    const controlled = await inContext<CareConsentList>(store, html`<care-consent-list .consents=${consents}></care-consent-list>`);
    const toggles = () => [...shadow(controlled).querySelectorAll<CareConsentToggle>('care-consent-toggle')];
    expect(toggles().every((t) => !t.hasAttribute('directive-id') && t.directive !== undefined)).to.equal(true);
    const seen = record(controlled, consentEvents);
    const first = toggles().find((t) => t.directive!.id === 'c-gp')!;
    shadow(first).querySelector<HTMLButtonElement>('[role="switch"]')!.click();
    await settle(controlled);
    await settle(first);
    expect(seen).to.deep.equal(['care-consent-request', 'care-consent-change']);
    expect(source.saves).to.have.length(0);
    expect(controlled.consents, 'its own property is left as the host gave it').to.equal(consents);

    const connected = await inContext<CareConsentList>(store, html`<care-consent-list></care-consent-list>`);
    const inner = [...shadow(connected).querySelectorAll<CareConsentToggle>('care-consent-toggle')];
    expect(inner.map((t) => t.getAttribute('directive-id'))).to.include('c-gp');
    expect(inner.every((t) => t.directive === undefined)).to.equal(true);
    const seenConnected = record(connected, consentEvents);
    const gp = inner.find((t) => t.getAttribute('directive-id') === 'c-gp')!;
    shadow(gp).querySelector<HTMLButtonElement>('[role="switch"]')!.click();
    await waitUntil(() => seenConnected.includes('care-consent-change'), 'the store never saved');
    expect(source.saves.map((s) => s.value.id)).to.deep.equal(['c-gp']);
  });

  it('roster: a team the host gives wins whole over the store’s; without one it shows the store’s; it saves nothing', async () => {
    const { store, source } = await loadedStore();
    const team = { ...structuredClone(store.snapshot.record!.team), name: 'The team as the host gives it', members: store.snapshot.record!.team.members.slice(0, 3) };
    const given = await inContext<CareTeamRoster>(store, html`<care-team-roster audience="professional" .team=${team}></care-team-roster>`);
    expect(textOf(shadow(given).querySelector('#roster-title'))).to.equal('The team as the host gives it');
    expect(shadow(given).querySelectorAll('button.name')).to.have.length(3);
    const fromStore = await inContext<CareTeamRoster>(store, html`<care-team-roster audience="professional"></care-team-roster>`);
    expect(textOf(shadow(fromStore).querySelector('#roster-title'))).to.equal(store.snapshot.record!.team.name);
    expect(shadow(fromStore).querySelectorAll('button.name')).to.have.length(store.snapshot.record!.team.members.filter((m) => m.status !== 'ended').length);
    expect(source.saves).to.have.length(0);
  });

  it('matrix: a team or list the host gives makes the whole matrix controlled (the store is neither read nor written); after a host save it sets its own responsibilities', async () => {
    const { store, source } = await loadedStore();
    const team = structuredClone(store.snapshot.record!.team);
    const onlyTeam = await inContext<CareResponsibilityMatrix>(
      store,
      html`<care-responsibility-matrix view="grid" today="2026-11-20" .team=${team}></care-responsibility-matrix>`,
    );
    expect(shadow(onlyTeam).querySelector('[part~="empty"]'), 'the store’s responsibilities are not read').to.not.equal(null);

    const list = structuredClone(store.snapshot.record!.responsibilities);
    const controlled = await inContext<CareResponsibilityMatrix>(
      store,
      html`<care-responsibility-matrix editable view="grid" today="2026-11-20" style="inline-size: 70rem" .team=${team} .responsibilities=${list}></care-responsibility-matrix>`,
    );
    const seen = record(controlled, ['care-responsibility-request', 'care-responsibility-change', 'care-error']);
    const row = shadow(controlled).querySelector<HTMLTableRowElement>('tr[data-row="r:r-physical"]')!;
    const headers = [...shadow(controlled).querySelectorAll('thead th')].map(textOf);
    const cell = row.cells[headers.findIndex((h) => h.startsWith('Ola Berg'))];
    cell.focus();
    await press('Enter');
    await settle(controlled);
    [...cell.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => textOf(o).includes('Does it'))!.click();
    await settle(controlled);
    expect(seen).to.deep.equal(['care-responsibility-request', 'care-responsibility-change']);
    expect(source.saves).to.have.length(0);
    expect(controlled.responsibilities, 'a new list with the saved row').to.not.equal(list);
    expect(controlled.responsibilities!.find((r) => r.id === 'r-physical')!.assignments).to.deep.include({ memberId: 'm-ola', part: 'responsible' });

    const connected = await inContext<CareResponsibilityMatrix>(store, html`<care-responsibility-matrix view="grid" today="2026-11-20"></care-responsibility-matrix>`);
    expect(shadow(connected).querySelector('tr[data-row="r:r-physical"]'), 'without either, the store’s').to.not.equal(null);
  });

  it('scheduler: each of team, availability, consents and meeting wins on its own; without a meeting of the host’s it saves through the store, with one the host saves and it sets its own meeting', async () => {
    const { store, source } = await loadedStore();
    const events = ['care-meeting-request', 'care-meeting-change', 'care-error'];
    // The host gives only the team (Lars renamed): the meeting still comes from the store.
    const team = structuredClone(store.snapshot.record!.team);
    team.members.find((m) => m.id === 'm-lars')!.name = 'Lars H. (as the host names him)';
    const mixed = await inContext<CareMeetingScheduler>(
      store,
      html`<care-meeting-scheduler meeting-id="mt-series" me="m-lars" today="2026-12-01" viewer-time-zone="Europe/Oslo" .team=${team}></care-meeting-scheduler>`,
    );
    expect(textOf(shadow(mixed).querySelector('[part="participants"]'))).to.contain('Lars H. (as the host names him)');
    const seenMixed = record(mixed, events);
    [...shadow(mixed).querySelectorAll('button')].find((b) => textOf(b) === 'Yes, I will come')!.click();
    await waitUntil(() => seenMixed.includes('care-meeting-change'), 'the store never saved');
    expect(source.saves.map((s) => [s.entity, s.value.id])).to.deep.equal([['meeting', 'mt-series']]);

    const meeting = structuredClone(store.snapshot.record!.meetings.find((m) => m.id === 'mt-series')!);
    meeting.title = 'The meeting as the host gives it';
    const controlled = await inContext<CareMeetingScheduler>(
      store,
      html`<care-meeting-scheduler me="m-ola" today="2026-12-01" viewer-time-zone="Europe/Oslo" .meeting=${meeting}></care-meeting-scheduler>`,
    );
    expect(textOf(shadow(controlled).querySelector('#title'))).to.equal('The meeting as the host gives it');
    const seen = record(controlled, events);
    [...shadow(controlled).querySelectorAll('button')].find((b) => textOf(b) === 'Yes, I will come')!.click();
    await waitUntil(() => seen.includes('care-meeting-change'), 'the host step never ended');
    expect(seen).to.deep.equal(['care-meeting-request', 'care-meeting-change']);
    expect(source.saves, 'still only the first save').to.have.length(1);
    expect(controlled.meeting, 'it sets its own meeting to the saved one').to.not.equal(meeting);
    expect(controlled.meeting!.participants.find((p) => p.memberId === 'm-ola')!.response).to.equal('accepted');
  });

  it('date picker: only controlled; a pick sets its own value and fires care-date-pick, inside <care-context> too', async () => {
    const { store, source } = await loadedStore();
    const picker = await inContext<CareDatePicker>(store, html`<care-date-picker value="2026-12-08" today="2026-12-01"></care-date-picker>`);
    const picked: string[] = [];
    picker.addEventListener('care-date-pick', (e) => picked.push(e.detail.date));
    picker.show();
    await settle(picker);
    shadow(picker).querySelector<HTMLElement>('td[data-date="2026-12-10"]')!.click();
    await settle(picker);
    expect(picked).to.deep.equal(['2026-12-10']);
    expect(picker.value).to.equal('2026-12-10');
    expect(source.saves).to.have.length(0);
  });

  it('crisis plan: a plan the host gives makes it controlled (host saves); team, consents and responsibilities it leaves unset are read from the store; without a plan it shows the record’s and saves through the store', async () => {
    const source = new CountingSource({ seed: seed() });
    const store = new CareStore(source, 'team-ingrid', { id: 'm-ingrid', name: 'Ingrid Solberg' });
    await store.load();
    const plan = structuredClone(store.snapshot.record!.crisisPlans[0]);
    const now = '2026-12-05T12:00:00Z';
    const controlled = await inContext<CareCrisisPlan>(store, html`<care-crisis-plan .plan=${plan} .now=${now}></care-crisis-plan>`);
    // The coordinator's name comes from the store's team: the host gave none.
    expect(textOf(shadow(controlled).querySelector('article'))).to.contain('Kari Nilsen');
    const seen = record(controlled, ['care-crisis-plan-request', 'care-crisis-plan-change', 'care-error']);
    const accept = (el: Element) => [...shadow(el).querySelectorAll('button')].find((b) => textOf(b) === 'Yes, add it to my plan')!;
    accept(controlled).click();
    await waitUntil(() => seen.length === 2, 'the host save never ended');
    expect(seen).to.deep.equal(['care-crisis-plan-request', 'care-crisis-plan-change']);
    expect(source.saves).to.have.length(0);
    expect(controlled.plan, 'its own property is left as the host gave it').to.equal(plan);

    const connected = await inContext<CareCrisisPlan>(store, html`<care-crisis-plan .now=${now}></care-crisis-plan>`);
    const seenConnected = record(connected, ['care-crisis-plan-request', 'care-crisis-plan-change', 'care-error']);
    accept(connected).click();
    await waitUntil(() => seenConnected.includes('care-crisis-plan-change'), 'the store never saved');
    expect(source.saves.map((s) => s.value.id)).to.deep.equal([plan.id]);
  });

  it('meeting outcomes: a meeting the host gives makes it controlled (host saves); team, consents, responsibilities and the outcome it leaves unset are read from the store; with meeting-id it saves through the store', async () => {
    const source = new CountingSource({ seed: seed() });
    const store = new CareStore(source, 'team-ingrid', { id: 'm-sofie', name: 'Sofie Lund', organisationId: 'org-nav' });
    await store.load();
    const meeting = structuredClone(store.snapshot.record!.meetings.find((m) => m.id === 'mt-october')!);
    const now = '2026-11-20T12:00:00Z';
    const controlled = await inContext<CareMeetingOutcomes>(store, html`<care-meeting-outcomes audience="professional" .meeting=${meeting} .now=${now}></care-meeting-outcomes>`);
    const confirm = (el: Element) => [...shadow(el).querySelectorAll('button')].find((b) => textOf(b) === 'I have read this')!;
    expect(confirm(controlled), 'the record’s outcome is shown, with its confirm button').to.exist;
    const types = ['care-meeting-outcome-request', 'care-meeting-outcome-change', 'care-error'];
    const seen = record(controlled, types);
    confirm(controlled).click();
    await waitUntil(() => seen.length === 2, 'the host save never ended');
    expect(seen).to.deep.equal(['care-meeting-outcome-request', 'care-meeting-outcome-change']);
    expect(source.saves).to.have.length(0);
    expect(controlled.meeting, 'its own property is left as the host gave it').to.equal(meeting);
    expect(controlled.outcome, 'it does not write an outcome property').to.equal(undefined);

    const connected = await inContext<CareMeetingOutcomes>(store, html`<care-meeting-outcomes audience="professional" meeting-id="mt-october" .now=${now}></care-meeting-outcomes>`);
    const seenConnected = record(connected, types);
    confirm(connected).click();
    await waitUntil(() => seenConnected.includes('care-meeting-outcome-change'), 'the store never saved');
    expect(source.saves.map((s) => s.entity)).to.deep.equal(['meeting-outcome']);
  });

  it('coordination overview: a source given as a property wins over src; inside <care-context> it never reads or writes the record’s store', async () => {
    const { store, source: recordSource } = await loadedStore();
    const asked: string[] = [];
    const source: OverviewSource = {
      async overview(query) {
        asked.push(query.gap);
        return v.parse(OverviewPage, {
          counts: [{ gap: 'no-coordinator', count: 1 }],
          gap: query.gap,
          total: 1,
          page: 1,
          pageSize: query.pageSize,
          items: [{ id: 'a', teamId: 't1', personId: 'p1', name: 'Ola Nordmann' }],
        });
      },
    };
    const fetched: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => (fetched.push(String(input)), realFetch(input, init));
    try {
      const el = await inContext<CareCoordinationOverview>(store, html`<care-coordination-overview src="/nowhere/api" .source=${source}></care-coordination-overview>`);
      await waitUntil(() => shadow(el).querySelector('tbody tr'), 'the overview never showed its rows');
      expect(textOf(shadow(el).querySelector('tbody th'))).to.equal('Ola Nordmann');
      expect(asked).to.deep.equal(['no-coordinator']);
      expect(fetched.filter((url) => url.includes('nowhere')), 'src is not asked when a source is given').to.deep.equal([]);
      expect(recordSource.saves).to.have.length(0);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('care-context: a store given as a property wins over every source attribute', async () => {
    const { store } = await loadedStore();
    const context = await fixture<CareContext>(
      html`<care-context .store=${store} source="memory" src="/nowhere/api" care-team="team-other"><care-team-roster audience="professional"></care-team-roster></care-context>`,
    );
    const roster = context.firstElementChild as CareTeamRoster;
    await settle(roster);
    expect(context.store).to.equal(store);
    expect(textOf(shadow(roster).querySelector('#roster-title'))).to.equal(store.snapshot.record!.team.name);
  });
});
