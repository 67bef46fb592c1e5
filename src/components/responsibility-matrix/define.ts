import { CareResponsibilityMatrix } from './responsibility-matrix.js';

/** Registers `<care-responsibility-matrix>` (once, even if imported twice). */
if (!customElements.get('care-responsibility-matrix')) {
  customElements.define('care-responsibility-matrix', CareResponsibilityMatrix);
}

declare global {
  interface HTMLElementTagNameMap {
    'care-responsibility-matrix': CareResponsibilityMatrix;
  }
}
