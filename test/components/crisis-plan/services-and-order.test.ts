import * as v from 'valibot';
// <care-crisis-plan>: the services the person has (derived from the team and the matrix, never
// retyped), the order of contacts changed by keyboard with a live announcement, and practical
// matters edited, all saved through the store.
import '../../../src/components/crisis-plan/define.js';
import type { CareCrisisPlan } from '../../../src/components/crisis-plan/crisis-plan.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../../src/data/memory-source.js';
import { CareStore } from '../../../src/data/store.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, fixtureCleanup, html, settle, waitUntil } from '../../helpers/fixture.js';
import { deepActiveElement, press, type } from '../../helpers/keys.js';
import { storeHost, textOf } from '../consent-toggle/support.js';

const record = () => v.parse(CareRecord, structuredClone(fjordvik));
const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const root = (el: Element) => el.shadowRoot!;
const button = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((b) => textOf(b) === name) ?? null;
const status = (el: Element) => root(el).querySelector('[role="status"]')!;
const services = (el: Element) =>
  [...root(el).querySelectorAll('li.service')].map((li) => [...li.querySelectorAll('span')].map((s) => textOf(s)));
const service = (el: Element, name: string) => services(el).find((s) => s[0] === name);

const mount = async (change: (r: ReturnType<typeof record>) => void = () => {}, audience = 'service-user') => {
  const r = record();
  change(r);
  const el = await fixture<CareCrisisPlan>(html`<care-crisis-plan
    .plan=${r.crisisPlans[0]}
    .team=${r.team}
    .responsibilities=${r.responsibilities}
    .consents=${r.consents}
    .actor=${{ id: 'm-ingrid', name: 'Ingrid Solberg' }}
    .now=${'2026-12-05T12:00:00Z'}
    audience=${audience}
    lang="en"
  ></care-crisis-plan>`);
  return settle(el);
};

const mountConnected = async () => {
  const source = new MemorySource({ seed: structuredClone(fjordvik) });
  const store = new CareStore(source, 'team-ingrid', kari as never);
  await store.load();
  const host = storeHost(store);
  const el = document.createElement('care-crisis-plan') as CareCrisisPlan;
  el.audience = 'professional';
  el.lang = 'en';
  el.now = '2026-12-05T12:00:00Z';
  host.append(el);
  await settle(el);
  return { el, store };
};

afterEach(() => {
  fixtureCleanup();
  document.querySelectorAll('body > div').forEach((node) => node.remove());
});

describe('<care-crisis-plan>: the services the person has', () => {
  it('lists each organisation on the team with its people and what they carry out in the matrix', async () => {
    const el = await mount();
    expect(textOf(root(el).querySelector('#services-heading'))).to.equal('The services you have');
    const nursing = service(el, 'Fjordvik Home Nursing')!;
    expect(nursing[1]).to.equal('Helps you with your medicines at home.');
    expect(nursing[2]).to.match(/^People: Ola Berg/);
    expect(nursing[3]).to.equal('Does: Medication list and prescriptions, Depot injection every second week');
    const dps = service(el, 'Fjordvik DPS (district psychiatric centre)')!;
    expect(dps[2]).to.contain('Amina Rahimi');
    expect(dps[2]).not.to.contain('Tor Eide');
    expect(services(el).map((s) => s[0])).to.deep.equal([
      'Fjordvik Municipality \u2013 Mental Health Home Care',
      'Fjordvik Home Nursing',
      'Fjordvik Medical Centre',
      'Fjordvik DPS (district psychiatric centre)',
      'NAV Fjordvik',
      'Mental Helse Fjordvik',
    ]);
    await expectAxeClean(el);
  });

  it('follows the team and the matrix, not the plan: a member who left and an ended responsibility drop out', async () => {
    const el = await mount((r) => {
      r.team.members.find((m) => m.id === 'm-ola')!.status = 'ended';
      r.responsibilities.find((x) => x.id === 'r-therapy')!.status = 'ended';
    }, 'professional');
    expect(textOf(root(el).querySelector('#services-heading'))).to.equal('The services Ingrid Solberg has');
    expect(service(el, 'Fjordvik Home Nursing')).to.equal(undefined);
    expect(service(el, 'Fjordvik DPS (district psychiatric centre)')!.join(' ')).not.to.contain('Talking therapy');
  });

  it('a responsibility saved in the matrix shows in the plan at once, in connected mode', async () => {
    const { el, store } = await mountConnected();
    const finances = store.snapshot.record!.responsibilities.find((r) => r.id === 'r-finances')!;
    expect(service(el, 'NAV Fjordvik')!.join(' ')).to.contain('Money: benefits and paying bills');
    await store.save({ entity: 'responsibility', action: 'end', value: { ...finances, status: 'ended' } });
    await settle(el);
    expect(service(el, 'NAV Fjordvik')!.join(' ')).not.to.contain('Money: benefits and paying bills');
  });
});

