/** Public API of the responsibility matrix, re-exported from the package entry. */
export { CareResponsibilityMatrix } from './responsibility-matrix.js';
export * from './events.js';
export { MATRIX_VIEWS, MATRIX_FILTERS, type MatrixView, type MatrixFilter } from './model.js';
