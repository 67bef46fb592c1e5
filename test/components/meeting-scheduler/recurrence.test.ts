import * as v from 'valibot';
import { expect } from '@open-wc/testing';
import { Meeting, type MeetingInput } from '../../../src/contract/meeting.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { expandOccurrences, nextOccurrence, withOccurrenceChange } from '../../../src/components/meeting-scheduler/recurrence.js';
import { agendaFor, agendaOf, attendanceWindow } from '../../../src/components/meeting-scheduler/agenda.js';
import { dateIn, timeIn } from '../../../src/components/meeting-scheduler/zone.js';

const OSLO = 'Europe/Oslo';
const record = v.parse(CareRecord, fjordvik);
const series = record.meetings.find((m) => m.id === 'mt-series')!;
const local = (iso: string) => `${dateIn(iso, OSLO)} ${timeIn(iso, OSLO)}`;

const weekly = (overrides: Partial<MeetingInput> & { recurrence?: MeetingInput['recurrence'] } = {}) =>
  v.parse(Meeting, {
    id: 'mt-x',
    title: 'Series',
    kind: 'coordination',
    mode: 'digital',
    videoLink: 'https://video.example/x',
    start: '2027-03-16T10:00:00+01:00',
    end: '2027-03-16T11:00:00+01:00',
    timeZone: OSLO,
    participants: [{ memberId: 'm-ingrid' }],
    status: 'booked',
    ...overrides,
  });

describe('recurrence', () => {
  it('gives a single meeting one occurrence', () => {
    const single = weekly();
    expect(expandOccurrences(single)).to.deep.equal([
      { index: 0, originalStart: '2027-03-16T09:00:00.000Z', start: '2027-03-16T09:00:00.000Z', end: '2027-03-16T10:00:00.000Z', status: 'scheduled' },
    ]);
  });

  it('keeps a weekly 10:00 Europe/Oslo meeting at 10:00 across 2027-03-28', () => {
    const meeting = weekly({ recurrence: { frequency: 'weekly', interval: 1, count: 4 } });
    const occurrences = expandOccurrences(meeting);
    expect(occurrences.map((o) => local(o.start))).to.deep.equal([
      '2027-03-16 10:00',
      '2027-03-23 10:00',
      '2027-03-30 10:00',
      '2027-04-06 10:00',
    ]);
    // The instant moves one hour earlier in UTC once summer time starts.
    expect(occurrences[1].start).to.equal('2027-03-23T09:00:00.000Z');
    expect(occurrences[2].start).to.equal('2027-03-30T08:00:00.000Z');
    expect(occurrences.every((o) => Date.parse(o.end) - Date.parse(o.start) === 3_600_000)).to.equal(true);
  });

  it('keeps 10:00 across the October change too', () => {
    const meeting = weekly({
      start: '2027-10-26T10:00:00+02:00',
      end: '2027-10-26T11:30:00+02:00',
      recurrence: { frequency: 'weekly', interval: 1, count: 2 },
    });
    expect(expandOccurrences(meeting).map((o) => local(o.start))).to.deep.equal(['2027-10-26 10:00', '2027-11-02 10:00']);
    expect(expandOccurrences(meeting)[1].start).to.equal('2027-11-02T09:00:00.000Z');
  });

  it('expands the Fjordvik 6-weekly series: count 6 with one moved date', () => {
    const occurrences = expandOccurrences(series);
    expect(occurrences).to.have.length(6);
    expect(occurrences.map((o) => dateIn(o.originalStart, OSLO))).to.deep.equal([
      '2026-12-08',
      '2027-01-19',
      '2027-03-02',
      '2027-04-13',
      '2027-05-25',
      '2027-07-06',
    ]);
    expect(occurrences.map((o) => timeIn(o.start, OSLO)).every((t) => t === '10:00')).to.equal(true);
    expect(occurrences[1].status).to.equal('moved');
    expect(local(occurrences[1].start)).to.equal('2027-01-21 10:00');
    expect(occurrences.filter((o) => o.status === 'scheduled')).to.have.length(5);
  });

  it('stops at an until date, inclusive, on the meeting zone\u2019s calendar', () => {
    const meeting = weekly({ recurrence: { frequency: 'weekly', interval: 2, until: '2027-04-13' } });
    expect(expandOccurrences(meeting).map((o) => dateIn(o.start, OSLO))).to.deep.equal(['2027-03-16', '2027-03-30', '2027-04-13']);
  });

  it('repeats every N months on the same day and skips months without it', () => {
    const meeting = weekly({ recurrence: { frequency: 'monthly', interval: 2, count: 4 } });
    expect(expandOccurrences(meeting).map((o) => local(o.start))).to.deep.equal([
      '2027-03-16 10:00',
      '2027-05-16 10:00',
      '2027-07-16 10:00',
      '2027-09-16 10:00',
    ]);
    const endOfMonth = weekly({
      start: '2027-01-31T09:00:00+01:00',
      end: '2027-01-31T10:00:00+01:00',
      recurrence: { frequency: 'monthly', interval: 1, count: 3 },
    });
    expect(expandOccurrences(endOfMonth).map((o) => dateIn(o.start, OSLO))).to.deep.equal(['2027-01-31', '2027-03-31', '2027-05-31']);
  });

  it('limits an open-ended series to a window', () => {
    const meeting = weekly({ recurrence: { frequency: 'weekly', interval: 1 } });
    expect(expandOccurrences(meeting, { until: '2027-04-01T00:00:00Z' })).to.have.length(3);
    expect(expandOccurrences(meeting).length).to.be.greaterThan(10);
  });

  it('moves and cancels single occurrences, replacing an earlier change to the same one', () => {
    const meeting = weekly({ recurrence: { frequency: 'weekly', interval: 1, count: 3 } });
    const [, second, third] = expandOccurrences(meeting);
    let changed = withOccurrenceChange(meeting, second.originalStart, { cancelled: true });
    changed = withOccurrenceChange(changed, third.originalStart, { start: '2027-04-01T12:00:00+02:00', end: '2027-04-01T13:00:00+02:00' });
    changed = withOccurrenceChange(changed, second.originalStart, { start: '2027-03-24T09:00:00+01:00', end: '2027-03-24T10:00:00+01:00' });
    expect(v.safeParse(Meeting, changed).success).to.equal(true);
    expect(changed.recurrence!.exceptions).to.have.length(2);
    const occurrences = expandOccurrences(changed);
    expect(occurrences.map((o) => o.status)).to.deep.equal(['scheduled', 'moved', 'moved']);
    expect(local(occurrences[1].start)).to.equal('2027-03-24 09:00');
    const cancelled = expandOccurrences(withOccurrenceChange(changed, third.originalStart, { cancelled: true }));
    expect(cancelled[2].status).to.equal('cancelled');
    expect(nextOccurrence(cancelled, Date.parse('2027-03-20T00:00:00Z'))!.index).to.equal(1);
  });
});

