/**
 * Expanding a meeting series into its occurrences: pure functions, no DOM. Times repeat on the
 * wall clock of the meeting's own zone, so a 10:00 Europe/Oslo meeting stays at 10:00 after the
 * clocks change in March and October.
 */
import { TZDate } from '@date-fns/tz';
import { addMonths, addWeeks } from 'date-fns';
import type { Meeting, OccurrenceException, Recurrence } from '../../contract/meeting.js';
import { dateIn } from './zone.js';

/** Where one occurrence stands. */
export const OCCURRENCE_STATUSES = ['scheduled', 'moved', 'cancelled'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

/** One meeting of a series (or the only one of a single meeting). */
export interface Occurrence {
  /** Position in the series, from 0. */
  index: number;
  /** When the rule puts it (ISO, UTC). Identifies the occurrence, also after it is moved. */
  originalStart: string;
  /** When it actually takes place. */
  start: string;
  end: string;
  status: OccurrenceStatus;
}

type SeriesLike = Pick<Meeting, 'start' | 'end' | 'timeZone'> & { recurrence?: Recurrence };

/** Most occurrences one expansion gives (the contract allows `count` up to 500). */
export const MAX_OCCURRENCES = 500;
/** Occurrences expanded for an open-ended series when neither a window nor a maximum is given. */
export const OPEN_ENDED_OCCURRENCES = 26;

const iso = (ms: number) => new Date(ms).toISOString();
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether two instants (any ISO spelling) are the same moment. */
export const sameInstant = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && Date.parse(a) === Date.parse(b);

/** Which part of a series to expand. Without `from`/`fromIndex` it starts at the first occurrence. */
export interface SeriesWindow {
  /** Leave out occurrences whose rule start is before this instant (epoch ms). */
  from?: number;
  /** Start at this position in the series (0 is the first occurrence). */
  fromIndex?: number;
  /** Stop after this instant (epoch ms). */
  until?: number;
  /** At most this many occurrences. */
  max?: number;
}

/** Whether step `step` of a monthly rule lands on a month that has the start's day (31 January → no February). */
const monthHasDay = (year: number, month: number, day: number, step: number): boolean => {
  const target = month + step;
  const daysInMonth = new Date(Date.UTC(year, target + 1, 0)).getUTCDate();
  return daysInMonth >= day;
};

/**
 * The start instants (epoch ms) the rule gives in a window, each with its position in the series,
 * before exceptions. Monthly series skip months without the start's day (31 January → 31 March),
 * as RFC 5545 does. The window may be years after the start: the rule is stepped there directly,
 * so an open-ended series has occurrences however far ahead a person looks.
 */
export const ruleStarts = (series: SeriesLike, window: SeriesWindow = {}): { index: number; ms: number }[] => {
  const first = Date.parse(series.start);
  const rule = series.recurrence;
  const max = Math.max(0, Math.min(window.max ?? MAX_OCCURRENCES, MAX_OCCURRENCES));
  if (!rule) {
    const inWindow = (window.fromIndex ?? 0) === 0 && first >= (window.from ?? -Infinity) && first <= (window.until ?? Infinity);
    return inWindow && max > 0 ? [{ index: 0, ms: first }] : [];
  }
  const openWindow = window.max === undefined && window.until === undefined && !rule.count && !rule.until;
  const limit = openWindow ? Math.min(max, OPEN_ENDED_OCCURRENCES) : max;
  const base = new TZDate(first, series.timeZone);
  const interval = rule.interval ?? 1;
  const monthly = rule.frequency === 'monthly';
  const valid = (step: number) => !monthly || monthHasDay(base.getFullYear(), base.getMonth(), base.getDate(), step * interval);

  // Find the step to start from, and the position in the series that step has.
  let step = 0;
  let index = 0;
  if (window.fromIndex !== undefined && window.fromIndex > 0) {
    if (!monthly) [step, index] = [window.fromIndex, window.fromIndex];
    else for (; index < window.fromIndex; step++) if (valid(step)) index++;
  }
  if (window.from !== undefined && window.from > first) {
    // A step that is surely before `from` (a month is at least 28 days, daylight saving moves an hour).
    const period = (monthly ? 31 : 7) * DAY_MS * interval;
    const before = Math.max(0, Math.floor((window.from - first) / period) - 1);
    if (before > step) {
      if (!monthly) index = before;
      else for (let s = step; s < before; s++) if (valid(s)) index++;
      step = before;
    }
  }

  const starts: { index: number; ms: number }[] = [];
  for (let guard = 0; starts.length < limit && guard < limit * 4 + 48; guard++, step++) {
    if (rule.count !== undefined && index >= rule.count) break;
    if (!valid(step)) continue;
    const ms = (monthly ? addMonths(base, step * interval) : addWeeks(base, step * interval)).getTime();
    if (rule.until && dateIn(ms, series.timeZone) > rule.until) break;
    if (window.until !== undefined && ms > window.until) break;
    if (window.from === undefined || ms >= window.from) starts.push({ index, ms });
    index++;
  }
  return starts;
};

/** Whether `originalStart` is a start the rule gives (an exception for any other time changes nothing). */
export const isRuleStart = (series: SeriesLike, originalStart: string): boolean => {
  const ms = Date.parse(originalStart);
  return ruleStarts(series, { from: ms, until: ms, max: 1 }).length === 1;
};

/**
 * The occurrences of a meeting in a window, in rule order, with moved and cancelled ones marked.
 * `from` and `until` (instants) bound the rule starts, `fromIndex` starts at a position in the
 * series, and `max` caps the count.
 */
export const expandOccurrences = (
  series: SeriesLike,
  options: { from?: string | number | Date; fromIndex?: number; until?: string | number | Date; max?: number } = {},
): Occurrence[] => {
  const duration = Date.parse(series.end) - Date.parse(series.start);
  const instant = (value: string | number | Date | undefined) =>
    value === undefined ? undefined : typeof value === 'string' ? Date.parse(value) : +value;
  const exceptions = series.recurrence?.exceptions ?? [];
  const window = { from: instant(options.from), fromIndex: options.fromIndex, until: instant(options.until), max: options.max };
  return ruleStarts(series, window).map(({ ms, index }) => {
    const originalStart = iso(ms);
    const exception = exceptions.find((e) => sameInstant(e.originalStart, originalStart));
    if (exception?.cancelled) return { index, originalStart, start: originalStart, end: iso(ms + duration), status: 'cancelled' };
    if (exception?.start) {
      const start = Date.parse(exception.start);
      const end = exception.end ? Date.parse(exception.end) : start + duration;
      return { index, originalStart, start: iso(start), end: iso(end), status: 'moved' };
    }
    return { index, originalStart, start: originalStart, end: iso(ms + duration), status: 'scheduled' };
  });
};

/** The occurrences a series' exceptions change (moved or cancelled), in rule order, wherever they are in the series. */
export const changedOccurrences = (series: SeriesLike): Occurrence[] => {
  const seen = new Set<number>();
  const found: Occurrence[] = [];
  for (const exception of series.recurrence?.exceptions ?? []) {
    const ms = Date.parse(exception.originalStart);
    if (seen.has(ms) || !(exception.cancelled || exception.start)) continue;
    seen.add(ms);
    const [occurrence] = expandOccurrences(series, { from: ms, until: ms, max: 1 });
    if (occurrence) found.push(occurrence);
  }
  return found.sort((a, b) => a.index - b.index);
};

/**
 * A copy of the meeting with one occurrence moved (`{ start, end }`) or cancelled
 * (`{ cancelled: true }`). An earlier exception for the same occurrence is replaced.
 */
export const withOccurrenceChange = <M extends SeriesLike>(
  meeting: M,
  originalStart: string,
  change: { cancelled: true } | { start: string; end: string },
): M => {
  if (!meeting.recurrence) return meeting;
  const others = (meeting.recurrence.exceptions ?? []).filter((e) => !sameInstant(e.originalStart, originalStart));
  const exception: OccurrenceException = { originalStart, ...change };
  return { ...meeting, recurrence: { ...meeting.recurrence, exceptions: [...others, exception] } };
};

/** The next occurrence that is not cancelled and has not ended by `now`. */
export const nextOccurrence = (occurrences: readonly Occurrence[], now: number): Occurrence | undefined =>
  occurrences
    .filter((o) => o.status !== 'cancelled' && Date.parse(o.end) > now)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];

