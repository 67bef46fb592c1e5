import type { SchedulerMessages } from '../../types.js';

export const scheduler: SchedulerMessages = {};
