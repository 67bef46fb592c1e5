import type { PickerMessages } from '../../types.js';

/** The date picker's strings (`<care-date-picker>`, also inside the meeting scheduler). */
export const picker: PickerMessages = {
  chooseDate: 'Velg dato',
  chosenDate: (date: string) => `valgt: ${date}`,
  chooseThisDate: 'Velg',
  previousYear: 'Forrige år',
  previousMonth: 'Forrige måned',
  nextMonth: 'Neste måned',
  nextYear: 'Neste år',
  week: 'Uke',
  weekShort: 'Uke',
  dayHasFreeTimes: 'har ledige tider',
  pickerHint: 'Piltastene flytter en dag eller en uke. Page Up og Page Down bytter måned, med Shift år. Enter velger.',
};
