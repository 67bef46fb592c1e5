import * as v from 'valibot';
// <care-crisis-plan>: adding, changing, removing and reordering the people to call at a stage,
// through the same request → save → change road as the rest of the form, with problems shown
// beside their fields and in a summary, nothing typed lost, and focus kept where a person expects.
import '../../../src/components/crisis-plan/define.js';
import type { CareCrisisPlan } from '../../../src/components/crisis-plan/crisis-plan.js';
import type { CareCrisisPlanRequestEvent } from '../../../src/components/crisis-plan/events.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { loadCatalogue } from '../../../src/i18n/locale.js';
import { MemorySource } from '../../../src/data/memory-source.js';
import { CareStore } from '../../../src/data/store.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, fixtureCleanup, html, settle, waitUntil } from '../../helpers/fixture.js';
import { deepActiveElement, press, type } from '../../helpers/keys.js';
import { storeHost, textOf } from '../consent-toggle/support.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const root = (el: Element) => el.shadowRoot!;
const button = (scope: ParentNode, name: string) => [...scope.querySelectorAll('button')].find((b) => textOf(b) === name) ?? null;
const stageSet = (el: Element, legend: string) => [...root(el).querySelectorAll('fieldset')].find((f) => textOf(f.querySelector(':scope > legend')) === legend)!;
const names = (scope: ParentNode) => [...scope.querySelectorAll('.edit-contact > .contact-title')].map((s) => textOf(s));
const field = (el: Element, id: string) => root(el).querySelector<HTMLInputElement & HTMLSelectElement>(`#${id}`)!;
/** What has focus, by id or text: comparing elements themselves makes a failing assertion print the whole DOM. */
const focused = () => {
  const active = deepActiveElement() as HTMLElement | null;
  return active?.id || textOf(active) || active?.localName;
};
const labelOf = (el: Element, id: string) => textOf(root(el).querySelector(`label[for="${id}"]`));

const mountConnected = async (seed = structuredClone(fjordvik) as typeof fjordvik, lang = 'en') => {
  const source = new MemorySource({ seed });
  const store = new CareStore(source, 'team-ingrid', kari as never);
  await store.load();
  const host = storeHost(store);
  const el = document.createElement('care-crisis-plan') as CareCrisisPlan;
  el.audience = 'professional';
  el.lang = lang;
  el.now = '2026-12-05T12:00:00Z';
  host.append(el);
  await settle(el);
  button(root(el), lang === 'en' ? 'Change the plan' : 'Endre planen')!.click();
  await settle(el);
  return { el, store };
};

const savedPlan = async (store: CareStore, version: number) => {
  await waitUntil(() => store.snapshot.record!.crisisPlans[0].version === version && !store.snapshot.pending.size);
  return store.snapshot.record!.crisisPlans[0];
};

afterEach(() => {
  fixtureCleanup();
  document.querySelectorAll('body > div').forEach((node) => node.remove());
});

