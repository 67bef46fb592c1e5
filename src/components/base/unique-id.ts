/**
 * A short random part for ids made in the browser: two people adding an item to the same entity at
 * once (two proposals, two questions) must not make the same id, or a merge takes them for one item
 * changed twice.
 */
export const randomPart = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10);
