import type { MeetingOutcome } from '../../contract/meeting-outcome.js';
import { CareEvent, CareRequestEvent } from '../base/events.js';

/** What a person did to a meeting's outcome, as the events and the audit trail name it. */
export const MEETING_OUTCOME_ACTIONS = ['record', 'share', 'confirm', 'ask', 'answer'] as const;
export type MeetingOutcomeAction = (typeof MEETING_OUTCOME_ACTIONS)[number];

/** A change of a meeting's outcome: the whole outcome as it is to be saved, and as it was. */
export interface MeetingOutcomeDetail {
  /** The outcome as it will be (request) or has been (change) saved. */
  outcome: MeetingOutcome;
  /** The outcome before the change; undefined when it is new. */
  previous?: MeetingOutcome;
  /** What was done: `record`, `share`, `confirm`, `ask` or `answer`. */
  action: MeetingOutcomeAction;
}

/**
 * Fired before a change of a meeting's outcome is saved. Cancelable: `preventDefault()` stops it;
 * `waitUntil(promise)` keeps the element saving until the host's own step is done.
 */
export class CareMeetingOutcomeRequestEvent extends CareRequestEvent<MeetingOutcomeDetail> {
  static readonly eventName = 'care-meeting-outcome-request';
  constructor(detail: MeetingOutcomeDetail) {
    super(CareMeetingOutcomeRequestEvent.eventName, detail);
  }
}

/** Fired after a change of a meeting's outcome has been saved; never before. */
export class CareMeetingOutcomeChangeEvent extends CareEvent<MeetingOutcomeDetail> {
  static readonly eventName = 'care-meeting-outcome-change';
  constructor(detail: MeetingOutcomeDetail) {
    super(CareMeetingOutcomeChangeEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'care-meeting-outcome-request': CareMeetingOutcomeRequestEvent;
    'care-meeting-outcome-change': CareMeetingOutcomeChangeEvent;
  }
}
