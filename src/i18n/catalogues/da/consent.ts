import type { ConsentMessages } from '../../types.js';

export const consent: ConsentMessages = {};
