/** Strings of the matrix element. Filled in with the element. */
export const matrix = {};
