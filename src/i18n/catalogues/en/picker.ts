/** The date picker's strings (`<care-date-picker>`, also inside the meeting scheduler). */
export const picker = {
  chooseDate: 'Choose date',
  chosenDate: (date: string) => `chosen: ${date}`,
  chooseThisDate: 'Choose',
  previousYear: 'Previous year',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  nextYear: 'Next year',
  week: 'Week',
  weekShort: 'Wk',
  dayHasFreeTimes: 'has free times',
  pickerHint: 'Arrow keys move by day and week. Page Up and Page Down change the month, with Shift the year. Enter chooses.',
};
