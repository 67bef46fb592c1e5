// <care-crisis-plan> with a plan that is still a draft: it says so in plain words before anything
// else, and the confirmation that completes the agreement ends the draft. A draft both have already
// confirmed (a source that kept it a draft) can be confirmed again, which ends it.
import * as v from 'valibot';
import '../../../src/components/crisis-plan/define.js';
import type { CareCrisisPlan } from '../../../src/components/crisis-plan/crisis-plan.js';
import type { CareCrisisPlanChangeEvent } from '../../../src/components/crisis-plan/events.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { loadCatalogue } from '../../../src/i18n/locale.js';
import { expect, fixture, fixtureCleanup, html, settle, waitUntil } from '../../helpers/fixture.js';
import { textOf } from '../consent-toggle/support.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const root = (el: Element) => el.shadowRoot!;
const button = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((b) => textOf(b) === name) ?? null;
const status = (el: Element) => textOf(root(el).querySelector('[part="plan-status"]'));

const mount = async (plan: object, actor: object = kari, audience = 'professional', lang = 'en') => {
  const r = v.parse(CareRecord, structuredClone(fjordvik));
  const el = await fixture<CareCrisisPlan>(html`<care-crisis-plan
    .plan=${{ ...r.crisisPlans[0], ...plan }}
    .team=${r.team}
    .responsibilities=${r.responsibilities}
    .consents=${r.consents}
    .actor=${actor}
    .now=${'2026-12-05T12:00:00Z'}
    audience=${audience}
    lang=${lang}
  ></care-crisis-plan>`);
  return settle(el);
};

afterEach(() => fixtureCleanup());

describe('<care-crisis-plan> with a draft', () => {
  it('says that the plan is a draft, not agreed yet, in the reader\u2019s words, and in Norwegian', async () => {
    const el = await mount({ draft: true });
    expect(textOf(root(el).querySelector('[part="draft"]'))).to.equal('This plan is a draft. It is not agreed yet. It holds only when Ingrid Solberg and the coordinator have confirmed it.');
    await loadCatalogue('nb');
    const nb = await mount({ draft: true }, { id: 'm-ingrid', name: 'Ingrid Solberg' }, 'service-user', 'nb');
    expect(status(nb)).to.contain('Denne planen er et utkast. Den er ikke avtalt ennå. Den gjelder først når du og koordinatoren din har godkjent den.');
    const agreed = await mount({});
    expect(root(agreed).querySelector('[part="draft"]'), 'an agreed plan is no draft').to.equal(null);
  });

  it('whichever of the person and the coordinator confirms last ends the draft', async () => {
    const r = v.parse(CareRecord, structuredClone(fjordvik));
    const ingridOnly = r.crisisPlans[0].agreedBy.filter((a) => a.memberId === 'm-ingrid');
    const el = await mount({ draft: true, agreedBy: ingridOnly });
    const changes: CareCrisisPlanChangeEvent[] = [];
    el.addEventListener('care-crisis-plan-change', (e) => changes.push(e));
    button(el, 'Confirm this version as coordinator')!.click();
    await waitUntil(() => changes.length === 1);
    expect(changes[0].detail.plan.draft, 'agreed by both: no longer a draft').to.equal(undefined);

    const afterKari = await mount({ draft: true, agreedBy: r.crisisPlans[0].agreedBy.filter((a) => a.memberId === 'm-kari') }, { id: 'm-ingrid', name: 'Ingrid Solberg' }, 'service-user');
    expect(textOf(root(afterKari).querySelector('[part="draft"]'))).to.contain('It holds only when you and your coordinator have confirmed it.');
    const before: CareCrisisPlanChangeEvent[] = [];
    afterKari.addEventListener('care-crisis-plan-change', (e) => before.push(e));
    root(afterKari).querySelector<HTMLButtonElement>('[part="agree"]')!.click();
    await waitUntil(() => before.length === 1);
    expect(before[0].detail.plan.draft, 'the person confirms after the coordinator: agreed by both').to.equal(undefined);
  });

  it('a draft both confirmed, that its source kept a draft, offers the confirmation again, which ends it', async () => {
    const el = await mount({ draft: true });
    expect(status(el)).to.contain('Agreed by Ingrid Solberg, Kari Nilsen');
    expect(status(el)).to.contain('This plan is a draft.');
    const changes: CareCrisisPlanChangeEvent[] = [];
    el.addEventListener('care-crisis-plan-change', (e) => changes.push(e));
    button(el, 'Confirm this version as coordinator')!.click();
    await waitUntil(() => changes.length === 1);
    expect(changes[0].detail.plan.draft).to.equal(undefined);
  });
});
