import '../../../src/components/consent-toggle/define.js';
import { emulateMedia } from '@web/test-runner-commands';
import type { CareConsentToggle } from '../../../src/components/consent-toggle/consent-toggle.js';
import { nextConsentState } from '../../../src/components/consent-toggle/decision.js';
import type { CareConsentChangeEvent, CareConsentRequestEvent } from '../../../src/components/consent-toggle/events.js';
import type { CareErrorEvent, CareDataErrorEvent } from '../../../src/components/base/events.js';
import type { ConsentDirective } from '../../../src/contract/consent.js';
import { CONSENT_MODELS, CONSENT_STATES } from '../../../src/contract/values.js';
import { CareStore } from '../../../src/data/store.js';
import { loadCatalogue } from '../../../src/i18n/locale.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, fixtureCleanup, html, settle } from '../../helpers/fixture.js';
import { deepActiveElement, press, tab } from '../../helpers/keys.js';
import {
  consentById,
  deferred,
  fjordvikRecord,
  labelledName,
  loadedStore,
  storeHost,
  TestSource,
  textOf,
} from './support.js';

const team = fjordvikRecord().team;

const shadow = (el: Element) => el.shadowRoot!;
const switchOf = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('[role="switch"]');
const choicesOf = (el: Element) => [...shadow(el).querySelectorAll<HTMLButtonElement>('.choices button')];
const stateText = (el: Element) => textOf(shadow(el).querySelector('[part="state"]'));
const statusText = (el: Element) => textOf(shadow(el).querySelector('[role="status"]'));
const errorBox = (el: Element) => shadow(el).querySelector('[part="error"]');
const buttonNamed = (el: Element, name: string) =>
  [...shadow(el).querySelectorAll('button')].find((b) => textOf(b) === name) ?? null;

/** A directive in any model and state, built from a real Fjordvik directive. */
const variant = (model: ConsentDirective['model'], state: ConsentDirective['state']): ConsentDirective => {
  const base = consentById('c-nav');
  return {
    ...base,
    id: `c-${model}-${state}`,
    model,
    state,
    since: state === 'not-recorded' ? undefined : '2025-03-03T10:00:00+01:00',
    history: state === 'not-recorded' ? [] : [{ state, at: '2025-03-03T10:00:00+01:00', method: 'verbal', decidedBy: { name: 'Ingrid Solberg', relation: 'self' } }],
  };
};

