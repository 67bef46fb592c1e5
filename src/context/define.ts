import { CareContext } from './care-context.js';

if (!customElements.get('care-context')) customElements.define('care-context', CareContext);
