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
export { MemorySource, type MemorySourceOptions, type MemoryPersistence } from './data/memory-source.js';
export { HttpSource, CHANGE_HEADERS, errorKindForStatus, type HttpSourceOptions } from './data/http-source.js';
export { StoreContractError, describeIssues } from './data/entities.js';
export { CareContext } from './context/care-context.js';
export { LOAD_FAILURE_REASONS, loadFailureReason, type LoadFailureReason } from './data/load-failure.js';
export * from './components/team-roster/team-roster.js';
export * from './components/consent-toggle/exports.js';
export { FhirSource, createFhirSource, careTeamFromFhir, careTeamToFhir, consentFromFhir, consentToFhir, responsibilityFromTask, responsibilityToTask, meetingFromFhir, meetingToFhir, type FhirSourceOptions, type FhirMappingOptions } from './data/fhir/index.js';
export * from './components/meeting-scheduler/exports.js';
export * from './components/responsibility-matrix/exports.js';
