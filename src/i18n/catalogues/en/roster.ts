import { rosterDetails } from './roster-details.js';
import { rosterList } from './roster-list.js';

/**
 * Strings of `<care-team-roster>`, in two parts: what the roster shows, and what only the member
 * details dialog shows (which the element receives with the dialog's code).
 */
export const roster = { ...rosterList, ...rosterDetails };
