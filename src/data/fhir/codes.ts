/**
 * Code systems and extension URLs the FHIR mapping reads and writes. Standard HL7 URLs are used
 * wherever one exists (SNOMED CT, v3 codes, the official R5-in-R4 cross-version extensions); the
 * rest live under one project namespace, documented in docs/fhir.md.
 */

/** The project's canonical namespace for its own code systems and extensions. */
export const CARE_NS = 'https://care-elements.dev/fhir';

const sd = (name: string) => `${CARE_NS}/StructureDefinition/${name}`;
const cs = (name: string) => `${CARE_NS}/CodeSystem/${name}`;

/** The project's own code systems. */
export const CODE_SYSTEMS = {
  /** R (responsible), A (accountable), C (consulted), I (informed): `Task.performer.function`. */
  raci: cs('raci'),
  /** RESPONSIBILITY_AREAS values, in `Task.code.coding`. */
  area: cs('responsibility-area'),
  /** `disputed`, in `Task.businessStatus`. */
  taskBusinessStatus: cs('task-business-status'),
  /** SECTORS values, in `Organization.type`. */
  sector: cs('sector'),
  /** INFORMATION_CATEGORIES values, in `Consent.provision.code`. */
  category: cs('information-category'),
  /** Consent purposes with no v3-ActReason code (`follow-up`, `meeting-preparation`). */
  purpose: cs('consent-purpose'),
  /** MEETING_KINDS values, in `Appointment.serviceCategory`. */
  meetingKind: cs('meeting-kind'),
  /** `crisis-plan`, in `CarePlan.category`: the CarePlan is a crisis plan. */
  carePlanKind: cs('care-plan-kind'),
  /** CRISIS_STAGES values: the stage of a measure (`Task.code`), a note or a contact. */
  crisisStage: cs('crisis-stage'),
  /** A measure's contract id (`Task.identifier`) and a responsibility's id when no Task stands for it (`Reference.identifier`). */
  measureId: cs('crisis-measure-id'),
  responsibilityId: cs('responsibility-id'),
  /** A crisis-plan proposal's contract id (`Task.identifier` of its Task with `intent: proposal`). */
  proposalId: cs('crisis-proposal-id'),
  /** Identifies a member by contract id when there is no FHIR resource to point at (`Reference.identifier.system`). */
  memberId: cs('member-id'),
  /** AUDIT_OUTCOMES values (`partly-saved`, …), in `AuditEvent.outcome.detail`. */
  auditOutcome: cs('audit-outcome'),
  /** The action of an audit entry (`assign`, `grant`, `book`, …), in `AuditEvent.subtype` (R4) / `code` (R5). */
  auditAction: cs('audit-action'),
  /** What an AuditEvent entity detail holds: `change-id`, `reason`, `not-saved`, `failure`. */
  auditDetail: cs('audit-detail'),
} as const;

/** The project's own extensions. */
export const EXTENSIONS = {
  /** On a CareTeam participant: the member kind (`valueCode`), when the resource type does not tell it. */
  memberKind: sd('member-kind'),
  /** On a CareTeam participant: the member status (`valueCode` proposed|active|ended), when the period does not tell it. */
  memberStatus: sd('member-status'),
  /** On a ContactPoint: the contract channel (`valueCode`), when `system` does not tell it (video vs secure message). */
  contactChannel: sd('contact-channel'),
  /** On a Consent: how the decision was given (`valueCode` verbal|written|digital). */
  consentMethod: sd('consent-method'),
  /** On a crisis-plan CarePlan: the next review date (`valueDate`). */
  nextReview: sd('next-review'),
  /** On a crisis-plan CarePlan: the plan's edition, printed on every copy (`valuePositiveInt`). */
  planVersion: sd('plan-version'),
  /** On a crisis-plan CarePlan, repeated: who confirmed which version and when (member, at, version). */
  agreement: sd('crisis-plan-agreement'),
  /** On a crisis-plan CarePlan, repeated in order: whom to contact at a stage (stage, id, member or name and phone, hours, out of hours, note). */
  crisisContact: sd('crisis-contact'),
  /** On a CarePlan.note: which part of the plan it is: `section` (earlyWarningSigns, triggers, helps, doesNotHelp, practical, treatmentWishes, whoIsTold, or signs), with `stage` for signs and `topic` for a practical matter. */
  noteSection: sd('crisis-plan-note'),
  /** On a proposal Task of a crisis plan: who recorded the person's answer (`valueReference`). */
  proposalAnsweredBy: sd('crisis-proposal-answered-by'),
  /**
   * On any mapped element: the contract fields FHIR has no element for (agenda, handover, steps,
   * notes on a member, …), as JSON in `valueString`, so a write never loses them.
   */
  contractExtras: sd('contract-extras'),
} as const;

/** Official cross-version extensions that carry R5 elements in R4 resources. */
export const XVER = {
  taskPerformer: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Task.performer',
  virtualService: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Appointment.virtualService',
  recurrenceTemplate: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-Appointment.recurrenceTemplate',
  auditOutcomeDetail: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-AuditEvent.outcome.detail',
} as const;

/**
 * National video-meeting extensions on an Appointment. Norway: HL7 Norway's draft no-basis
 * `NoBasisVirtualService` (R5 VirtualServiceDetail as an R4 extension; its canonical moved between
 * builds, both are read). Denmark: the eHealth Infrastructure's `ehealth-meeting-url` (valueUri,
 * set by the video service, "may not be updated" by clients: read, never written).
 */
export const NATIONAL_VIDEO = {
  norway: ['http://hl7.no/fhir/StructureDefinition/no-basis-virtual-service', 'http://hl7.no/fhir/ig/StructureDefinition/no-basis-virtual-service'],
  denmark: 'http://ehealth.sundhed.dk/fhir/StructureDefinition/ehealth-meeting-url',
} as const;

/** Core HL7 extension for an IANA time zone. */
export const TZ_CODE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/tz-code';

export const SNOMED = 'http://snomed.info/sct';
export const V3_ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const V3_PARTICIPATION_TYPE = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
export const V3_ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
export const ORGANIZATION_TYPE = 'http://terminology.hl7.org/CodeSystem/organization-type';
export const RESOURCE_TYPES = 'http://hl7.org/fhir/resource-types';
export const GTS_ABBREVIATION = 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation';
