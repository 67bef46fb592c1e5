import * as v from 'valibot';
import '../../../src/components/crisis-plan/define.js';
import type { CareCrisisPlan } from '../../../src/components/crisis-plan/crisis-plan.js';
import type { CareCrisisPlanChangeEvent, CareCrisisPlanRequestEvent } from '../../../src/components/crisis-plan/events.js';
import type { CareDataErrorEvent, CareErrorEvent } from '../../../src/components/base/events.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../../src/data/memory-source.js';
import { CareStore } from '../../../src/data/store.js';
import { loadCatalogue } from '../../../src/i18n/locale.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, fixtureCleanup, html, settle, waitUntil } from '../../helpers/fixture.js';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { deepActiveElement, press, tab, type } from '../../helpers/keys.js';
import { shoot } from '../../helpers/screenshot.js';
import { storeHost, textOf } from '../consent-toggle/support.js';

const record = () => v.parse(CareRecord, structuredClone(fjordvik));
const people = {
  ingrid: { id: 'm-ingrid', name: 'Ingrid Solberg' },
  kari: { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' },
  lars: { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' },
  sofie: { id: 'm-sofie', name: 'Sofie Lund', organisationId: 'org-nav' },
};

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element) => textOf(root(el).querySelector('article') ?? root(el).firstElementChild);
const button = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((b) => textOf(b) === name) ?? null;
const visibleStages = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('section.stage')].filter((s) => !s.hidden).map((s) => s.dataset.stage);
const callLinks = (el: Element) => [...root(el).querySelectorAll<HTMLAnchorElement>('section.stage:not([hidden]) a.call')].map((a) => [textOf(a), a.getAttribute('href')]);
const status = (el: Element) => textOf(root(el).querySelector('[role="status"]'));

const mount = async (options: { actor?: object; audience?: string; now?: string; lang?: string; plan?: unknown; consents?: unknown } = {}) => {
  const r = record();
  const el = await fixture<CareCrisisPlan>(html`<care-crisis-plan
    .plan=${options.plan ?? r.crisisPlans[0]}
    .team=${r.team}
    .responsibilities=${r.responsibilities}
    .consents=${options.consents ?? r.consents}
    .actor=${options.actor ?? people.ingrid}
    .now=${options.now ?? '2026-12-05T12:00:00Z'}
    audience=${options.audience ?? 'service-user'}
    lang=${options.lang ?? 'en'}
  ></care-crisis-plan>`);
  return settle(el);
};

/** A plan element added to `host` (a store's host), settled. */
const addPlan = async (host: Element, audience: string) => {
  const el = document.createElement('care-crisis-plan') as CareCrisisPlan;
  el.audience = audience as never;
  el.lang = 'en';
  el.now = '2026-12-05T12:00:00Z';
  host.append(el);
  return settle(el);
};

/** A connected plan inside a store (Kari by default), on a memory source the test can share. */
const mountConnected = async (source: MemorySource, actor: object = people.kari, audience = 'professional') => {
  const store = new CareStore(source, 'team-ingrid', actor as never);
  await store.load();
  const host = storeHost(store);
  const el = await addPlan(host, audience);
  return { el, store, host };
};

afterEach(() => {
  fixtureCleanup();
  document.querySelectorAll('body > div').forEach((node) => node.remove());
});

