/** Public API of the consent elements, re-exported from the package entry. */
export { CareConsentToggle } from './consent-toggle.js';
export * from './events.js';
export { nextConsentState, recordDecision, newestFirst as consentHistoryNewestFirst, type DecisionInput } from './decision.js';
export { CareConsentList } from '../consent-list/consent-list.js';
export { uncoveredMembers as membersNotCoveredByConsent, reaches as consentReaches } from '../consent-list/coverage.js';
