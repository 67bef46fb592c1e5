// End to end against a THIRD-PARTY FHIR R4 implementation: the page talks over real HTTP, cross
// origin through CORS, to Medplum's FhirRouter + MemoryRepository (@medplum/fhir-router 4.5.2) on
// loopback (test/server/medplum.plugin.mjs, test/server/medplum/server.mjs), seeded with the
// official R4 examples and the Fjordvik case. Nothing in the page is mocked: <care-context
// fhir-base> builds FhirSource, the elements render what Medplum answers, and what the person does
// is read back from Medplum. Run: WTR_FILES=test/data/fhir/medplum-e2e.test.ts npx web-test-runner
import { expect } from '@open-wc/testing';
import { expectAxeClean } from '../../helpers/a11y.js';
import { settle, waitUntil } from '../../helpers/fixture.js';
import { press } from '../../helpers/keys.js';
import '../../../src/context/define.js';
import '../../../src/components/team-roster/define.js';
import '../../../src/components/responsibility-matrix/define.js';
import '../../../src/components/consent-toggle/define.js';
import '../../../src/components/consent-list/define.js';
import type { FhirSource as FhirSourceType } from '../../../src/data/fhir/source.js';
import '../../../src/components/meeting-scheduler/define.js';
import type { CareContext } from '../../../src/context/care-context.js';
import { FhirSource } from '../../../src/data/fhir/source.js';
import { teamFlags } from '../../../src/contract/rules.js';

interface Stored {
  resourceType: string;
  id: string;
  status?: string;
  category?: Array<{ text?: string }>;
  provision?: unknown;
  participant?: unknown[];
  meta: { versionId: string };
}

let origin = '';
let base = '';

const shadow = (el: Element) => el.shadowRoot!;
const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const switchOf = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('[role="switch"]');

/** Reads a resource straight from Medplum, past the page's store. */
const read = async (reference: string): Promise<Stored> => {
  const answer = await fetch(`${base}/${reference}`, { headers: { Accept: 'application/fhir+json' }, cache: 'no-store' });
  expect(answer.status, `GET ${reference}`).to.equal(200);
  expect(answer.headers.get('ETag')).to.match(/^W\/"[0-9a-f-]{36}"$/);
  return (await answer.json()) as Stored;
};

