import * as v from 'valibot';
import { expect } from '@open-wc/testing';
import * as fc from 'fast-check';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import {
  availabilityChecker,
  busyDuring,
  distinctSlots,
  findFreeSlots,
  intersectSpans,
  mergeSpans,
  outsideWorkingHours,
  subtractSpans,
  type AvailabilityLike,
} from '../../../src/components/meeting-scheduler/free-time.js';
import { timeIn, dateIn } from '../../../src/components/meeting-scheduler/zone.js';
import { benchFreeTime } from './free-time-benchmark.js';

const OSLO = 'Europe/Oslo';
const record = v.parse(CareRecord, fjordvik);
const at = (iso: string) => Date.parse(iso);
const oslo = (start: string) => `${dateIn(start, OSLO)} ${timeIn(start, OSLO)}`;

describe('free-time: interval arithmetic', () => {
  it('merges overlapping and back-to-back intervals into one', () => {
    const merged = mergeSpans([
      { start: 50, end: 60 },
      { start: 0, end: 10 },
      { start: 10, end: 20 }, // back to back with the first
      { start: 15, end: 30 }, // overlapping
      { start: 40, end: 45 },
      { start: 44, end: 45 }, // inside another
    ]);
    expect(merged).to.deep.equal([
      { start: 0, end: 30 },
      { start: 40, end: 45 },
      { start: 50, end: 60 },
    ]);
  });

  it('drops empty and reversed intervals', () => {
    expect(mergeSpans([{ start: 5, end: 5 }, { start: 9, end: 3 }])).to.deep.equal([]);
  });

  it('subtracts and intersects sorted spans', () => {
    const from = [{ start: 0, end: 100 }, { start: 200, end: 300 }];
    const remove = [{ start: 10, end: 20 }, { start: 90, end: 210 }, { start: 250, end: 260 }];
    expect(subtractSpans(from, remove)).to.deep.equal([
      { start: 0, end: 10 },
      { start: 20, end: 90 },
      { start: 210, end: 250 },
      { start: 260, end: 300 },
    ]);
    expect(intersectSpans(from, remove)).to.deep.equal([
      { start: 10, end: 20 },
      { start: 90, end: 100 },
      { start: 200, end: 210 },
      { start: 250, end: 260 },
    ]);
  });

  it('never returns a slot that overlaps a required person\u2019s busy time (property)', () => {
    const day = at('2026-12-07T00:00:00+01:00');
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 1, max: 16 }))
      .map(([q, len]) => ({ start: new Date(day + q * 900_000).toISOString(), end: new Date(day + (q + len) * 900_000).toISOString() }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), fc.array(interval, { maxLength: 12 }), (a, b) => {
        const availability: AvailabilityLike[] = [
          { memberId: 'a', busy: a },
          { memberId: 'b', busy: b },
        ];
        const slots = findFreeSlots({
          availability,
          requiredIds: ['a', 'b'],
          from: day,
          to: day + 86_400_000,
          durationMinutes: 30,
          timeZone: OSLO,
        });
        return slots.every((slot) => busyDuring(availability, ['a', 'b'], { start: at(slot.start), end: at(slot.end) }).length === 0);
      }),
      { numRuns: 60 },
    );
  });
});

