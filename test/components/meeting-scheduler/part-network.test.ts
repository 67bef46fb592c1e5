// The planning form loads on first use. Here its module does not arrive because the network
// dropped the request (a real failed fetch, not a stand-in loader), and drops Try again's request
// too: after the second failure the element must say to reload the page instead of repeating
// "check your connection" for ever.
import { executeServerCommand } from '@web/test-runner-commands';
import { expect, settle } from '../../helpers/fixture.js';
import { deepActiveElement } from '../../helpers/keys.js';
import { $, button, meetingOf, renderScheduler, shadow, textOf } from './fixtures.js';

const alertText = (el: Element) => textOf(shadow(el).querySelector('[role="alert"]'));

describe('<care-meeting-scheduler> when the network drops a part that loads on first use', () => {
  it('says to check the connection, and after a second failure to reload the page; the booked meeting stays', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      await executeServerCommand('fail-next-request', { path: '/meeting-scheduler/planning-part.ts', times: 5 });
      const el = await renderScheduler({ meeting: meetingOf('mt-series') });
      button(el, 'Change').click();
      await settle(el);
      expect(alertText(el)).to.equal('Error: The form could not be opened. Check your connection and try again.');
      button(el, 'Try again').click();
      await settle(el);
      // Try again's request was dropped as well.
      expect(alertText(el)).to.equal('Error: The form still could not be opened. Reload the page, then try again.');
      expect(deepActiveElement(), 'focus stays on Try again').to.equal(button(el, 'Try again'));
      expect(textOf($(el, '#title')), 'the booked meeting stays').to.equal('Responsibility-group meeting');
    } finally {
      await executeServerCommand('restore-requests', { path: '/meeting-scheduler/planning-part.ts' });
      console.warn = warn;
    }
  });
});
