/** Spans of time and who is busy or outside their working hours during one: pure functions, no DOM. */
import type { WorkingHours } from '../../contract/meeting.js';
import { addDaysTo, dateIn, instantAt, weekdayOf } from './zone.js';

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

/** Who is busy or outside their working hours at each of many spans (a series' dates). */
export interface AvailabilityChecker {
  /** Who, of `ids`, is busy at some point during `span`. */
  busyDuring(ids: readonly string[], span: Span): string[];
  /** Who, of `ids`, has working hours that do not cover all of `span`. People without hours are never outside. */
  outsideWorkingHours(ids: readonly string[], span: Span): string[];
}

const hoursKey = (hours: readonly Pick<WorkingHours, 'days' | 'opens' | 'closes' | 'timeZone'>[], span: Span): string =>
  `${hours.map((h) => `${h.days.join(',')} ${h.opens}-${h.closes} ${h.timeZone}`).join(';')}@${span.start}-${span.end}`;

/**
 * One checker for many spans: each person's busy time is read once, and hours that several
 * people share are laid out once per span (50 people × a series of 12 was 600 lay-outs).
 */
export const availabilityChecker = (availability: readonly AvailabilityLike[]): AvailabilityChecker => {
  const byId = new Map(availability.map((a) => [a.memberId, a]));
  const busy = new Map<string, Span[]>();
  const hours = new Map<string, Span[]>();
  const busyOf = (id: string): Span[] => {
    let spans = busy.get(id);
    if (!spans) busy.set(id, (spans = busySpans(byId.get(id)?.busy)));
    return spans;
  };
  return {
    busyDuring: (ids, span) => ids.filter((id) => overlapsAny(busyOf(id), span)),
    outsideWorkingHours: (ids, span) =>
      ids.filter((id) => {
        const own = byId.get(id)?.workingHours;
        if (!own?.length) return false;
        const key = hoursKey(own, span);
        let spans = hours.get(key);
        if (!spans) hours.set(key, (spans = hoursSpans(own, span.start, span.end)));
        return !containedIn(spans, span);
      }),
  };
};

/** Who, of `ids`, is busy at some point during `span`. */
export const busyDuring = (availability: readonly AvailabilityLike[], ids: readonly string[], span: Span): string[] =>
  availabilityChecker(availability).busyDuring(ids, span);

/** Who, of `ids`, has working hours that do not cover all of `span`. People without hours are never outside. */
export const outsideWorkingHours = (availability: readonly AvailabilityLike[], ids: readonly string[], span: Span): string[] =>
  availabilityChecker(availability).outsideWorkingHours(ids, span);