describe('<care-crisis-plan> for the person', () => {
  it('shows the person\u2019s own words first, says they see everything and who else may, and one stage at a time', async () => {
    const el = await mount();
    const all = text(el);
    expect(textOf(root(el).querySelector('#title'))).to.equal('Crisis plan');
    expect(all).to.contain('You see all of your plan. Professionals see what it says only if you have agreed to share your care plan with their service.');
    expect(all.indexOf('In my own words')).to.be.lessThan(all.indexOf('How are you now?'));
    expect(all).to.contain('A calm voice and short sentences.');
    expect(all).to.contain('Pets: Erik looks after my dog, Tassen. He has a key.');
    expect(all).to.contain('Version 3, valid from 14 Sept 2026.');
    expect(all).to.contain('Agreed by you, Kari Nilsen on 14 Sept 2026.');
    expect(visibleStages(el)).to.deep.equal(['early-signs']);
    expect(button(el, 'Early signs')!.getAttribute('aria-pressed')).to.equal('true');
    expect(all).to.contain('Who: Kari Nilsen');
    expect(all).to.contain('Part of: Crisis plan: what helps and whom to call');
    expect(callLinks(el)).to.deep.equal([
      ['Call Kari Nilsen +47 55 00 10 21', 'tel:+4755001021'],
      // Hanne has no phone to call, only a number for text messages.
      ['Send a text to Hanne Dahl +47 944 00 777', 'sms:+4794400777'],
    ]);
    expect(all).to.contain('Answers Tue, Thu 10:00\u201318:00.');
    expect(all).to.contain('Answers Mon\u2013Fri 08:00\u201315:30.');
  });

  it('switches stage with the buttons; the crisis stage has call-now links with out-of-hours numbers', async () => {
    const el = await mount();
    button(el, 'Crisis')!.click();
    await settle(el);
    expect(visibleStages(el)).to.deep.equal(['crisis']);
    expect(el.stage).to.equal('crisis');
    expect(button(el, 'Crisis')!.getAttribute('aria-pressed')).to.equal('true');
    expect(button(el, 'Early signs')!.getAttribute('aria-pressed')).to.equal('false');
    const links = callLinks(el);
    expect(links[0]).to.deep.equal(['Call Emergency number (medical) 113', 'tel:113']);
    expect(links.at(-1)).to.deep.equal(['Call Out-of-hours emergency clinic (legevakt) 116 117', 'tel:116117']);
  });

  it('says so when the review date has passed, and not before', async () => {
    const fresh = await mount();
    expect(root(fresh).querySelector('[part="stale"]')).to.equal(null);
    const stale = await mount({ now: '2027-04-02T12:00:00Z' });
    expect(textOf(root(stale).querySelector('[part="stale"]'))).to.equal(
      'This plan should have been looked at again on 14 Mar 2027. Parts of it may be out of date. Ask your coordinator to go through it with you.',
    );
  });

  it('accepts a proposed measure: it joins its stage as a new version the person has agreed to', async () => {
    const el = await mount();
    const requests: CareCrisisPlanRequestEvent[] = [];
    const changes: CareCrisisPlanChangeEvent[] = [];
    el.addEventListener('care-crisis-plan-request', (e) => requests.push(e));
    el.addEventListener('care-crisis-plan-change', (e) => changes.push(e));
    expect(text(el)).to.contain('Lars sees me within a day if Amina cannot.');
    button(el, 'Yes, add it to my plan')!.click();
    await waitUntil(() => changes.length === 1);
    await settle(el);
    expect(requests[0].detail.action).to.equal('accept-proposal');
    const saved = changes[0].detail.plan;
    expect(saved.version).to.equal(4);
    expect(saved.stages[1].measures.map((m) => m.id)).to.include('mw-4');
    expect(saved.agreedBy.find((a) => a.memberId === 'm-ingrid')?.version).to.equal(4);
    expect(saved.proposals[0].status).to.equal('accepted');
    expect(status(el)).to.equal('The plan is saved.');
    expect(text(el)).to.contain('The coordinator has not confirmed this version yet.');
  });

  it('shows the plan in Norwegian', async () => {
    await loadCatalogue('nb');
    const el = await mount({ lang: 'nb' });
    expect(textOf(root(el).querySelector('#title'))).to.equal('Kriseplan');
    expect(text(el)).to.contain('Hvordan har du det nå?');
  });
});

