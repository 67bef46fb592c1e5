/**
 * Care Elements: web components for care coordination across sectors.
 * This entry exports classes, the data contract and the data sources. It registers no tags:
 * import `care-elements/define.js` (or one element's `define.js`) for that.
 *
 * Only what the docs document is exported (see "Public API" in docs/embedding.md); the list is
 * guarded by api/care-elements.api.md, which `npm test` compares with this file's exports.
 */

// ----- The data contract (docs/contract.md) -----
export {
  AGENDA_TEMPLATES,
  AUDIENCES,
  CONSENT_METHODS,
  CONSENT_MODELS,
  CONSENT_PURPOSES,
  CONSENT_STATES,
  CONTACT_CHANNELS,
  CRISIS_STAGES,
  DECIDER_RELATIONS,
  ENTITY_KINDS,
  HANDOVER_STATUSES,
  INFORMATION_CATEGORIES,
  MEETING_KINDS,
  MEETING_MODES,
  MEETING_STATUSES,
  MEMBER_KINDS,
  MEMBER_STATUSES,
  RACI_PARTS,
  RECIPIENT_KINDS,
  RECURRENCE_FREQUENCIES,
  RESPONSE_STATUSES,
  RESPONSIBILITY_AREAS,
  RESPONSIBILITY_STATUSES,
  SECTORS,
  TEAM_STATUSES,
  WEEKDAYS,
  PRACTICAL_TOPICS,
  PROPOSAL_STATUSES,
  OUTCOME_STATUSES,
  ACTION_EFFECTS,
  type OutcomeStatus,
  type ActionEffect,
  type AgendaTemplate,
  type Audience,
  type ConsentMethod,
  type ConsentModel,
  type ConsentPurpose,
  type ConsentState,
  type ContactChannel,
  type CrisisStage,
  type PracticalTopic,
  type ProposalStatus,
  type DeciderRelation,
  type EntityKind,
  type HandoverStatus,
  type InformationCategory,
  type MeetingKind,
  type MeetingMode,
  type MeetingStatus,
  type MemberKind,
  type MemberStatus,
  type RaciPart,
  type RecipientKind,
  type RecurrenceFrequency,
  type ResponseStatus,
  type ResponsibilityArea,
  type ResponsibilityStatus,
  type Sector,
  type TeamStatus,
  type Weekday,
} from './contract/values.js';
export { Actor, ContactPoint, type ContactPointSchema, Hours, Meta, Period, Role } from './contract/common.js';
// The schema types of the contract's scalar building blocks, which the entities' schema types name.
export type { IdSchema, InstantSchema, IsoDateSchema, RequiredTextSchema, TextSchema, TimeOfDaySchema, TimeZoneSchema } from './contract/common.js';
export { CareTeam, type CareTeamSchema, Member, type MemberSchema, Organisation, type OrganisationSchema, type CareTeamInput, type MemberInput } from './contract/team.js';
export { Assignment, Dispute, Handover, Note, Responsibility, type ResponsibilitySchema, Step, type ResponsibilityInput, type StepInput } from './contract/responsibility.js';
export {
  ConsentDirective,
  type ConsentDirectiveSchema,
  ConsentHistoryEntry,
  Decider,
  Recipient,
  isInForce,
  isSharingAllowed,
  type ConsentDirectiveInput,
  type ConsentHistoryEntryInput,
  type DeciderInput,
} from './contract/consent.js';
export {
  AgendaItem,
  Availability,
  type AvailabilitySchema,
  Interval,
  Location,
  Meeting,
  type MeetingSchema,
  OccurrenceException,
  Participant,
  Recurrence,
  WorkingHours,
  type AgendaItemInput,
  type AvailabilityInput,
  type MeetingInput,
  type ParticipantInput,
  type RecurrenceInput,
} from './contract/meeting.js';
export {
  CrisisPlan,
  type CrisisPlanSchema,
  CrisisOwnWords,
  CrisisStagePlan,
  CrisisMeasure,
  CrisisContact,
  CrisisAgreement,
  CrisisProposal,
  PracticalMatter,
  crisisPlanFlags,
  crisisPlanAccess,
  type CrisisPlanInput,
  type CrisisOwnWordsInput,
  type CrisisStagePlanInput,
  type CrisisMeasureInput,
  type CrisisProposalInput,
  type CrisisPlanFlag,
  type CrisisPlanAccess,
} from './contract/crisis-plan.js';
export {
  MeetingOutcome,
  type MeetingOutcomeSchema,
  OutcomePart,
  OutcomeDecision,
  OutcomeAction,
  OutcomeConfirmation,
  OutcomeQuestion,
  outcomePartAccess,
  meetingOutcomeFlags,
  type MeetingOutcomeInput,
  type OutcomePartInput,
  type OutcomePartAccess,
  type OutcomeFlag,
} from './contract/meeting-outcome.js';
export { AuditEntry, type AuditEntrySchema, AUDIT_OUTCOMES, AUDIT_FAILURES } from './contract/audit.js';
export { CareRecord, type CareRecordSchema, type CareRecordInput } from './contract/record.js';
export { responsibilityFlags, teamFlags, type ResponsibilityFlag, type TeamFlag } from './contract/rules.js';
export { check, parse, ContractError, type ContractIssue, type ContractResult, type Schema } from './contract/validate.js';

