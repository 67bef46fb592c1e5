import type { PickerMessages } from '../../types.js';

/** The date picker's strings (`<care-date-picker>`, also inside the meeting scheduler). */
export const picker: PickerMessages = {
  chooseDate: 'Vel dato',
  chosenDate: (date: string) => `vald: ${date}`,
  chooseThisDate: 'Vel',
  previousYear: 'Førre år',
  previousMonth: 'Førre månad',
  nextMonth: 'Neste månad',
  nextYear: 'Neste år',
  week: 'Veke',
  weekShort: 'Veke',
  dayHasFreeTimes: 'har ledige tider',
  pickerHint: 'Piltastane flyttar ein dag eller ei veke. Page Up og Page Down byter månad, med Shift år. Enter vel.',
};
