import { CareConsentToggle } from './consent-toggle.js';

/** Registers `<care-consent-toggle>` (once, so importing twice is harmless). */
if (!customElements.get('care-consent-toggle')) customElements.define('care-consent-toggle', CareConsentToggle);

declare global {
  interface HTMLElementTagNameMap {
    'care-consent-toggle': CareConsentToggle;
  }
}
