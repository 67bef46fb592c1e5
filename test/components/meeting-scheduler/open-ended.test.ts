import * as v from 'valibot';
import ICAL from 'ical.js';
import { Meeting, type MeetingInput } from '../../../src/contract/meeting.js';
import { draftFromMeeting, meetingFromDraft } from '../../../src/components/meeting-scheduler/draft.js';
import { meetingToIcs } from '../../../src/components/meeting-scheduler/ics.js';
import { expandOccurrences, nextOfSeries, occurrencePage, takingPlaceBetween } from '../../../src/components/meeting-scheduler/recurrence.js';
import { withBookedMeetings } from '../../../src/components/meeting-scheduler/team-meetings.js';
import { dateIn } from '../../../src/components/meeting-scheduler/zone.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, settle } from '../../helpers/fixture.js';
import { $, $$, button, click, downloadIcs, fill, meetingOf, meetingRequests, record, renderScheduler, TODAY, textOf } from './fixtures.js';

const OSLO = 'Europe/Oslo';
const team = v.parse(Meeting, meetingOf('mt-series')).teamId;

/** A weekly Tuesday series with neither count nor until that began a year before TODAY (2026-12-01). */
const openEnded = (): MeetingInput => ({
  ...meetingOf('mt-series'),
  id: 'mt-weekly',
  teamId: team,
  start: '2025-12-02T10:00:00+01:00',
  end: '2025-12-02T11:00:00+01:00',
  agenda: [],
  recurrence: { frequency: 'weekly', interval: 1, exceptions: [] },
});
const now = Date.parse(`${TODAY}T00:00:00Z`);
const dates = (el: Element) => $$(el, '[part~="occurrence"]');
const whenOf = (el: Element) => dates(el).map((d) => textOf(d.querySelector('.occurrence-when')));

