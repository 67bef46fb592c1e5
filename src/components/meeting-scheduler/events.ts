import type { Meeting } from '../../contract/meeting.js';
import { CareEvent, CareRequestEvent } from '../base/events.js';

/** What the user did to a meeting. */
export const MEETING_ACTIONS = ['book', 'update', 'move-occurrence', 'cancel-occurrence', 'cancel', 'respond'] as const;
export type MeetingAction = (typeof MEETING_ACTIONS)[number];

/** What a meeting request or change carries. */
export interface CareMeetingDetail {
  /** The whole meeting as it is (or will be) after the change. */
  meeting: Meeting;
  /** The meeting before the change; absent when a new meeting is booked. */
  previous?: Meeting;
  action: MeetingAction;
}

/**
 * Fired when the user asks to book, change, move or cancel a meeting (or one date of a series),
 * or answers an invitation, before anything is saved. Call `preventDefault()` to stop it, or
 * `waitUntil(promise)` to save it yourself first.
 */
export class CareMeetingRequestEvent extends CareRequestEvent<CareMeetingDetail> {
  static readonly eventName = 'care-meeting-request';
  constructor(detail: CareMeetingDetail) {
    super(CareMeetingRequestEvent.eventName, detail);
  }
}

/** Fired after a meeting change has been saved (or, without a store, accepted by the host). */
export class CareMeetingChangeEvent extends CareEvent<CareMeetingDetail> {
  static readonly eventName = 'care-meeting-change';
  constructor(detail: CareMeetingDetail) {
    super(CareMeetingChangeEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'care-meeting-request': CareMeetingRequestEvent;
    'care-meeting-change': CareMeetingChangeEvent;
  }
}