/**
 * The next occurrence of a whole series that is not cancelled and has not ended by `now`, however
 * long the series has run: dates after `now` in rule order, plus moved dates that now fall after it.
 */
export const nextOfSeries = (series: SeriesLike, now: number): Occurrence | undefined => {
  const duration = Date.parse(series.end) - Date.parse(series.start);
  const moved = changedOccurrences(series).filter((o) => o.status === 'moved');
  // Cancelled dates can follow each other; look further until one takes place or the series ends.
  for (let fromIndex: number | undefined, round = 0; round < 20; round++) {
    const page = expandOccurrences(series, fromIndex === undefined ? { from: now - duration, max: 50 } : { fromIndex, max: 50 });
    const onRule = nextOccurrence(page.filter((o) => o.status === 'scheduled'), now);
    if (onRule || page.length < 50) return nextOccurrence(onRule ? [onRule, ...moved] : moved, now);
    fromIndex = page[page.length - 1].index + 1;
  }
  return nextOccurrence(moved, now);
};

/**
 * The dates of a meeting that take place (not cancelled) and overlap `from`–`until` (epoch ms),
 * also when the series began years before `from` or a date was moved into the window.
 */
export const takingPlaceBetween = (series: SeriesLike, from: number, until: number): Occurrence[] => {
  const duration = Date.parse(series.end) - Date.parse(series.start);
  const onRule = expandOccurrences(series, { from: from - duration, until, max: MAX_OCCURRENCES }).filter((o) => o.status === 'scheduled');
  const moved = changedOccurrences(series).filter((o) => o.status === 'moved');
  return [...onRule, ...moved]
    .filter((o) => Date.parse(o.end) > from && Date.parse(o.start) < until)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
};