describe('<care-crisis-plan> and consent', () => {
  it('shows a professional without consent that the plan exists and whom to ask, not what it says', async () => {
    const el = await mount({ actor: people.sofie, audience: 'professional' });
    const all = text(el);
    expect(all).to.contain('Ingrid Solberg has a crisis plan. You cannot see what it says: Ingrid Solberg has not agreed to share the care plan with your service.');
    expect(all).to.contain('Ask Kari Nilsen, the coordinator, or ask Ingrid Solberg to agree to share it.');
    expect(all).to.not.contain('A calm voice');
    expect(all).to.not.contain('Tassen');
    expect(root(el).querySelector('section.stage')).to.equal(null);
    expect(root(el).querySelector('a')!.getAttribute('href')).to.equal('tel:+4755001021');
    await expectAxeClean(el);
  });

  it('shows a GP whose practice has consent the content, says why, and lets them propose (not edit)', async () => {
    const el = await mount({ actor: people.lars, audience: 'professional' });
    const all = text(el);
    expect(all).to.contain('You see what the plan says because Ingrid Solberg has agreed to share the care plan with your service.');
    expect(all).to.contain('In Ingrid Solberg\u2019s own words');
    expect(button(el, 'Change the plan')).to.equal(null);
    expect(button(el, 'Send the proposal')).to.not.equal(null);
    expect(all).to.contain('Waiting for Ingrid Solberg to answer.');
  });

  it('hides the content again when the consent is withdrawn', async () => {
    const consents = record().consents.map((c) => (c.id === 'c-gp' ? { ...c, state: 'refused' as const } : c));
    const el = await mount({ actor: people.lars, audience: 'professional', consents });
    expect(text(el)).to.contain('You cannot see what it says');
  });

  it('hides the content once the agreement has ended, by the day of `now`', async () => {
    const consents = record().consents.map((c) => (c.id === 'c-gp' ? { ...c, validUntil: '2026-12-31' } : c));
    const el = await mount({ actor: people.lars, audience: 'professional', consents, now: '2026-12-31T12:00:00' });
    expect(text(el)).to.contain('In Ingrid Solberg\u2019s own words');
    el.now = '2027-01-01T12:00:00';
    await settle(el);
    expect(text(el)).to.contain('You cannot see what it says: Ingrid Solberg\u2019s agreement to share the care plan with your service ended on 31 Dec 2026.');
    expect(text(el)).to.not.contain('In Ingrid Solberg\u2019s own words');
    expect(root(el).querySelector('section.stage')).to.equal(null);
    await expectAxeClean(el);
    el.lang = 'nb';
    await settle(el);
    expect(text(el)).to.contain('avtalen om å dele oppfølgingsplanen med tjenesten din gikk ut 31. des. 2026');
  });
});

