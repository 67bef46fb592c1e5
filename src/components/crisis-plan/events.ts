import type { CrisisPlan } from '../../contract/crisis-plan.js';
import { CareEvent, CareRequestEvent } from '../base/events.js';

/** What a person did to a crisis plan. */
export const CRISIS_PLAN_ACTIONS = ['edit', 'agree', 'propose', 'accept-proposal', 'decline-proposal'] as const;
export type CrisisPlanAction = (typeof CRISIS_PLAN_ACTIONS)[number];

/** A change of a crisis plan: the whole plan as it is to be saved, and as it was. */
export interface CrisisPlanDetail {
  /** The plan as it will be (request) or has been (change) saved. */
  plan: CrisisPlan;
  /** The plan before the change. */
  previous?: CrisisPlan;
  /** What was done: `edit`, `agree`, `propose`, `accept-proposal` or `decline-proposal`. */
  action: CrisisPlanAction;
}

/**
 * Fired before a change of a crisis plan is saved. Cancelable: `preventDefault()` stops it;
 * `waitUntil(promise)` keeps the element saving until the host's own step is done.
 */
export class CareCrisisPlanRequestEvent extends CareRequestEvent<CrisisPlanDetail> {
  static readonly eventName = 'care-crisis-plan-request';
  constructor(detail: CrisisPlanDetail) {
    super(CareCrisisPlanRequestEvent.eventName, detail);
  }
}

/** Fired after a change of a crisis plan has been saved; never before. */
export class CareCrisisPlanChangeEvent extends CareEvent<CrisisPlanDetail> {
  static readonly eventName = 'care-crisis-plan-change';
  constructor(detail: CrisisPlanDetail) {
    super(CareCrisisPlanChangeEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'care-crisis-plan-request': CareCrisisPlanRequestEvent;
    'care-crisis-plan-change': CareCrisisPlanChangeEvent;
  }
}
