// The page's first date formatter takes tens of milliseconds to make (the browser loads its
// calendar data). An element that has nothing to show yet must not make one: on a page that
// defines the elements, that would land in the task that runs the elements' code.
import type { CareMeetingScheduler } from '../../src/components/meeting-scheduler/meeting-scheduler.js';
import { expect, fixture, html } from '../helpers/fixture.js';
import { meetingOf, record, shadow } from '../components/meeting-scheduler/fixtures.js';

/** Counts the date formatters made while `run` runs (a zone no other test uses, so none is cached). */
const formattersMadeDuring = async (run: () => Promise<void>): Promise<number> => {
  const original = Intl.DateTimeFormat;
  let made = 0;
  Intl.DateTimeFormat = new Proxy(original, {
    construct(target, args) {
      made += 1;
      return Reflect.construct(target, args);
    },
    apply(target, self, args) {
      made += 1;
      return Reflect.apply(target, self, args);
    },
  });
  try {
    await run();
  } finally {
    Intl.DateTimeFormat = original;
  }
  return made;
};

describe('<care-meeting-scheduler> before its data', () => {
  it('shows loading without making a date formatter, and works out today once there is a meeting to show', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('care-meeting-scheduler') as CareMeetingScheduler;
    // No `today`: the scheduler would work it out in its zone, which only a date formatter can.
    el.setAttribute('time-zone', 'America/Nuuk');
    el.setAttribute('lang', 'en');
    el.loading = true;
    const made = await formattersMadeDuring(async () => {
      host.append(el);
      await el.updateComplete;
    });
    expect(Boolean(shadow(el).querySelector('[part~="loading"]'))).to.equal(true);
    expect(made).to.equal(0);

    const data = record();
    const madeWithData = await formattersMadeDuring(async () => {
      Object.assign(el, { loading: false, team: data.team, availability: data.availability, consents: data.consents, meeting: meetingOf('mt-series'), audience: 'professional' });
      await el.updateComplete;
    });
    expect(Boolean(shadow(el).querySelector('[part~="participants"]'))).to.equal(true);
    expect(madeWithData).to.be.greaterThan(0);
  });
});

describe('every element before its data', () => {
  const tags = ['care-team-roster', 'care-responsibility-matrix', 'care-consent-list', 'care-consent-toggle', 'care-crisis-plan', 'care-meeting-outcomes', 'care-coordination-overview'];
  for (const tag of tags) {
    it(`<${tag}> shows its first state without making a date formatter`, async () => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<boolean> };
      el.setAttribute('time-zone', 'America/Nuuk');
      el.setAttribute('lang', 'en');
      const made = await formattersMadeDuring(async () => {
        host.append(el);
        await el.updateComplete;
      });
      expect(made).to.equal(0);
    });
  }
});