// ----- The store and the data sources (docs/embedding.md, docs/fhir.md) -----
export { CareStore, type SaveOptions } from './data/store.js';
export { type MergeChoice } from './data/merge.js';
export {
  StoreError,
  PartlySavedError,
  entityKey,
  type CareDataSource,
  type Change,
  type ChangeKind,
  type ChangeRequest,
  type EntityByKind,
  type EntityKey,
  type EntityState,
  type FieldConflict,
  type LeftOut,
  type SaveFailure,
  type SaveOutcome,
  type StoreErrorKind,
  type StoreSnapshot,
} from './data/types.js';
export { MemorySource, type MemorySourceOptions, type MemoryPersistence } from './data/memory-source.js';
export { StorageProblemEvent, type StorageProblem } from './data/memory-storage.js';
export { HttpSource, type HttpSourceOptions } from './data/http-source.js';
export {
  FhirSource,
  careTeamFromFhir,
  careTeamToFhir,
  consentFromFhir,
  consentToFhir,
  responsibilityFromTask,
  responsibilityToTask,
  meetingFromFhir,
  meetingToFhir,
  crisisPlanFromFhir,
  crisisPlanToFhir,
  meetingOutcomeFromFhir,
  meetingOutcomeToFhir,
  outcomeMessagesFromFhir,
  outcomeMessagesToFhir,
  auditEntryToFhir,
  auditOutcomeCode,
  type OutcomeFhirOptions,
  type OutcomeMessageOptions,
  /** A meeting outcome as a FHIR Composition (R4 or R5). */
  type Composition as FhirComposition,
  FhirResourceProblem,
  type FhirNote,
  type FhirSourceOptions,
  type FhirMappingOptions,
} from './data/fhir/index.js';
/** The FHIR releases the FHIR source speaks (`<care-context fhir-version>`). */
export type { FhirVersion } from './data/fhir/types.js';
/** The FHIR R4/R5 JSON shapes the mapping functions take and return (`Fhir.CareTeam`, `Fhir.Consent`, …). */
export type * as Fhir from './data/fhir/types.js';
export type { MappingContext as FhirMappingContext } from './data/fhir/context.js';

// ----- Languages and labels (docs/i18n.md) -----
export {
  LOCALES,
  type Locale,
  type LabelOverrides,
  type CommonMessages,
  type RosterMessages,
  type MatrixMessages,
  type ConsentMessages,
  type ConsentToggleMessages,
  type PartOf,
  type SchedulerMessages,
  type CrisisMessages,
  type CrisisReadingMessages,
  type OutcomesMessages,
  type PickerMessages,
  type OverviewMessages,
} from './i18n/types.js';

