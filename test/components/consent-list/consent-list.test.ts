import '../../../src/components/consent-list/define.js';
import type { CareConsentList } from '../../../src/components/consent-list/consent-list.js';
import { uncoveredMembers } from '../../../src/components/consent-list/coverage.js';
import type { CareDataErrorEvent } from '../../../src/components/base/events.js';
import { CareStore } from '../../../src/data/store.js';
import { loadCatalogue } from '../../../src/i18n/locale.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, html, settle } from '../../helpers/fixture.js';
import { fjordvikRecord, loadedStore, storeHost, TestSource, textOf } from '../consent-toggle/support.js';

const record = fjordvikRecord();
const shadow = (el: Element) => el.shadowRoot!;
const toggles = (el: Element) => [...shadow(el).querySelectorAll('care-consent-toggle')];
const headings = (el: Element) =>
  [...shadow(el).querySelectorAll('[role="heading"]')].map((h) => `${h.getAttribute('aria-level')} ${textOf(h)}`);
const uncoveredNames = (el: Element) =>
  [...shadow(el).querySelectorAll('[part="uncovered"] li')].map((li) => textOf(li).split(',')[0]);

const mount = async (options: { consents?: unknown; team?: unknown; audience?: string; lang?: string } = {}) => {
  const el = await fixture<CareConsentList>(
    html`<care-consent-list
      .consents=${'consents' in options ? options.consents : record.consents}
      .team=${'team' in options ? options.team : record.team}
      audience=${options.audience ?? 'service-user'}
      lang=${options.lang ?? 'en'}
      .actor=${{ id: 'm-ingrid', name: 'Ingrid Solberg' }}
      .now=${'2026-11-20T12:00:00Z'}
    ></care-consent-list>`,
  );
  return settle(el);
};

