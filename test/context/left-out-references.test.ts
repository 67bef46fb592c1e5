// An entry the load left out (stored with a mistake) may be what another entry names: a crisis
// plan measure that carries out a responsibility, a meeting's task that hands one over. The element
// showing the naming entry says that the named one exists but could not be shown, never that it is
// not there, and saving the naming entry keeps the reference, so nothing is lost on the server.
import '../../src/components/crisis-plan/define.js';
import '../../src/components/meeting-outcomes/define.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { loadCatalogue } from '../../src/i18n/locale.js';
import { common as en } from '../../src/i18n/catalogues/en/common.js';
import { common as nb } from '../../src/i18n/catalogues/nb/common.js';
import { outcomes as outcomeWords } from '../../src/i18n/catalogues/en/outcomes.js';
import { expectAxeClean } from '../helpers/a11y.js';
import { expect, html, settle, waitUntil } from '../helpers/fixture.js';
import { breaking, mountOnApi, people, TEAM, text } from './left-out-support.js';

const root = (el: Element) => el.shadowRoot!;
const button = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((b) => text(b) === name);
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

describe('An entry that names one the load left out says it exists but could not be shown', () => {
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => undefined;
  });
  afterEach(() => {
    console.warn = warn;
  });

  describe('a crisis plan measure that carries out a responsibility left out', () => {
    // ms-1 (early signs) carries out r-sleep; r-sleep is stored with a status that does not exist.
    const record = () => breaking('responsibilities', 'r-sleep', { status: 'perhaps' });
    const measure = (el: Element) => [...root(el).querySelectorAll('[part="measure"]')].find((m) => text(m).startsWith('I go to bed'))!;

    it('reads "Part of: an entry that is stored with a mistake", in the page language, axe clean', async () => {
      const { el } = await mountOnApi(record(), html`<care-crisis-plan></care-crisis-plan>`, 'care-crisis-plan');
      expect(text(measure(el).querySelector('.part-of'))).to.equal(`Part of: ${en.leftOutEntry}`);
      await expectAxeClean(el);
      await loadCatalogue('nb');
      const { el: norwegian } = await mountOnApi(record(), html`<care-crisis-plan></care-crisis-plan>`, 'care-crisis-plan', { lang: 'nb' });
      expect(text(measure(norwegian).querySelector('.part-of'))).to.contain(nb.leftOutEntry);
    });

    it('the form shows the measure still carrying it out, and saving the plan keeps the reference on the server', async () => {
      const { el, api } = await mountOnApi(record(), html`<care-crisis-plan audience="professional"></care-crisis-plan>`, 'care-crisis-plan', { actor: people.kari });
      button(el, 'Change the plan')!.click();
      await waitUntil(() => root(el).querySelector('#part-early-signs-0'), 'no form', { timeout: 10_000 });
      await settle(el);
      const select = root(el).querySelector<HTMLSelectElement>('#part-early-signs-0')!;
      expect(text(select.selectedOptions[0])).to.equal(capitalised(en.leftOutEntry));
      expect(select.value).to.equal('r-sleep');
      await expectAxeClean(el);
      const field = root(el).querySelector<HTMLInputElement>('#text-early-signs-0')!;
      field.value = 'I go to bed at ten and skip coffee after lunch.';
      field.dispatchEvent(new Event('input'));
      await settle(el);
      button(el, 'Save the plan')!.click();
      await waitUntil(async () => (await api.log()).records[TEAM].crisisPlans[0].version > fjordvik.crisisPlans[0].version, 'never saved', { timeout: 10_000 });
      const saved = (await api.log()).records[TEAM].crisisPlans[0];
      const ms1 = saved.stages.flatMap((s) => s.measures).find((m) => m.id === 'ms-1')!;
      expect(ms1.text).to.equal('I go to bed at ten and skip coffee after lunch.');
      expect(ms1.responsibilityIds).to.deep.equal(['r-sleep']);
    });
  });

  describe('a meeting task that names a responsibility left out', () => {
    // oa-3 (October meeting) hands over r-nav-meetings; r-nav-meetings is stored with a status that does not exist.
    const outcomeFor = (record: typeof fjordvik) =>
      mountOnApi(record, html`<care-meeting-outcomes meeting-id="mt-october" audience="professional" .now=${'2026-11-20T12:00:00Z'}></care-meeting-outcomes>`, 'care-meeting-outcomes', { actor: people.kari });
    const action = (el: Element, start: string) => [...root(el).querySelectorAll('[part="action"]')].find((a) => text(a).startsWith(start))!;

    it('reads as handing over an entry stored with a mistake, not as naming one that is not in the list; axe clean', async () => {
      const { el } = await outcomeFor(breaking('responsibilities', 'r-nav-meetings', { status: 'perhaps' }));
      expect(text(action(el, 'Go with Ingrid to NAV meetings'))).to.contain(`Proposed to hand over \u201c${en.leftOutEntry}\u201d`);
      expect(root(el).textContent).to.not.contain(outcomeWords.flags.unknownResponsibility);
      await expectAxeClean(el);
    });
  });
});