describe('<care-crisis-plan>: editing the order of contacts and the practical matters', () => {
  it('moves a contact down by keyboard, announces where it went in a live region that was there before, keeps focus on it, and saves the order', async () => {
    const { el, store } = await mountConnected();
    const live = status(el);
    button(el, 'Change the plan')!.click();
    await settle(el);
    expect(status(el)).to.equal(live, 'the same live region, present before the message');
    expect(textOf(live)).to.equal('');
    const worse = [...root(el).querySelectorAll('fieldset')].find((f) => textOf(f.querySelector('legend')) === 'Getting worse')!;
    const down = [...worse.querySelectorAll('button')].find((b) => textOf(b) === 'Move Kari Nilsen down')!;
    down.focus();
    await press('Enter');
    await settle(el);
    expect(textOf(status(el))).to.equal('Kari Nilsen is now number 2 of 3.');
    const focused = deepActiveElement() as HTMLButtonElement;
    expect(textOf(focused)).to.equal('Move Kari Nilsen down');
    expect([...worse.querySelectorAll('.edit-contact > span')].map((s) => textOf(s))).to.deep.equal(['Amina Rahimi', 'Kari Nilsen', 'Erik Solberg']);
    await press('Space');
    await settle(el);
    expect(textOf(status(el))).to.equal('Kari Nilsen is now number 3 of 3.');
    expect((deepActiveElement() as HTMLElement).getAttribute('aria-disabled')).to.equal('true', 'the last one cannot go further down');
    await press('Enter');
    await settle(el);
    expect([...worse.querySelectorAll('.edit-contact > span')].map((s) => textOf(s))).to.deep.equal(['Amina Rahimi', 'Erik Solberg', 'Kari Nilsen']);
    await expectAxeClean(el);
    button(el, 'Save the plan')!.click();
    await waitUntil(() => store.snapshot.record!.crisisPlans[0].version === 4 && !store.snapshot.pending.size);
    const saved = store.snapshot.record!.crisisPlans[0];
    expect(saved.stages[1].contacts.map((c) => c.id)).to.deep.equal(['cw-2', 'cw-3', 'cw-1']);
    expect(saved.stages[1].contacts[2]).to.deep.equal(fjordvik.crisisPlans[0].stages[1].contacts[0], 'a moved contact keeps its details');
  });

  it('edits, adds and removes practical matters; an empty one says so and is not saved', async () => {
    const { el, store } = await mountConnected();
    button(el, 'Change the plan')!.click();
    await settle(el);
    const bills = root(el).querySelector<HTMLInputElement>('#matter-1')!;
    expect(bills.value).to.equal('Sofie at NAV makes sure the rent is paid if I cannot.');
    bills.focus();
    await press('Control+a');
    await type('Sofie at NAV pays the rent from my account.');
    button(el, 'Remove practical matter 3')!.click();
    await settle(el);
    button(el, 'Add a practical matter')!.click();
    await settle(el);
    expect(textOf(root(el).querySelector('#matter-error-2'))).to.equal('Write who sees to it, or remove it.');
    const topic = root(el).querySelector<HTMLSelectElement>('#topic-2')!;
    topic.value = 'children';
    topic.dispatchEvent(new Event('change'));
    root(el).querySelector<HTMLInputElement>('#matter-2')!.focus();
    await type('No children live with me.');
    button(el, 'Add a practical matter')!.click();
    await settle(el);
    await expectAxeClean(el);
    button(el, 'Save the plan')!.click();
    await waitUntil(() => store.snapshot.record!.crisisPlans[0].version === 4 && !store.snapshot.pending.size);
    const practical = store.snapshot.record!.crisisPlans[0].ownWords.practical;
    expect(practical.map((m) => [m.topic, m.text])).to.deep.equal([
      ['pets', 'Erik looks after my dog, Tassen. He has a key.'],
      ['bills', 'Sofie at NAV pays the rent from my account.'],
      ['children', 'No children live with me.'],
    ]);
    expect(new Set(practical.map((m) => m.id)).size).to.equal(3);
  });

  it('the form with its contacts and practical matters reflows at 320 px (400 % of 1280) with targets of at least 44 x 44 px', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px"></div>`);
    const r = record();
    const el = document.createElement('care-crisis-plan') as CareCrisisPlan;
    Object.assign(el, { plan: r.crisisPlans[0], team: r.team, responsibilities: r.responsibilities, consents: r.consents, actor: kari, now: '2026-12-05T12:00:00Z', lang: 'en', audience: 'professional' });
    wrapper.append(el);
    await settle(el);
    expect(root(el).querySelector('article')!.scrollWidth, 'the services fit').to.be.at.most(320);
    button(el, 'Change the plan')!.click();
    await settle(el);
    const form = root(el).querySelector<HTMLFormElement>('form.edit')!;
    const targets = [...form.querySelectorAll<HTMLElement>('.edit-contact button, .edit-matter button, .edit-matter select, .edit-matter input')];
    expect(targets.length).to.be.greaterThan(10);
    for (const target of targets) {
      const box = target.getBoundingClientRect();
      expect(Math.round(box.height), `${textOf(target) || target.id} height`).to.be.at.least(44);
      expect(Math.round(box.width), `${textOf(target) || target.id} width`).to.be.at.least(44);
    }
    expect(root(el).querySelector('article')!.scrollWidth, 'the form fits').to.be.at.most(320);
  });
});
