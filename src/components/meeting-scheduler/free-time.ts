/**
 * Finding times that suit a team: pure functions, no DOM. Busy intervals are merged and swept,
 * never walked minute by minute, so 20 people over four weeks is a few milliseconds of work.
 */
import type { WorkingHours } from '../../contract/meeting.js';
import { addDaysTo, dateIn, instantAt, offsetAt, weekdayOf } from './zone.js';

/** A half-open span of time `[start, end)` in epoch milliseconds. */
export interface Span {
  start: number;
  end: number;
}

/** What the finder needs to know about one person; the contract's `Availability` fits. */
export interface AvailabilityLike {
  memberId: string;
  busy?: readonly { start: string; end: string }[];
  workingHours?: readonly Pick<WorkingHours, 'days' | 'opens' | 'closes' | 'timeZone'>[];
}

/** A time when every required participant is free, inside their working hours. */
export interface FreeSlot {
  /** ISO 8601 instant (UTC). */
  start: string;
  end: string;
  /** Optional participants who are free. */
  optionalFree: string[];
  /** Optional participants who are busy. */
  optionalBusy: string[];
  /** Optional participants for whom the time is outside their working hours. */
  outsideHours: string[];
  /** True when the time is inside everyone's working hours, optional participants included. */
  insideEveryonesHours: boolean;
}

export interface FreeTimeQuery {
  availability: readonly AvailabilityLike[];
  /** Everyone who must be there. */
  requiredIds: readonly string[];
  /** People who are welcome; more of them free ranks a time higher. */
  optionalIds?: readonly string[];
  /** Search window, instants. */
  from: string | number | Date;
  to: string | number | Date;
  durationMinutes: number;
  /** Start times fall on this grid of the meeting zone's clock. */
  stepMinutes?: number;
  /** The meeting's IANA zone: the grid and the default hours are on its clock. */
  timeZone: string;
  /** Sensible hours for people without working hours, on the meeting zone's clock. */
  dayStart?: string;
  dayEnd?: string;
}

const MINUTE = 60_000;
const toMs = (value: string | number | Date) => (typeof value === 'string' ? Date.parse(value) : +value);

/** Sorts and merges spans; overlapping and back-to-back spans become one. */
export const mergeSpans = (spans: readonly Span[]): Span[] => {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
};

/** `from` minus `remove`; both merged and sorted. */
export const subtractSpans = (from: readonly Span[], remove: readonly Span[]): Span[] => {
  const result: Span[] = [];
  let j = 0;
  for (const span of from) {
    let cursor = span.start;
    while (j < remove.length && remove[j].end <= cursor) j++;
    let k = j;
    while (k < remove.length && remove[k].start < span.end) {
      if (remove[k].start > cursor) result.push({ start: cursor, end: remove[k].start });
      cursor = Math.max(cursor, remove[k].end);
      k++;
    }
    if (cursor < span.end) result.push({ start: cursor, end: span.end });
  }
  return result;
};

/** Where `a` and `b` overlap; both merged and sorted. */
export const intersectSpans = (a: readonly Span[], b: readonly Span[]): Span[] => {
  const result: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) result.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return result;
};

/** Index of the last merged span starting at or before `time`, or -1. */
const lastStartingBy = (merged: readonly Span[], time: number): number => {
  let low = 0;
  let high = merged.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (merged[mid].start <= time) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
};

/** Whether `span` overlaps any of the merged spans. */
export const overlapsAny = (merged: readonly Span[], span: Span): boolean => {
  const i = lastStartingBy(merged, span.end - 1);
  return i >= 0 && merged[i].end > span.start;
};

/** Whether `span` lies wholly inside one of the merged spans. */
export const containedIn = (merged: readonly Span[], span: Span): boolean => {
  const i = lastStartingBy(merged, span.start);
  return i >= 0 && merged[i].end >= span.end;
};

/** Calendar dates (`YYYY-MM-DD`) in `timeZone` from a day before `from` to a day after `to`. */
const datesAround = (from: number, to: number, timeZone: string): string[] => {
  const dates: string[] = [];
  const last = addDaysTo(dateIn(to, timeZone), 1);
  for (let date = addDaysTo(dateIn(from, timeZone), -1); date <= last; date = addDaysTo(date, 1)) dates.push(date);
  return dates;
};

/** Spans of the given weekly hours between two instants, each on its own zone's clock. */
export const hoursSpans = (
  hours: readonly Pick<WorkingHours, 'days' | 'opens' | 'closes' | 'timeZone'>[],
  from: number,
  to: number,
): Span[] => {
  const spans: Span[] = [];
  for (const entry of hours) {
    if (entry.closes <= entry.opens) continue;
    const days = new Set<string>(entry.days);
    for (const date of datesAround(from, to, entry.timeZone)) {
      if (!days.has(weekdayOf(date))) continue;
      spans.push({ start: instantAt(date, entry.opens, entry.timeZone), end: instantAt(date, entry.closes, entry.timeZone) });
    }
  }
  return intersectSpans(mergeSpans(spans), [{ start: from, end: to }]);
};

/** Parses busy intervals into merged spans, skipping any that cannot be read. */
export const busySpans = (busy: readonly { start: string; end: string }[] | undefined): Span[] =>
  mergeSpans(
    (busy ?? [])
      .map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }))
      .filter((s) => Number.isFinite(s.start) && Number.isFinite(s.end)),
  );

/** One person's merged busy time and allowed hours over a window. */
export interface PersonTime {
  busy: Span[];
  /** Working hours, or the sensible default when they have none. */
  hours: Span[];
  hasWorkingHours: boolean;
}

