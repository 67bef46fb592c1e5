import type { Responsibility } from '../../contract/responsibility.js';
import { CareEvent, CareRequestEvent } from '../base/events.js';

/** What a person did to a responsibility, as the events and the audit trail name it. */
export const RESPONSIBILITY_ACTIONS = [
  'assign',
  'add',
  'rename',
  'end',
  'set-review-date',
  'propose-handover',
  'accept-handover',
  'dispute-handover',
] as const;
export type ResponsibilityAction = (typeof RESPONSIBILITY_ACTIONS)[number];

/** The detail of both responsibility events. */
export interface ResponsibilityChangeDetail {
  /** The responsibility as it is (or will be) after the change. */
  responsibility: Responsibility;
  /** The responsibility as it was before; undefined when it is new. */
  previous?: Responsibility;
  /** What was done. */
  action: ResponsibilityAction;
  /** Why, in the person's own words, when they gave a reason. */
  reason?: string;
}

/**
 * Fired before a change to a responsibility is saved. Cancelable: `preventDefault()` vetoes it;
 * `waitUntil(promise)` makes the matrix show "saving" until the host's own save has finished.
 */
export class CareResponsibilityRequestEvent extends CareRequestEvent<ResponsibilityChangeDetail> {
  static readonly eventName = 'care-responsibility-request';
  constructor(detail: ResponsibilityChangeDetail) {
    super(CareResponsibilityRequestEvent.eventName, detail);
  }
}

/** Fired after a change to a responsibility has been saved (or accepted by the host). */
export class CareResponsibilityChangeEvent extends CareEvent<ResponsibilityChangeDetail> {
  static readonly eventName = 'care-responsibility-change';
  constructor(detail: ResponsibilityChangeDetail) {
    super(CareResponsibilityChangeEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'care-responsibility-request': CareResponsibilityRequestEvent;
    'care-responsibility-change': CareResponsibilityChangeEvent;
  }
}
