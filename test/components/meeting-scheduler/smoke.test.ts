import { expect } from '../../helpers/fixture.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { $, meetingOf, renderScheduler, shadow, textOf } from './fixtures.js';

describe('smoke', () => {
  it('planner', async () => {
    const el = await renderScheduler();
    console.log(textOf(shadow(el)).slice(0, 3000));
    await expectAxeClean(el);
  });
  it('booked', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series'), me: 'm-lars' });
    console.log(textOf(shadow(el)).slice(0, 4000));
    await expectAxeClean(el);
    expect($(el, 'h2')).to.exist;
  });
});
