// The date picker the forms use is registered with the planning form, which loads on first use.
import { CareMeetingScheduler } from './meeting-scheduler.js';

if (!customElements.get('care-meeting-scheduler')) customElements.define('care-meeting-scheduler', CareMeetingScheduler);

declare global {
  interface HTMLElementTagNameMap {
    'care-meeting-scheduler': CareMeetingScheduler;
  }
}
