import * as v from 'valibot';
import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { Meeting } from '../../../src/contract/meeting.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { agendaText, escapeText, foldLine, icsFileName, meetingToIcs } from '../../../src/components/meeting-scheduler/ics.js';
import { withOccurrenceChange, expandOccurrences } from '../../../src/components/meeting-scheduler/recurrence.js';

const record = v.parse(CareRecord, fjordvik);
const series = record.meetings.find((m) => m.id === 'mt-series')!;
const names = (id: string) => record.team.members.find((m) => m.id === id)?.name ?? id;
const now = Date.parse('2026-12-01T08:00:00Z');

/** Parses the text with ical.js and registers its VTIMEZONEs so zoned times convert to instants. */
const parse = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
};
const instant = (time: ICAL.Time) => time.toJSDate().toISOString();

describe('ics export', () => {
  afterEach(() => ICAL.TimezoneService.reset());

  it('writes a calendar that ical.js reads, with PRODID, VERSION and a VTIMEZONE', () => {
    const text = meetingToIcs(series, { members: record.team.members, now });
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).to.equal(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).to.equal(true);
    const calendar = parse(text);
    expect(calendar.getFirstPropertyValue('version')).to.equal('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).to.contain('Care Elements');
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).to.equal('Europe/Oslo');
    expect(zone.getAllSubcomponents('standard')).to.have.length(1);
    expect(zone.getAllSubcomponents('daylight')).to.have.length(1);
    expect(String(zone.getFirstSubcomponent('daylight')!.getFirstPropertyValue('rrule'))).to.equal('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
  });

  it('gives the event its zone, times, title, place, video link and status', () => {
    const calendar = parse(meetingToIcs(series, { members: record.team.members, now }));
    const [main] = calendar.getAllSubcomponents('vevent').filter((e) => !e.hasProperty('recurrence-id'));
    const event = new ICAL.Event(main);
    expect(event.uid).to.equal('mt-series@care-elements');
    expect(event.summary).to.equal('Responsibility-group meeting');
    expect(event.location).to.equal('Fjordvik Health House, meeting room 2, Kaigata 4, 5900 Fjordvik');
    expect(main.getFirstProperty('dtstart')!.getParameter('tzid')).to.equal('Europe/Oslo');
    expect(event.startDate.zone!.tzid).to.equal('Europe/Oslo');
    expect(event.startDate.toString()).to.equal('2026-12-08T10:00:00');
    expect(instant(event.startDate)).to.equal('2026-12-08T09:00:00.000Z');
    expect(instant(event.endDate)).to.equal('2026-12-08T10:30:00.000Z');
    expect(main.getFirstPropertyValue('url')).to.equal('https://video.fjordvik.example/ansvarsgruppe-ingrid');
    expect(main.getFirstProperty('conference')!.getParameter('feature')).to.equal('VIDEO');
    expect(main.getFirstPropertyValue('status')).to.equal('CONFIRMED');
    expect(main.getFirstPropertyValue('dtstamp')!.toString()).to.equal('2026-12-01T08:00:00Z');
  });

  it('writes the recurrence rule and expands to 10:00 local after the March change', () => {
    const calendar = parse(meetingToIcs(series, { members: record.team.members, now }));
    const main = calendar.getAllSubcomponents('vevent').find((e) => !e.hasProperty('recurrence-id'))!;
    const rule = main.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).to.equal('WEEKLY');
    expect(rule.interval).to.equal(6);
    expect(rule.count).to.equal(6);
    const iterator = new ICAL.Event(main).iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) starts.push(instant(next));
    expect(starts).to.deep.equal(expandOccurrences(series).map((o) => o.originalStart));
    // 2027-04-13 is after the change to summer time: 10:00 local is 08:00 UTC.
    expect(starts[3]).to.equal('2027-04-13T08:00:00.000Z');
  });

  it('writes UNTIL in UTC for a series that ends on a date', () => {
    const meeting = v.parse(Meeting, { ...series, recurrence: { frequency: 'monthly', interval: 2, until: '2027-06-30' } });
    const calendar = parse(meetingToIcs(meeting, { now }));
    const rule = calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).to.equal('MONTHLY');
    expect(rule.interval).to.equal(2);
    expect(rule.until!.toString()).to.equal('2027-06-30T21:59:59Z');
  });

  it('lists attendees with role and answer', () => {
    const calendar = parse(meetingToIcs(series, { members: record.team.members, now }));
    const main = calendar.getFirstSubcomponent('vevent')!;
    const attendees = main.getAllProperties('attendee').map((p) => ({
      cn: p.getParameter('cn'),
      role: p.getParameter('role'),
      partstat: p.getParameter('partstat'),
      value: String(p.getFirstValue()),
    }));
    expect(attendees).to.have.length(7);
    expect(attendees[0]).to.deep.equal({ cn: 'Ingrid Solberg', role: 'REQ-PARTICIPANT', partstat: 'ACCEPTED', value: 'urn:care-elements:member:m-ingrid' });
    expect(attendees.find((a) => a.cn === 'Erik Solberg')).to.include({ role: 'OPT-PARTICIPANT', partstat: 'TENTATIVE' });
    expect(attendees.find((a) => a.cn === 'Lars Haugen')).to.include({ role: 'OPT-PARTICIPANT', partstat: 'NEEDS-ACTION' });
    expect(attendees.find((a) => a.cn === 'Ola Berg')).to.include({ partstat: 'DECLINED' });
    // Lars's e-mail address is private, so it is not put in a file that may be shared.
    expect(attendees.some((a) => a.value.includes('legesenter'))).to.equal(false);
    expect(String(main.getFirstPropertyValue('organizer'))).to.equal('urn:care-elements:member:m-kari');
  });

  it('writes cancelled dates as EXDATE and moved ones as extra events with RECURRENCE-ID', () => {
    const third = expandOccurrences(series)[2];
    const meeting = withOccurrenceChange(series, third.originalStart, { cancelled: true });
    const calendar = parse(meetingToIcs(meeting, { members: record.team.members, now }));
    const events = calendar.getAllSubcomponents('vevent');
    const main = events.find((e) => !e.hasProperty('recurrence-id'))!;
    const exdates = main.getAllProperties('exdate').map((p) => instant(p.getFirstValue() as ICAL.Time));
    expect(exdates).to.deep.equal([third.originalStart]);
    const moved = events.filter((e) => e.hasProperty('recurrence-id'));
    expect(moved).to.have.length(1);
    const exception = new ICAL.Event(moved[0]);
    expect(instant(exception.recurrenceId)).to.equal('2027-01-19T09:00:00.000Z');
    expect(instant(exception.startDate)).to.equal('2027-01-21T09:00:00.000Z');
    expect(exception.uid).to.equal('mt-series@care-elements');

    // ical.js applies both: the cancelled date is gone and the moved one is on the 21st.
    const event = new ICAL.Event(main);
    event.relateException(moved[0]);
    const iterator = event.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (exdates.includes(instant(next))) continue;
      starts.push(instant(event.getOccurrenceDetails(next).startDate));
    }
    expect(starts).to.have.length(5);
    expect(starts).to.include('2027-01-21T09:00:00.000Z');
    expect(starts).not.to.include(third.originalStart);
  });

  it('puts the agenda in the description', () => {
    const description = agendaText(series, { timeZone: 'Europe/Oslo', heading: 'Agenda:', memberName: names });
    const calendar = parse(meetingToIcs(series, { members: record.team.members, now, description }));
    const text = calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('description') as string;
    expect(text.split('\n').slice(0, 3)).to.deep.equal([
      'Agenda:',
      '10:00–10:20 How has it been since last time? (Ingrid Solberg, Erik Solberg, Kari Nilsen, Amina Rahimi, Sofie Lund)',
      '10:20–10:45 Medicines and blood tests (Ingrid Solberg, Kari Nilsen, Lars Haugen, Amina Rahimi)',
    ]);
    expect(text).to.contain('https://video.fjordvik.example/ansvarsgruppe-ingrid');
  });

  it('keeps hostile text inside its property', () => {
    const hostile = v.parse(Meeting, {
      ...series,
      title: 'Review\r\nATTENDEE:mailto:evil@x\r\nEND:VEVENT; a, b \\ c',
      location: { name: 'Room 1\nDTSTART:19700101T000000Z', address: '<script>alert(1)</script>' },
      organiser: { name: 'Kari "the boss"\r\nX-EVIL:1', id: 'm-kari' },
    });
    const members = record.team.members.map((m) => (m.id === 'm-ingrid' ? { ...m, name: 'Ingrid";ROLE=CHAIR:mailto:evil@x\nX:1' } : m));
    const text = meetingToIcs(hostile, { members, now, description: 'line 1\r\nline 2;\nATTENDEE:mailto:evil@x' });
    expect(text).not.to.match(/\r\nATTENDEE:mailto:evil/);
    expect(text).not.to.match(/\r\nX-EVIL/);
    const calendar = parse(text);
    const events = calendar.getAllSubcomponents('vevent');
    expect(events).to.have.length(2);
    const main = events.find((e) => !e.hasProperty('recurrence-id'))!;
    expect(main.getFirstPropertyValue('summary')).to.equal('Review\nATTENDEE:mailto:evil@x\nEND:VEVENT; a, b \\ c');
    expect(main.getFirstPropertyValue('location')).to.equal('Room 1\nDTSTART:19700101T000000Z, <script>alert(1)</script>');
    expect(main.getAllProperties('attendee')).to.have.length(7);
    expect(main.getAllProperties('attendee').some((p) => String(p.getFirstValue()).includes('evil'))).to.equal(false);
    expect(main.getFirstProperty('attendee')!.getParameter('role')).to.equal('REQ-PARTICIPANT');
    // The name is kept exactly (RFC 6868 carries the quote and the line break), and still adds nothing.
    expect(main.getFirstProperty('attendee')!.getParameter('cn')).to.equal('Ingrid";ROLE=CHAIR:mailto:evil@x\nX:1');
    expect(main.getFirstProperty('organizer')!.getParameter('cn')).to.equal('Kari "the boss"\nX-EVIL:1');
    expect(main.getFirstPropertyValue('dtstart')!.toString()).to.equal('2026-12-08T10:00:00');
    expect(main.hasProperty('x-evil')).to.equal(false);
  });

  it('keeps names exactly: quotes, carets, commas and spaces at either end', () => {
    const odd = ['Anne "Nan" Olsen', '  Per Ås ', 'Smith, John; MD: GP', 'a^b ^n', "O'Neil", 'Ingrid'];
    const invited = series.participants.map((p) => p.memberId);
    const members = record.team.members.map((m) => (invited.indexOf(m.id) >= 0 && invited.indexOf(m.id) < odd.length ? { ...m, name: odd[invited.indexOf(m.id)] } : m));
    const text = meetingToIcs({ ...series, organiser: { name: ' Kari "K" Nilsen', id: 'none' } }, { members, now });
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).to.contain(`CN="Anne ^'Nan^' Olsen":`);
    expect(unfolded).to.contain('CN=Ingrid:');
    const main = parse(text).getFirstSubcomponent('vevent')!;
    const names = main.getAllProperties('attendee').map((p) => p.getParameter('cn'));
    for (const name of odd) expect(names).to.include(name);
    expect(main.getFirstProperty('organizer')!.getParameter('cn')).to.equal(' Kari "K" Nilsen');
  });

  it('writes every exception of an open-ended series, also those far after the first dates', () => {
    const long = v.parse(Meeting, { ...series, recurrence: { frequency: 'weekly', interval: 1 } });
    const [late, moved] = expandOccurrences(long, { fromIndex: 150, max: 2 });
    expect([late.originalStart, moved.originalStart]).to.deep.equal(['2029-10-23T08:00:00.000Z', '2029-10-30T09:00:00.000Z']);
    let meeting = withOccurrenceChange(long, late.originalStart, { cancelled: true });
    meeting = withOccurrenceChange(meeting, moved.originalStart, { start: '2030-01-01T12:00:00Z', end: '2030-01-01T13:30:00Z' });
    const events = parse(meetingToIcs(meeting, { now })).getAllSubcomponents('vevent');
    const main = events.find((e) => !e.hasProperty('recurrence-id'))!;
    expect(main.getAllProperties('exdate').map((p) => instant(p.getFirstValue() as ICAL.Time))).to.include(late.originalStart);
    const instances = events.filter((e) => e.hasProperty('recurrence-id')).map((e) => new ICAL.Event(e));
    expect(instances.map((e) => instant(e.recurrenceId))).to.include(moved.originalStart);
    expect(instances.map((e) => instant(e.startDate))).to.include('2030-01-01T12:00:00.000Z');
  });

  it('escapes text and folds long lines at 75 octets without splitting characters', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg\u0007')).to.equal('a\\\\b\\;c\\,d\\ne\\nf\\ng');
    const long = `SUMMARY:${'æ'.repeat(100)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).to.equal(true);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).to.equal(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).to.equal(long);
  });

  it('writes a zone without daylight saving as one STANDARD component', () => {
    const meeting = v.parse(Meeting, { ...series, timeZone: 'Asia/Tokyo', recurrence: undefined });
    const calendar = parse(meetingToIcs(meeting, { now }));
    const zone = calendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getAllSubcomponents('daylight')).to.have.length(0);
    expect(zone.getFirstSubcomponent('standard')!.getFirstPropertyValue('tzoffsetto')!.toString()).to.equal('+09:00');
    expect(instant(new ICAL.Event(calendar.getFirstSubcomponent('vevent')!).startDate)).to.equal('2026-12-08T09:00:00.000Z');
  });

  it('names the file after the title and date', () => {
    expect(icsFileName(series)).to.equal('responsibility-group-meeting-2026-12-08.ics');
    expect(icsFileName({ ...series, title: '<>' })).to.equal('meeting-2026-12-08.ics');
  });
});