describe('care-consent-list', () => {
  it('read-only (disabled): every decision shows and none can be changed, by mouse or keyboard', async () => {
    const el = await mount();
    el.disabled = true;
    await settle(el);
    const all = toggles(el);
    expect(all).to.have.length(record.consents.length);
    const controls = all.map((t) => t.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"], [part~="choice"]')!);
    expect(controls.every((c) => c.disabled), 'every switch and choice is disabled').to.equal(true);
    let requests = 0;
    el.addEventListener('care-consent-request', () => requests++);
    controls[0].click();
    await settle(el);
    expect(requests).to.equal(0);
    expect(textOf(all[0].shadowRoot!.querySelector('[part~="state"]'))).to.not.equal('');
    await expectAxeClean(el);
    el.disabled = false;
    await settle(el);
    expect(toggles(el).every((t) => !t.disabled)).to.equal(true);
  });

  it('shows a long list in batches: the first toggles at once, the summary counting all, every toggle once updateComplete resolves', async () => {
    const base = record.consents.find((c) => c.recipient.kind === 'organisation')!;
    const many = Array.from({ length: 100 }, (_, i) => ({ ...structuredClone(base), id: `c-many-${i}`, recipient: { kind: 'organisation', id: `org-${i}`, name: `Service ${i + 1}` } }));
    const host = document.createElement('div');
    document.body.append(host);
    const el = document.createElement('care-consent-list') as CareConsentList;
    Object.assign(el, { consents: many, team: record.team, actor: { id: 'm-ingrid', name: 'Ingrid Solberg' }, now: '2026-11-20T12:00:00Z' });
    el.setAttribute('lang', 'en');
    // Registered before the list's own frame callback, so it runs before the next batch is added.
    const inFirstFrame = new Promise<{ shown: number; summary: string }>((resolve) =>
      requestAnimationFrame(() => resolve({ shown: toggles(el).length, summary: textOf(shadow(el).querySelector('[part="summary"]')) })),
    );
    host.append(el);
    const first = await inFirstFrame;
    expect(first.shown).to.be.greaterThan(0);
    expect(first.shown).to.be.lessThan(100);
    expect(first.summary).to.contain('100');
    await el.updateComplete;
    const all = toggles(el);
    expect(all).to.have.length(100);
    // Every one is there for the keyboard: each has its own switch or choice buttons.
    expect(all.every((t) => t.shadowRoot!.querySelector('[role="switch"], [part~="choice"]'))).to.equal(true);
    host.remove();
  });

  it('finds the active members that no consent allowing sharing reaches', () => {
    const names = uncoveredMembers(record.team, record.consents).map((m) => m.name);
    expect(names).to.deep.equal(['Kari Nilsen', 'Ola Berg', 'Erik Solberg', 'Hanne Dahl']);
  });

  it('counts an agreement that has ended, or not begun, as not allowing sharing', async () => {
    // NAV's yes is valid until 18 Aug 2027: on its last day it counts, the day after it does not.
    expect(uncoveredMembers(record.team, record.consents, '2027-08-18').map((m) => m.name)).to.not.include('Sofie Lund');
    expect(uncoveredMembers(record.team, record.consents, '2027-08-19').map((m) => m.name)).to.include('Sofie Lund');
    const el = await mount();
    expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.equal('3 of 6 agreements allow sharing');
    el.now = '2027-08-19T12:00:00';
    await settle(el);
    expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.equal('2 of 6 agreements allow sharing');
    expect(textOf(shadow(el).querySelector('[part="uncovered"]'))).to.contain('Sofie Lund');
    const later = await mount({ consents: record.consents.map((c) => (c.id === 'c-gp' ? { ...c, validFrom: '2027-01-01' } : c)) });
    expect(textOf(shadow(later).querySelector('[part="summary"]'))).to.equal('2 of 6 agreements allow sharing');
  });

  it('groups every consent by recipient, each with its own toggle, and sums up', async () => {
    const el = await mount();
    expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.equal('3 of 6 agreements allow sharing');
    expect(headings(el).filter((h) => !h.startsWith('4'))).to.deep.equal([
      '2 Who may see your information',
      '3 Organisations',
      '3 The whole care team',
      '3 People',
      '3 People on your team who get no information',
    ]);
    const groups = [...shadow(el).querySelectorAll('[part="group"]')].map((g) =>
      [...g.querySelectorAll('care-consent-toggle')].map((t) => t.directive && (t.directive as { id: string }).id),
    );
    expect(groups).to.deep.equal([['c-gp', 'c-dps', 'c-nav', 'c-peer'], ['c-housing'], ['c-erik']]);
    expect(toggles(el).every((t) => t.getAttribute('heading-level') === '4')).to.equal(true);
    expect(uncoveredNames(el)).to.deep.equal(['Kari Nilsen', 'Ola Berg', 'Erik Solberg', 'Hanne Dahl']);
    expect(textOf(shadow(el).querySelector('[part="uncovered"] li'))).to.equal(
      'Kari Nilsen, Your coordinator, Fjordvik Municipality \u2013 Mental Health Home Care',
    );
    await expectAxeClean(el);
  });

  it('updates the summary and the uncovered members once a toggle has saved (controlled)', async () => {
    const el = await mount();
    const peer = toggles(el).find((t) => (t.directive as { id: string }).id === 'c-peer')!;
    await settle(peer);
    (peer.shadowRoot!.querySelector('.choices button') as HTMLButtonElement).click();
    await settle(el);
    expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.equal('4 of 6 agreements allow sharing');
    expect(uncoveredNames(el)).to.deep.equal(['Kari Nilsen', 'Ola Berg', 'Erik Solberg']);
  });

  it('uses professional wording', async () => {
    const el = await mount({ audience: 'professional' });
    expect(headings(el)[0]).to.equal('2 Consents to share information');
    expect(textOf(shadow(el).querySelector('[part="uncovered"]'))).to.contain('Team members not covered by any active consent');
    expect(textOf(shadow(el).querySelector('[part="uncovered"] li'))).to.contain('Care team coordinator (psychiatric nurse)');
    expect(toggles(el).every((t) => t.audience === 'professional')).to.equal(true);
  });

  it('shows an empty state, and a state where everyone is covered', async () => {
    const el = await mount({ consents: [] });
    expect(textOf(shadow(el).querySelector('[part~="empty"]'))).to.equal(
      'No agreements about sharing your information have been recorded yet.',
    );
    await expectAxeClean(el);
    const whole = { ...record.consents.find((c) => c.id === 'c-housing')!, state: 'granted' as const };
    el.consents = [whole];
    await settle(el);
    expect(textOf(shadow(el).querySelector('[part="uncovered"]'))).to.contain(
      'Everyone on your team is covered by an agreement that allows sharing.',
    );
  });

  it('shows invalid data in plain words (the path folded for professionals only), and fires care-data-error with the path', async () => {
    const errors: CareDataErrorEvent[] = [];
    document.addEventListener('care-data-error', (e) => errors.push(e), { once: true });
    const broken = [record.consents[0], { ...record.consents[1], model: 'maybe' }];
    const el = await mount({ consents: broken });
    const alert = () => shadow(el).querySelector('[role="alert"]');
    expect(textOf(alert())).to.contain('Some of this information is missing');
    expect(textOf(alert())).not.to.contain('[1].model');
    expect(errors[0]?.detail.entity).to.equal('consents');
    expect(errors[0]?.detail.issues.map((issue) => issue.path)).to.include('[1].model');
    await expectAxeClean(el);
    el.audience = 'professional';
    await settle(el);
    expect(textOf(alert()!.querySelector('details'))).to.contain('[1].model');
    await expectAxeClean(el);
  });

  it('renders hostile names as text', async () => {
    const team = structuredClone(record.team);
    team.members.find((m) => m.id === 'm-ola')!.name = '<img src=x onerror="window.hacked=1">';
    const consents = structuredClone(record.consents);
    consents[0].recipient.name = '<b>bold</b> \u05e9\u05dc\u05d5\u05dd';
    const el = await mount({ team, consents });
    await settle(el);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(uncoveredNames(el)).to.include('<img src=x onerror="window.hacked=1">');
    const first = toggles(el)[0];
    expect(first.shadowRoot!.querySelector('b')).to.equal(null);
    expect(textOf(first.shadowRoot!.querySelector('[part="heading"]'))).to.equal('<b>bold</b> \u05e9\u05dc\u05d5\u05dd');
  });

  it('speaks Norwegian bokmål, in the list and its toggles', async () => {
    await loadCatalogue('nb');
    const el = await mount({ lang: 'nb' });
    await settle(el);
    expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.equal('3 av 6 avtaler tillater deling');
    expect(headings(el)[0]).to.equal('2 Hvem som kan se opplysningene dine');
    const gp = toggles(el)[0];
    expect(textOf(gp.shadowRoot!.querySelector('[part="state"]'))).to.contain('Du har sagt ja siden');
  });

  describe('connected to a store', () => {
    let host: HTMLElement | undefined;
    afterEach(() => {
      host?.remove();
      host = undefined;
    });

    it('reads the record, and its toggles save through the store; counts only saved decisions', async () => {
      const source = new TestSource({ hold: true });
      const store = await loadedStore(source);
      host = storeHost(store);
      const el = document.createElement('care-consent-list');
      host.append(el);
      await settle(el);
      expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.equal('3 of 6 agreements allow sharing');
      const nav = toggles(el).find((t) => t.directiveId === 'c-nav')!;
      expect(nav.directive).to.equal(undefined);
      nav.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!.click();
      await settle(el);
      expect(source.saves).to.have.length(1);
      expect(textOf(shadow(el).querySelector('[part="summary"]')), 'pending save not counted').to.equal(
        '3 of 6 agreements allow sharing',
      );
      expect(uncoveredNames(el)).to.not.include('Sofie Lund');
      source.release();
      await settle(el);
      await settle(el);
      expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.equal('2 of 6 agreements allow sharing');
      expect(uncoveredNames(el)).to.include('Sofie Lund');
      await expectAxeClean(el);
    });

    it('shows loading and a load error with retry', async () => {
      const slow = new TestSource();
      slow.load = () => new Promise(() => undefined);
      const loadingStore = new CareStore(slow, 'team-ingrid');
      void loadingStore.load();
      host = storeHost(loadingStore);
      const loading = document.createElement('care-consent-list');
      host.append(loading);
      await settle(loading);
      expect(textOf(shadow(loading).querySelector('[role="status"]'))).to.equal('Loading\u2026');
      host.remove();

      const failing = new TestSource();
      let calls = 0;
      failing.load = () => (++calls === 1 ? Promise.reject(new Error('down')) : Promise.resolve(fjordvikRecord()));
      const store = await loadedStore(failing);
      host = storeHost(store);
      const el = document.createElement('care-consent-list');
      host.append(el);
      await settle(el);
      expect(textOf(shadow(el).querySelector('[role="alert"]'))).to.contain('Could not load the information');
      await expectAxeClean(el);
      shadow(el).querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
      await settle(el);
      await settle(el);
      expect(textOf(shadow(el).querySelector('[part="summary"]'))).to.equal('3 of 6 agreements allow sharing');
    });
  });
});
