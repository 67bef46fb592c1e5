/**
 * Minimal FHIR R4/R5 JSON shapes: only the elements the mapping reads or writes are typed. Every
 * resource keeps its other elements (`[element: string]: unknown`), because the mapping merges
 * into the resource it read and must never drop what it does not understand.
 */

/** The FHIR release a server speaks. */
export type FhirVersion = 'R4' | 'R5';

export interface Element {
  id?: string;
  extension?: Extension[];
  [element: string]: unknown;
}

export interface Extension extends Element {
  url: string;
  valueString?: string;
  valueCode?: string;
  valueBoolean?: boolean;
  valueDate?: string;
  valueDateTime?: string;
  valueTime?: string;
  valueUrl?: string;
  valueUri?: string;
  valuePositiveInt?: number;
  valueInteger?: number;
  valueCoding?: Coding;
  valueCodeableConcept?: CodeableConcept;
  valueReference?: Reference;
  valueContactPoint?: ContactPoint;
}

export interface Coding extends Element {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept extends Element {
  coding?: Coding[];
  text?: string;
}

export interface Identifier extends Element {
  system?: string;
  value?: string;
}

export interface Reference extends Element {
  reference?: string;
  type?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Period extends Element {
  start?: string;
  end?: string;
}

export interface ContactPoint extends Element {
  system?: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other';
  value?: string;
  use?: 'home' | 'work' | 'temp' | 'old' | 'mobile';
  rank?: number;
  period?: Period;
}

export interface HumanName extends Element {
  use?: string;
  text?: string;
  family?: string;
  given?: string[];
  prefix?: string[];
  suffix?: string[];
  period?: Period;
}

export interface Annotation extends Element {
  authorReference?: Reference;
  authorString?: string;
  time?: string;
  text: string;
}

/** R4 `availableTime` (PractitionerRole, HealthcareService) and R5 `Availability.availableTime`. */
export interface AvailableTime extends Element {
  daysOfWeek?: string[];
  allDay?: boolean;
  availableStartTime?: string;
  availableEndTime?: string;
}

export interface Meta extends Element {
  versionId?: string;
  lastUpdated?: string;
}

export interface Resource {
  resourceType: string;
  id?: string;
  meta?: Meta;
  contained?: Resource[];
  extension?: Extension[];
  [element: string]: unknown;
}

export interface Patient extends Resource {
  resourceType: 'Patient';
  name?: HumanName[];
  telecom?: ContactPoint[];
}

export interface Practitioner extends Resource {
  resourceType: 'Practitioner';
  name?: HumanName[];
  telecom?: ContactPoint[];
}

export interface RelatedPerson extends Resource {
  resourceType: 'RelatedPerson';
  patient?: Reference;
  relationship?: CodeableConcept[];
  name?: HumanName[];
  telecom?: ContactPoint[];
}

export interface PractitionerRole extends Resource {
  resourceType: 'PractitionerRole';
  active?: boolean;
  period?: Period;
  practitioner?: Reference;
  organization?: Reference;
  code?: CodeableConcept[];
  telecom?: ContactPoint[];
  /** R4 */
  availableTime?: AvailableTime[];
  /** R5 */
  availability?: Array<Element & { availableTime?: AvailableTime[] }>;
}

export interface Organization extends Resource {
  resourceType: 'Organization';
  name?: string;
  type?: CodeableConcept[];
  telecom?: ContactPoint[];
  /** R5: contact details live in ExtendedContactDetail. */
  contact?: Array<Element & { telecom?: ContactPoint[] }>;
}

export interface CareTeamParticipant extends Element {
  /** R4: a list of roles; R5: one role. */
  role?: CodeableConcept[] | CodeableConcept;
  member?: Reference;
  onBehalfOf?: Reference;
  /** R4 */
  period?: Period;
  /** R5 */
  coveragePeriod?: Period;
}

export interface CareTeam extends Resource {
  resourceType: 'CareTeam';
  status?: string;
  name?: string;
  subject?: Reference;
  period?: Period;
  participant?: CareTeamParticipant[];
  managingOrganization?: Reference[];
  telecom?: ContactPoint[];
}

export interface ConsentActor extends Element {
  role?: CodeableConcept;
  reference?: Reference;
}

export interface ConsentProvision extends Element {
  /** R4 only: R5 provisions alternate from `Consent.decision`. */
  type?: 'deny' | 'permit';
  period?: Period;
  actor?: ConsentActor[];
  purpose?: Coding[];
  code?: CodeableConcept[];
  /** R4 */
  class?: Coding[];
  /** R5 */
  resourceType?: Coding[];
  /** R5 */
  documentType?: Coding[];
  securityLabel?: Coding[];
  action?: CodeableConcept[];
  data?: Array<Element & { meaning?: string; reference?: Reference }>;
  dataPeriod?: Period;
  provision?: ConsentProvision[];
}

export interface Consent extends Resource {
  resourceType: 'Consent';
  status?: string;
  /** R4: what the consent is about (patient-privacy, treatment, research, adr). */
  scope?: CodeableConcept;
  category?: CodeableConcept[];
  /** R4 */
  patient?: Reference;
  /** R5 */
  subject?: Reference;
  /** R4 (dateTime) */
  dateTime?: string;
  /** R5 (date) */
  date?: string;
  /** R4 */
  performer?: Reference[];
  /** R5 */
  grantor?: Reference[];
  /** R5 */
  grantee?: Reference[];
  /** R4 */
  policyRule?: CodeableConcept;
  /** R5 */
  regulatoryBasis?: CodeableConcept[];
  /** R5 */
  decision?: 'deny' | 'permit';
  verification?: Array<Element & { verified?: boolean; verifiedBy?: Reference; verifiedWith?: Reference }>;
  /** R4: one provision; R5: a list. */
  provision?: ConsentProvision | ConsentProvision[];
  sourceAttachment?: unknown;
}

export interface TaskPerformer extends Element {
  function?: CodeableConcept;
  actor?: Reference;
}

export interface Task extends Resource {
  resourceType: 'Task';
  status?: string;
  statusReason?: unknown;
  businessStatus?: CodeableConcept;
  intent?: string;
  /** R5: the task is a prohibition (what must not be done). */
  doNotPerform?: boolean;
  code?: CodeableConcept;
  description?: string;
  for?: Reference;
  basedOn?: Reference[];
  authoredOn?: string;
  lastModified?: string;
  owner?: Reference;
  /** What the task is about: for a proposal, the CarePlan it would change (`#` when contained in it). */
  focus?: Reference;
  requester?: Reference;
  /** R5 */
  performer?: TaskPerformer[];
  restriction?: Element & { period?: Period };
  note?: Annotation[];
}

export interface CarePlanActivityDetail extends Element {
  kind?: string;
  code?: CodeableConcept;
  status?: string;
  /** The activity is a prohibition (what must not be done). */
  doNotPerform?: boolean;
  description?: string;
  performer?: Reference[];
  scheduledPeriod?: Period;
}

export interface CarePlanActivity extends Element {
  /** R4 */
  reference?: Reference;
  /** R5 (CodeableReference is not used for Task links: plannedActivityReference is a Reference) */
  plannedActivityReference?: Reference;
  /** R4 */
  detail?: CarePlanActivityDetail;
  /** R4 */
  outcomeReference?: Reference[];
}

export interface CarePlan extends Resource {
  resourceType: 'CarePlan';
  status?: string;
  intent?: string;
  category?: CodeableConcept[];
  title?: string;
  subject?: Reference;
  period?: Period;
  careTeam?: Reference[];
  activity?: CarePlanActivity[];
  note?: Annotation[];
}

export interface AppointmentParticipant extends Element {
  type?: CodeableConcept[];
  actor?: Reference;
  /** R4: required | optional | information-only; R5: boolean. */
  required?: string | boolean;
  status?: string;
  period?: Period;
}

export interface VirtualServiceDetail extends Element {
  channelType?: Coding;
  addressUrl?: string;
  addressString?: string;
}

export interface RecurrenceTemplate extends Element {
  timezone?: CodeableConcept;
  recurrenceType?: CodeableConcept;
  lastOccurrenceDate?: string;
  occurrenceCount?: number;
  occurrenceDate?: string[];
  weeklyTemplate?: Element & { weekInterval?: number } & Partial<Record<'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday', boolean>>;
  monthlyTemplate?: Element & { dayOfMonth?: number; monthInterval?: number };
  excludingDate?: string[];
}

export interface Appointment extends Resource {
  resourceType: 'Appointment';
  status?: string;
  serviceCategory?: CodeableConcept[];
  description?: string;
  start?: string;
  end?: string;
  minutesDuration?: number;
  requestedPeriod?: Period[];
  created?: string;
  participant?: AppointmentParticipant[];
  /** R5 */
  subject?: Reference;
  /** R5 */
  virtualService?: VirtualServiceDetail[];
  /** R5 */
  recurrenceTemplate?: RecurrenceTemplate[];
}

export interface Schedule extends Resource {
  resourceType: 'Schedule';
  actor?: Reference[];
}

export interface Slot extends Resource {
  resourceType: 'Slot';
  schedule?: Reference;
  status?: string;
  start?: string;
  end?: string;
}

export interface BundleEntry extends Element {
  fullUrl?: string;
  resource?: Resource;
  search?: { mode?: string };
  /** In a transaction: what to do with the entry's resource. */
  request?: { method: string; url: string; ifMatch?: string; ifNoneMatch?: string; ifNoneExist?: string };
  /** In a transaction-response: how the server carried out the entry. */
  response?: { status?: string; etag?: string; location?: string; outcome?: Resource };
}

export interface Bundle extends Resource {
  resourceType: 'Bundle';
  type?: string;
  link?: Array<{ relation: string; url: string }>;
  entry?: BundleEntry[];
}

export interface OperationOutcome extends Resource {
  resourceType: 'OperationOutcome';
  issue?: Array<Element & { severity?: string; code?: string; diagnostics?: string; details?: CodeableConcept }>;
}

export interface CommunicationPayload extends Element {
  /** R4 only. */
  contentString?: string;
  /** R5 (text in `CodeableConcept.text`; R5 has no contentString). */
  contentCodeableConcept?: CodeableConcept;
  contentAttachment?: unknown;
  contentReference?: Reference;
}

export interface Communication extends Resource {
  resourceType: 'Communication';
  identifier?: Identifier[];
  status?: string;
  category?: CodeableConcept[];
  subject?: Reference;
  about?: Reference[];
  inResponseTo?: Reference[];
  sent?: string;
  sender?: Reference;
  recipient?: Reference[];
  payload?: CommunicationPayload[];
}

export interface AuditEventEntityDetail extends Element {
  /** R4: a string; R5: a CodeableConcept. */
  type?: string | CodeableConcept;
  valueString?: string;
}

export interface AuditEvent extends Resource {
  resourceType: 'AuditEvent';
  /** R4: one Coding. */
  type?: Coding;
  /** R4. */
  subtype?: Coding[];
  /** R5. */
  category?: CodeableConcept[];
  /** R5. */
  code?: CodeableConcept;
  recorded?: string;
  /** R4: a code of audit-event-outcome (`0`, `4`, `8`, `12`); R5: `{ code, detail }`. */
  outcome?: string | { code?: Coding; detail?: CodeableConcept[] };
  /** R4. */
  outcomeDesc?: string;
  /** R5. */
  patient?: Reference;
  agent?: Array<Element & { type?: CodeableConcept; who?: Reference; name?: string; requestor?: boolean }>;
  source?: { observer?: Reference; site?: string | Reference };
  entity?: Array<Element & { what?: Reference; description?: string; detail?: AuditEventEntityDetail[] }>;
}
