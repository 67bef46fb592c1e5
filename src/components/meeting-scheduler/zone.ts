import { TZDate, tzOffset } from '@date-fns/tz';
import { WEEKDAYS, type Weekday } from '../../contract/values.js';

/** A wall-clock reading in one time zone. Months are 1–12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall clock of an instant in `timeZone`. */
export const wallClock = (instant: number | Date | string, timeZone: string): WallClock => {
  const date = new TZDate(typeof instant === 'string' ? Date.parse(instant) : +instant, timeZone);
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
  };
};

/**
 * The instant (epoch ms) of a wall-clock time in `timeZone`. A time skipped by a spring-forward
 * change lands just after the gap, as calendars do.
 */
export const instantOf = (clock: WallClock, timeZone: string): number =>
  new TZDate(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, timeZone).getTime();

/** `YYYY-MM-DD` of an instant in `timeZone`. */
export const dateIn = (instant: number | Date | string, timeZone: string): string => {
  const c = wallClock(instant, timeZone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
};

/** `HH:mm` of an instant in `timeZone`. */
export const timeIn = (instant: number | Date | string, timeZone: string): string => {
  const c = wallClock(instant, timeZone);
  return `${pad(c.hour)}:${pad(c.minute)}`;
};

/** Splits `YYYY-MM-DD` into numbers. */
export const splitDate = (date: string): { year: number; month: number; day: number } => {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
};

/** Minutes since midnight of `HH:mm`. */
export const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** `HH:mm` of minutes since midnight. */
export const timeOfMinutes = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** The calendar date `days` after `date` (both `YYYY-MM-DD`), free of any time zone. */
export const addDaysTo = (date: string, days: number): string => {
  const { year, month, day } = splitDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
};

/** The weekday of a calendar date. */
export const weekdayOf = (date: string): Weekday => {
  const { year, month, day } = splitDate(date);
  // getUTCDay: 0 = Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7];
};

/** The instant of `HH:mm` on a calendar date in `timeZone`. */
export const instantAt = (date: string, time: string, timeZone: string): number => {
  const minutes = minutesOf(time);
  return instantOf({ ...splitDate(date), hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
};

/** UTC offset of `timeZone` at an instant, in minutes (east positive). */
export const offsetAt = (timeZone: string, instant: number): number => tzOffset(timeZone, new Date(instant));

/** Whether `date` is a real `YYYY-MM-DD` calendar date. */
export const isCalendarDate = (date: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  return addDaysTo(date, 0) === date;
};