describe('agenda per participant', () => {
  it('gives each person only the items they are needed for', () => {
    expect(agendaFor(series, 'm-lars').map((i) => `${timeIn(i.start, OSLO)}–${timeIn(i.end, OSLO)} ${i.title}`)).to.deep.equal([
      '10:20–10:45 Medicines and blood tests',
    ]);
    expect(agendaFor(series, 'm-sofie').map((i) => i.id)).to.deep.equal(['a-1', 'a-3', 'a-4']);
    expect(agendaFor(series, 'm-ingrid')).to.have.length(4);
    expect(agendaFor(series, 'm-ola')).to.deep.equal([]);
  });

  it('moves the agenda with the occurrence, keeping the running order on the local clock', () => {
    const moved = expandOccurrences(series)[1];
    const items = agendaFor(series, 'm-lars', moved.start);
    expect(local(items[0].start)).to.equal('2027-01-21 10:20');
    // Across DST the item keeps its local time, because occurrences keep theirs.
    const summer = expandOccurrences(series)[4];
    expect(local(agendaFor(series, 'm-lars', summer.start)[0].start)).to.equal('2027-05-25 10:20');
  });

  it('puts items without named attendees on everyone\u2019s agenda', () => {
    const meeting = weekly({
      agenda: [{ id: 'i', title: 'Welcome', start: '2027-03-16T10:00:00+01:00', end: '2027-03-16T10:10:00+01:00' }],
      participants: [{ memberId: 'a' }, { memberId: 'b' }],
    });
    expect(agendaOf(meeting)[0].attendeeIds).to.deep.equal(['a', 'b']);
    expect(agendaFor(meeting, 'b')).to.have.length(1);
  });

  it('tells a person when they need to be there', () => {
    expect(attendanceWindow(agendaFor(series, 'm-sofie'))).to.deep.equal({
      start: '2026-12-08T09:00:00.000Z',
      end: '2026-12-08T10:30:00.000Z',
    });
    expect(attendanceWindow([])).to.equal(undefined);
  });
});
