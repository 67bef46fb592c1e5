/** Strings of the scheduler element. Filled in with the element. */
export const scheduler = {};
