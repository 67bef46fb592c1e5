import * as v from 'valibot';
import { expect } from '@open-wc/testing';
import { findFreeSlots } from '../../../src/components/meeting-scheduler/free-time.js';
import { withBookedMeetings } from '../../../src/components/meeting-scheduler/team-meetings.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';

const record = v.parse(CareRecord, fjordvik);
const series = record.meetings.find((m) => m.id === 'mt-series')!;
const DEC_1 = Date.parse('2026-12-01T00:00:00+01:00');
const busyOf = (availability: ReturnType<typeof withBookedMeetings>, id: string) => availability.find((a) => a.memberId === id)?.busy ?? [];

describe('scheduler: the team\u2019s booked meetings are busy time', () => {
  it('adds each occurrence of a booked series for participants who have not declined', () => {
    const availability = withBookedMeetings(record.availability, record.meetings, undefined, DEC_1);
    const added = (id: string) => busyOf(availability, id).length - busyOf(record.availability, id).length;
    // Six occurrences; the third was moved to Thursday 21 January.
    expect(added('m-kari')).to.equal(6);
    const starts = busyOf(availability, 'm-kari').map((b) => Date.parse(b.start));
    expect(starts).to.include(Date.parse('2027-01-21T10:00:00+01:00'));
    expect(starts).to.not.include(Date.parse('2027-01-19T10:00:00+01:00'));
    // Ola declined; the held and the proposed meeting add nothing.
    expect(added('m-ola')).to.equal(0);
    expect(record.availability).to.not.equal(availability);
  });

  it('leaves out the meeting being viewed or changed', () => {
    const availability = withBookedMeetings(record.availability, record.meetings, 'mt-series', DEC_1);
    expect(busyOf(availability, 'm-kari')).to.deep.equal(busyOf(record.availability, 'm-kari'));
  });

  it('gives a member with no calendar an entry holding just their meetings', () => {
    const availability = withBookedMeetings([], [series], undefined, DEC_1);
    expect(availability.map((a) => a.memberId).sort()).to.deep.equal(['m-amina', 'm-erik', 'm-ingrid', 'm-kari', 'm-lars', 'm-sofie']);
    expect(availability.every((a) => a.workingHours === undefined)).to.equal(true);
  });

  it('counts a long-running series in the weeks ahead, not only its first occurrences', () => {
    const weekly = { ...series, id: 'mt-weekly', recurrence: { frequency: 'weekly' as const, interval: 1, exceptions: [] } };
    const later = Date.parse('2027-09-01T00:00:00+02:00');
    const starts = busyOf(withBookedMeetings([], [weekly], undefined, later), 'm-kari').map((b) => Date.parse(b.start));
    expect(starts.length).to.be.greaterThan(50);
    expect(Math.min(...starts)).to.be.greaterThan(later);
    expect(Math.min(...starts) - later).to.be.lessThan(8 * 86_400_000);
  });

  it('keeps the time finder off another booked meeting', () => {
    const from = Date.parse('2026-12-08T00:00:00+01:00');
    const query = { requiredIds: ['m-kari', 'm-amina'], optionalIds: [], from, to: from + 86_400_000, durationMinutes: 60, timeZone: 'Europe/Oslo' };
    const meetingStart = Date.parse(series.start);
    const meetingEnd = Date.parse(series.end);
    const clashes = (slots: ReturnType<typeof findFreeSlots>) => slots.filter((s) => Date.parse(s.start) < meetingEnd && Date.parse(s.end) > meetingStart);
    expect(clashes(findFreeSlots({ ...query, availability: [] })).length, 'without the meeting, 10:00 is free').to.be.greaterThan(0);
    expect(clashes(findFreeSlots({ ...query, availability: withBookedMeetings([], [series], undefined, DEC_1) }))).to.deep.equal([]);
  });
});