describe('<care-crisis-plan> editing', () => {
  it('edits through the store: request, save with a new version and an audit entry, change, focus back', async () => {
    const source = new MemorySource({ seed: structuredClone(fjordvik) });
    const { el, store } = await mountConnected(source);
    const events: string[] = [];
    el.addEventListener('care-crisis-plan-request', (e) => events.push(`request:${e.detail.action}`));
    el.addEventListener('care-crisis-plan-change', (e) => events.push(`change:${e.detail.plan.version}`));
    button(el, 'Change the plan')!.focus();
    await press('Enter');
    await settle(el);
    expect(deepActiveElement()?.textContent).to.equal('Change the crisis plan');
    const helps = root(el).querySelector<HTMLTextAreaElement>('#words-helps')!;
    helps.focus();
    await press('End');
    await press('Control+End');
    await press('Enter');
    await type('Music with headphones.');
    await settle(el);
    button(el, 'Save the plan')!.click();
    await waitUntil(() => events.length === 2);
    await settle(el);
    expect(events).to.deep.equal(['request:edit', 'change:4']);
    const saved = store.snapshot.record!.crisisPlans[0];
    expect(saved.ownWords.helps.at(-1)).to.equal('Music with headphones.');
    expect(saved.meta?.version).to.equal('2');
    const entry = store.snapshot.record!.audit.at(-1)!;
    expect([entry.entity, entry.action, entry.outcome, entry.actor.name]).to.deep.equal(['crisis-plan', 'edit', 'saved', 'Kari Nilsen']);
    expect(root(el).querySelector('form.edit:not(.propose)')).to.equal(null);
    expect(deepActiveElement()).to.equal(button(el, 'Change the plan'));
    expect(status(el)).to.equal('The plan is saved.');
    expect(text(el)).to.contain('Ingrid Solberg has not confirmed this version yet.');
  });

  it('the form\u2019s English strings and styles arrive with the form, and a host\u2019s labels for them still apply', async () => {
    const source = new MemorySource({ seed: structuredClone(fjordvik) });
    const { el } = await mountConnected(source);
    el.labels = { savePlan: 'Keep these changes', editPlan: 'Update the plan' };
    await settle(el);
    button(el, 'Update the plan')!.click();
    await settle(el);
    expect(textOf(root(el).querySelector('form.edit [role="heading"]'))).to.equal('Change the crisis plan');
    expect(button(el, 'Keep these changes') !== null).to.equal(true);
    expect(button(el, 'Cancel') !== null).to.equal(true);
    expect(textOf(root(el).querySelector('label[for="valid-from"]'))).to.equal('Valid from');
    // The form's styles arrive with it too.
    expect(getComputedStyle(root(el).querySelector('form.edit')!).display).to.equal('grid');
    expect(getComputedStyle(root(el).querySelector('form.edit fieldset')!).borderTopStyle).to.equal('solid');
  });

  it('adds a measure with who does it and the responsibility it carries out', async () => {
    const source = new MemorySource({ seed: structuredClone(fjordvik) });
    const { el, store } = await mountConnected(source);
    button(el, 'Change the plan')!.click();
    await settle(el);
    const crisisFieldset = [...root(el).querySelectorAll('fieldset')].find((f) => textOf(f.querySelector('legend')) === 'Crisis')!;
    [...crisisFieldset.querySelectorAll('button')].find((b) => textOf(b) === 'Add a measure')!.click();
    await settle(el);
    const text4 = root(el).querySelector<HTMLInputElement>('#text-crisis-3')!;
    text4.focus();
    await type('Ola feeds Tassen.');
    const who = root(el).querySelector<HTMLSelectElement>('#who-crisis-3')!;
    who.value = 'm-ola';
    who.dispatchEvent(new Event('change'));
    const part = root(el).querySelector<HTMLSelectElement>('#part-crisis-3')!;
    part.value = 'r-network';
    part.dispatchEvent(new Event('change'));
    await settle(el);
    button(el, 'Save the plan')!.click();
    await waitUntil(() => store.snapshot.record!.crisisPlans[0].version === 4 && !store.snapshot.pending.size);
    const added = store.snapshot.record!.crisisPlans[0].stages[2].measures.at(-1)!;
    expect([added.text, added.memberIds, added.responsibilityIds]).to.deep.equal(['Ola feeds Tassen.', ['m-ola'], ['r-network']]);
  });

  it('refuses a review date before the valid-from date in plain words, without saving', async () => {
    const source = new MemorySource({ seed: structuredClone(fjordvik) });
    const { el, store } = await mountConnected(source);
    button(el, 'Change the plan')!.click();
    await settle(el);
    const review = root(el).querySelector<HTMLInputElement>('#next-review')!;
    review.value = '2026-01-01';
    review.dispatchEvent(new Event('input'));
    await settle(el);
    expect(textOf(root(el).querySelector('#date-problem'))).to.equal('The next review must be on or after the date the plan is valid from.');
    expect(review.getAttribute('aria-invalid')).to.equal('true');
    button(el, 'Save the plan')!.click();
    await settle(el);
    expect(store.snapshot.record!.crisisPlans[0].meta?.version).to.equal('1');
    await expectAxeClean(el);
  });

  it('keeps the form and offers Try again when saving fails, then saves with the same change', async () => {
    const source = new MemorySource({ seed: structuredClone(fjordvik) });
    const { el, store } = await mountConnected(source);
    const errors: CareErrorEvent[] = [];
    el.addEventListener('care-error', (e) => errors.push(e));
    button(el, 'Change the plan')!.click();
    await settle(el);
    const review = root(el).querySelector<HTMLInputElement>('#next-review')!;
    review.value = '2027-06-01';
    review.dispatchEvent(new Event('input'));
    source.failNext('network');
    button(el, 'Save the plan')!.click();
    await waitUntil(() => errors.length === 1);
    await settle(el);
    expect(textOf(root(el).querySelector('[part="error"]'))).to.contain('The plan was not saved. There is no connection to the server.');
    expect(textOf(root(el).querySelector('[role="alert"]'))).to.contain('Error:');
    expect(root(el).querySelector<HTMLInputElement>('#next-review')!.value).to.equal('2027-06-01');
    await expectAxeClean(el);
    button(el, 'Try again')!.click();
    await waitUntil(() => store.snapshot.record!.crisisPlans[0].nextReview === '2027-06-01' && !store.snapshot.pending.size);
    await settle(el);
    expect(root(el).querySelector('[part="error"]')).to.equal(null);
    const attempts = store.snapshot.record!.audit.filter((a) => a.entity === 'crisis-plan');
    expect(attempts.map((a) => a.outcome)).to.deep.equal(['failed', 'saved']);
    expect(attempts[0].changeId).to.equal(attempts[1].changeId);
  });

  it('a failed save the store keeps is shown by an element added later, which can try it again', async () => {
    const source = new MemorySource({ seed: structuredClone(fjordvik) });
    const { el, store, host } = await mountConnected(source, people.ingrid, 'service-user');
    const errors: CareErrorEvent[] = [];
    el.addEventListener('care-error', (e) => errors.push(e));
    source.failNext('network');
    button(el, 'Yes, add it to my plan')!.click();
    await waitUntil(() => errors.length === 1);
    el.remove();
    const later = await addPlan(host, 'service-user');
    expect(textOf(root(later).querySelector('[part="error"]'))).to.contain('The plan was not saved. There is no connection to the server.');
    button(later, 'Try again')!.click();
    await waitUntil(() => store.snapshot.record!.crisisPlans[0].proposals[0].status === 'accepted' && !store.snapshot.pending.size);
    await settle(later);
    expect(root(later).querySelector('[part="error"]')).to.equal(null);
    expect(status(later)).to.equal('The plan is saved.');
  });

  it('when two people changed the same measure, nothing is saved until the person chooses; keeping theirs keeps mine elsewhere', async () => {
    const source = new MemorySource({ seed: structuredClone(fjordvik) });
    const { el, store } = await mountConnected(source);
    const ingrid = new CareStore(source, 'team-ingrid', people.ingrid);
    await ingrid.load();
    button(el, 'Change the plan')!.click();
    await settle(el);
    const first = root(el).querySelector<HTMLInputElement>('#text-early-signs-0')!;
    first.value = 'I go to bed at ten.';
    first.dispatchEvent(new Event('input'));
    const review = root(el).querySelector<HTMLInputElement>('#next-review')!;
    review.value = '2027-05-01';
    review.dispatchEvent(new Event('input'));
    const theirs = structuredClone(ingrid.snapshot.record!.crisisPlans[0]);
    theirs.stages[0].measures[0].text = 'I go to bed at eleven.';
    expect((await ingrid.save({ entity: 'crisis-plan', action: 'edit', value: theirs })).ok).to.equal(true);
    // Ingrid's save reached this store while the form was open: the element merges, and asks where both changed the same value.
    button(el, 'Save the plan')!.click();
    await waitUntil(() => root(el).querySelector('[part="error"]') !== null);
    await settle(el);
    expect(textOf(root(el).querySelector('[part="error"]'))).to.contain('Choose which version to keep.');
    expect(store.snapshot.record!.crisisPlans[0].meta?.version, 'nothing saved yet').to.equal('2');
    await expectAxeClean(el);
    button(el, 'Keep the other version')!.click();
    await waitUntil(() => !store.failureOf('crisis-plan', 'cp-ingrid') && !store.snapshot.pending.size);
    const kept = store.snapshot.record!.crisisPlans[0];
    expect(kept.stages[0].measures[0].text).to.equal('I go to bed at eleven.');
    expect(kept.nextReview).to.equal('2027-05-01');
  });

  it('after a conflict the source reports, Keep my version saves mine merged onto theirs', async () => {
    const source = new MemorySource({ seed: structuredClone(fjordvik) });
    // A source that cannot tell of others' changes: the conflict is found only on saving.
    (source as unknown as { watch?: unknown }).watch = undefined;
    const { el, store } = await mountConnected(source);
    const ingrid = new CareStore(source, 'team-ingrid', people.ingrid);
    await ingrid.load();
    const theirs = structuredClone(ingrid.snapshot.record!.crisisPlans[0]);
    theirs.stages[0].measures[0].text = 'I go to bed at eleven.';
    theirs.ownWords.helps = [...theirs.ownWords.helps, 'Tea with honey.'];
    expect((await ingrid.save({ entity: 'crisis-plan', action: 'edit', value: theirs })).ok).to.equal(true);
    button(el, 'Change the plan')!.click();
    await settle(el);
    const first = root(el).querySelector<HTMLInputElement>('#text-early-signs-0')!;
    first.value = 'I go to bed at ten.';
    first.dispatchEvent(new Event('input'));
    button(el, 'Save the plan')!.click();
    await waitUntil(() => Boolean(store.failureOf('crisis-plan', 'cp-ingrid')));
    await settle(el);
    expect(store.failureOf('crisis-plan', 'cp-ingrid')!.conflicts.map((c) => c.path.join('/'))).to.deep.equal(['stages/early-signs/measures/ms-1/text']);
    expect(textOf(root(el).querySelector('[part="error"]'))).to.contain('Choose which version to keep.');
    button(el, 'Keep my version')!.click();
    await waitUntil(() => !store.failureOf('crisis-plan', 'cp-ingrid') && !store.snapshot.pending.size);
    await settle(el);
    const kept = store.snapshot.record!.crisisPlans[0];
    expect(kept.stages[0].measures[0].text).to.equal('I go to bed at ten.');
    expect(kept.ownWords.helps).to.include('Tea with honey.');
    expect(root(el).querySelector('[part="error"]')).to.equal(null);
  });

  it('a host that vetoes the request stops the change, and the audit says so', async () => {
    const source = new MemorySource({ seed: structuredClone(fjordvik) });
    const { el, store } = await mountConnected(source, people.ingrid, 'service-user');
    el.addEventListener('care-crisis-plan-request', (e) => e.preventDefault());
    const agree = button(el, 'I agree with this version');
    expect(agree, 'the person has confirmed version 3 already').to.equal(null);
    button(el, 'No, leave it out')!.click();
    await settle(el);
    await waitUntil(() => store.snapshot.record!.audit.length > 0);
    expect(store.snapshot.record!.crisisPlans[0].proposals[0].status).to.equal('proposed');
    expect(store.snapshot.record!.audit.at(-1)!.outcome).to.equal('vetoed');
  });

  it('the coordinator confirms a new version', async () => {
    const r = record();
    const plan = { ...r.crisisPlans[0], version: 4 };
    const el = await mount({ actor: people.kari, audience: 'professional', plan });
    const changes: CareCrisisPlanChangeEvent[] = [];
    el.addEventListener('care-crisis-plan-change', (e) => changes.push(e));
    button(el, 'Confirm this version as coordinator')!.click();
    await waitUntil(() => changes.length === 1);
    expect(changes[0].detail.plan.agreedBy.find((a) => a.memberId === 'm-kari')?.version).to.equal(4);
  });
});

