import type { ConsentDirective, Decider } from '../../contract/consent.js';
import type { ConsentState } from '../../contract/values.js';
import { CareEvent, CareRequestEvent } from '../base/events.js';

/** What a person asked for: the directive as it would be after the change, and who decided. */
export interface ConsentRequestDetail {
  /** The whole directive as it will be saved, with the new state and a new history entry. */
  directive: ConsentDirective;
  /** The directive as it is saved now. */
  previous: ConsentDirective;
  /** The state asked for. */
  state: ConsentState;
  /** Who made the decision: the person themselves or someone acting on their behalf. */
  decidedBy: Decider;
}

/** A decision that has been saved. */
export interface ConsentChangeDetail {
  /** The directive as stored. */
  directive: ConsentDirective;
  /** The directive as it was before. */
  previous: ConsentDirective;
  /** The state now saved. */
  state: ConsentState;
}

/**
 * Fired when a person grants, refuses or withdraws a consent, before anything is saved.
 * Cancelable: `preventDefault()` stops it (nothing changes); `waitUntil(promise)` keeps the element
 * in its "saving" state until the host's own step (a confirmation, a signature, a save) is done.
 */
export class CareConsentRequestEvent extends CareRequestEvent<ConsentRequestDetail> {
  static readonly eventName = 'care-consent-request';
  constructor(detail: ConsentRequestDetail) {
    super(CareConsentRequestEvent.eventName, detail);
  }
}

/** Fired after a consent decision has been saved; never before. */
export class CareConsentChangeEvent extends CareEvent<ConsentChangeDetail> {
  static readonly eventName = 'care-consent-change';
  constructor(detail: ConsentChangeDetail) {
    super(CareConsentChangeEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'care-consent-request': CareConsentRequestEvent;
    'care-consent-change': CareConsentChangeEvent;
  }
}
