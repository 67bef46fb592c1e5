import { CareMeetingOutcomes } from './meeting-outcomes.js';

/** Registers `<care-meeting-outcomes>` (once, so importing twice is harmless). */
if (!customElements.get('care-meeting-outcomes')) customElements.define('care-meeting-outcomes', CareMeetingOutcomes);

declare global {
  interface HTMLElementTagNameMap {
    'care-meeting-outcomes': CareMeetingOutcomes;
  }
}
