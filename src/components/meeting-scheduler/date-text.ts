import { isCalendarDate } from './zone.js';

/** Reads a date as people write it: `2026-12-08`, `8.12.2026`, `8/12/2026`, `08.12.26`. */
export const parseDateText = (text: string): string | undefined => {
  const value = text.trim();
  if (isCalendarDate(value)) return value;
  const match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(value);
  if (!match) return undefined;
  const year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  const date = `${String(year).padStart(4, '0')}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
};
