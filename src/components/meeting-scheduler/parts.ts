/**
 * The parts of the scheduler that load on first use, each a chunk of its own in the bundles: the
 * `.ics` maker (when the person asks for the file), the planning form with free-time finding,
 * series editing and the date picker (when a form opens), and the date picker alone (when a date
 * of a series is moved). Literal paths, so rollup can split them. Kept in one object so a test can
 * stand in a failing load.
 */
export const schedulerParts = {
  ics: () => import('./ics-download.js'),
  planning: () => import('./planning-part.js'),
  datePicker: () => import('../date-picker/define.js'),
};
