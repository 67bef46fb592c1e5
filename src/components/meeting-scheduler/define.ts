import { CareDatePicker } from './date-picker.js';
import { CareMeetingScheduler } from './meeting-scheduler.js';

if (!customElements.get('care-date-picker')) customElements.define('care-date-picker', CareDatePicker);
if (!customElements.get('care-meeting-scheduler')) customElements.define('care-meeting-scheduler', CareMeetingScheduler);

declare global {
  interface HTMLElementTagNameMap {
    'care-date-picker': CareDatePicker;
    'care-meeting-scheduler': CareMeetingScheduler;
  }
}