// ----- The elements and their events (docs/elements/*.md) -----
/** The range of every element's `headingLevel`. */
export type { HeadingLevel } from './components/base/heading-level.js';
export {
  CareEvent,
  CareRequestEvent,
  CareDataErrorEvent,
  CareErrorEvent,
  CareLoadErrorEvent,
  CareStorageProblemEvent,
  type CareLoadErrorDetail,
} from './components/base/events.js';
export { LOAD_FAILURE_REASONS, SOURCE_CODE_MISSING, type LoadFailureReason } from './data/load-failure.js';
export { CareContext } from './context/care-context.js';
export { configureRequests, type RequestSettings, type RequestHeaders } from './context/request-defaults.js';
export { CareTeamRoster } from './components/team-roster/team-roster.js';
export { ROSTER_LAYOUTS, ROSTER_GROUPINGS, type RosterLayout, type RosterGrouping } from './components/team-roster/roster-model.js';
export { CareContactEvent, CareMemberSelectEvent, type CareContactDetail } from './components/team-roster/events.js';
export { CareConsentToggle } from './components/consent-toggle/consent-toggle.js';
export { CareConsentList } from './components/consent-list/consent-list.js';
export * from './components/consent-toggle/events.js';
export { nextConsentState, recordDecision, renewedValidity, type DecisionInput, type Validity } from './components/consent-toggle/decision.js';
export { uncoveredMembers as membersNotCoveredByConsent } from './components/consent-list/coverage.js';
export { CareMeetingScheduler } from './components/meeting-scheduler/meeting-scheduler.js';
export { CareDatePicker } from './components/date-picker/date-picker.js';
export { CareDatePickEvent } from './components/date-picker/events.js';
export {
  CareMeetingRequestEvent,
  CareMeetingChangeEvent,
  MEETING_ACTIONS,
  type MeetingAction,
  type CareMeetingDetail,
} from './components/meeting-scheduler/events.js';
export { findFreeSlots, type FreeSlot, type FreeTimeQuery, type AvailabilityLike } from './components/meeting-scheduler/free-time.js';
export { withBookedMeetings } from './components/meeting-scheduler/team-meetings.js';
export { meetingToIcs, type IcsOptions, type IcsMember } from './components/meeting-scheduler/ics.js';
export { CareResponsibilityMatrix } from './components/responsibility-matrix/responsibility-matrix.js';
export * from './components/responsibility-matrix/events.js';
export { MATRIX_VIEWS, MATRIX_FILTERS, type MatrixView, type MatrixFilter } from './components/responsibility-matrix/model.js';
export { CareCrisisPlan } from './components/crisis-plan/crisis-plan.js';
export {
  CareCrisisPlanRequestEvent,
  CareCrisisPlanChangeEvent,
  CRISIS_PLAN_ACTIONS,
  type CrisisPlanAction,
  type CrisisPlanDetail,
} from './components/crisis-plan/events.js';

// ----- The coordination overview across a caseload (docs/elements/coordination-overview.md) -----
export {
  OverviewPage,
  type OverviewPageSchema,
  OverviewQuery,
  OverviewRow,
  OverviewChoice,
  GapCount,
  OVERVIEW_GAPS,
  OVERVIEW_REASONS,
  type OverviewGap,
  type OverviewReason,
  type OverviewPageInput,
  type OverviewQueryInput,
} from './contract/overview.js';
export { HttpOverviewSource, OverviewContractError, overviewSearchParams, type OverviewSource, type HttpOverviewSourceOptions } from './data/overview/source.js';
export { FhirOverviewSource, type FhirOverviewSourceOptions } from './data/overview/fhir-overview-source.js';
export { CareCoordinationOverview } from './components/coordination-overview/coordination-overview.js';
export { CareOverviewQueryEvent, CareOverviewExportEvent, type CareOverviewExportDetail } from './components/coordination-overview/events.js';
export { CareMeetingOutcomes } from './components/meeting-outcomes/meeting-outcomes.js';
export {
  CareMeetingOutcomeRequestEvent,
  CareMeetingOutcomeChangeEvent,
  MEETING_OUTCOME_ACTIONS,
  type MeetingOutcomeAction,
  type MeetingOutcomeDetail,
} from './components/meeting-outcomes/events.js';
