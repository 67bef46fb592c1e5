/** Strings of the roster element. Filled in with the element. */
export const roster = {};