// The person acting: Ingrid herself in her own view, her contact Kari in the professional view.
const actors = { 'service-user': { id: 'm-ingrid', name: 'Ingrid Solberg' }, professional: { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' } };

const mount = async (directive: unknown, options: { audience?: string; lang?: string } = {}) => {
  const el = await fixture<CareConsentToggle>(
    html`<care-consent-toggle
      .directive=${directive}
      .actor=${actors[(options.audience ?? 'service-user') as keyof typeof actors]}
      .team=${team}
      audience=${options.audience ?? 'service-user'}
      lang=${options.lang ?? 'en'}
      .now=${'2026-11-20T12:00:00Z'}
    ></care-consent-toggle>`,
  );
  return settle(el);
};

describe('care-consent-toggle', () => {
  describe('next state mapping', () => {
    it('maps yes and no to legal states per model, in one function', () => {
      expect(nextConsentState({ model: 'opt-in', state: 'granted' }, false)).to.equal('withdrawn');
      expect(nextConsentState({ model: 'opt-in', state: 'refused' }, true)).to.equal('granted');
      expect(nextConsentState({ model: 'opt-in', state: 'withdrawn' }, true)).to.equal('granted');
      expect(nextConsentState({ model: 'opt-in', state: 'not-recorded' }, false)).to.equal('refused');
      expect(nextConsentState({ model: 'objection', state: 'granted' }, false)).to.equal('refused');
      expect(nextConsentState({ model: 'objection', state: 'not-recorded' }, false)).to.equal('refused');
      expect(nextConsentState({ model: 'objection', state: 'refused' }, true)).to.equal('granted');
    });
  });

  describe('states in both legal models', () => {
    for (const model of CONSENT_MODELS) {
      for (const state of CONSENT_STATES) {
        it(`${model} / ${state}: shows the state in words and is axe clean`, async () => {
          const el = await mount(variant(model, state));
          if (state === 'not-recorded') {
            expect(switchOf(el), 'no switch before a choice exists').to.equal(null);
            const choices = choicesOf(el);
            expect(choices.map(textOf)).to.deep.equal(
              model === 'opt-in' ? ['Yes, share', 'No, don\u2019t share'] : ['Yes, allow sharing', 'No, object to sharing'],
            );
            expect(choices.every((b) => !b.hasAttribute('aria-pressed')), 'nothing is pre-selected').to.equal(true);
            const group = shadow(el).querySelector('[role="group"]')!;
            expect(labelledName(group)).to.contain('NAV Fjordvik');
            expect(stateText(el)).to.contain('No choice recorded yet.');
            expect(stateText(el)).to.contain(model === 'opt-in' ? 'Nothing is shared until you say yes.' : 'Information may be shared until you say no.');
          } else {
            const sw = switchOf(el)!;
            const sharing = model === 'opt-in' ? state === 'granted' : state === 'granted';
            expect(sw.getAttribute('aria-checked')).to.equal(String(sharing));
            expect(labelledName(sw)).to.equal(
              `${model === 'opt-in' ? 'Share' : 'Allow sharing'} social services, money and benefits, housing and appointments with NAV Fjordvik`,
            );
            const words = { granted: 'You have said yes since', refused: 'You have said no since', withdrawn: 'You took back your yes on' };
            expect(stateText(el)).to.contain(words[state]);
            expect(stateText(el)).to.contain(sharing ? 'Information is shared.' : 'Nothing is shared.');
          }
          const question = textOf(shadow(el).querySelector('.question'));
          expect(question).to.equal(
            model === 'opt-in'
              ? 'Do you agree to share this information with NAV Fjordvik?'
              : 'Sharing this information with NAV Fjordvik is allowed unless you object.',
          );
          await expectAxeClean(el);
        });
      }
    }

    it('treats a not-recorded objection directive as sharing allowed, but pre-selects nothing', async () => {
      const el = await mount(variant('objection', 'not-recorded'));
      expect(switchOf(el)).to.equal(null);
      expect(choicesOf(el)).to.have.length(2);
      const [yes, no] = choicesOf(el);
      expect(getComputedStyle(yes).fontWeight).to.equal(getComputedStyle(no).fontWeight);
      expect(getComputedStyle(yes).backgroundColor).to.equal(getComputedStyle(no).backgroundColor);
    });

    it('names the people who see it by their professional role for a professional reader', async () => {
      const el = await mount(consentById('c-gp'), { audience: 'professional' });
      const details = textOf(shadow(el).querySelector('[part="details"]'));
      expect(details).to.contain('Lars Haugen, General practitioner');
      expect(details).not.to.contain('Your GP');
    });

    it('shows what is shared, why, with whom and what happens if not', async () => {
      const el = await mount(consentById('c-gp'));
      const details = textOf(shadow(el).querySelector('[part="details"]'));
      expect(details).to.contain('Health information, medicines and care plan');
      expect(details).to.contain('To coordinate care between services and for treatment');
      expect(details).to.contain('If you object, your GP will not see notes');
      expect(details).to.contain('Lars Haugen, Your GP (family doctor)');
      expect(details, 'no brackets inside brackets').not.to.contain('((');
      expect(textOf(shadow(el).querySelector('[part="heading"]'))).to.equal('Fjordvik Medical Centre');
      const facts = textOf(shadow(el).querySelector('.facts'));
      expect(facts).to.contain('Decided by you.');
      expect(facts).to.contain('Recorded by Kari Nilsen, given verbally.');
    });

    it('uses a generic consequence per model when the directive has none', async () => {
      const el = await mount(consentById('c-erik'));
      expect(textOf(shadow(el).querySelector('[part="details"]'))).to.contain('Erik Solberg (brother) will not get this information.');
    });

    it('shows validity, review date and a notice once the review date has passed', async () => {
      const dps = await mount(consentById('c-dps'));
      expect(textOf(shadow(dps).querySelector('.facts'))).to.contain('To be looked at again by');
      dps.now = '2027-01-10T12:00:00Z';
      await settle(dps);
      expect(textOf(shadow(dps).querySelector('.notice'))).to.contain('This was due to be looked at again on');
      const nav = await mount(consentById('c-nav'));
      expect(textOf(shadow(nav).querySelector('.facts'))).to.contain('Valid until 18 Aug 2027');
      nav.now = '2027-09-01T12:00:00Z';
      await settle(nav);
      expect(textOf(shadow(nav).querySelector('.notice'))).to.contain('This agreement ended on');
      await expectAxeClean(nav);
    });

    it('says nothing is shared under a yes whose agreement has ended or not yet begun', async () => {
      const nav = await mount(consentById('c-nav'));
      expect(stateText(nav)).to.contain('Information is shared.');
      nav.now = '2027-09-01T12:00:00Z';
      await settle(nav);
      expect(stateText(nav)).to.contain('You have said yes since');
      expect(stateText(nav)).to.contain('Nothing is shared.');
      // The last day is still a day of the agreement.
      nav.now = '2027-08-18T12:00:00';
      await settle(nav);
      expect(stateText(nav)).to.contain('Information is shared.');
      const later = await mount({ ...consentById('c-nav'), validFrom: '2027-01-01' });
      later.now = '2026-12-07T12:00:00';
      await settle(later);
      expect(stateText(later)).to.contain('Nothing is shared.');
      expect(textOf(shadow(later).querySelector('.notice'))).to.contain('This agreement starts on');
    });

    it('says so when someone decided on the person\u2019s behalf', async () => {
      const el = await mount(consentById('c-housing'));
      expect(textOf(shadow(el).querySelector('.facts'))).to.contain('Decided by Marit \u00c5s, legal representative, on your behalf.');
      // Marit withdrew it: the state line does not say Ingrid did.
      expect(stateText(el)).to.contain('The yes recorded for you was taken back on');
      expect(stateText(el)).not.to.contain('You took back');
      const forProfessional = await mount(consentById('c-housing'), { audience: 'professional' });
      expect(stateText(forProfessional)).to.contain('The consent recorded for Ingrid Solberg was withdrawn on');
      // Nobody known decided (data without decidedBy): said as recorded, never as the person's own choice.
      const { decidedBy: _unknown, ...unknownDecider } = consentById('c-nav');
      const unknown = await mount(unknownDecider);
      expect(stateText(unknown)).to.contain('A yes has been recorded for you since');
      expect(textOf(shadow(unknown).querySelector('.facts'))).not.to.contain('Decided by');
    });

    it('uses the person\u2019s name, the legal basis and the model for professionals', async () => {
      const el = await mount(consentById('c-gp'), { audience: 'professional' });
      expect(stateText(el)).to.contain('Ingrid Solberg has consented since');
      expect(textOf(shadow(el).querySelector('.question'))).to.equal(
        'Sharing this information with Fjordvik Medical Centre is allowed unless Ingrid Solberg objects.',
      );
      const details = textOf(shadow(el).querySelector('[part="details"]'));
      expect(details).to.contain('Patient and User Rights Act \u00a7 5-3');
      expect(details).to.contain('Right to object');
      expect(textOf(shadow(el).querySelector('.facts'))).to.contain('Decided by Ingrid Solberg.');
      const housing = await mount(consentById('c-housing'), { audience: 'professional' });
      expect(textOf(shadow(housing).querySelector('.facts'))).to.contain(
        'Decided by Marit \u00c5s, legal representative, on behalf of Ingrid Solberg.',
      );
      await expectAxeClean(housing);
    });

    it('falls back to "the patient" for professionals when the team is not given', async () => {
      const el = await fixture<CareConsentToggle>(
        html`<care-consent-toggle audience="professional" .actor=${actors.professional} .directive=${consentById('c-erik')}></care-consent-toggle>`,
      );
      await settle(el);
      expect(stateText(el)).to.match(/^The patient has said no to sharing since/);
    });
  });

  describe('keyboard and deciding (controlled)', () => {
    it('toggles with Space: opt-in granted becomes withdrawn, fired as request then change', async () => {
      const el = await mount(consentById('c-nav'));
      const events: string[] = [];
      let request: CareConsentRequestEvent | undefined;
      let change: CareConsentChangeEvent | undefined;
      el.addEventListener('care-consent-request', (e) => {
        events.push(e.type);
        request = e;
      });
      el.addEventListener('care-consent-change', (e) => {
        events.push(e.type);
        change = e;
      });
      switchOf(el)!.focus();
      await press('Space');
      await settle(el);
      expect(events).to.deep.equal(['care-consent-request', 'care-consent-change']);
      expect(request!.detail.state).to.equal('withdrawn');
      expect(request!.detail.previous.state).to.equal('granted');
      expect(request!.detail.decidedBy).to.deep.include({ name: 'Ingrid Solberg', memberId: 'm-ingrid', relation: 'self' });
      expect(change!.detail.directive.state).to.equal('withdrawn');
      const history = change!.detail.directive.history;
      expect(history).to.have.length(3);
      expect(history[2]).to.deep.include({ state: 'withdrawn', method: 'digital' });
      expect(change!.detail.directive.since).to.equal(history[2].at);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('false');
      expect(stateText(el)).to.contain('You took back your yes on');
      expect(statusText(el)).to.equal('Your choice has been saved.');
      expect(deepActiveElement()).to.equal(switchOf(el));
    });

    it('toggles with Enter, and back again in one step (withdrawing is as easy as granting)', async () => {
      const el = await mount(consentById('c-gp'));
      const states: string[] = [];
      el.addEventListener('care-consent-change', (e) => states.push(e.detail.state));
      switchOf(el)!.focus();
      await press('Enter');
      await settle(el);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('false');
      await press('Enter');
      await settle(el);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('true');
      expect(states).to.deep.equal(['refused', 'granted']);
    });

    it('reaches both choices with Tab when nothing is recorded, and keeps focus on the control after choosing', async () => {
      const before = document.createElement('button');
      before.textContent = 'Before';
      document.body.prepend(before);
      try {
        const el = await mount(consentById('c-peer'));
        before.focus();
        await tab();
        expect(textOf(deepActiveElement())).to.equal('Yes, share');
        await tab();
        expect(textOf(deepActiveElement())).to.equal('No, don\u2019t share');
        await press('Enter');
        await settle(el);
        expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('false');
        expect(stateText(el)).to.contain('You have said no since');
        expect(deepActiveElement()).to.equal(switchOf(el));
      } finally {
        before.remove();
      }
    });

    it('shows a yes whose agreement ended as off, and turning it on says yes again from today, for as long as before', async () => {
      const el = await mount({ ...consentById('c-nav'), validFrom: '2026-08-19', validUntil: '2027-08-18' });
      el.now = '2027-09-01T12:00:00';
      await settle(el);
      expect(switchOf(el)!.getAttribute('aria-checked'), 'nothing is shared, so the switch is off').to.equal('false');
      const notice = textOf(shadow(el).querySelector('.notice'));
      expect(notice).to.contain('This agreement ended on 18 Aug 2027.');
      expect(notice).to.contain('To say yes again, turn the switch on: the new agreement is valid from today to 30 Aug 2028.');
      let change: CareConsentChangeEvent | undefined;
      el.addEventListener('care-consent-change', (e) => (change = e));
      switchOf(el)!.focus();
      await press('Space');
      await settle(el);
      const renewed = change!.detail.directive;
      expect(renewed.state).to.equal('granted');
      expect(renewed.validFrom).to.equal('2027-09-01');
      expect(renewed.validUntil, '364 days after, as the ended agreement').to.equal('2028-08-30');
      expect(renewed.history!.at(-1)).to.deep.include({ state: 'granted', method: 'digital' });
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('true');
      expect(stateText(el)).to.contain('Information is shared.');
      expect(shadow(el).querySelector('.notice'), 'no ended notice').to.equal(null);
      expect(textOf(shadow(el).querySelector('.facts'))).to.contain('30 Aug 2028');
      expect(statusText(el)).to.equal('Your choice has been saved.');
      expect(deepActiveElement()).to.equal(switchOf(el));
      await expectAxeClean(el);
    });

    it('says yes again until taken back when the ended agreement had no first day, in every language', async () => {
      const el = await mount(consentById('c-nav'));
      el.now = '2027-09-01T12:00:00';
      await settle(el);
      expect(textOf(shadow(el).querySelector('.notice'))).to.contain('the new agreement is valid from today until it is taken back.');
      for (const lang of ['nb', 'nn', 'da', 'sv'] as const) {
        await loadCatalogue(lang);
        const other = await mount(consentById('c-nav'), { lang });
        other.now = '2027-09-01T12:00:00';
        await settle(other);
        const text = textOf(shadow(other).querySelector('.notice'));
        expect(text, lang).not.to.contain('taken back');
        expect(text.length, lang).to.be.greaterThan(60);
      }
      let change: CareConsentChangeEvent | undefined;
      el.addEventListener('care-consent-change', (e) => (change = e));
      switchOf(el)!.click();
      await settle(el);
      expect(change!.detail.directive.validFrom).to.equal('2027-09-01');
      expect(change!.detail.directive).not.to.have.property('validUntil');
      expect(stateText(el)).to.contain('Information is shared.');
    });

    it('an agreement that has not begun yet stays on, and turning it off is still a no', async () => {
      const el = await mount({ ...consentById('c-nav'), validFrom: '2027-01-01' });
      el.now = '2026-12-07T12:00:00';
      await settle(el);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('true');
      let change: CareConsentChangeEvent | undefined;
      el.addEventListener('care-consent-change', (e) => (change = e));
      switchOf(el)!.click();
      await settle(el);
      expect(change!.detail.directive.state).to.equal('withdrawn');
      expect(change!.detail.directive.validFrom, 'dates untouched by a no').to.equal('2027-01-01');
    });

    it('a veto through preventDefault changes nothing', async () => {
      const el = await mount(consentById('c-nav'));
      let changed = false;
      el.addEventListener('care-consent-request', (e) => e.preventDefault());
      el.addEventListener('care-consent-change', () => (changed = true));
      switchOf(el)!.click();
      await settle(el);
      expect(changed).to.equal(false);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('true');
      expect(stateText(el)).to.contain('You have said yes since');
      expect(el.value).to.equal('granted');
    });

    it('stays on the saved state while the host\u2019s waitUntil runs, then shows the new one', async () => {
      const el = await mount(consentById('c-nav'));
      const host = deferred();
      let changes = 0;
      el.addEventListener('care-consent-request', (e) => e.waitUntil(host.promise));
      el.addEventListener('care-consent-change', () => changes++);
      switchOf(el)!.click();
      await settle(el);
      const sw = switchOf(el)!;
      expect(sw.getAttribute('aria-checked'), 'never shows the new state before the save').to.equal('true');
      expect(sw.getAttribute('aria-disabled')).to.equal('true');
      expect(shadow(el).querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(statusText(el)).to.equal('Saving your choice: No\u2026');
      expect(stateText(el)).to.contain('You have said yes since');
      expect(el.value).to.equal('granted');
      expect(changes).to.equal(0);
      sw.click();
      await settle(el);
      expect(changes, 'a second click while saving does nothing').to.equal(0);
      await expectAxeClean(el);
      host.resolve();
      await settle(el);
      expect(changes).to.equal(1);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('false');
      expect(shadow(el).querySelector('[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(el.value).to.equal('withdrawn');
    });

    it('a rejected waitUntil keeps the saved state, shows the error with retry, and retry succeeds', async () => {
      const el = await mount(consentById('c-nav'));
      let attempt = 0;
      const errors: CareErrorEvent[] = [];
      el.addEventListener('care-consent-request', (e) => {
        attempt++;
        e.waitUntil(attempt === 1 ? Promise.reject(new Error('signature cancelled')) : Promise.resolve());
      });
      el.addEventListener('care-error', (e) => errors.push(e));
      switchOf(el)!.click();
      await settle(el);
      expect(errors).to.have.length(1);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('true');
      const error = errorBox(el)!;
      // The alert region existed before the failure; the visible box is not a second alert.
      expect(textOf(shadow(el).querySelector('[role="alert"]'))).to.equal('Error: Your choice (No) was not saved. The change was not accepted.');
      expect(textOf(error.querySelector('.visually-hidden'))).to.equal('Error:');
      expect(textOf(error)).to.contain('Your choice (No) was not saved. The change was not accepted.');
      await expectAxeClean(el);
      (shadow(el).querySelector('[part="retry"]') as HTMLButtonElement).click();
      await settle(el);
      expect(errorBox(el)).to.equal(null);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('false');
      expect(deepActiveElement()).to.equal(switchOf(el));
    });

    it('keeps a failure until it is dismissed', async () => {
      const el = await mount(consentById('c-erik'));
      el.addEventListener('care-consent-request', (e) => e.waitUntil(Promise.reject(new Error('no'))));
      switchOf(el)!.click();
      await settle(el);
      expect(errorBox(el)).to.not.equal(null);
      el.requestUpdate();
      await settle(el);
      expect(errorBox(el), 'still there after re-rendering').to.not.equal(null);
      buttonNamed(el, 'Dismiss')!.click();
      await settle(el);
      expect(errorBox(el)).to.equal(null);
      expect(deepActiveElement()).to.equal(switchOf(el));
    });

    it('records a decision made on the person\u2019s behalf, and says so before and after', async () => {
      const el = await mount(consentById('c-erik'));
      el.decidedBy = { name: 'Marit \u00c5s', relation: 'legal-representative' };
      await settle(el);
      expect(textOf(shadow(el).querySelector('.acting'))).to.equal(
        'This choice is made by Marit \u00c5s, legal representative, on your behalf.',
      );
      let decidedBy: unknown;
      el.addEventListener('care-consent-request', (e) => (decidedBy = e.detail.decidedBy));
      switchOf(el)!.click();
      await settle(el);
      expect(decidedBy).to.deep.equal({ name: 'Marit \u00c5s', relation: 'legal-representative' });
      expect(textOf(shadow(el).querySelector('.facts'))).to.contain('Decided by Marit \u00c5s, legal representative, on your behalf.');
    });
  });

  describe('connected to a store', () => {
    let host: HTMLElement | undefined;
    afterEach(() => {
      host?.remove();
      host = undefined;
    });

    const mountConnected = async (source: TestSource, id: string) => {
      const store = await loadedStore(source);
      host = storeHost(store);
      const el = document.createElement('care-consent-toggle');
      el.directiveId = id;
      host.append(el);
      await settle(el);
      return { el, store };
    };

    it('reads the directive from the record', async () => {
      const { el } = await mountConnected(new TestSource(), 'c-gp');
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('true');
      expect(textOf(shadow(el).querySelector('[part="details"]'))).to.contain('Lars Haugen');
    });

    it('saves a yes given again after the agreement ended with its new dates, and Retry keeps them', async () => {
      const record = fjordvikRecord();
      record.consents = record.consents.map((c) => (c.id === 'c-nav' ? { ...c, validFrom: '2025-11-01', validUntil: '2026-10-31' } : c));
      const source = new TestSource({ record, fail: 1 });
      const store = await loadedStore(source);
      host = storeHost(store);
      const el = document.createElement('care-consent-toggle');
      el.directiveId = 'c-nav';
      el.now = '2026-12-07T12:00:00';
      host.append(el);
      await settle(el);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('false');
      switchOf(el)!.click();
      await settle(el);
      await settle(el);
      expect(textOf(errorBox(el))).to.contain('There is no connection to the server.');
      buttonNamed(el, 'Try again')!.click();
      await settle(el);
      await settle(el);
      expect(source.saves).to.have.length(2);
      for (const save of source.saves) {
        expect(save.value).to.deep.include({ state: 'granted', validFrom: '2026-12-07', validUntil: '2027-12-06' });
      }
      const saved = store.snapshot.record!.consents.find((c) => c.id === 'c-nav')!;
      expect(saved).to.deep.include({ state: 'granted', validFrom: '2026-12-07', validUntil: '2027-12-06' });
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('true');
      expect(stateText(el)).to.contain('Information is shared.');
    });

    it('a failed save rolls back with the error shown, and Retry saves it', async () => {
      const source = new TestSource({ fail: 1, hold: true });
      const { el, store } = await mountConnected(source, 'c-nav');
      const changes: CareConsentChangeEvent[] = [];
      el.addEventListener('care-consent-change', (e) => changes.push(e));
      switchOf(el)!.click();
      await settle(el);
      // The store already holds the optimistic value; the element must not show it.
      expect(store.snapshot.record!.consents.find((c) => c.id === 'c-nav')!.state).to.equal('withdrawn');
      expect(switchOf(el)!.getAttribute('aria-checked'), 'saved state while pending').to.equal('true');
      expect(statusText(el)).to.equal('Saving your choice: No\u2026');
      expect(el.value).to.equal('granted');
      source.release();
      await settle(el);
      await settle(el);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('true');
      expect(textOf(errorBox(el))).to.contain('There is no connection to the server.');
      expect(store.snapshot.failures.has('consent/c-nav')).to.equal(true);
      expect(changes).to.have.length(0);
      (shadow(el).querySelector('[part="retry"]') as HTMLButtonElement).click();
      await settle(el);
      await settle(el);
      expect(source.saves).to.have.length(2);
      expect(changes).to.have.length(1);
      expect(errorBox(el)).to.equal(null);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('false');
      const saved = store.snapshot.record!.consents.find((c) => c.id === 'c-nav')!;
      expect(saved.state).to.equal('withdrawn');
      expect(saved.recordedBy?.name).to.equal('Kari Nilsen');
      // Kari's click records what Ingrid said; it is not Ingrid's own digital decision.
      expect(saved.history.at(-1)).to.deep.include({ state: 'withdrawn', method: 'verbal' });
      expect(store.snapshot.record!.audit.map((a) => a.outcome)).to.deep.equal(['failed', 'saved']);
    });

    it('a second toggle of the same directive shows the saved state while the first one saves', async () => {
      const source = new TestSource({ hold: true });
      const { el: first, store } = await mountConnected(source, 'c-gp');
      const second = document.createElement('care-consent-toggle');
      second.directiveId = 'c-gp';
      host!.append(second);
      await settle(second);
      switchOf(first)!.click();
      // The save starts once the first toggle's pending state has painted.
      await settle(first);
      await settle(second);
      expect(store.snapshot.pending.has('consent/c-gp')).to.equal(true);
      expect(switchOf(second)!.getAttribute('aria-checked')).to.equal('true');
      expect(statusText(second)).to.equal('Saving your choice: No\u2026');
      expect(second.value).to.equal('granted');
      source.release();
      await settle(first);
      await settle(second);
      expect(switchOf(second)!.getAttribute('aria-checked')).to.equal('false');
      expect(stateText(second)).to.contain('You have said no since');
    });

    it('a veto saves nothing and is audited', async () => {
      const source = new TestSource();
      const { el, store } = await mountConnected(source, 'c-gp');
      el.addEventListener('care-consent-request', (e) => e.preventDefault());
      switchOf(el)!.click();
      await settle(el);
      expect(source.saves).to.have.length(0);
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('true');
      expect(store.snapshot.record!.audit.map((a) => a.outcome)).to.deep.equal(['vetoed']);
    });

    it('shows a load error and a directive that is not in the record', async () => {
      const failing = new TestSource();
      failing.load = () => Promise.reject(new Error('down'));
      const { el, store } = await mountConnected(failing, 'c-gp');
      expect(textOf(shadow(el).querySelector('[role="alert"]'))).to.contain('Could not load the information');
      await expectAxeClean(el);
      store.setRecord(fjordvikRecord());
      el.directiveId = 'c-missing';
      await settle(el);
      expect(textOf(shadow(el).querySelector('[role="alert"]'))).to.contain('No consent with the id \u201cc-missing\u201d');
    });

    it('shows loading while the store loads', async () => {
      const slow = new TestSource();
      slow.load = () => new Promise(() => undefined);
      const store = new CareStore(slow, 'team-ingrid');
      void store.load();
      host = storeHost(store);
      const el = document.createElement('care-consent-toggle');
      el.directiveId = 'c-gp';
      host.append(el);
      await settle(el);
      expect(textOf(shadow(el).querySelector('[role="status"]'))).to.equal('Loading\u2026');
    });
  });

  describe('in a form', () => {
    it('submits the saved state under its name, and reset restores the initial state', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <care-consent-toggle name="share-nav" .actor=${actors["service-user"]} .directive=${consentById('c-nav')}></care-consent-toggle>
          <button type="reset">Reset</button>
        </form>`,
      );
      const el = form.querySelector('care-consent-toggle')!;
      await settle(el);
      expect(el.form).to.equal(form);
      expect(new FormData(form).get('share-nav')).to.equal('granted');
      switchOf(el)!.click();
      await settle(el);
      expect(new FormData(form).get('share-nav')).to.equal('withdrawn');
      form.reset();
      await settle(el);
      expect(new FormData(form).get('share-nav')).to.equal('granted');
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('true');
    });

    it('is invalid while required and not recorded, with a plain message', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><care-consent-toggle required name="peer" .actor=${actors["service-user"]} .directive=${consentById('c-peer')}></care-consent-toggle></form>`,
      );
      const el = form.querySelector('care-consent-toggle')!;
      await settle(el);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Choose yes or no.');
      expect(new FormData(form).get('peer')).to.equal('not-recorded');
      choicesOf(el)[0].click();
      await settle(el);
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).get('peer')).to.equal('granted');
    });

    it('is inert when disabled, itself or through a fieldset', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <fieldset>
            <care-consent-toggle name="gp" .directive=${consentById('c-gp')}></care-consent-toggle>
          </fieldset>
        </form>`,
      );
      const el = form.querySelector('care-consent-toggle')!;
      await settle(el);
      let requests = 0;
      el.addEventListener('care-consent-request', () => requests++);
      form.querySelector('fieldset')!.disabled = true;
      await settle(el);
      expect(switchOf(el)!.disabled).to.equal(true);
      switchOf(el)!.click();
      form.querySelector('fieldset')!.disabled = false;
      await settle(el);
      expect(switchOf(el)!.disabled).to.equal(false);
      el.disabled = true;
      await settle(el);
      expect(switchOf(el)!.disabled).to.equal(true);
      expect(new FormData(form).get('gp'), 'a disabled control is not submitted').to.equal(null);
      expect(requests).to.equal(0);
      await expectAxeClean(el);
    });

    it('restores a state the browser gives back', async () => {
      const el = await mount(consentById('c-erik'));
      el.formStateRestoreCallback('granted');
      await settle(el);
      expect(el.value).to.equal('granted');
      expect(switchOf(el)!.getAttribute('aria-checked')).to.equal('true');
    });
  });

  describe('history', () => {
    it('is a disclosure listing every change, newest first, with who and how', async () => {
      const el = await mount(consentById('c-housing'));
      const button = shadow(el).querySelector<HTMLButtonElement>('#history-button')!;
      const panel = shadow(el).querySelector<HTMLElement>('#history-panel')!;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(button.getAttribute('aria-controls')).to.equal('history-panel');
      expect(panel.hidden).to.equal(true);
      expect(panel.querySelectorAll('li').length).to.equal(0);
      expect(textOf(button)).to.equal('History of changes (2 changes)');
      button.focus();
      await press('Enter');
      await settle(el);
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.hidden).to.equal(false);
      expect(el.historyOpen).to.equal(true);
      const items = [...panel.querySelectorAll('li')].map(textOf);
      expect(items).to.have.length(2);
      expect(items[0]).to.contain('Withdrawn, no longer shared');
      expect(items[0]).to.contain('Decided by Marit \u00c5s, legal representative, on your behalf.');
      expect(items[0]).to.contain('Recorded by Sofie Lund, given in writing.');
      expect(items[0]).to.contain('Withdrawn on Ingrid\u2019s behalf during a hospital stay.');
      expect(items[1]).to.contain('Yes, sharing allowed');
      expect(items[1]).to.contain('Decided by you.');
      expect(panel.querySelector('time')!.getAttribute('datetime')).to.equal('2026-10-05T15:30:00+02:00');
      await expectAxeClean(el);
    });

    it('adds the new decision at the top once saved', async () => {
      const el = await mount(consentById('c-erik'));
      el.historyOpen = true;
      switchOf(el)!.click();
      await settle(el);
      const first = textOf(shadow(el).querySelector('#history-panel li'));
      expect(first).to.contain('Yes, sharing allowed');
      expect(first).to.contain('given digitally');
    });
  });

  describe('hostile and unusual data', () => {
    it('renders markup in names and notes as text, long notes and right-to-left names', async () => {
      const directive = consentById('c-housing');
      directive.recipient = { kind: 'person', name: '<img src=x onerror="window.hacked=1">\u202e\u0646\u0648\u0631' };
      directive.history[1].note = 'x'.repeat(1992) + '<script>';
      const el = await mount(directive);
      el.historyOpen = true;
      await settle(el);
      expect(shadow(el).querySelector('img')).to.equal(null);
      expect(shadow(el).querySelector('script')).to.equal(null);
      expect(textOf(shadow(el).querySelector('[part="heading"]'))).to.contain('<img src=x');
      expect(labelledName(switchOf(el)!)).to.contain('<img src=x');
      expect(textOf(shadow(el).querySelector('.note'))).to.have.length(2000);
      expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
      await expectAxeClean(el);
    });

    it('shows a data error for a directive that breaks the contract', async () => {
      const errors: CareDataErrorEvent[] = [];
      const bad = { ...consentById('c-gp'), state: 'maybe', purposes: [] };
      const el = await fixture<CareConsentToggle>(
        html`<care-consent-toggle audience="professional" .directive=${bad} @care-data-error=${(e: CareDataErrorEvent) => errors.push(e)}></care-consent-toggle>`,
      );
      await settle(el);
      const alert = textOf(shadow(el).querySelector('[role="alert"] details'));
      expect(alert).to.contain('state');
      expect(alert).to.contain('purposes');
      expect(errors).to.have.length(1);
      expect(errors[0].detail.entity).to.equal('consent');
      expect(switchOf(el)).to.equal(null);
      await expectAxeClean(el);
    });

    it('shows loading until a directive is given', async () => {
      const el = await fixture<CareConsentToggle>(html`<care-consent-toggle></care-consent-toggle>`);
      await settle(el);
      expect(textOf(shadow(el).querySelector('[role="status"]'))).to.equal('Loading\u2026');
    });
  });

  describe('language, size and colours', () => {
    it('keeps the switch beside its words when the toggle is very wide', async () => {
      const el = await mount(consentById('c-nav'));
      el.style.inlineSize = '1400px';
      await settle(el);
      const label = shadow(el).querySelector('.switch-label')!.getBoundingClientRect();
      const control = switchOf(el)!.getBoundingClientRect();
      expect(Math.abs(control.top - label.top) < label.height, 'on the same line').to.equal(true);
      expect(control.left - label.right, 'the gap between words and switch').to.be.at.most(32);
    });

    it('speaks Norwegian bokmål', async () => {
      await loadCatalogue('nb');
      const el = await mount(consentById('c-nav'), { lang: 'nb' });
      await settle(el);
      expect(labelledName(switchOf(el)!)).to.equal('Del sosiale tjenester, penger og stønader, bolig og avtaler med NAV Fjordvik');
      expect(stateText(el)).to.contain('Du har sagt ja siden');
      expect(textOf(shadow(el).querySelector('.question'))).to.equal('Vil du dele disse opplysningene med NAV Fjordvik?');
      expect([...switchOf(el)!.querySelectorAll('.option')].map(textOf)).to.deep.equal(['Nei', 'Ja']);
      await expectAxeClean(el);
    });

    it('joins what is shared with the language\'s own "and" in nynorsk and Swedish', async () => {
      await loadCatalogue('nn');
      await loadCatalogue('sv');
      const nynorsk = await mount(consentById('c-nav'), { lang: 'nn' });
      await settle(nynorsk);
      expect(labelledName(switchOf(nynorsk)!)).to.equal('Del sosiale tenester, pengar og stønader, bustad og avtalar med NAV Fjordvik');
      const swedish = await mount(consentById('c-nav'), { lang: 'sv' });
      await settle(swedish);
      expect(labelledName(switchOf(swedish)!)).to.equal('Dela socialtjänst, pengar och ersättningar, boende och bokade tider med NAV Fjordvik');
    });

    it('has 44 px targets for the service user and fits 320 px', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 320px"><care-consent-toggle .directive=${consentById('c-gp')} .team=${team}></care-consent-toggle></div>`,
      );
      const el = wrapper.querySelector('care-consent-toggle')!;
      await settle(el);
      for (const button of shadow(el).querySelectorAll('button')) {
        if (button.closest('[hidden]')) continue;
        const box = button.getBoundingClientRect();
        expect(box.height, textOf(button)).to.be.at.least(44);
        expect(box.width, textOf(button)).to.be.at.least(44);
      }
      expect(el.scrollWidth).to.be.at.most(320);
      const [no, yes] = [...switchOf(el)!.querySelectorAll('.option')];
      expect(getComputedStyle(no).fontSize).to.equal(getComputedStyle(yes).fontSize);
      expect(getComputedStyle(no).fontWeight).to.equal(getComputedStyle(yes).fontWeight);
    });

    it('keeps the switch visible in forced colours', async () => {
      const el = await mount(consentById('c-gp'));
      await emulateMedia({ forcedColors: 'active' });
      try {
        const track = shadow(el).querySelector('.track')!;
        const thumb = shadow(el).querySelector('.thumb')!;
        const trackStyle = getComputedStyle(track);
        expect(trackStyle.borderTopStyle).to.equal('solid');
        expect(parseFloat(trackStyle.borderTopWidth)).to.be.at.least(2);
        expect(getComputedStyle(thumb).backgroundColor).to.not.equal(trackStyle.backgroundColor);
      } finally {
        await emulateMedia({ forcedColors: 'none' });
      }
    });
  });

  after(() => fixtureCleanup());
});
