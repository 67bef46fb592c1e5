/** Strings of the consent element. Filled in with the element. */
export const consent = {};
