import * as v from 'valibot';
import '../../src/components/consent-list/define.js';
import '../../src/components/consent-toggle/define.js';
import '../../src/components/crisis-plan/define.js';
import '../../src/components/meeting-outcomes/define.js';
import '../../src/components/meeting-scheduler/define.js';
import '../../src/components/responsibility-matrix/define.js';
import '../../src/context/define.js';
import { untilNextQuarter } from '../../src/components/base/day-clock.js';
import { CareRecord } from '../../src/contract/record.js';
import { localDay } from '../../src/contract/rules.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../src/data/memory-source.js';
import { CareStore } from '../../src/data/store.js';
import { expectAxeClean } from '../helpers/a11y.js';
import { expect, fixture, fixtureCleanup, html, settle } from '../helpers/fixture.js';
import { textOf } from '../components/consent-toggle/support.js';

const record = () => v.parse(CareRecord, structuredClone(fjordvik));
const ingrid = { id: 'm-ingrid', name: 'Ingrid Solberg' };
const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const RealDate = Date;

/**
 * The page's clock moved to `at` (ms) while the page comes back into view (as after sleep), until
 * `el` has rendered: `new Date()` and `Date.now()` answer `at` for that long only, so the test
 * runner's own timing never sees the moved clock.
 */
const shownAt = async (at: number, el: Element & { updateComplete?: Promise<unknown> }) => {
  class ClockDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length) super(...(args as [string]));
      else super(at);
    }
    static override now() {
      return at;
    }
  }
  globalThis.Date = ClockDate as DateConstructor;
  try {
    document.dispatchEvent(new Event('visibilitychange'));
    await el.updateComplete;
  } finally {
    globalThis.Date = RealDate;
  }
};

/** Noon of the reader's calendar day `days` after today, in ms. */
const noonIn = (days: number) => {
  const d = new RealDate();
  return new RealDate(d.getFullYear(), d.getMonth(), d.getDate() + days, 12).getTime();
};
const dayIn = (days: number) => localDay(new RealDate(noonIn(days)));