describe('free-time: findFreeSlots', () => {
  const base = {
    from: '2026-12-07T00:00:00+01:00',
    to: '2026-12-08T00:00:00+01:00',
    durationMinutes: 60,
    timeZone: OSLO,
  };

  it('keeps to 08:00–18:00 in the meeting zone for people without working hours', () => {
    const slots = findFreeSlots({ ...base, availability: [], requiredIds: ['a'] });
    const starts = slots.map((s) => timeIn(s.start, OSLO)).sort();
    expect(starts[0]).to.equal('08:00');
    expect(starts[starts.length - 1]).to.equal('17:00');
    expect(slots).to.have.length(37); // 08:00 … 17:00 every 15 minutes
  });

  it('treats overlapping and back-to-back busy intervals as one block', () => {
    const availability = [
      {
        memberId: 'a',
        busy: [
          { start: '2026-12-07T09:00:00+01:00', end: '2026-12-07T10:00:00+01:00' },
          { start: '2026-12-07T10:00:00+01:00', end: '2026-12-07T11:00:00+01:00' },
          { start: '2026-12-07T10:30:00+01:00', end: '2026-12-07T12:00:00+01:00' },
        ],
      },
    ];
    const slots = findFreeSlots({ ...base, availability, requiredIds: ['a'] });
    const starts = new Set(slots.map((s) => timeIn(s.start, OSLO)));
    expect(starts.has('08:00')).to.equal(true);
    for (const busy of ['08:15', '09:00', '10:00', '10:45', '11:45']) expect(starts.has(busy), busy).to.equal(false);
    expect(starts.has('12:00')).to.equal(true);
  });

  it('keeps to each required person\u2019s working hours in their own zone', () => {
    const availability = [
      { memberId: 'oslo', workingHours: [{ days: ['mon' as const], opens: '09:00', closes: '15:00', timeZone: OSLO }] },
      // 08:00–12:00 in London is 09:00–13:00 in Oslo.
      { memberId: 'london', workingHours: [{ days: ['mon' as const], opens: '08:00', closes: '12:00', timeZone: 'Europe/London' }] },
    ];
    const slots = findFreeSlots({ ...base, availability, requiredIds: ['oslo', 'london'] });
    const starts = slots.map((s) => timeIn(s.start, OSLO)).sort();
    expect(starts[0]).to.equal('09:00');
    expect(starts[starts.length - 1]).to.equal('12:00');
  });

  it('ranks by optional people free, then inside everyone\u2019s hours, then earliest', () => {
    const availability = [
      { memberId: 'opt1', busy: [{ start: '2026-12-07T08:00:00+01:00', end: '2026-12-07T10:00:00+01:00' }] },
      { memberId: 'opt2', workingHours: [{ days: ['mon' as const], opens: '12:00', closes: '16:00', timeZone: OSLO }], busy: [{ start: '2026-12-07T14:00:00+01:00', end: '2026-12-07T18:00:00+01:00' }] },
    ];
    const slots = findFreeSlots({ ...base, availability, requiredIds: ['req'], optionalIds: ['opt1', 'opt2'] });
    // Best: both optional free and inside opt2's hours: 12:00–13:00 … 13:00–14:00.
    expect(oslo(slots[0].start)).to.equal('2026-12-07 12:00');
    expect(slots[0].optionalFree).to.deep.equal(['opt1', 'opt2']);
    expect(slots[0].insideEveryonesHours).to.equal(true);
    // Two free but outside opt2's hours rank after those inside (10:00 … 11:00).
    const twoFree = slots.filter((s) => s.optionalFree.length === 2);
    expect(twoFree.map((s) => timeIn(s.start, OSLO))).to.deep.equal(['12:00', '12:15', '12:30', '12:45', '13:00', '10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30', '11:45']);
    expect(twoFree.at(-1)!.outsideHours).to.deep.equal(['opt2']);
    // Ties with one optional free come later, earliest first.
    const rest = slots.slice(twoFree.length);
    expect(rest.every((s) => s.optionalFree.length <= 1)).to.equal(true);
  });

  it('thins ranked slots into non-overlapping alternatives, keeping the ranking', () => {
    const slots = findFreeSlots({ ...base, availability: [], requiredIds: ['a'] });
    const distinct = distinctSlots(slots);
    expect(distinct.map((s) => timeIn(s.start, OSLO))).to.deep.equal(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00']);
    const ranked = [slots[5], slots[0], slots[4]];
    expect(distinctSlots(ranked).map((s) => timeIn(s.start, OSLO))).to.deep.equal(['09:15', '08:00']);
  });

  it('finds nothing when a required person is busy all day', () => {
    const availability = [{ memberId: 'a', busy: [{ start: '2026-12-07T07:00:00+01:00', end: '2026-12-07T19:00:00+01:00' }] }];
    expect(findFreeSlots({ ...base, availability, requiredIds: ['a', 'b'] })).to.deep.equal([]);
  });

  it('finds nothing when the meeting is longer than any free gap', () => {
    const availability = [{ memberId: 'a', workingHours: [{ days: ['mon' as const], opens: '09:00', closes: '10:00', timeZone: OSLO }] }];
    expect(findFreeSlots({ ...base, availability, requiredIds: ['a'], durationMinutes: 90 })).to.deep.equal([]);
  });

  it('uses the Fjordvik team\u2019s real busy times and hours', () => {
    const slots = findFreeSlots({
      availability: record.availability,
      requiredIds: ['m-kari', 'm-amina', 'm-sofie', 'm-ingrid'],
      from: '2026-12-01T00:00:00+01:00',
      to: '2026-12-05T00:00:00+01:00',
      durationMinutes: 60,
      timeZone: OSLO,
    });
    expect(slots.length).to.be.greaterThan(0);
    // Amina works Mon/Wed/Thu 09–14 and is busy Wed 09–11; Sofie is busy Wed 12–15.
    // Thursday leaves only 11:30–12:00 (Amina busy until 11:30, Kari from 12:00): too short.
    const days = new Set(slots.map((s) => dateIn(s.start, OSLO)));
    expect([...days].sort()).to.deep.equal(['2026-12-02']);
    expect(slots.map((s) => timeIn(s.start, OSLO)).sort()).to.deep.equal(['11:00']);
  });

  it('keeps sensible local hours on the day clocks go forward (Europe/Oslo, 2027-03-28)', () => {
    const slots = findFreeSlots({
      availability: [],
      requiredIds: ['a'],
      from: '2027-03-27T00:00:00+01:00',
      to: '2027-03-30T00:00:00+02:00',
      durationMinutes: 60,
      stepMinutes: 60,
      timeZone: OSLO,
    });
    for (const date of ['2027-03-27', '2027-03-28', '2027-03-29']) {
      const times = slots.filter((s) => dateIn(s.start, OSLO) === date).map((s) => timeIn(s.start, OSLO)).sort();
      expect(times, date).to.deep.equal(['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00']);
    }
    const sunday = slots.find((s) => dateIn(s.start, OSLO) === '2027-03-28' && timeIn(s.start, OSLO) === '08:00')!;
    expect(sunday.start).to.equal('2027-03-28T06:00:00.000Z');
    const saturday = slots.find((s) => dateIn(s.start, OSLO) === '2027-03-27' && timeIn(s.start, OSLO) === '08:00')!;
    expect(saturday.start).to.equal('2027-03-27T07:00:00.000Z');
  });

  it('keeps working hours on the local clock across the October change', () => {
    const availability = [{ memberId: 'a', workingHours: [{ days: ['fri' as const, 'mon' as const], opens: '09:00', closes: '10:00', timeZone: OSLO }] }];
    const slots = findFreeSlots({
      availability,
      requiredIds: ['a'],
      from: '2027-10-29T00:00:00+02:00',
      to: '2027-11-02T00:00:00+01:00',
      durationMinutes: 60,
      timeZone: OSLO,
    });
    expect(slots.map((s) => s.start).sort()).to.deep.equal(['2027-10-29T07:00:00.000Z', '2027-11-01T08:00:00.000Z']);
  });

  it('reports who is busy or outside their hours at a given time', () => {
    const span = { start: at('2026-12-03T09:30:00+01:00'), end: at('2026-12-03T10:30:00+01:00') };
    expect(busyDuring(record.availability, ['m-kari', 'm-amina', 'm-sofie'], span)).to.deep.equal(['m-amina']);
    const tuesday = { start: at('2026-12-08T10:00:00+01:00'), end: at('2026-12-08T11:30:00+01:00') };
    expect(outsideWorkingHours(record.availability, ['m-kari', 'm-amina', 'm-ingrid'], tuesday)).to.deep.equal(['m-amina']);
  });

  it('answers for every date of a series as for each date alone, people with the same hours included', () => {
    const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
    const hours = (days: readonly (typeof weekdays)[number][]) => [{ days: [...days], opens: '08:00', closes: '16:00', timeZone: OSLO }];
    const availability: AvailabilityLike[] = [
      { memberId: 'a', workingHours: hours(weekdays), busy: [{ start: '2026-12-15T10:30:00+01:00', end: '2026-12-15T11:00:00+01:00' }] },
      { memberId: 'b', workingHours: hours(weekdays) },
      { memberId: 'c', workingHours: hours(['mon', 'wed']) },
      { memberId: 'd' },
    ];
    const week = 7 * 24 * 60 * 60 * 1000;
    const tuesdays = [0, 1, 2, 3].map((n) => ({ start: at('2026-12-08T10:00:00+01:00') + n * week, end: at('2026-12-08T11:30:00+01:00') + n * week }));
    const lateWednesday = { start: at('2026-12-09T15:30:00+01:00'), end: at('2026-12-09T16:30:00+01:00') };
    const spans = [...tuesdays, lateWednesday];
    const ids = ['a', 'b', 'c', 'd'];
    const check = availabilityChecker(availability);
    expect(spans.map((span) => check.busyDuring(ids, span))).to.deep.equal([[], ['a'], [], [], []]);
    expect(spans.map((span) => check.outsideWorkingHours(ids, span))).to.deep.equal([['c'], ['c'], ['c'], ['c'], ['a', 'b', 'c']]);
    // The same answers as asking about each date on its own, in any order.
    for (const span of [...spans].reverse()) {
      expect(check.busyDuring(ids, span)).to.deep.equal(busyDuring(availability, ids, span));
      expect(check.outsideWorkingHours(ids, span)).to.deep.equal(outsideWorkingHours(availability, ids, span));
    }
  });

  it('has a benchmark that returns a median time for 20 people over 4 weeks', async () => {
    const median = await benchFreeTime({ runs: 3 });
    expect(median).to.be.a('number');
    expect(Number.isFinite(median)).to.equal(true);
  });
});
