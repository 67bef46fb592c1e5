import * as v from 'valibot';
// The crisis plan's editing forms and the maker of the copy to keep load on first use (chunks of
// their own, fetched ahead of a press; confirming a version and answering a proposal come with the forms). Here the network drops
// those requests (real failed fetches). The person must be told, in
// the status region that was there before, and nothing may be thrown at the page: before this
// was handled, "Change the plan" did nothing at all.
import '../../../src/components/crisis-plan/define.js';
import type { CareCrisisPlan } from '../../../src/components/crisis-plan/crisis-plan.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { expect, fixture, html, settle } from '../../helpers/fixture.js';
import { deepActiveElement } from '../../helpers/keys.js';
import { textOf } from '../consent-toggle/support.js';
import { withDroppedRequests } from './network-support.js';

const root = (el: Element) => el.shadowRoot!;
const button = (el: Element, name: string) => [...root(el).querySelectorAll('button')].find((b) => textOf(b) === name)!;

describe('<care-crisis-plan> when the network drops the parts that load on first use', () => {
  it('says so in the status region, keeps the plan and focus, and says to reload when it fails again; nothing is thrown at the page', async () => {
    const rejections = await withDroppedRequests(['/crisis-plan/editing.ts', '/crisis-plan/plan-text.ts'], async () => {
      const r = v.parse(CareRecord, structuredClone(fjordvik));
      const el = await fixture<CareCrisisPlan>(html`<care-crisis-plan
        .plan=${r.crisisPlans[0]} .team=${r.team} .responsibilities=${r.responsibilities} .consents=${r.consents}
        .actor=${{ id: 'm-ingrid', name: 'Ingrid Solberg' }} .now=${'2026-12-05T12:00:00Z'} audience="service-user" lang="en"
      ></care-crisis-plan>`);
      await settle(el);
      const status = root(el).querySelector('[role="status"]')!;
      expect(textOf(status), 'nothing said before a press').to.equal('');
      const edit = button(el, 'Change the plan');
      edit.focus();
      edit.click();
      await settle(el);
      // The load ahead of the press failed; the press tried again and that failed too (every request for the chunk is dropped).
      expect(textOf(status)).to.equal('The form still could not be opened. Reload the page, then try again.');
      expect(root(el).querySelector('form'), 'no form').to.equal(null);
      expect(root(el).querySelector('section.stage'), 'the plan is still shown').to.not.equal(null);
      expect(deepActiveElement() === edit, 'focus stays on the button').to.equal(true);

      // Answering a proposal goes through the same code: nothing is asked or saved, and the person is told.
      const requests: Event[] = [];
      el.addEventListener('care-crisis-plan-request', (e) => requests.push(e));
      const accept = button(el, 'Yes, add it to my plan');
      accept.focus();
      accept.click();
      await settle(el);
      expect(textOf(status)).to.equal('The change still could not be made. Reload the page, then try again.');
      expect(requests.length, 'no request fired').to.equal(0);
      expect(root(el).querySelector('[part="proposal"]') !== null, 'the proposal is still there').to.equal(true);
      expect(deepActiveElement() === accept, 'focus stays on the button').to.equal(true);

      // The copy to keep: the same, and printing is offered as the way that needs nothing more.
      const copy = button(el, 'Save a copy');
      copy.focus();
      copy.click();
      await settle(el);
      expect(textOf(status)).to.equal('The copy still could not be made. Reload the page, then try again, or print the plan.');
      expect(deepActiveElement() === copy, 'focus stays on the button').to.equal(true);
    }, 5);
    expect(rejections, 'nothing is thrown at the page').to.deep.equal([]);
  });
});
