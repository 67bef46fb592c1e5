import { CareCrisisPlan } from './crisis-plan.js';

/** Registers `<care-crisis-plan>` (once, so importing twice is harmless). */
if (!customElements.get('care-crisis-plan')) customElements.define('care-crisis-plan', CareCrisisPlan);

declare global {
  interface HTMLElementTagNameMap {
    'care-crisis-plan': CareCrisisPlan;
  }
}
