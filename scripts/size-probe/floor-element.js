// The least an element of this library can be, built by `npm run size` to show the fixed part of
// every element's budget: lit, CareElement (store connection, contract check and its messages,
// loading, load-error and data-error states, the acting person), language and label overrides,
// the shared styles and strings. It has no strings, styles or schemas of its own.
import { html } from 'lit';
import { CareElement } from '../../dist/esm/components/base/care-element.js';
import { crisisTranslations } from '../../dist/esm/i18n/translations.js';

class CareFloorProbe extends CareElement {
  namespace = 'crisis';
  english = {};
  translations = crisisTranslations;

  render() {
    return this.snapshot?.status === 'error' ? this.renderLoadError(() => void this.store?.load()) : html`<p>${this.t.loading}</p>`;
  }
}
customElements.define('care-floor-probe', CareFloorProbe);
