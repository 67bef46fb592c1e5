import type { PickerMessages } from '../../types.js';

/** The date picker's strings (`<care-date-picker>`, also inside the meeting scheduler). */
export const picker: PickerMessages = {
  chooseDate: 'Välj datum',
  chosenDate: (date: string) => `valt: ${date}`,
  chooseThisDate: 'Välj',
  previousYear: 'Föregående år',
  previousMonth: 'Föregående månad',
  nextMonth: 'Nästa månad',
  nextYear: 'Nästa år',
  week: 'Vecka',
  weekShort: 'V.',
  dayHasFreeTimes: 'har lediga tider',
  pickerHint: 'Piltangenterna flyttar en dag eller en vecka. Page Up och Page Down byter månad, med Shift år. Enter väljer.',
};
