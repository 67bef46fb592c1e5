import type { PickerMessages } from '../../types.js';

/** The date picker's strings (`<care-date-picker>`, also inside the meeting scheduler). */
export const picker: PickerMessages = {
  chooseDate: 'Vælg dato',
  chosenDate: (date: string) => `valgt: ${date}`,
  chooseThisDate: 'Vælg',
  previousYear: 'Forrige år',
  previousMonth: 'Forrige måned',
  nextMonth: 'Næste måned',
  nextYear: 'Næste år',
  week: 'Uge',
  weekShort: 'Uge',
  dayHasFreeTimes: 'har ledige tider',
  pickerHint: 'Piletasterne flytter en dag eller en uge. Page Up og Page Down skifter måned, med Shift år. Enter vælger.',
};
