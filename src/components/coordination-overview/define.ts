import { CareCoordinationOverview } from './coordination-overview.js';

if (!customElements.get('care-coordination-overview')) customElements.define('care-coordination-overview', CareCoordinationOverview);

declare global {
  interface HTMLElementTagNameMap {
    'care-coordination-overview': CareCoordinationOverview;
  }
}
