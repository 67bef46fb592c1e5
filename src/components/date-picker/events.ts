import { CareEvent } from '../base/events.js';

/** Fired by `<care-date-picker>` when the user chooses a date. */
export class CareDatePickEvent extends CareEvent<{ date: string }> {
  static readonly eventName = 'care-date-pick';
  constructor(date: string) {
    super(CareDatePickEvent.eventName, { date });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'care-date-pick': CareDatePickEvent;
  }
}