describe('<care-crisis-plan> keyboard, states and data errors', () => {
  it('reaches the stage buttons and call links with Tab and switches stage with Enter and Space', async () => {
    const el = await mount();
    button(el, 'Early signs')!.focus();
    await tab();
    expect(deepActiveElement()).to.equal(button(el, 'Getting worse'));
    await press('Enter');
    await settle(el);
    expect(visibleStages(el)).to.deep.equal(['getting-worse']);
    await tab();
    await press('Space');
    await settle(el);
    expect(visibleStages(el)).to.deep.equal(['crisis']);
    await tab();
    expect(deepActiveElement()?.getAttribute('href')).to.equal('tel:113');
  });

  it('gives the person targets of at least 44 x 44 px and fits a 320 px wide box', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px"></div>`);
    const r = record();
    const el = document.createElement('care-crisis-plan') as CareCrisisPlan;
    Object.assign(el, { plan: r.crisisPlans[0], team: r.team, responsibilities: r.responsibilities, consents: r.consents, actor: people.ingrid, now: '2026-12-05T12:00:00Z', lang: 'en' });
    wrapper.append(el);
    await settle(el);
    for (const stage of ['early-signs', 'getting-worse', 'crisis'] as const) {
      el.stage = stage;
      await settle(el);
      const targets = [...root(el).querySelectorAll<HTMLElement>('button, a')].filter((node) => node.getClientRects().length > 0);
      expect(targets.length).to.be.greaterThan(5);
      for (const target of targets) {
        const box = target.getBoundingClientRect();
        expect(Math.round(box.height), `${textOf(target)} height`).to.be.at.least(44);
        expect(Math.round(box.width), `${textOf(target)} width`).to.be.at.least(44);
      }
      const article = root(el).querySelector('article')!;
      expect(article.scrollWidth, `overflow in ${stage}`).to.be.at.most(320);
    }
  });

  it('is axe clean in every stage and view', async () => {
    for (const stage of ['early-signs', 'getting-worse', 'crisis'] as const) {
      const el = await mount();
      el.stage = stage;
      await settle(el);
      await expectAxeClean(el);
    }
    await expectAxeClean(await mount({ now: '2027-04-02T12:00:00Z' }));
    await expectAxeClean(await mount({ actor: people.lars, audience: 'professional' }));
    const editing = await mount({ actor: people.kari, audience: 'professional' });
    button(editing, 'Change the plan')!.click();
    await settle(editing);
    await expectAxeClean(editing);
  });

  it('shows what is wrong with a broken plan and fires care-data-error', async () => {
    const broken = { ...record().crisisPlans[0], nextReview: '2020-01-01' };
    const errors: CareDataErrorEvent[] = [];
    const handler = (e: Event) => errors.push(e as CareDataErrorEvent);
    document.addEventListener('care-data-error', handler);
    const el = await mount({ plan: broken });
    document.removeEventListener('care-data-error', handler);
    expect(errors[0].detail.entity).to.equal('crisis plan');
    // Plain words on screen; the path reaches the developer in the event.
    expect(errors[0].detail.issues.map((issue) => issue.path).join(' ')).to.contain('nextReview');
    expect(textOf(root(el).firstElementChild)).to.contain('This information cannot be shown');
    expect(textOf(root(el).firstElementChild)).not.to.contain('nextReview');
    await expectAxeClean(el);
  });

  it('shows untrusted text as text', async () => {
    const plan = structuredClone(record().crisisPlans[0]);
    plan.ownWords.helps = ['<img src=x onerror="window.__crisisHacked=1">'];
    const el = await mount({ plan });
    expect(root(el).querySelector('img')).to.equal(null);
    expect(text(el)).to.contain('<img src=x');
    expect((window as { __crisisHacked?: number }).__crisisHacked).to.equal(undefined);
  });
});

