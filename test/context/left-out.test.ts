// A record with entries stored with a mistake: the load leaves them out and shows the rest, and the
// element that would have shown them says that something could not be shown, so nobody reads what
// is left as all there is (a consent list without the objection that broke, "no crisis plan" when
// the plan is broken).
import '../../src/components/consent-list/define.js';
import '../../src/components/consent-toggle/define.js';
import '../../src/components/crisis-plan/define.js';
import '../../src/components/responsibility-matrix/define.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { common as en } from '../../src/i18n/catalogues/en/common.js';
import { common as nb } from '../../src/i18n/catalogues/nb/common.js';
import { expectAxeClean } from '../helpers/a11y.js';
import { expect, html, waitUntil } from '../helpers/fixture.js';
import { broken, leftOutNotice, mountOnApi, text } from './left-out-support.js';

describe('Entries a load left out are said, not silently missing', () => {
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => undefined;
  });
  afterEach(() => {
    console.warn = warn;
  });

  const mount = async <T extends Element>(record: typeof fjordvik, inner: ReturnType<typeof html>, tag: string, lang = 'en') => (await mountOnApi<T>(record, inner, tag, { lang })).el;

  it('the consent list says one agreement could not be shown, beside the ones that could', async () => {
    const consents = fjordvik.consents.map((c) => (c.id === 'c-housing' ? { ...c, model: 'maybe' } : c));
    const el = await mount(broken({ consents }), html`<care-consent-list></care-consent-list>`, 'care-consent-list');
    expect(el.shadowRoot!.querySelectorAll('care-consent-toggle')).to.have.length(fjordvik.consents.length - 1);
    expect(text(leftOutNotice(el))).to.equal(en.leftOut(1));
    expect(text(leftOutNotice(el))).to.contain('One entry could not be shown here');
    await expectAxeClean(el);
  });

  it('a toggle for the consent that was left out says why it is not found', async () => {
    const consents = fjordvik.consents.map((c) => (c.id === 'c-gp' ? { ...c, purposes: [] } : c));
    const el = await mount(broken({ consents }), html`<care-consent-toggle directive-id="c-gp"></care-consent-toggle>`, 'care-consent-toggle');
    expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).to.contain('No consent with the id');
    expect(text(leftOutNotice(el))).to.equal(en.leftOut(1));
    // A toggle for another consent that is not there either says only "not found".
    const other = await mount(broken({ consents }), html`<care-consent-toggle directive-id="c-none"></care-consent-toggle>`, 'care-consent-toggle');
    expect(text(other.shadowRoot!.querySelector('[role="alert"]'))).to.contain('No consent with the id');
    expect(leftOutNotice(other)).to.equal(null);
  });

  it('the crisis plan does not say there is no plan when the plan is stored with a mistake', async () => {
    const crisisPlans = [{ ...fjordvik.crisisPlans[0], nextReview: 'in March' }];
    const el = await mount(broken({ crisisPlans }), html`<care-crisis-plan></care-crisis-plan>`, 'care-crisis-plan');
    expect(text(el.shadowRoot!.querySelector('[part="state"]'))).to.contain('no crisis plan');
    expect(text(leftOutNotice(el))).to.equal(en.leftOut(1));
    await expectAxeClean(el);
  });

  it('the matrix counts what it shows and says how many could not be shown, in the page language', async () => {
    const responsibilities = fjordvik.responsibilities.map((r, i) => (i < 2 ? { ...r, status: 'perhaps' } : r));
    const el = await mount(broken({ responsibilities }), html`<care-responsibility-matrix></care-responsibility-matrix>`, 'care-responsibility-matrix', 'nb');
    await waitUntil(() => text(leftOutNotice(el)) === nb.leftOut(2), 'no notice in Norwegian', { timeout: 10_000 });
    expect(nb.leftOut(2)).to.contain('2 oppføringer');
  });

  it('says nothing when nothing was left out', async () => {
    const el = await mount(fjordvik, html`<care-consent-list></care-consent-list>`, 'care-consent-list');
    expect(el.shadowRoot!.querySelectorAll('care-consent-toggle')).to.have.length(fjordvik.consents.length);
    expect(leftOutNotice(el)).to.equal(null);
  });
});
