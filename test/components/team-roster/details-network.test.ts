// The member details dialog loads on first use (a chunk of its own, fetched when a person first
// chooses a name). Here the network drops that request (a real failed fetch). The person must be told, in the
// status region that was there before, the focus stays on the member's name, and nothing may be
// thrown at the page.
import '../../../src/components/team-roster/define.js';
import type { CareTeamRoster } from '../../../src/components/team-roster/team-roster.js';
import { expect, fixture, html, settle, waitUntil } from '../../helpers/fixture.js';
import { deepActiveElement, press } from '../../helpers/keys.js';
import { browserRetriesFailedModules } from '../../helpers/module-retry.js';
import { withDroppedRequests } from '../crisis-plan/network-support.js';
import { fjordvikTeam, MONDAY, nameButton, shadow, textOf } from './fixtures.js';

describe('<care-team-roster> when the network drops the details dialog’s code', () => {
  it('says so in the status region, keeps the roster and the focus on the name, and says to reload; nothing is thrown at the page', async () => {
    const selected: Event[] = [];
    const rejections = await withDroppedRequests(['/team-roster/member-dialog.ts'], async () => {
      const el = await fixture<CareTeamRoster>(html`<care-team-roster .team=${fjordvikTeam()} today=${MONDAY} lang="en"></care-team-roster>`);
      await settle(el);
      el.addEventListener('care-member-select', (e) => selected.push(e));
      const status = shadow(el).querySelector('[part="status"][role="status"]');
      expect(status !== null, 'the status region is there before anything is said').to.equal(true);
      expect(textOf(status!), 'nothing said before a press').to.equal('');

      const name = nameButton(el, 'Kari Nilsen');
      name.focus();
      await press('Enter');
      await settle(el);
      expect(textOf(status!)).to.equal('The details could not be opened. Check your connection and try again.');
      expect(selected.length, 'the choice is still told to the host').to.equal(1);
      const dialog = shadow(el).querySelector('dialog');
      expect(dialog === null || !dialog.open, 'no dialog is open').to.equal(true);
      expect(nameButton(el, 'Amina Rahimi') !== null, 'the roster is still shown').to.equal(true);
      expect(deepActiveElement() === name, 'focus stays on the name').to.equal(true);

      // Choosing the name again tries again, and the network drops that request too.
      await press('Enter');
      await settle(el);
      expect(textOf(status!)).to.equal('The details still could not be opened. Reload the page, then try again.');
      expect(shadow(el).querySelector('dialog')?.open ?? false, 'no dialog is open').to.equal(false);
      expect(deepActiveElement() === name, 'focus stays on the name').to.equal(true);

      // In the reader's language too.
      el.lang = 'nb';
      await waitUntil(() => textOf(shadow(el).querySelector('[part="title"]')!) === 'Teamet rundt deg', 'Norwegian title', { timeout: 5000 });
      await settle(el);
      name.click();
      await settle(el);
      expect(textOf(status!)).to.equal('Detaljene kunne fortsatt ikke åpnes. Last inn siden på nytt, og prøv igjen.');
    }, 5);
    expect(rejections, 'nothing is thrown at the page').to.deep.equal([]);
  });

  it('once the connection is back, choosing the name again opens the details (in a browser that fetches a failed module again)', async () => {
    const retries = await browserRetriesFailedModules();
    const rejections = await withDroppedRequests(['/team-roster/member-dialog.ts'], async () => {
      const el = await fixture<CareTeamRoster>(html`<care-team-roster .team=${fjordvikTeam()} today=${MONDAY} lang="en"></care-team-roster>`);
      await settle(el);
      const status = shadow(el).querySelector('[part="status"][role="status"]')!;
      const name = nameButton(el, 'Kari Nilsen');
      name.focus();
      await press('Enter');
      await settle(el);
      expect(textOf(status)).to.equal('The details could not be opened. Check your connection and try again.');

      // Only the first request was dropped: the network is back.
      await press('Enter');
      await waitUntil(() => shadow(el).querySelector('dialog')?.open || textOf(status).includes('still'), 'neither the details nor a second failure', { timeout: 8000 });
      await settle(el);
      if (retries) {
        expect(shadow(el).querySelector('dialog')?.open, 'the details are open').to.equal(true);
        expect(textOf(status), 'the failure is no longer told').to.equal('');
        expect(textOf(shadow(el).querySelector('dialog')), 'the dialog is about the member chosen').to.contain('Kari Nilsen');
      } else {
        // A browser that keeps the failure can only be told to reload.
        expect(textOf(status)).to.equal('The details still could not be opened. Reload the page, then try again.');
      }
    });
    expect(rejections, 'nothing is thrown at the page').to.deep.equal([]);
  });
});
