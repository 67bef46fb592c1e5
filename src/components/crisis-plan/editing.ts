/**
 * What only changing the plan needs: the editing form and its draft, the proposal form and the field-by-field merge. The element loads
 * this module on first use (or as soon as the reader may edit), so a page that only reads the plan does not carry it.
 */
export { PlanEditor } from './plan-editor.js';
/** The element's English strings with those of the forms, which travel with this module. */
export { crisis as english } from '../../i18n/catalogues/en/crisis.js';
