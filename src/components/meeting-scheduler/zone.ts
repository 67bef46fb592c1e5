import { TZDate, tzOffset } from '@date-fns/tz';
import { WEEKDAYS, type Weekday } from '../../contract/values.js';
import { addDaysTo, isCalendarDate, splitDate } from '../base/calendar-date.js';

export { addDaysTo, isCalendarDate, splitDate };

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

/** Minutes since midnight of `HH:mm`. */
export const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** `HH:mm` of minutes since midnight. */
export const timeOfMinutes = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** The weekday of a calendar date. */
export const weekdayOf = (date: string): Weekday => {
  const { year, month, day } = splitDate(date);
  // getUTCDay: 0 = Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7];
};

// Working hours put the same few times on the same dates for every person; the zone maths is the costly part.
const instants = new Map<string, number>();

/** The instant of `HH:mm` on a calendar date in `timeZone`. */
export const instantAt = (date: string, time: string, timeZone: string): number => {
  const key = `${date} ${time} ${timeZone}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    const minutes = minutesOf(time);
    instant = instantOf({ ...splitDate(date), hour: Math.floor(minutes / 60), minute: minutes % 60 }, timeZone);
    if (instants.size >= 4096) instants.clear();
    instants.set(key, instant);
  }
  return instant;
};

/** UTC offset of `timeZone` at an instant, in minutes (east positive). */
export const offsetAt = (timeZone: string, instant: number): number => tzOffset(timeZone, new Date(instant));

/** Zones offered in the planning form (the meeting's own zone is added when it is another). */
export const OFFERED_TIME_ZONES = [
  'Europe/Oslo',
  'Europe/Stockholm',
  'Europe/Copenhagen',
  'Europe/Helsinki',
  'Europe/London',
  'Atlantic/Reykjavik',
  'UTC',
] as const;