describe('an open-ended series that began a year ago', () => {
  it('expands any window of the rule, with each date\u2019s position in the series', () => {
    const series = v.parse(Meeting, openEnded());
    const window = expandOccurrences(series, { from: now, max: 3 });
    expect(window.map((o) => dateIn(o.start, OSLO))).to.deep.equal(['2026-12-01', '2026-12-08', '2026-12-15']);
    expect(window.map((o) => o.index)).to.deep.equal([52, 53, 54]);
    // Ten years on, still 10:00 on the Oslo clock.
    const later = expandOccurrences(series, { from: Date.parse('2035-06-01T00:00:00Z'), max: 1 })[0];
    expect(dateIn(later.start, OSLO)).to.equal('2035-06-05');
    expect(later.start).to.equal('2035-06-05T08:00:00.000Z');
    expect(expandOccurrences(series, { fromIndex: 52, max: 1 })[0].start).to.equal(window[0].start);
  });

  it('steps a monthly rule to a far window and still skips months without the day', () => {
    const monthly = v.parse(Meeting, {
      ...openEnded(),
      start: '2025-01-31T09:00:00+01:00',
      end: '2025-01-31T10:00:00+01:00',
      recurrence: { frequency: 'monthly', interval: 1 },
    });
    const all = expandOccurrences(monthly, { max: 40 });
    const far = expandOccurrences(monthly, { from: Date.parse('2027-01-01T00:00:00Z'), max: 4 });
    expect(far.map((o) => dateIn(o.start, OSLO))).to.deep.equal(['2027-01-31', '2027-03-31', '2027-05-31', '2027-07-31']);
    expect(far.map((o) => o.index)).to.deep.equal(far.map((o) => all.find((a) => a.start === o.start)!.index));
    expect(expandOccurrences(monthly, { fromIndex: far[0].index, max: 1 })[0].start).to.equal(far[0].start);
  });

  it('gives the next date after today, also past cancelled dates and with a date moved earlier', () => {
    let series = v.parse(Meeting, openEnded());
    expect(dateIn(nextOfSeries(series, now)!.start, OSLO)).to.equal('2026-12-01');
    series = v.parse(Meeting, {
      ...openEnded(),
      recurrence: {
        frequency: 'weekly',
        exceptions: [
          { originalStart: '2026-12-01T09:00:00Z', cancelled: true },
          { originalStart: '2026-12-08T09:00:00Z', cancelled: true },
          { originalStart: '2027-01-05T09:00:00Z', start: '2026-12-10T09:00:00Z', end: '2026-12-10T10:00:00Z' },
        ],
      },
    });
    const next = nextOfSeries(series, now)!;
    expect(next.status).to.equal('moved');
    expect(next.start).to.equal('2026-12-10T09:00:00.000Z');
  });

  it('opens the list of dates at today and pages to later and earlier dates', () => {
    const series = v.parse(Meeting, openEnded());
    const page = occurrencePage(series, { now });
    expect(page.total).to.equal(undefined);
    expect(page.hasEarlier).to.equal(true);
    expect(page.hasLater).to.equal(true);
    expect(page.occurrences).to.have.length(10);
    expect(dateIn(page.occurrences[0].start, OSLO)).to.equal('2026-12-01');
    const finite = occurrencePage(v.parse(Meeting, meetingOf('mt-series')), { now });
    expect([finite.total, finite.hasEarlier, finite.hasLater, finite.occurrences.length]).to.deep.equal([6, false, false, 6]);
  });

  it('counts as busy time after today for the time finder', () => {
    const series = v.parse(Meeting, openEnded());
    const busy = takingPlaceBetween(series, now, now + 21 * 86_400_000);
    expect(busy.map((o) => dateIn(o.start, OSLO))).to.deep.equal(['2026-12-01', '2026-12-08', '2026-12-15']);
    const availability = withBookedMeetings([], [series], undefined, now);
    const ingrid = availability.find((a) => a.memberId === 'm-ingrid')!;
    expect(ingrid.busy.some((b) => b.start === '2027-06-01T08:00:00.000Z')).to.equal(true);
  });

  it('keeps the series open-ended when only the title is changed in the form', () => {
    const data = record();
    const previous = v.parse(Meeting, openEnded());
    const draft = draftFromMeeting(previous, data.team as never, (d) => d);
    expect(draft.ends).to.equal('never');
    const after = meetingFromDraft({ ...draft, title: 'Weekly check-in' }, { team: data.team as never, previous, newId: () => 'x' });
    expect(after.recurrence).to.deep.equal({ frequency: 'weekly', interval: 1, exceptions: [] });
    expect(v.safeParse(Meeting, after).success).to.equal(true);
  });

  it('shows the next time and the dates after today in the element', async () => {
    const el = await renderScheduler({ meeting: openEnded() });
    const next = $$(el, '.facts > div').find((d) => textOf(d.querySelector('dt')) === 'Next time');
    expect(textOf(next!.querySelector('dd'))).to.contain('Tuesday 1 Dec 2026, 10:00–11:00');
    expect(textOf($(el, '#dates-title'))).to.equal('Dates');
    expect(whenOf(el)[0]).to.equal('Tuesday 1 Dec 2026, 10:00–11:00');
    expect(whenOf(el)).to.have.length(10);
    expect(textOf($(el, '.dates-shown'))).to.equal('Showing 1 Dec 2026 to 2 Feb 2027');
    await click(el, button(el, 'Later dates'));
    expect(whenOf(el)[0]).to.equal('Tuesday 9 Feb 2027, 10:00–11:00');
    await click(el, button(el, 'Earlier dates'));
    await click(el, button(el, 'Earlier dates'));
    expect(whenOf(el)[0]).to.equal('Tuesday 22 Sept 2026, 10:00–11:00');
    expect(textOf(dates(el)[0])).to.contain('Has taken place');
    await expectAxeClean(el);
  });

  it('cancels a date months after today, and the exported calendar leaves it out', async () => {
    const el = await renderScheduler({ meeting: openEnded() });
    const log = meetingRequests(el);
    for (let page = 0; page < 3; page++) await click(el, button(el, 'Later dates'));
    const target = dates(el).find((d) => textOf(d.querySelector('.occurrence-when')).startsWith('Tuesday 6 Jul 2027'))!;
    await click(el, [...target.querySelectorAll<HTMLButtonElement>('button')][1]);
    await click(el, button(el, 'Yes, cancel this date'));
    await settle(el);
    expect(log[0].detail.action).to.equal('cancel-occurrence');
    const after = log[0].detail.meeting;
    expect(after.recurrence!.exceptions).to.deep.equal([{ originalStart: '2027-07-06T08:00:00.000Z', cancelled: true }]);
    expect(after.recurrence!.count).to.equal(undefined);
    // The list stays on the page the person was on, with the date shown as cancelled.
    const shown = dates(el).find((d) => textOf(d.querySelector('.occurrence-when')).startsWith('Tuesday 6 Jul 2027'))!;
    expect(shown.getAttribute('part')).to.equal('occurrence occurrence-cancelled');

    const moved = v.parse(Meeting, {
      ...after,
      recurrence: {
        ...after.recurrence!,
        exceptions: [...after.recurrence!.exceptions, { originalStart: '2027-09-07T08:00:00.000Z', start: '2027-09-09T12:00:00Z', end: '2027-09-09T13:00:00Z' }],
      },
    });
    const calendar = new ICAL.Component(ICAL.parse(meetingToIcs(moved, { now })));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    try {
      const events = calendar.getAllSubcomponents('vevent');
      const main = new ICAL.Event(events.find((e) => !e.hasProperty('recurrence-id'))!);
      for (const exception of events.filter((e) => e.hasProperty('recurrence-id'))) main.relateException(exception);
      const exdates = events[0].getAllProperties('exdate').map((p) => (p.getFirstValue() as ICAL.Time).toJSDate().toISOString());
      const iterator = main.iterator();
      const starts: string[] = [];
      for (let next = iterator.next(); next && next.toJSDate().getTime() < Date.parse('2027-12-31T00:00:00Z'); next = iterator.next()) {
        if (exdates.includes(next.toJSDate().toISOString())) continue;
        starts.push(main.getOccurrenceDetails(next).startDate.toJSDate().toISOString());
      }
      expect(starts).not.to.include('2027-07-06T08:00:00.000Z');
      expect(starts).to.include('2027-06-29T08:00:00.000Z');
      expect(starts).to.include('2027-09-09T12:00:00.000Z');
      expect(starts).not.to.include('2027-09-07T08:00:00.000Z');
    } finally {
      ICAL.TimezoneService.reset();
    }
  });

  it('moves a date a year after today, and the moved date is listed where it now is', async () => {
    const el = await renderScheduler({ meeting: openEnded() });
    const log = meetingRequests(el);
    for (let page = 0; page < 5; page++) await click(el, button(el, 'Later dates'));
    const target = dates(el).find((d) => textOf(d.querySelector('.occurrence-when')).startsWith('Tuesday 7 Dec 2027'))!;
    await click(el, target.querySelector<HTMLButtonElement>('button[data-move]')!);
    await fill(el, '#move-date', '09/12/2027');
    await fill(el, '#move-time', '12:30');
    await click(el, button(el, 'Save new time'));
    await settle(el);
    expect(log[0].detail.action).to.equal('move-occurrence');
    expect(log[0].detail.meeting.recurrence!.exceptions).to.deep.equal([
      { originalStart: '2027-12-07T09:00:00.000Z', start: '2027-12-09T11:30:00.000Z', end: '2027-12-09T12:30:00.000Z' },
    ]);
    const moved = dates(el).find((d) => d.getAttribute('part') === 'occurrence occurrence-moved')!;
    expect(textOf(moved.querySelector('.occurrence-when'))).to.equal('Thursday 9 Dec 2027, 12:30–13:30');
  });

  it('opens the change form with "No end date" chosen and saves a title change as open-ended', async () => {
    const el = await renderScheduler({ meeting: openEnded() });
    const log = meetingRequests(el);
    await click(el, button(el, 'Change'));
    expect($<HTMLInputElement>(el, '#ends-never').checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#ends-count').checked).to.equal(false);
    await fill(el, '#title-input', 'Weekly check-in');
    await click(el, button(el, 'Save changes'));
    await settle(el);
    expect(log[0].detail.action).to.equal('update');
    const rule = log[0].detail.meeting.recurrence!;
    expect([rule.count, rule.until, rule.frequency, rule.interval]).to.deep.equal([undefined, undefined, 'weekly', 1]);
  });
});

describe('the exported calendar\u2019s description', () => {
  it('gives agenda times on the event\u2019s clock and names that zone, when the venue is in another zone', async () => {
    const meeting = meetingOf('mt-series');
    meeting.location = { ...meeting.location!, timeZone: 'Europe/London' };
    const el = await renderScheduler({ meeting });
    const text = (await downloadIcs(el)).text.replace(/\r\n /g, '');
    expect(text).to.contain('DTSTART;TZID=Europe/Oslo:20261208T100000');
    expect(text).to.contain('DESCRIPTION:Agenda (time in Europe/Oslo)\\n10:00–10:20 How has it been since last time?');
    expect(text).not.to.contain('09:00–09:20');
  });
});