/**
 * Busy time and hours per person over a window. People without working hours get
 * `dayStart`–`dayEnd` on the meeting zone's clock (08:00–18:00 unless told otherwise).
 */
export const personTimes = (
  availability: readonly AvailabilityLike[],
  ids: readonly string[],
  window: { from: number; to: number; timeZone: string; dayStart?: string; dayEnd?: string },
): Map<string, PersonTime> => {
  const { from, to, timeZone, dayStart = '08:00', dayEnd = '18:00' } = window;
  let sensible: Span[] | undefined;
  const byId = new Map(availability.map((a) => [a.memberId, a]));
  const times = new Map<string, PersonTime>();
  for (const id of ids) {
    if (times.has(id)) continue;
    const entry = byId.get(id);
    const own = entry?.workingHours?.length ? hoursSpans(entry.workingHours, from, to) : undefined;
    sensible ??= own ? undefined : hoursSpans([{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: dayStart, closes: dayEnd, timeZone }], from, to);
    times.set(id, { busy: busySpans(entry?.busy), hours: own ?? sensible!, hasWorkingHours: Boolean(own) });
  }
  return times;
};

/** The next instant at or after `time` that falls on the `step` grid of the zone's clock. */
const alignUp = (time: number, stepMinutes: number, timeZone: string): number => {
  const offset = offsetAt(timeZone, time) * MINUTE;
  const step = stepMinutes * MINUTE;
  return Math.ceil((time + offset) / step) * step - offset;
};

/**
 * Times when all required participants are free and inside their working hours, best first:
 * most optional participants free, then inside everyone's working hours, then earliest.
 */
export const findFreeSlots = (query: FreeTimeQuery): FreeSlot[] => {
  const from = toMs(query.from);
  const to = toMs(query.to);
  const duration = query.durationMinutes * MINUTE;
  const stepMinutes = Math.max(1, query.stepMinutes ?? 15);
  const { timeZone } = query;
  if (!(to > from) || !(duration > 0)) return [];

  const requiredIds = [...new Set(query.requiredIds)];
  const optionalIds = [...new Set(query.optionalIds ?? [])].filter((id) => !requiredIds.includes(id));
  const times = personTimes(query.availability, [...requiredIds, ...optionalIds], {
    from,
    to,
    timeZone,
    dayStart: query.dayStart,
    dayEnd: query.dayEnd,
  });

  // With nobody required, any sensible hour of the meeting zone will do.
  let open: Span[] = requiredIds.length
    ? [{ start: from, end: to }]
    : personTimes([], ['(nobody)'], { from, to, timeZone, dayStart: query.dayStart, dayEnd: query.dayEnd }).get('(nobody)')!.hours;
  for (const id of requiredIds) {
    const person = times.get(id)!;
    open = subtractSpans(intersectSpans(open, person.hours), person.busy);
    if (open.length === 0) return [];
  }

  const slots: FreeSlot[] = [];
  for (const span of open) {
    for (let start = alignUp(span.start, stepMinutes, timeZone); start + duration <= span.end; start += stepMinutes * MINUTE) {
      const slot = { start, end: start + duration };
      const optionalFree: string[] = [];
      const optionalBusy: string[] = [];
      const outsideHours: string[] = [];
      for (const id of optionalIds) {
        const person = times.get(id)!;
        (overlapsAny(person.busy, slot) ? optionalBusy : optionalFree).push(id);
        if (!containedIn(person.hours, slot)) outsideHours.push(id);
      }
      slots.push({
        start: new Date(slot.start).toISOString(),
        end: new Date(slot.end).toISOString(),
        optionalFree,
        optionalBusy,
        outsideHours,
        insideEveryonesHours: outsideHours.length === 0,
      });
    }
  }
  return slots.sort(
    (a, b) =>
      b.optionalFree.length - a.optionalFree.length ||
      Number(b.insideEveryonesHours) - Number(a.insideEveryonesHours) ||
      Date.parse(a.start) - Date.parse(b.start),
  );
};

/** Who, of `ids`, is busy at some point during `span`. */
export const busyDuring = (availability: readonly AvailabilityLike[], ids: readonly string[], span: Span): string[] => {
  const byId = new Map(availability.map((a) => [a.memberId, a]));
  return ids.filter((id) => overlapsAny(busySpans(byId.get(id)?.busy), span));
};

/** Who, of `ids`, has working hours that do not cover all of `span`. People without hours are never outside. */
export const outsideWorkingHours = (availability: readonly AvailabilityLike[], ids: readonly string[], span: Span): string[] => {
  const byId = new Map(availability.map((a) => [a.memberId, a]));
  return ids.filter((id) => {
    const hours = byId.get(id)?.workingHours;
    if (!hours?.length) return false;
    return !containedIn(hoursSpans(hours, span.start, span.end), span);
  });
};

/**
 * Ranked slots thinned out so that none overlaps a better one: a list of real alternatives
 * (14:00, 15:30, …) instead of the same hour every 15 minutes. Keeps the ranking order.
 */
export const distinctSlots = (slots: readonly FreeSlot[]): FreeSlot[] => {
  const kept: FreeSlot[] = [];
  const taken: Span[] = [];
  for (const slot of slots) {
    const span = { start: Date.parse(slot.start), end: Date.parse(slot.end) };
    if (taken.some((t) => t.start < span.end && span.start < t.end)) continue;
    kept.push(slot);
    taken.push(span);
  }
  return kept;
};
