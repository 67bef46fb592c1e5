/**
 * Finding times that suit a team: pure functions, no DOM. Busy intervals are merged and swept,
 * never walked minute by minute, so 20 people over four weeks is a few milliseconds of work.
 */
import { busySpans, containedIn, hoursSpans, intersectSpans, overlapsAny, type AvailabilityLike, type Span } from './spans.js';
import { offsetAt } from './zone.js';

// The span maths and who is busy or outside their hours live in spans.ts (the booked view's warnings use them); this module finds times.
export * from './spans.js';

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
