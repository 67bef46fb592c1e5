import '../consent-toggle/define.js';
import { CareConsentList } from './consent-list.js';

/** Registers `<care-consent-list>` (and the `<care-consent-toggle>` it shows). */
if (!customElements.get('care-consent-list')) customElements.define('care-consent-list', CareConsentList);

declare global {
  interface HTMLElementTagNameMap {
    'care-consent-list': CareConsentList;
  }
}
