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

/** Most occurrences a series can have (the contract allows `count` up to 500). */
export const MAX_OCCURRENCES = 500;
/** Occurrences expanded for an open-ended series when no end of the window is given. */
export const OPEN_ENDED_OCCURRENCES = 26;

const iso = (ms: number) => new Date(ms).toISOString();

/** Whether two instants (any ISO spelling) are the same moment. */
export const sameInstant = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && Date.parse(a) === Date.parse(b);

/**
 * The start instants (epoch ms) the rule gives, before exceptions. Monthly series skip months
 * without the start's day (31 January → 31 March), as RFC 5545 does.
 */
export const ruleStarts = (series: SeriesLike, options: { until?: number; max?: number } = {}): number[] => {
  const first = Date.parse(series.start);
  const rule = series.recurrence;
  if (!rule) return [first];
  const base = new TZDate(first, series.timeZone);
  const max = Math.min(options.max ?? MAX_OCCURRENCES, rule.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const limit = rule.count || rule.until || options.until !== undefined ? max : Math.min(max, OPEN_ENDED_OCCURRENCES);
  const interval = rule.interval ?? 1;
  const starts: number[] = [];
  for (let step = 0; starts.length < limit && step < MAX_OCCURRENCES * 2; step++) {
    const next = rule.frequency === 'weekly' ? addWeeks(base, step * interval) : addMonths(base, step * interval);
    if (rule.frequency === 'monthly' && next.getDate() !== base.getDate()) continue;
    const ms = next.getTime();
    if (rule.until && dateIn(ms, series.timeZone) > rule.until) break;
    if (options.until !== undefined && ms > options.until) break;
    starts.push(ms);
  }
  return starts;
};

/**
 * Every occurrence of a meeting, in rule order, with moved and cancelled ones marked.
 * `until` (an instant) stops an open-ended series; `max` caps the count.
 */
export const expandOccurrences = (
  series: SeriesLike,
  options: { until?: string | number | Date; max?: number } = {},
): Occurrence[] => {
  const duration = Date.parse(series.end) - Date.parse(series.start);
  const until = options.until === undefined ? undefined : typeof options.until === 'string' ? Date.parse(options.until) : +options.until;
  const exceptions = series.recurrence?.exceptions ?? [];
  return ruleStarts(series, { until, max: options.max }).map((ms, index) => {
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
