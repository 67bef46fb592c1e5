import { crisisEditing } from './crisis-editing.js';
import { crisisReading } from './crisis-reading.js';

/**
 * Strings of `<care-crisis-plan>`, in two parts: what reading the plan shows, and what only
 * changing it shows (which the element receives with its editing forms).
 */
export const crisis = { ...crisisReading, ...crisisEditing };