/** Another client changes a resource behind the page's back (an update without If-Match). */
const changeBehind = async (reference: string, edit: (resource: Stored) => Stored) => {
  const current = await read(reference);
  const answer = await fetch(`${base}/${reference}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/fhir+json' },
    body: JSON.stringify(edit(current)),
  });
  expect(answer.status, `PUT ${reference}`).to.equal(200);
  return (await answer.json()) as Stored;
};

/** The official example CareTeam gets the coordinator the contract requires, as a host would add it. */
const addCoordinator = () =>
  changeBehind('CareTeam/example', (team) => ({
    ...team,
    participant: [
      ...(team.participant ?? []),
      { role: [{ coding: [{ system: 'http://snomed.info/sct', code: '768821004', display: 'Care team coordinator' }] }], member: { reference: 'Practitioner/example' } },
    ],
  }));

const requests = async (): Promise<Array<{ method: string; path: string; query: string; ifMatch?: string; status: number }>> =>
  (await fetch(`${origin}/__control__/requests`, { cache: 'no-store' })).json();

describe('Care Elements against Medplum (FHIR R4 over loopback HTTP)', function () {
  this.timeout(90_000);
  let host: CareContext | undefined;

  before(async () => {
    ({ origin, base } = (await (await fetch('/__medplum__')).json()) as { origin: string; base: string });
  });
  beforeEach(async () => {
    const reset = await fetch(`${origin}/__control__/reset`, { method: 'POST' });
    expect(reset.status).to.equal(200);
  });
  afterEach(() => {
    host?.remove();
    host = undefined;
  });

  /** `<care-context fhir-base=…>` around the four elements, as a portal would write it. */
  const mount = async () => {
    host = document.createElement('care-context') as CareContext;
    host.setAttribute('fhir-base', base);
    host.setAttribute('fhir-version', 'R4');
    host.setAttribute('patient', 'm-ingrid');
    host.setAttribute('lang', 'en');
    host.setAttribute('actor', JSON.stringify({ id: 'Patient/m-ingrid', name: 'Ingrid Solberg' }));
    host.innerHTML = `
      <care-team-roster today="2026-12-07"></care-team-roster>
      <care-responsibility-matrix today="2026-11-20" view="grid" style="inline-size: 70rem"></care-responsibility-matrix>
      <care-consent-toggle directive-id="c-nav"></care-consent-toggle>
      <care-meeting-scheduler meeting-id="mt-series" me="Practitioner/m-sofie" today="2026-12-01" viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>`;
    document.body.append(host);
    const [roster, matrix, toggle, scheduler] = [...host.children] as HTMLElement[];
    await waitUntil(() => switchOf(toggle), 'the consent toggle never showed its switch', { timeout: 30_000 });
    await settle(host);
    return { roster, matrix, toggle, scheduler };
  };

  it('renders the Fjordvik case read from Medplum in the roster, matrix, consent toggle and scheduler', async () => {
    const { roster, matrix, toggle, scheduler } = await mount();
    const names = [...shadow(roster).querySelectorAll('li.member button.name')].map(textOf);
    expect(names).to.include.members(['Kari Nilsen', 'Lars Haugen', 'Amina Rahimi', 'Hanne Dahl', 'Erik Solberg']);
    expect(names).to.have.length(8, 'the ended psychologist is not listed');
    expect(shadow(matrix).querySelector('tr[data-row="r:r-medication"]'), 'a matrix row').to.satisfy(Boolean);
    expect(textOf(shadow(matrix).querySelector('tr[data-row="r:r-lithium"]'))).to.contain('Blood tests for lithium level');
    expect(switchOf(toggle)!.getAttribute('aria-checked')).to.equal('true');
    expect(textOf(shadow(toggle).querySelector('[part~="heading"]'))).to.contain('NAV Fjordvik');
    expect(textOf(shadow(scheduler).querySelector('#title'))).to.equal('Responsibility-group meeting');
    expect(host!.store!.snapshot.record!.consents[0].meta!.version).to.match(/^[0-9a-f-]{36}$/, 'versions are Medplum’s own');

    const seen = await requests();
    expect(seen.every((r) => r.method === 'GET' && r.status === 200), JSON.stringify(seen.filter((r) => r.status !== 200))).to.equal(true);
    expect(seen.some((r) => decodeURIComponent(r.query).includes('patient=Patient/m-ingrid'))).to.equal(true);
    expect(seen.some((r) => decodeURIComponent(r.query).includes('_include=CareTeam:participant'))).to.equal(true);
    expect(seen.some((r) => r.query.includes('_offset=')), 'Medplum paged a search (5 per page) and FhirSource followed link[next]').to.equal(true);
    for (const el of [roster, matrix, toggle, scheduler]) await expectAxeClean(el);
  });

  it('a consent withdrawn with the keyboard in the toggle arrives at Medplum as status inactive', async () => {
    const { toggle } = await mount();
    const before = await read('Consent/c-nav');
    expect(before.status).to.equal('active');
    switchOf(toggle)!.focus();
    await press('Space');
    await waitUntil(() => textOf(shadow(toggle).querySelector('[part~="status"]')).includes('Your choice has been saved.'), 'the toggle never said the choice was saved', { timeout: 20_000 });
    expect(switchOf(toggle)!.getAttribute('aria-checked')).to.equal('false');
    const after = await read('Consent/c-nav');
    expect(after.status).to.equal('inactive');
    expect(after.provision).to.deep.equal(before.provision, 'withdrawing leaves the provisions as they were');
    expect(after.meta.versionId).to.not.equal(before.meta.versionId);
    const put = (await requests()).filter((r) => r.method === 'PUT');
    expect(put).to.have.length(1);
    expect(put[0].path).to.equal('Consent/c-nav');
    expect(put[0].ifMatch).to.equal(`W/"${before.meta.versionId}"`);
    expect(put[0].status).to.equal(200);
    await settle(toggle);
    await expectAxeClean(toggle);
  });

  it('a version conflict is explained in plain language; the other change and the person’s choice both survive', async () => {
    const { toggle } = await mount();
    // Someone in the records office edits the consent after the page loaded it.
    await changeBehind('Consent/c-nav', (c) => ({ ...c, category: [...(c.category ?? []), { text: 'Reviewed by the records office' }] }));
    switchOf(toggle)!.click();
    await waitUntil(() => shadow(toggle).querySelector('[part~="error"]'), 'no error was shown', { timeout: 20_000 });
    await settle(toggle);
    expect(textOf(shadow(toggle).querySelector('[part~="error"]'))).to.contain('Someone else changed this at the same time');
    expect(switchOf(toggle)!.getAttribute('aria-checked'), 'the saved state stays on screen').to.equal('true');
    const failure = host!.store!.snapshot.failures.get('consent/c-nav')!;
    expect(failure.error.kind).to.equal('conflict');
    expect(failure.error.status).to.equal(412);
    expect((failure.request.value as { state?: string }).state, 'the person’s choice is kept for a retry').to.equal('withdrawn');
    const untouched = await read('Consent/c-nav');
    expect(untouched.status).to.equal('active');
    expect(untouched.category!.map((c) => c.text)).to.include('Reviewed by the records office');
    await expectAxeClean(toggle);

    // Trying again adds the person's choice to the version the other client saved.
    const retry = () => shadow(toggle).querySelector<HTMLButtonElement>('[part~="retry"]');
    await waitUntil(() => retry() && !retry()!.disabled, 'no usable Try again button', { timeout: 20_000 });
    retry()!.click();
    await waitUntil(async () => (await read('Consent/c-nav')).status === 'inactive', 'the retry never reached Medplum', { timeout: 30_000 }).catch(async (error) => {
      const puts = (await requests()).filter((r) => r.method === 'PUT').map((r) => `${r.path} ${r.ifMatch ?? ''} → ${r.status}`);
      throw new Error(`${(error as Error).message}; PUTs: ${puts.join(', ')}; the toggle says: ${textOf(shadow(toggle).querySelector('[part~="base"]'))}`);
    });
    const merged = await read('Consent/c-nav');
    expect(merged.category!.map((c) => c.text), 'the other client’s change is still there').to.include('Reviewed by the records office');
    await waitUntil(() => switchOf(toggle)!.getAttribute('aria-checked') === 'false', 'the toggle never showed the saved withdrawal', { timeout: 20_000 });
  });

  it('an advance directive on the server is not offered as a sharing choice, and stays untouched', async () => {
    const directive = {
      resourceType: 'Consent',
      status: 'active',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'adr' }] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentcategorycodes', code: 'dnr' }], text: 'Do not resuscitate' }],
      patient: { reference: 'Patient/m-ingrid' },
      dateTime: '2026-10-01T10:00:00Z',
      policyRule: { text: 'Advance directive under national law' },
      provision: { type: 'permit' },
    };
    const answer = await fetch(`${base}/Consent`, { method: 'POST', headers: { 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(directive) });
    expect(answer.status, await answer.clone().text()).to.equal(201);
    const created = (await answer.json()) as Stored;

    host = document.createElement('care-context') as CareContext;
    host.setAttribute('fhir-base', base);
    host.setAttribute('fhir-version', 'R4');
    host.setAttribute('patient', 'm-ingrid');
    host.setAttribute('lang', 'en');
    host.setAttribute('actor', JSON.stringify({ id: 'Patient/m-ingrid', name: 'Ingrid Solberg' }));
    host.innerHTML = '<care-consent-list audience="service-user"></care-consent-list>';
    document.body.append(host);
    const list = host.firstElementChild as HTMLElement;
    await waitUntil(() => shadow(list).querySelector('care-consent-toggle'), 'the consent list never showed a choice', { timeout: 30_000 });
    await settle(host);

    const record = host.store!.snapshot.record!;
    expect(record.consents.length).to.be.greaterThan(0);
    expect(record.consents.map((c) => c.id)).to.not.include(created.id);
    expect(shadow(list).querySelectorAll('care-consent-toggle').length, 'one choice per sharing consent, none for the directive').to.equal(record.consents.length);
    const shown = textOf(shadow(list)) + [...shadow(list).querySelectorAll('care-consent-toggle')].map((t) => textOf(t.shadowRoot)).join(' ');
    expect(shown).to.not.contain('Unknown recipient');
    expect(shown).to.not.contain('Do not resuscitate');
    const notes = (host.store!.source as { loaded?: FhirSourceType }).loaded!.notes;
    expect(notes.map((n) => [n.kind, `${n.resourceType}/${n.id}`, n.path])).to.deep.include(['left-on-server', `Consent/${created.id}`, 'Consent.scope']);
    const after = await read(`Consent/${created.id}`);
    expect(after.meta.versionId, 'the directive is not written').to.equal(created.meta.versionId);
    expect((await requests()).filter((r) => r.method === 'PUT')).to.deep.equal([]);
  });

  it('reads official R4 examples from Medplum through FhirSource: a team without coordinator loads, flagged, and shows its coordinator once it has one', async () => {
    const example = () => new FhirSource({ baseUrl: base, version: 'R4', patient: 'example', careTeam: 'example' });
    const without = await example().load('');
    expect(without.team.members.map((m) => m.name)).to.deep.equal(['Peter James Chalmers', 'Dorothy Dietician']);
    expect(teamFlags(without.team)).to.deep.equal([{ kind: 'no-coordinator' }]);
    // examplereq asks for a time within a week of whole days: no meeting at a time nobody set.
    expect(without.meetings.map((m) => m.id).sort()).to.deep.equal(['2docs', 'example']);

    await addCoordinator();
    const record = await example().load('');
    expect(record.team.name).to.equal('Peter James Charlmers Care Plan for Inpatient Encounter');
    expect(record.team.members.map((m) => m.name)).to.deep.equal(['Peter James Chalmers', 'Dorothy Dietician', 'Adam Careful']);
    expect(record.team.organisations.map((o) => o.name)).to.include('Burgers University Medical Center');
    // Its one Consent says neither permit nor deny (no provision.type) and covers information labelled N (normal): left on the server.
    expect(record.consents.map((c) => c.id)).to.deep.equal([]);
    expect(record.meetings.map((m) => m.id).sort()).to.deep.equal(['2docs', 'example']);
    expect(record.responsibilities.length).to.be.greaterThan(4);
    const seen = await requests();
    expect(seen.some((r) => r.path === 'Organization' && decodeURIComponent(r.query).includes('_id=f001')), 'onBehalfOf read by _id').to.equal(true);
  });

  it('the scheduler names appointment participants outside the team by their FHIR display (official example 2docs), never "Unknown person"', async () => {
    // The scheduler needs someone on the team besides the person: the coordinator a host would add.
    await addCoordinator();
    host = document.createElement('care-context') as CareContext;
    for (const [name, value] of Object.entries({ 'fhir-base': base, 'fhir-version': 'R4', patient: 'example', 'care-team': 'example', lang: 'en' })) host.setAttribute(name, value);
    host.setAttribute('actor', JSON.stringify({ id: 'Patient/example', name: 'Peter James Chalmers' }));
    host.innerHTML = '<care-meeting-scheduler meeting-id="2docs" today="2013-12-01" viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>';
    document.body.append(host);
    const scheduler = host.firstElementChild as HTMLElement;
    await waitUntil(() => shadow(scheduler).querySelector('[part="participants"]'), 'the scheduler never showed the appointment', { timeout: 30_000 });
    await settle(host);
    const team = host.store!.snapshot.record!.team.members.map((m) => m.name);
    expect(team).to.include('Adam Careful');
    expect(team, 'Luigi Maas and the phone call are not on the example team').to.not.include.members(['Luigi Maas', 'Phone Call']);
    const people = [...shadow(scheduler).querySelectorAll('[part="participants"] li .name')].map(textOf);
    expect(people).to.include.members(['Peter James Chalmers', 'Adam Careful', 'Luigi Maas', 'Phone Call']);
    expect(textOf(shadow(scheduler))).to.not.contain('Unknown person');
    await expectAxeClean(scheduler);
  });

  it('a team without a coordinator from Medplum shows its members, consents and meetings, with the note "No coordinator recorded"', async () => {
    const coordinator = '768821004';
    await changeBehind('CareTeam/team-ingrid', (team) => ({
      ...team,
      participant: (team.participant as Array<{ role?: Array<{ coding?: Array<{ code?: string }> }> }>).map((p) => ({
        ...p,
        role: (p.role ?? []).filter((r) => !(r.coding ?? []).some((c) => c.code === coordinator)),
      })),
    }));
    const { roster, toggle, scheduler } = await mount();
    const names = [...shadow(roster).querySelectorAll('li.member button.name')].map(textOf);
    expect(names).to.include.members(['Kari Nilsen', 'Lars Haugen', 'Amina Rahimi']);
    expect(shadow(roster).querySelector('[role="alert"]'), 'no load error').to.equal(null);
    const note = shadow(roster).querySelector('[part~="team-note"]');
    expect(textOf(note)).to.equal('No coordinator recorded');
    expect(switchOf(toggle)!.getAttribute('aria-checked')).to.equal('true');
    expect(textOf(shadow(toggle).querySelector('[part~="heading"]'))).to.contain('NAV Fjordvik');
    expect(textOf(shadow(scheduler).querySelector('#title'))).to.equal('Responsibility-group meeting');
    await expectAxeClean(roster);
  });
});
