import { getISOWeek } from 'date-fns';
import { localDay } from '../contract/rules.js';
import type { Catalogue, Locale } from './types.js';

/**
 * Dates and times are formatted with the browser's Intl.DateTimeFormat: its locale data is
 * built in, so no month names or patterns travel in our bundle. Week rules (Monday first, ISO
 * week numbers) come from date-fns, which the scheduler also uses for arithmetic in time zones.
 */

/** Options shared by the date helpers: the catalogue and the zone to show times in. */
export interface DateContext {
  /** Any language's strings: only its `intlLocale` is used. */
  catalogue: Pick<Catalogue, 'intlLocale'>;
  timeZone?: string;
}

const toDate = (value: string | number | Date): Date => (value instanceof Date ? value : new Date(value));

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formats with Intl, caching one formatter per locale, zone and options. */
export const formatWith = (value: string | number | Date, { catalogue, timeZone }: DateContext, options: Intl.DateTimeFormatOptions): string => {
  const key = `${catalogue.intlLocale}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(catalogue.intlLocale, { ...options, ...(timeZone ? { timeZone } : {}) });
    formatters.set(key, formatter);
  }
  return formatter.format(toDate(value));
};

/**
 * The first date formatter a page makes loads the browser's calendar data, which takes tens of
 * milliseconds (35–60 ms measured in Chromium on a desktop core, several times that on a slow
 * phone); later ones, in any language, take well under one each (0.3–0.7 ms). The elements' base module calls this
 * once its code has run, and an element again for its own language when it is put on the page, so
 * the data is loaded in idle time and the first render with data does not pay for it. Where the
 * browser has no idle callbacks nothing is done early: a timer could land in the middle of that
 * first render.
 */
export const prepareDates = (intlLocale: string): void => {
  if (preparing.has(intlLocale) || typeof requestIdleCallback !== 'function') return;
  preparing.add(intlLocale);
  requestIdleCallback(() => {
    // The two formatters a first render uses: calendar dates (UTC) and instants on the reader's clock.
    formatDate(0, { catalogue: { intlLocale }, timeZone: 'UTC' });
    formatDate(0, { catalogue: { intlLocale } });
  });
};

const preparing = new Set<string>();

/** How a date is written: `08.12.2026`, `8. des. 2026`, `tirsdag 8. des. 2026`, `tirsdag 8. desember 2026`. */
export type CalendarDateStyle = 'short' | 'long' | 'weekday' | 'full';

/** A date the locale's way: short `08.12.2026`, long `8. des. 2026`, with the weekday first, or in full. */
export const formatDate = (value: string | number | Date, context: DateContext, style: CalendarDateStyle = 'long'): string => {
  if (style === 'short') return formatWith(value, context, { day: '2-digit', month: '2-digit', year: 'numeric' });
  const long = formatWith(value, context, { day: 'numeric', month: style === 'full' ? 'long' : 'short', year: 'numeric' });
  return style === 'long' ? long : `${formatWith(value, context, { weekday: 'long' })} ${long}`;
};

/**
 * A calendar date (`YYYY-MM-DD`) as that same day for every reader: noon UTC shown in UTC, so no
 * zone, the reader's or a team's, can move it to the day before or after.
 */
export const formatCalendarDate = (isoDate: string, catalogue: Pick<Catalogue, 'intlLocale'>, style: CalendarDateStyle = 'long'): string => {
  // A long list repeats the same few dates (a start, a confirmation) on every row: each is formatted once.
  const key = `${catalogue.intlLocale}|${style}|${isoDate}`;
  let shown = calendarDates.get(key);
  if (shown === undefined) {
    if (calendarDates.size >= 2000) calendarDates.clear();
    shown = formatDate(`${isoDate}T12:00:00Z`, { catalogue, timeZone: 'UTC' }, style);
    calendarDates.set(key, shown);
  }
  return shown;
};

const calendarDates = new Map<string, string>();

/** A time on the 24-hour clock, `08:30`, in the given zone. */
export const formatTime = (value: string | number | Date, context: DateContext): string =>
  formatWith(value, context, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `08:30–10:00`, both ends in the given zone. */
export const formatTimeRange = (start: string | Date, end: string | Date, context: DateContext): string =>
  `${formatTime(start, context)}–${formatTime(end, context)}`;

const isoParts = new Map<string, Intl.DateTimeFormat>();

/** The calendar date `YYYY-MM-DD` of an instant in a zone (or the local zone). */
export const calendarDate = (value: string | number | Date, timeZone?: string): string => {
  // The local zone's date needs no Intl formatter (the first one a page makes loads locale data).
  if (timeZone === undefined) return localDay(toDate(value));
  const key = timeZone;
  let formatter = isoParts.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) });
    isoParts.set(key, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(toDate(value)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
};

/** ISO week number (Nordic week numbering). */
export const isoWeek = (value: string | number | Date): number => getISOWeek(toDate(value));

/** Every supported language starts the week on Monday (ISO 8601), English included (en-GB rules). */
export const WEEK_STARTS_ON = 1 as const;

const listFormats = new Map<string, Intl.ListFormat>();

/** "a, b and c" in the language's own words, with one cached Intl.ListFormat per language and type. */
export const formatList = (items: readonly string[], intlLocale: string, type: 'conjunction' | 'unit' = 'conjunction'): string => {
  const key = `${intlLocale}|${type}`;
  let formatter = listFormats.get(key);
  if (!formatter) listFormats.set(key, (formatter = new Intl.ListFormat(intlLocale, { type, style: 'long' })));
  return formatter.format(items);
};

/**
 * The first of `tags` the browser has date and list formatting data for. Chromium has none for
 * nynorsk (`nn` formats as American English), so nynorsk dates and lists fall back to bokmål.
 */
export const intlLocaleWithData = (...tags: string[]): string =>
  tags.find((tag) => Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 && Intl.ListFormat.supportedLocalesOf([tag]).length > 0) ??
  tags[tags.length - 1];

const INTL_LOCALES: Readonly<Record<Locale, string>> = { nb: 'nb-NO', nn: 'nn-NO', da: 'da-DK', sv: 'sv-SE', en: 'en-GB' };

/** The locale Intl formats a language's dates and lists with: nynorsk in bokmål where the browser has no nynorsk data. */
export const intlLocaleOf = (locale: Locale): string => (locale === 'nn' ? intlLocaleWithData('nn-NO', 'nb-NO') : INTL_LOCALES[locale]);
