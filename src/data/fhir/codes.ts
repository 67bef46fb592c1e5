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
  /** Identifies a member by contract id when there is no FHIR resource to point at (`Reference.identifier.system`). */
  memberId: cs('member-id'),
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
