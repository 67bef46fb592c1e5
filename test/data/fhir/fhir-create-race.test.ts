// Two coordinators write down the outcome of the same meeting at once, on an R5 FHIR server whose
// CapabilityStatement says conditionalUpdate: the second to save meets the first one's outcome, is
// told so in plain words and asked which version to keep, and the first one's outcome stays as it
// was written. <care-meeting-outcomes> inside <care-context fhir-base> against the FHIR test
// double (test/server/fhir/server.mjs), answered in the page through its fetch function.
import { expect } from '@open-wc/testing';
import { expectAxeClean } from '../../helpers/a11y.js';
import { settle, waitUntil } from '../../helpers/fixture.js';
import { textOf } from '../../components/consent-toggle/support.js';
import '../../../src/context/define.js';
import '../../../src/components/meeting-outcomes/define.js';
import { newOutcome } from '../../../src/components/meeting-outcomes/outcome-model.js';
import type { CareMeetingOutcomes } from '../../../src/components/meeting-outcomes/meeting-outcomes.js';
import { CareRecord } from '../../../src/contract/record.js';
import { parse } from '../../../src/contract/validate.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import * as fhir from '../../../src/data/fhir/index.js';
import type { CareContext } from '../../../src/context/care-context.js';
import { FhirTestServer } from '../../server/fhir/server.mjs';
import { fjordvikAsFhir } from '../../server/fhir/fjordvik.mjs';

const base = 'https://fhir.test/R5';
const root = (el: Element) => el.shadowRoot!;
const button = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((b) => textOf(b) === name) ?? null;
const notesOf = (composition: { section: Array<{ text?: { div: string } }> }) => composition.section.map((s) => s.text?.div ?? '').join(' ');

describe('<care-meeting-outcomes> on an R5 FHIR server: two coordinators write down the same meeting\u2019s outcome at once', () => {
  let server: FhirTestServer;
  let host: CareContext | undefined;
  const originalFetch = window.fetch;

  beforeEach(() => {
    server = new FhirTestServer({ version: 'R5', base, pageSize: 5, conditionalUpdate: true });
    server.seed(fjordvikAsFhir({ ...fhir, parse, CareRecord, fjordvik }, 'R5').resources);
    // The October meeting has no outcome written down yet.
    const stored = (server as unknown as { resources: Map<string, { resourceType: string }> }).resources;
    for (const [key, resource] of [...stored]) if (resource.resourceType === 'Composition' || resource.resourceType === 'Communication') stored.delete(key);
    const answer = server.fetchFor();
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
      String(input instanceof Request ? input.url : input).startsWith(`${base}/`) ? answer(input, init) : originalFetch(input, init);
  });
  afterEach(() => {
    window.fetch = originalFetch;
    host?.remove();
    host = undefined;
  });

  it('the second to save is told someone else wrote it at the same time and chooses; the first one\u2019s outcome is not replaced', async function () {
    this.timeout(45_000);
    host = document.createElement('care-context') as CareContext;
    host.setAttribute('fhir-base', base);
    host.setAttribute('fhir-version', 'R5');
    host.setAttribute('patient', 'm-ingrid');
    host.setAttribute('care-team', 'team-ingrid');
    host.setAttribute('lang', 'en');
    host.setAttribute('actor', JSON.stringify({ id: 'Practitioner/m-kari', name: 'Kari Nilsen' }));
    const outcomes = document.createElement('care-meeting-outcomes') as CareMeetingOutcomes;
    outcomes.meetingId = 'mt-october';
    outcomes.now = '2026-11-20T12:00:00Z';
    host.append(outcomes);
    document.body.append(host);
    await waitUntil(() => button(outcomes, 'Write down what we agreed'), 'the coordinator was never offered to write down the outcome', { timeout: 15_000 });

    button(outcomes, 'Write down what we agreed')!.click();
    await settle(outcomes);
    const notes = root(outcomes).querySelector('textarea')!;
    notes.value = 'Kari: Ingrid keeps the dose dispenser.';
    notes.dispatchEvent(new Event('input'));
    await settle(outcomes);

    // Amina writes down the same meeting's outcome just after Kari's page looked for one and found none.
    const meeting = host.store!.snapshot.record!.meetings.find((m) => m.id === 'mt-october')!;
    const aminas = newOutcome(meeting, 'team-ingrid', { id: 'Practitioner/m-amina', name: 'Amina Rahimi' });
    aminas.parts = aminas.parts.map((part, i) => (i === 0 ? { ...part, notes: 'Amina: the DPS keeps a bed free.' } : part));
    const written = fhir.meetingOutcomeToFhir(aminas, { version: 'R5', patient: 'Patient/m-ingrid', index: new fhir.ResourceIndex(), teamId: 'team-ingrid', now: '2026-11-20T11:00:00Z' });
    server.afterNext('GET', `Composition/${aminas.id}`, () => server.seed(written));

    button(outcomes, 'Save draft')!.click();
    await waitUntil(() => root(outcomes).querySelector('[part="error"]'), 'the page never said the outcome was not saved', { timeout: 15_000 });
    await settle(outcomes);
    // Before: Kari's PUT replaced Amina's outcome and the page said "Saved.".
    expect(textOf(root(outcomes).querySelector('[role="alert"]'))).to.equal(
      'Error: Not saved. Someone else changed the same thing at the same time. Nothing has been saved yet. Choose which version to keep.',
    );
    expect(button(outcomes, 'Keep my version'), 'the person chooses').to.not.equal(null);
    expect(button(outcomes, 'Keep the other version')).to.not.equal(null);
    const stored = server.get<{ meta: { versionId: string }; section: Array<{ text?: { div: string } }> }>(`Composition/${aminas.id}`)!;
    expect(stored.meta.versionId, 'Amina\u2019s outcome is as she wrote it').to.equal('1');
    expect(notesOf(stored)).to.contain('Amina: the DPS keeps a bed free.');
    expect(notesOf(stored)).to.not.contain('Kari');
    const put = server.requests.filter((r) => r.method === 'PUT');
    expect(put.map((r) => [r.path, r.ifNoneMatch])).to.deep.equal([[`Composition/${aminas.id}`, '*']]);
    await expectAxeClean(outcomes);

    // Kari keeps Amina's version: the page shows it, and nothing of hers is replaced.
    button(outcomes, 'Keep the other version')!.click();
    await waitUntil(() => !root(outcomes).querySelector('[part="error"]') && !root(outcomes).querySelector('[part="edit-form"]'), 'the choice never settled', { timeout: 15_000 });
    await settle(outcomes);
    expect(textOf(root(outcomes).querySelector('article'))).to.contain('Amina: the DPS keeps a bed free.');
    expect(textOf(root(outcomes).querySelector('article'))).to.not.contain('Kari: Ingrid keeps the dose dispenser.');
    expect(notesOf(server.get<{ section: Array<{ text?: { div: string } }> }>(`Composition/${aminas.id}`)!)).to.not.contain('Kari');
  });
});