/** How many dates of a series are listed at a time. */
export const DATES_PER_PAGE = 10;

/** One page of a series' dates, for the list a person pages through. */
export interface OccurrencePage {
  occurrences: Occurrence[];
  /** Position in the series of the first date on the page. */
  firstIndex: number;
  hasEarlier: boolean;
  hasLater: boolean;
  /** How many dates the series has, when it ends and has at most `MAX_OCCURRENCES`. */
  total?: number;
}

/**
 * A page of dates: from `firstIndex` when given, else from the first date that has not ended by
 * `now` (so a series that began a year ago opens at today, not at its first date).
 */
export const occurrencePage = (series: SeriesLike, options: { now: number; firstIndex?: number; size?: number }): OccurrencePage => {
  const size = options.size ?? DATES_PER_PAGE;
  const rule = series.recurrence;
  const ends = !rule || rule.count !== undefined || rule.until !== undefined;
  const counted = ends ? (rule?.count ?? ruleStarts(series, { max: MAX_OCCURRENCES }).length) : MAX_OCCURRENCES;
  const total = counted < MAX_OCCURRENCES || rule?.count ? counted : undefined;
  let firstIndex = options.firstIndex;
  if (firstIndex === undefined) {
    const duration = Date.parse(series.end) - Date.parse(series.start);
    const [upcoming] = ruleStarts(series, { from: options.now - duration, max: 1 });
    firstIndex = upcoming ? upcoming.index : Math.max(0, (total ?? 0) - size);
  }
  firstIndex = Math.max(0, total !== undefined ? Math.min(firstIndex, Math.max(0, total - 1)) : firstIndex);
  const found = expandOccurrences(series, { fromIndex: firstIndex, max: size + 1 });
  return { occurrences: found.slice(0, size), firstIndex, hasEarlier: firstIndex > 0, hasLater: found.length > size, total };
};
