import type { RosterMessages } from '../../types.js';

export const roster: RosterMessages = {};
