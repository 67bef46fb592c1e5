import { CareDatePicker } from './date-picker.js';

if (!customElements.get('care-date-picker')) customElements.define('care-date-picker', CareDatePicker);

declare global {
  interface HTMLElementTagNameMap {
    'care-date-picker': CareDatePicker;
  }
}
