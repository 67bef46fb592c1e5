import * as v from 'valibot';
// A confirmation belongs to the version that was read: once the coordinator changes a shared
// outcome, who confirmed before is shown as having read it before the change, and may confirm again.
import '../../../src/components/meeting-outcomes/define.js';
import type { CareMeetingOutcomes } from '../../../src/components/meeting-outcomes/meeting-outcomes.js';
import type { CareMeetingOutcomeRequestEvent } from '../../../src/components/meeting-outcomes/events.js';
import { CareRecord } from '../../../src/contract/record.js';
import { MeetingOutcome } from '../../../src/contract/meeting-outcome.js';
import { check } from '../../../src/contract/validate.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, fixtureCleanup, html, settle, waitUntil } from '../../helpers/fixture.js';
import { textOf } from '../consent-toggle/support.js';

const people = {
  ingrid: { id: 'm-ingrid', name: 'Ingrid Solberg' },
  kari: { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' },
};
const root = (el: Element) => el.shadowRoot!;
const button = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((b) => textOf(b) === name) ?? null;
const confirmations = (el: Element) => [...root(el).querySelectorAll('[part="confirmations"] li')].map(textOf);

/** The October outcome at `version`, Ingrid's and Amina's confirmations made on version 1. */
const mount = async (actor: object, version?: number) => {
  const r = v.parse(CareRecord, structuredClone(fjordvik));
  const outcome = { ...r.meetingOutcomes[0], ...(version ? { version } : {}) };
  const el = await fixture<CareMeetingOutcomes>(html`<care-meeting-outcomes
    .meeting=${r.meetings.find((m) => m.id === 'mt-october')}
    .outcome=${outcome}
    .team=${r.team}
    .responsibilities=${r.responsibilities}
    .consents=${r.consents}
    .actor=${actor}
    .now=${'2026-11-20T12:00:00Z'}
    audience="professional"
    lang="en"
  ></care-meeting-outcomes>`);
  return settle(el);
};

afterEach(() => fixtureCleanup());

describe('<care-meeting-outcomes>: confirmations of an earlier version', () => {
  it('the coordinator changing what was agreed in a shared outcome makes a new version; who read the old one is shown as such', async () => {
    const el = await mount(people.kari);
    expect(confirmations(el)).to.include('Ingrid Solberg Has read it (29 Oct 2026 18:12)');
    let saved: CareMeetingOutcomeRequestEvent['detail'] | undefined;
    el.addEventListener('care-meeting-outcome-request', (e) => (saved = e.detail));
    button(el, 'Change what we agreed')!.click();
    await settle(el);
    const notes = root(el).querySelector<HTMLTextAreaElement>('textarea')!;
    notes.value = 'Ingrid has slept better. The crisis plan is looked at again in December, not November.';
    notes.dispatchEvent(new Event('input'));
    await settle(el);
    button(el, 'Save')!.click();
    await waitUntil(() => saved !== undefined && confirmations(el).some((line) => line.includes('before the last change')), 'saved');
    expect(saved!.outcome.version).to.equal(2);
    expect(saved!.outcome.confirmations.map((c) => c.version ?? 1), 'the confirmations are kept, naming what they read').to.deep.equal([1, 1]);
    expect(confirmations(el)).to.include('Ingrid Solberg Read it (29 Oct 2026 18:12), before the last change');
    expect(textOf(root(el).querySelector('[part="confirmations"] p'))).to.equal('0 of 4 participants have read it.');
    await expectAxeClean(el);
  });

  it('the person sees that they read an earlier version, and confirming again names the new one', async () => {
    const el = await mount(people.ingrid, 2);
    expect(textOf(root(el).querySelector('[part="confirmed-earlier"]'))).to.equal(
      'You said you had read this on 29 Oct 2026 18:12. It has changed since then, so please read it again.',
    );
    expect(root(el).querySelector('[part="confirmed"]')).to.equal(null);
    let saved: CareMeetingOutcomeRequestEvent['detail'] | undefined;
    el.addEventListener('care-meeting-outcome-request', (e) => (saved = e.detail));
    button(el, 'I have read this')!.click();
    await waitUntil(() => root(el).querySelector('[part="confirmed"]') !== null, 'confirmed again');
    const mine = saved!.outcome.confirmations.filter((c) => c.memberId === 'm-ingrid');
    expect(mine, 'still one confirmation per member').to.have.length(1);
    expect(mine[0].version).to.equal(2);
    expect(root(el).querySelector('[part="confirmed-earlier"]')).to.equal(null);
    await expectAxeClean(el);
  });

  it('a draft changed before it is shared stays at its version; a confirmation of a later version than the outcome is refused', async () => {
    const r = v.parse(CareRecord, structuredClone(fjordvik));
    const el = await mount(people.kari);
    const draft = { ...r.meetingOutcomes[0], status: 'draft', sharedAt: undefined, confirmations: [] };
    el.outcome = draft as never;
    await settle(el);
    let saved: CareMeetingOutcomeRequestEvent['detail'] | undefined;
    el.addEventListener('care-meeting-outcome-request', (e) => (saved = e.detail));
    button(el, 'Change what we agreed')!.click();
    await settle(el);
    const notes = root(el).querySelector<HTMLTextAreaElement>('textarea')!;
    notes.value = 'Changed in the draft.';
    notes.dispatchEvent(new Event('input'));
    button(el, 'Save draft')!.click();
    await waitUntil(() => saved !== undefined, 'saved');
    expect(saved!.outcome.version).to.equal(undefined);
    const ahead = check(MeetingOutcome, { ...r.meetingOutcomes[0], version: 2, confirmations: [{ memberId: 'm-ingrid', name: 'Ingrid Solberg', at: '2026-10-29T18:12:00+01:00', version: 3 }] });
    expect(ahead.ok).to.equal(false);
    expect(ahead.ok ? [] : ahead.issues.map((i) => `${i.path}: ${i.message}`)).to.deep.equal(['confirmations[0].version: confirms version 3, but the outcome is at version 2']);
  });
});
