/** Month grids for the date picker: calendar dates only, no zones, no DOM. */
import { addDaysTo, splitDate } from '../base/calendar-date.js';

/** One row of a month grid: its ISO week number and seven dates, '' outside the month. */
export interface CalendarWeek {
  week: number;
  /** The Monday of the week, `YYYY-MM-DD`. */
  monday: string;
  days: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const utc = (date: string) => {
  const { year, month, day } = splitDate(date);
  return new Date(Date.UTC(year, month - 1, day));
};

/** ISO 8601 week number of a calendar date (weeks start on Monday; week 1 holds the first Thursday). */
export const isoWeekOf = (date: string): number => {
  const thursday = utc(date);
  thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3);
  // 4 January is always in week 1.
  const january4 = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const days = (thursday.getTime() - january4.getTime()) / 86_400_000;
  return 1 + Math.round((days - 3 + ((january4.getUTCDay() + 6) % 7)) / 7);
};

/** 0 = Monday … 6 = Sunday. */
export const isoWeekday = (date: string): number => (utc(date).getUTCDay() + 6) % 7;

/** `YYYY-MM-01` of the month holding `date`. */
export const monthOf = (date: string): string => `${date.slice(0, 7)}-01`;

/**
 * The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb).
 * Pass `day` to aim at a remembered day instead, so repeated steps do not keep the clamp.
 */
export const addMonthsTo = (date: string, months: number, day = splitDate(date).day): string => {
  const { year, month } = splitDate(date);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}-${pad(Math.min(day, last))}`;
};

/** The weeks of the month holding `date`, Monday first. */
export const monthWeeks = (date: string): CalendarWeek[] => {
  const first = monthOf(date);
  const month = first.slice(0, 7);
  const weeks: CalendarWeek[] = [];
  for (let monday = addDaysTo(first, -isoWeekday(first)); monday.slice(0, 7) <= month; monday = addDaysTo(monday, 7)) {
    const days = Array.from({ length: 7 }, (_, i) => addDaysTo(monday, i)).map((d) => (d.slice(0, 7) === month ? d : ''));
    weeks.push({ week: isoWeekOf(monday), monday, days });
  }
  return weeks;
};
