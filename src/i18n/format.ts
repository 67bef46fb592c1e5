import { tz } from '@date-fns/tz';
import { format, formatISO, getISOWeek } from 'date-fns';
import type { Catalogue } from './types.js';

/** Options shared by the date helpers: the catalogue and the zone to show times in. */
export interface DateContext {
  catalogue: Catalogue;
  timeZone?: string;
}

const toDate = (value: string | number | Date): Date => (value instanceof Date ? value : new Date(value));

const zoned = (timeZone: string | undefined) => (timeZone ? { in: tz(timeZone) } : {});

/** A date the locale's way: short `29.03.2026`, long `29. mars 2026`, or with weekday. */
export const formatDate = (
  value: string | number | Date,
  { catalogue, timeZone }: DateContext,
  style: 'short' | 'long' | 'weekday' = 'long',
): string => {
  const pattern = style === 'short' ? 'P' : style === 'long' ? 'PP' : 'EEEE PP';
  return format(toDate(value), pattern, { locale: catalogue.dateLocale, ...zoned(timeZone) });
};

/** A time on the 24-hour clock, `08:30`, in the given zone. */
export const formatTime = (value: string | number | Date, { catalogue, timeZone }: DateContext): string =>
  format(toDate(value), 'HH:mm', { locale: catalogue.dateLocale, ...zoned(timeZone) });

/** `08:30–10:00`, both ends in the given zone. */
export const formatTimeRange = (start: string | Date, end: string | Date, context: DateContext): string =>
  `${formatTime(start, context)}–${formatTime(end, context)}`;

/** The calendar date `YYYY-MM-DD` of an instant in a zone (or the local zone). */
export const calendarDate = (value: string | number | Date, timeZone?: string): string =>
  formatISO(toDate(value), { representation: 'date', ...zoned(timeZone) });

/** ISO week number (Nordic week numbering). */
export const isoWeek = (value: string | number | Date): number => getISOWeek(toDate(value));
