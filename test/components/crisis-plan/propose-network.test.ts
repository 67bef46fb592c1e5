import * as v from 'valibot';
// A GP whose practice has consent may propose a measure; the proposal form is part of the editing
// chunk, loaded ahead of any press. Here the network drops that request (a real failed fetch).
// Before this was handled the form was simply not there, with nothing said: the GP could not know
// that proposing was possible at all. The network drops Try again's request too, which must then
// say to reload.
import '../../../src/components/crisis-plan/define.js';
import type { CareCrisisPlan } from '../../../src/components/crisis-plan/crisis-plan.js';
import { sendKeys } from '@web/test-runner-commands';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, html, settle, waitUntil } from '../../helpers/fixture.js';
import { deepActiveElement } from '../../helpers/keys.js';
import { textOf } from '../consent-toggle/support.js';
import { withDroppedRequests } from './network-support.js';

const root = (el: Element) => el.shadowRoot!;

describe('<care-crisis-plan> when the proposal form does not arrive', () => {
  it('says so where the form would be, offers Try again, and after a second failure says to reload; nothing is thrown', async () => {
    const rejections = await withDroppedRequests(['/crisis-plan/editing.ts'], async () => {
      const r = v.parse(CareRecord, structuredClone(fjordvik));
      const el = await fixture<CareCrisisPlan>(html`<care-crisis-plan
        .plan=${r.crisisPlans[0]} .team=${r.team} .responsibilities=${r.responsibilities} .consents=${r.consents}
        .actor=${{ id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' }} .now=${'2026-12-05T12:00:00Z'} audience="professional" lang="en"
      ></care-crisis-plan>`);
      await waitUntil(() => root(el).querySelector('[part="propose-missing"]'), 'nothing said where the form would be');
      await settle(el);
      const missing = root(el).querySelector('[part="propose-missing"]')!;
      expect(textOf(missing.querySelector('p'))).to.equal('The form for proposing a change could not be opened. Check your connection and try again.');
      expect(root(el).querySelector('section.stage'), 'the plan is still shown').to.not.equal(null);
      await expectAxeClean(el);

      const retry = missing.querySelector('button')!;
      retry.focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      // The retry's request was dropped as well.
      expect(textOf(root(el).querySelector('[part="propose-missing"] p'))).to.equal('The form still could not be opened. Reload the page, then try again.');
      expect(textOf(root(el).querySelector('[role="status"]')), 'told in the status region too').to.equal('The form still could not be opened. Reload the page, then try again.');
      expect(deepActiveElement() === retry, 'focus stays on Try again').to.equal(true);
      expect(root(el).querySelector('form'), 'no form').to.equal(null);
    }, 5);
    expect(rejections, 'nothing is thrown at the page').to.deep.equal([]);
  });
});
