import type { Responsibility } from '../../contract/responsibility.js';
import type { ResponsibilityAction, ResponsibilityChangeDetail } from './events.js';

/** What the request and change events say about one change. */
export const changeDetail = (
  responsibility: Responsibility,
  action: string,
  previous: Responsibility | undefined,
  reason: string | undefined,
): ResponsibilityChangeDetail => ({ responsibility, previous, action: action as ResponsibilityAction, ...(reason ? { reason } : {}) });