describe('<care-crisis-plan> on paper and offline', () => {
  it('prints every stage with the date and version, without buttons, within two A4 pages', async () => {
    // A4 at 96 dpi is 794 x 1123 CSS pixels; 15 mm margins leave 681 x 1010 per page.
    await setViewport({ width: 681, height: 1010 });
    const el = await mount();
    await emulateMedia({ media: 'print' });
    try {
      await settle(el);
      const stages = [...root(el).querySelectorAll<HTMLElement>('section.stage')];
      expect(stages.map((s) => getComputedStyle(s).display)).to.deep.equal(['grid', 'grid', 'grid']);
      const shownButtons = [...root(el).querySelectorAll('button')].filter((b) => getComputedStyle(b).display !== 'none');
      expect(shownButtons).to.deep.equal([]);
      const printed = root(el).querySelector<HTMLElement>('.printed')!;
      expect(getComputedStyle(printed).display).to.equal('block');
      expect(textOf(printed)).to.equal('Printed 5 Dec 2026. Version 3.');
      const height = el.getBoundingClientRect().height;
      expect(height, `${Math.round(height)} px tall`).to.be.at.most(2 * 1010);
      const shot = await shoot(el, 0);
      let dark = 0;
      for (let i = 0; i < shot.data.length; i += 4) if (shot.data[i] < 128 && shot.data[i + 1] < 128 && shot.data[i + 2] < 128) dark++;
      expect(dark, 'the printed page shows text').to.be.greaterThan(1000);
    } finally {
      await emulateMedia({ media: 'screen' });
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('saves a text copy to keep offline: every stage, every number, the date and the version', async () => {
    const el = await mount();
    const clicked: HTMLAnchorElement[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      button(el, 'Save a copy')!.click();
      // The text maker loads on first use, so the download starts a moment after the press.
      await waitUntil(() => clicked.length > 0, 'the copy is offered for download', { timeout: 5000 });
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked).to.have.length(1);
    expect(clicked[0].download).to.equal('crisis-plan-cp-ingrid-v3-2026-12-05.txt');
    const copy = await (await fetch(clicked[0].href)).text();
    expect(copy).to.contain('CRISIS PLAN FOR INGRID SOLBERG\nPrinted 5 Dec 2026. Version 3.');
    expect(copy).to.contain('What helps:\n- A calm voice and short sentences.');
    expect(copy).to.contain('CRISIS\n');
    expect(copy).to.contain('1. Emergency number (medical): 113 When life or health is in danger.');
    expect(copy).to.contain('   Outside these hours: Out-of-hours emergency clinic (legevakt): 116 117');
    expect(copy).to.contain('Ola checks my medicines every day and gives the depot injection on time. Who: Ola Berg Part of: Depot injection every second week, Medication list and prescriptions');
  });
});
