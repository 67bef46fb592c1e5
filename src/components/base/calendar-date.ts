/**
 * Calendar dates (`YYYY-MM-DD`) free of any time zone: the date picker needs only these, so they
 * live apart from the scheduler's zone arithmetic (which brings in the time-zone library).
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Splits `YYYY-MM-DD` into numbers. */
export const splitDate = (date: string): { year: number; month: number; day: number } => {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
};

/** The calendar date `days` after `date` (both `YYYY-MM-DD`), free of any time zone. */
export const addDaysTo = (date: string, days: number): string => {
  const { year, month, day } = splitDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
};

/** Whether `date` is a real `YYYY-MM-DD` calendar date. */
export const isCalendarDate = (date: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  return addDaysTo(date, 0) === date;
};