describe('<care-crisis-plan>: editing whom to call', () => {
  it('adds someone outside the team with hours and an out-of-hours number; focus goes to the new contact\u2019s first field; it is saved in order', async () => {
    const { el, store } = await mountConnected();
    const requests: CareCrisisPlanRequestEvent[] = [];
    el.addEventListener('care-crisis-plan-request', (e) => requests.push(e));
    const worse = stageSet(el, 'Getting worse');
    button(worse, 'Add someone to call')!.click();
    await settle(el);
    expect(focused()).to.equal('contact-getting-worse-3-member', 'focus is on the new contact\u2019s first field');
    expect(labelOf(el, 'contact-getting-worse-3-member')).to.equal('Contact 4: someone on the team');
    expect(names(worse)).to.deep.equal(['Kari Nilsen', 'Amina Rahimi', 'Erik Solberg', 'contact 4']);
    field(el, 'contact-getting-worse-3-name').focus();
    await type('Fjordvik crisis line');
    field(el, 'contact-getting-worse-3-phone').focus();
    await type('+47 55 00 99 99');
    const days = [...worse.querySelectorAll<HTMLInputElement>('.edit-contact:last-child .days input')];
    expect(days.map((d) => textOf(d.closest('label')))).to.deep.equal(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    for (const day of days.slice(0, 5)) {
      day.focus();
      await press('Space');
    }
    const opens = field(el, 'contact-getting-worse-3-opens');
    opens.value = '08:00';
    opens.dispatchEvent(new Event('input'));
    const closes = field(el, 'contact-getting-worse-3-closes');
    closes.value = '22:00';
    closes.dispatchEvent(new Event('input'));
    field(el, 'contact-getting-worse-3-out-name').focus();
    await type('Out-of-hours emergency clinic');
    field(el, 'contact-getting-worse-3-out-phone').focus();
    await type('116 117');
    await settle(el);
    expect(names(worse).at(-1)).to.equal('Fjordvik crisis line');
    await expectAxeClean(el);
    button(root(el), 'Move Fjordvik crisis line up')!.click();
    await settle(el);
    expect(textOf(root(el).querySelector('[role="status"]'))).to.equal('Fjordvik crisis line is now number 3 of 4.');
    button(root(el), 'Save the plan')!.click();
    const saved = await savedPlan(store, 4);
    expect(requests.length).to.equal(1, 'one request, on the same road as every other change');
    expect(requests[0].detail.action).to.equal('edit');
    const contacts = saved.stages.find((s) => s.id === 'getting-worse')!.contacts;
    // A new contact's id has a random part, so one someone else adds at the same time is another contact.
    expect(contacts[2].id).to.match(/^contact-getting-worse-[0-9a-z]{8}$/);
    expect(contacts.map((c) => c.id)).to.deep.equal(['cw-1', 'cw-2', contacts[2].id, 'cw-3']);
    expect(contacts[2]).to.deep.equal({
      id: contacts[2].id,
      name: 'Fjordvik crisis line',
      phone: '+47 55 00 99 99',
      hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '22:00' }],
      outOfHoursName: 'Out-of-hours emergency clinic',
      outOfHoursPhone: '116 117',
    });
    expect(contacts[0]).to.deep.equal(fjordvik.crisisPlans[0].stages[1].contacts[0], 'a contact nobody touched is saved as it was');
  });

  it('does not save a contact with problems: a summary gets focus, each field says what is wrong, nothing typed is lost, and it saves once fixed', async () => {
    const { el, store } = await mountConnected();
    let requests = 0;
    el.addEventListener('care-crisis-plan-request', () => requests++);
    const early = stageSet(el, 'Early signs');
    button(early, 'Add someone to call')!.click();
    await settle(el);
    field(el, 'contact-early-signs-2-phone').focus();
    await type('call me');
    const opens = field(el, 'contact-early-signs-2-opens');
    opens.value = '18:00';
    opens.dispatchEvent(new Event('input'));
    const closes = field(el, 'contact-early-signs-2-closes');
    closes.value = '09:00';
    closes.dispatchEvent(new Event('input'));
    field(el, 'contact-early-signs-2-out-name').focus();
    await type('Legevakt');
    button(root(el), 'Save the plan')!.click();
    await settle(el);
    expect(requests).to.equal(0, 'nothing is sent');
    const summary = root(el).querySelector<HTMLElement>('.error-summary')!;
    expect(deepActiveElement() === summary, 'focus moves to the summary').to.equal(true);
    expect(summary.getAttribute('role')).to.equal('group');
    expect(textOf(summary.querySelector('#error-summary-title'))).to.equal('There are 5 problems. The plan is not saved yet.');
    expect([...summary.querySelectorAll('li')].map((li) => textOf(li))).to.deep.equal([
      'Early signs, contact 3: Choose someone on the team, or write a name and a phone number.',
      'Early signs, contact 3: Write the number with digits. Spaces, brackets, dashes and a + at the start are fine.',
      'Early signs, contact 3: Choose the days and both times, or leave the hours empty.',
      'Early signs, contact 3: The time they answer until must be after the time they answer from.',
      'Early signs, contact 3: Write both whom to call outside the hours and their number, or neither.',
    ]);
    const phone = field(el, 'contact-early-signs-2-phone');
    expect(phone.value).to.equal('call me', 'what was typed is still there');
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    const described = phone.getAttribute('aria-describedby')!;
    expect(textOf(root(el).getElementById(described))).to.equal('Error: Write the number with digits. Spaces, brackets, dashes and a + at the start are fine.');
    expect(field(el, 'contact-early-signs-2-out-name').value).to.equal('Legevakt');
    await expectAxeClean(el);
    button(summary, 'Early signs, contact 3: Write the number with digits. Spaces, brackets, dashes and a + at the start are fine.')!.click();
    expect(focused()).to.equal('contact-early-signs-2-phone', 'a summary link takes focus to its field');
    await press('Control+a');
    await type('+47 400 00 000');
    field(el, 'contact-early-signs-2-name').focus();
    await type('Anne (neighbour)');
    field(el, 'contact-early-signs-2-out-phone').focus();
    await type('116 117');
    const first = early.querySelectorAll<HTMLInputElement>('.edit-contact:last-child .days input')[0];
    first.click();
    closes.value = '20:00';
    closes.dispatchEvent(new Event('input'));
    await settle(el);
    expect(root(el).querySelector('.error-summary')).to.equal(null, 'the summary goes once everything is fixed');
    expect(phone.getAttribute('aria-invalid')).to.equal('false');
    button(root(el), 'Save the plan')!.click();
    const saved = await savedPlan(store, 4);
    expect(requests).to.equal(1);
    expect(saved.stages[0].contacts.at(-1)).to.deep.include({ name: 'Anne (neighbour)', phone: '+47 400 00 000', outOfHoursName: 'Legevakt', outOfHoursPhone: '116 117' });
    expect(saved.stages[0].contacts.at(-1)!.hours).to.deep.equal([{ days: ['mon'], opens: '18:00', closes: '20:00' }]);
  });

  it('removes contacts: says so, moves focus to the contact now in its place, then to Add when none are left, and saves without them', async () => {
    const { el, store } = await mountConnected();
    const early = stageSet(el, 'Early signs');
    expect(names(early)).to.deep.equal(['Kari Nilsen', 'Hanne Dahl']);
    const remove = button(early, 'Remove Kari Nilsen')!;
    remove.focus();
    await press('Enter');
    await settle(el);
    expect(names(early)).to.deep.equal(['Hanne Dahl']);
    expect(textOf(root(el).querySelector('[role="status"]'))).to.equal('Kari Nilsen is taken off the list.');
    expect(focused()).to.equal('contact-early-signs-0-member', 'focus is on Hanne\u2019s first field, now first');
    expect(field(el, 'contact-early-signs-0-member').value).to.equal('m-hanne');
    button(early, 'Remove Hanne Dahl')!.click();
    await settle(el);
    expect(names(early)).to.deep.equal([]);
    expect(focused()).to.equal('Add someone to call', 'with nobody left, focus goes to Add');
    button(root(el), 'Save the plan')!.click();
    const saved = await savedPlan(store, 4);
    expect(saved.stages[0].contacts).to.deep.equal([]);
    expect(saved.stages[0].measures.length).to.equal(fjordvik.crisisPlans[0].stages[0].measures.length, 'the rest of the stage is untouched');
  });

  it('changes who a contact is and their hours, keeping a second hours line and fields the contract does not name', async () => {
    const seed = structuredClone(fjordvik) as typeof fjordvik;
    const crisis = seed.crisisPlans[0].stages[2].contacts as Array<Record<string, unknown>>;
    crisis[2] = {
      ...crisis[2],
      hours: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '20:00' },
        { days: ['sat'], opens: '10:00', closes: '14:00' },
      ],
      'x-local-code': 'DPS-AKUTT',
    };
    const { el, store } = await mountConnected(seed);
    expect(textOf(root(el).querySelector('.edit-contact:has(#contact-crisis-2-member) .muted:not([id])'))).to.equal('More hours, kept as they are: Sat 10:00\u201314:00.');
    const closes = field(el, 'contact-crisis-2-closes');
    expect(closes.value).to.equal('20:00');
    closes.value = '21:00';
    closes.dispatchEvent(new Event('input'));
    const member = field(el, 'contact-crisis-1-member');
    member.value = 'm-ola';
    member.dispatchEvent(new Event('change'));
    await settle(el);
    button(root(el), 'Save the plan')!.click();
    const saved = await savedPlan(store, 4);
    const contacts = saved.stages[2].contacts as Array<Record<string, unknown>>;
    expect(contacts[1]).to.deep.include({ memberId: 'm-ola', name: 'Out-of-hours emergency clinic (legevakt)', phone: '116 117' });
    expect(contacts[2]['x-local-code']).to.equal('DPS-AKUTT');
    expect(contacts[2].hours).to.deep.equal([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '21:00' },
      { days: ['sat'], opens: '10:00', closes: '14:00' },
    ]);
  });

  it('a plan saved without any change to its contacts stays at the same version', async () => {
    const { el, store } = await mountConnected();
    let requests = 0;
    el.addEventListener('care-crisis-plan-request', () => requests++);
    button(root(el), 'Save the plan')!.click();
    await settle(el);
    expect(requests).to.equal(0);
    expect(store.snapshot.record!.crisisPlans[0].version).to.equal(3);
    expect(root(el).querySelector('form.edit')).to.equal(null, 'the form closes');
  });

  it('labels every contact field in Norwegian bokmål, with the summary in bokmål too', async () => {
    await loadCatalogue('nb');
    const { el } = await mountConnected(undefined, 'nb');
    const early = stageSet(el, 'Tidlige tegn');
    button(early, 'Legg til noen å ringe')!.click();
    await settle(el);
    expect(labelOf(el, 'contact-early-signs-2-phone')).to.equal('Kontakt 3: telefonnummer');
    expect(labelOf(el, 'contact-early-signs-2-out-name')).to.equal('Kontakt 3: hvem du ringer utenom disse tidene');
    button(root(el), 'Lagre planen')!.click();
    await settle(el);
    expect(textOf(root(el).querySelector('#error-summary-title'))).to.equal('Det er 2 feil. Planen er ikke lagret ennå.');
  });

  it('in controlled mode the host sees the new contact in the request and can refuse it; the form stays open with what was typed', async () => {
    const r = v.parse(CareRecord, structuredClone(fjordvik));
    const el = await fixture<CareCrisisPlan>(html`<care-crisis-plan .plan=${r.crisisPlans[0]} .team=${r.team} .responsibilities=${r.responsibilities}
      .consents=${r.consents} .actor=${kari} .now=${'2026-12-05T12:00:00Z'} audience="professional" lang="en"></care-crisis-plan>`);
    await settle(el);
    button(root(el), 'Change the plan')!.click();
    await settle(el);
    const seen: unknown[] = [];
    el.addEventListener('care-crisis-plan-request', (e) => {
      seen.push(e.detail.plan.stages[0].contacts.at(-1));
      e.preventDefault();
    });
    button(stageSet(el, 'Early signs'), 'Add someone to call')!.click();
    await settle(el);
    const member = field(el, 'contact-early-signs-2-member');
    member.value = 'm-lars';
    member.dispatchEvent(new Event('change'));
    await settle(el);
    button(root(el), 'Save the plan')!.click();
    await settle(el);
    expect(seen).to.have.length(1);
    expect((seen[0] as { id: string }).id).to.match(/^contact-early-signs-[0-9a-z]{8}$/);
    expect(seen).to.deep.equal([{ id: (seen[0] as { id: string }).id, memberId: 'm-lars' }]);
    expect(root(el).querySelector('form.edit'), 'still editing').not.to.equal(null);
    expect(field(el, 'contact-early-signs-2-member').value).to.equal('m-lars');
  });
});
