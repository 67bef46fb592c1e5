/**
 * Care Elements: web components for care coordination across sectors.
 * This entry exports classes, the data contract and the data sources. It registers no tags:
 * import `care-elements/define.js` (or one element's `define.js`) for that.
 */
export * from './contract/index.js';
export * from './data/types.js';
export { CareStore } from './data/store.js';
export * from './context/keys.js';
export * from './i18n/index.js';
export { CareElement } from './components/base/care-element.js';
export * from './components/base/events.js';
export { carryIntent, type IntentOutcome } from './components/base/intent.js';