describe('elements follow the clock past midnight', () => {
  afterEach(() => fixtureCleanup());

  it('a consent toggle whose agreement ends today shows it ended on the next day, without a reload', async () => {
    const directive = { ...record().consents.find((c) => c.id === 'c-nav')!, validUntil: dayIn(0) };
    const el = await fixture(html`<care-consent-toggle .directive=${directive} .team=${record().team} .actor=${ingrid} lang="en"></care-consent-toggle>`);
    await settle(el);
    const toggle = () => el.shadowRoot!.querySelector('[role="switch"]')!;
    expect(toggle().getAttribute('aria-checked'), 'in force on its last day').to.equal('true');
    expect(el.shadowRoot!.querySelector('.notice') === null, 'no notice').to.equal(true);
    await shownAt(noonIn(1), el);
    expect(toggle().getAttribute('aria-checked'), 'nothing is shared the day after').to.equal('false');
    expect(textOf(el.shadowRoot!.querySelector('.notice'))).to.contain('This agreement ended on');
    await expectAxeClean(el);
  });

  it('a consent list counts an agreement that began at midnight as allowing sharing', async () => {
    const r = record();
    const consents = r.consents.map((c) => (c.id === 'c-nav' ? { ...c, validFrom: dayIn(1), validUntil: undefined } : c));
    const el = await fixture(html`<care-consent-list .consents=${consents} .team=${r.team} .actor=${ingrid} lang="en"></care-consent-list>`);
    await settle(el);
    const summary = () => textOf(el.shadowRoot!.querySelector('[part~="summary"]'));
    const before = summary();
    await shownAt(noonIn(1), el);
    expect(summary()).not.to.equal(before);
    const count = (text: string) => Number(/\d+/.exec(text)?.[0]);
    expect(count(summary()), 'one more agreement allows sharing').to.equal(count(before) + 1);
  });

  it('a crisis plan whose review is due today says it is out of date on the next day', async () => {
    const r = record();
    const plan = { ...r.crisisPlans[0], nextReview: dayIn(0) };
    const el = await fixture(html`<care-crisis-plan
      .plan=${plan}
      .team=${r.team}
      .responsibilities=${r.responsibilities}
      .consents=${r.consents}
      .actor=${ingrid}
      audience="service-user"
      lang="en"
    ></care-crisis-plan>`);
    await settle(el);
    const text = () => textOf(el.shadowRoot!.querySelector('article') ?? el.shadowRoot!.firstElementChild);
    expect(text().includes('should have been looked at again'), 'not out of date on its review day').to.equal(false);
    await shownAt(noonIn(1), el);
    expect(text().includes('This plan should have been looked at again on'), 'out of date the day after').to.equal(true);
  });

  it('a meeting outcome opens for recording once the meeting has ended, without a reload', async () => {
    const r = record();
    const end = RealDate.now() + 10 * 60_000;
    r.meetings = r.meetings.map((m) => (m.id === 'mt-october' ? { ...m, start: new RealDate(end - 3_600_000).toISOString(), end: new RealDate(end).toISOString() } : m));
    r.meetingOutcomes = r.meetingOutcomes.filter((o) => o.meetingId !== 'mt-october');
    const store = new CareStore(new MemorySource({ seed: r }), 'team-ingrid', kari);
    await store.load();
    const context = await fixture(html`<care-context .store=${store} lang="en">
      <care-meeting-outcomes meeting-id="mt-october" audience="professional"></care-meeting-outcomes>
    </care-context>`);
    const el = context.querySelector('care-meeting-outcomes')!;
    await settle(el);
    const notice = () => textOf(el.shadowRoot!.querySelector('.notice'));
    expect(notice()).to.contain('What was agreed can be written down after that.');
    await shownAt(end + 60_000, el);
    expect(el.shadowRoot!.querySelector('.notice') === null, 'the notice is gone').to.equal(true);
    expect(el.shadowRoot!.querySelector('[part~="record"]') !== null, 'recording is open').to.equal(true);
  });

  it('a responsibility matrix whose review is due today flags it overdue on the next day, without a reload', async () => {
    const r = record();
    const responsibilities = r.responsibilities.map((x) => (x.id === 'r-crisis' ? { ...x, reviewDate: dayIn(0) } : x));
    const el = await fixture(html`<care-responsibility-matrix view="grid" filter="all" .team=${r.team} .responsibilities=${responsibilities} lang="en"></care-responsibility-matrix>`);
    await settle(el);
    const flags = () => textOf(el.shadowRoot!.querySelector<HTMLTableRowElement>('tr[data-row="r:r-crisis"]')!.cells[1]);
    expect(flags().includes('Review was due'), 'not overdue on its review day').to.equal(false);
    await shownAt(noonIn(1), el);
    expect(flags()).to.contain('Review was due');
  });

  it('a meeting scheduler showing a series moves its next time on once today\u2019s meeting is a day past, without a reload', async () => {
    const r = record();
    const series = r.meetings.find((m) => m.id === 'mt-series')!;
    const meeting = {
      ...series,
      start: `${dayIn(0)}T09:00:00Z`,
      end: `${dayIn(0)}T10:00:00Z`,
      recurrence: { frequency: 'weekly' as const, interval: 1, count: 3 },
      agenda: [],
    };
    const el = await fixture(html`<care-meeting-scheduler .team=${r.team} .availability=${r.availability} .consents=${r.consents} .meeting=${meeting} audience="professional" lang="en" viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>`);
    await settle(el);
    const next = () => textOf([...el.shadowRoot!.querySelectorAll('.facts > div')].find((d) => textOf(d.querySelector('dt')) === 'Next time')?.querySelector('dd'));
    const dayMonth = (at: number) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'Europe/Oslo' }).format(at);
    expect(next(), 'today\u2019s meeting is the next').to.contain(dayMonth(noonIn(0)));
    await shownAt(noonIn(1), el);
    expect(next(), 'the next is a week on').to.contain(dayMonth(noonIn(7)));
  });

  it('an element given its own date keeps it', async () => {
    const directive = { ...record().consents.find((c) => c.id === 'c-nav')!, validUntil: '2027-01-10' };
    const el = await fixture(html`<care-consent-toggle .directive=${directive} .team=${record().team} .actor=${ingrid} .now=${'2027-01-10T12:00:00Z'} lang="en"></care-consent-toggle>`);
    await settle(el);
    await shownAt(RealDate.parse('2027-01-12T12:00:00Z'), el);
    expect(el.shadowRoot!.querySelector('[role="switch"]')!.getAttribute('aria-checked')).to.equal('true');
  });

  it('looks at the clock just after every quarter hour', () => {
    const quarter = 15 * 60_000;
    expect(untilNextQuarter(0)).to.equal(quarter + 1_000);
    expect(untilNextQuarter(quarter - 1)).to.equal(1_001);
    expect(untilNextQuarter(RealDate.parse('2026-12-07T23:59:59Z'))).to.equal(2_000);
    expect(untilNextQuarter(RealDate.parse('2026-12-07T23:52:30Z'))).to.equal(451_000);
  });
});
