// Busy times for many people over many weeks take tens of milliseconds to check against the
// contract: the scheduler checks them in a task of their own before its first render with them,
// so the check and that render never block the page together.
import type { CareMeetingScheduler } from '../../../src/components/meeting-scheduler/meeting-scheduler.js';
import { expect, fixture, html } from '../../helpers/fixture.js';
import { $$, meetingOf, record, shadow, textOf, TODAY } from './fixtures.js';

const HOUR = 3_600_000;

/** Kari busy during the first meeting, and 2,400 more busy times far from it (in 2028). */
const largeAvailability = () => {
  const filler = Array.from({ length: 2_400 }, (_, i) => {
    const start = Date.parse('2028-01-03T08:00:00Z') + i * 2 * HOUR;
    return { start: new Date(start).toISOString(), end: new Date(start + HOUR / 2).toISOString() };
  });
  return [{ memberId: 'm-kari', busy: [{ start: '2026-12-08T09:00:00Z', end: '2026-12-08T09:30:00Z' }, ...filler] }];
};

const state = (el: CareMeetingScheduler) =>
  shadow(el).querySelector('[part~="loading"]') ? 'loading' : shadow(el).querySelector('[part~="participants"]') ? 'meeting' : 'other';

describe('<care-meeting-scheduler> with a large availability', () => {
  it('shows loading first, checks the busy times apart from the first render with them, then the meeting and its warnings', async () => {
    const data = record();
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('care-meeting-scheduler') as CareMeetingScheduler;
    Object.assign(el, { team: data.team, availability: largeAvailability(), consents: data.consents, meeting: meetingOf('mt-series'), today: TODAY, audience: 'professional' });
    el.setAttribute('lang', 'en');
    const seen: string[] = [];
    host.append(el);
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
    seen.push(state(el));
    await new Promise((resolve) => setTimeout(resolve));
    seen.push(state(el));
    await el.updateComplete;
    seen.push(state(el));
    expect(seen.join(', '), 'connecting task, the check\u2019s task, after updateComplete').to.equal('loading, loading, meeting');
    const warnings = $$(el, '[part~="warnings"] li').map(textOf).join(' | ');
    expect(warnings, 'the checked busy times are used').to.contain('Kari Nilsen');
  });

  it('keeps a meeting on screen (no loading) when new large busy times arrive, and checks them at once', async () => {
    const data = record();
    const el = await fixture<CareMeetingScheduler>(html`<care-meeting-scheduler
      lang="en"
      audience="professional"
      today=${TODAY}
      .team=${data.team}
      .consents=${data.consents}
      .meeting=${meetingOf('mt-series')}
    ></care-meeting-scheduler>`);
    await el.updateComplete;
    expect(state(el)).to.equal('meeting');
    el.availability = largeAvailability();
    for (let i = 0; i < 20; i += 1) await Promise.resolve();
    expect(state(el), 'in the same task: still the meeting, now with the new busy times').to.equal('meeting');
    expect($$(el, '[part~="warnings"] li').map(textOf).join(' | ')).to.contain('Kari Nilsen');
  });
});
