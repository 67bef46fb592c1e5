import '../date-picker/define.js';
import { CareMeetingScheduler } from './meeting-scheduler.js';

if (!customElements.get('care-meeting-scheduler')) customElements.define('care-meeting-scheduler', CareMeetingScheduler);

declare global {
  interface HTMLElementTagNameMap {
    'care-meeting-scheduler': CareMeetingScheduler;
  }
}
