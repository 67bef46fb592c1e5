/**
 * FHIR R4 and R5 for the data contract: pure mapping functions in both directions, reference
 * resolution, and `FhirSource`. Nothing here is imported by the elements or `define.ts`; a page
 * pays for it only when it uses a FHIR server (`<care-context fhir-base=…>` loads it on demand).
 */
export * from './codes.js';
export type { FhirMappingOptions, FhirKept } from './context.js';
export { ResourceIndex } from './references.js';
export { careTeamFromFhir, careTeamToFhir, SECTOR_BY_ORGANIZATION_TYPE, SECTOR_BY_TYPE_CODE } from './team.js';
export { consentFromFhir, consentToFhir, notAboutSharing, PURPOSE_BY_ACT_REASON } from './consent.js';
export { FhirResourceProblem, formatNote, type FhirNote } from './notes.js';
export { contentVersionProblem, versionFromMetadata } from './version.js';
export {
  responsibilityFromTask,
  responsibilityToTask,
  responsibilitiesFromCarePlan,
  responsibilityToCarePlan,
  isCarePlanActivity,
  RACI_CODES,
  STATUS_BY_TASK_STATUS,
} from './responsibility.js';
export { crisisPlanFromFhir, crisisPlanToFhir, isCrisisCarePlan, CRISIS_PLAN_CATEGORY } from './crisis-plan.js';
export {
  meetingOutcomeFromFhir,
  meetingOutcomeToFhir,
  outcomeMessagesFromFhir,
  outcomeMessagesToFhir,
  outcomeMessageId,
  isMeetingOutcome,
  OUTCOME_FHIR,
  type Composition,
  type OutcomeFhirOptions,
  type OutcomeMessageOptions,
} from './meeting-outcome.js';
export { meetingFromFhir, meetingToFhir, hasTime, availabilityFromFhir, availabilityToFhir, STATUS_BY_APPOINTMENT_STATUS } from './meeting.js';
export { auditEntryToFhir, auditOutcomeCode } from './audit.js';
export { FhirSource, createFhirSource, outcomeMessages, type FhirSourceOptions } from './source.js';
export { UNKNOWN_PERSON, UNKNOWN_ORGANISATION, UNKNOWN_PLACE, e164, CALLING_CODE_BY_TIME_ZONE } from './util.js';
export type * as Fhir from './types.js';
