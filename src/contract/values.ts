/**
 * Allowed values of the data contract, declared once. Types, validation, stories and tests all
 * derive from these lists, so adding a value here is the only change needed to accept it.
 */

/** What kind of member someone is on a care team. */
export const MEMBER_KINDS = [
  'service-user',
  'professional',
  'next-of-kin',
  'legal-representative',
  'peer-supporter',
  'advocate',
  'team',
] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** The sector an organisation (and a professional acting for it) belongs to. */
export const SECTORS = [
  'municipal',
  'specialist',
  'general-practice',
  'social-welfare',
  'private',
  'voluntary',
] as const;
export type Sector = (typeof SECTORS)[number];

/** Membership status on a team (FHIR CareTeam.status: proposed | active | inactive). */
export const MEMBER_STATUSES = ['proposed', 'active', 'ended'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Whether the team itself is working (FHIR CareTeam.status). An inactive team still shows its record, with a note. */
export const TEAM_STATUSES = ['proposed', 'active', 'suspended', 'inactive'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

/** Ways to reach someone. */
export const CONTACT_CHANNELS = ['phone', 'sms', 'video', 'secure-message', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Who is looking at an element; decides wording and which private details may be shown. */
export const AUDIENCES = ['service-user', 'professional'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Days of the week, ISO order (Monday first). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Areas a responsibility can cover. */
export const RESPONSIBILITY_AREAS = [
  'medication',
  'physical-health',
  'mental-health',
  'housing',
  'accompaniment',
  'crisis-plan',
  'finances',
  'work-and-activity',
  'daily-living',
  'network',
  'personal-goal',
  'other',
] as const;
export type ResponsibilityArea = (typeof RESPONSIBILITY_AREAS)[number];

/** A member's part in a responsibility (RACI). */
export const RACI_PARTS = ['accountable', 'responsible', 'consulted', 'informed'] as const;
export type RaciPart = (typeof RACI_PARTS)[number];

/** Where a responsibility stands. */
export const RESPONSIBILITY_STATUSES = ['proposed', 'agreed', 'disputed', 'ended'] as const;
export type ResponsibilityStatus = (typeof RESPONSIBILITY_STATUSES)[number];

/** Where a handover of a responsibility stands. */
export const HANDOVER_STATUSES = ['proposed', 'agreed', 'disputed'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/** The legal model of a consent: opt-in (off until granted) or objection (on until objected). */
export const CONSENT_MODELS = ['opt-in', 'objection'] as const;
export type ConsentModel = (typeof CONSENT_MODELS)[number];

/** The recorded state of a consent directive. */
export const CONSENT_STATES = ['granted', 'refused', 'withdrawn', 'not-recorded'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** How a consent decision was given. */
export const CONSENT_METHODS = ['verbal', 'written', 'digital'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Who decided, in relation to the person whose consent it is. */
export const DECIDER_RELATIONS = ['self', 'legal-representative', 'guardian', 'parent'] as const;
export type DeciderRelation = (typeof DECIDER_RELATIONS)[number];

/** What a consent lets information flow to. */
export const RECIPIENT_KINDS = ['organisation', 'team', 'person'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Why information is shared (FHIR v3-ActReason: COC, TREAT, …). */
export const CONSENT_PURPOSES = ['coordination', 'treatment', 'follow-up', 'meeting-preparation'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Categories of information a consent covers. */
export const INFORMATION_CATEGORIES = [
  'health',
  'medication',
  'mental-health',
  'social-services',
  'housing',
  'finances',
  'care-plan',
  'appointments',
  'contact-details',
] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];

/** Kinds of meeting. */
export const MEETING_KINDS = [
  'responsibility-group',
  'coordination',
  'accompanied-appointment',
  'double-gp-appointment',
  'network',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** How people attend a meeting. */
export const MEETING_MODES = ['in-person', 'digital', 'hybrid'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

/** Where a meeting stands. */
export const MEETING_STATUSES = ['proposed', 'booked', 'cancelled', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A participant's answer (FHIR Appointment.participant.status). */
export const RESPONSE_STATUSES = ['accepted', 'declined', 'tentative', 'needs-action'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/** Agenda item templates for coordination meetings. */
export const AGENDA_TEMPLATES = [
  'allocate-responsibilities',
  'revise-routines',
  'exchange-information',
  'check-understanding',
] as const;
export type AgendaTemplate = (typeof AGENDA_TEMPLATES)[number];

/** How often a meeting series repeats. */
export const RECURRENCE_FREQUENCIES = ['weekly', 'monthly'] as const;
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

/** The kinds of entity a change or audit entry can be about. */
export const ENTITY_KINDS = ['team', 'member', 'responsibility', 'consent', 'meeting', 'crisis-plan', 'meeting-outcome'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** SNOMED CT code for "care team coordinator". */
export const COORDINATOR_SNOMED = '768821004';

/** The stages of a crisis plan, from the first signs to a crisis. */
export const CRISIS_STAGES = ['early-signs', 'getting-worse', 'crisis'] as const;
export type CrisisStage = (typeof CRISIS_STAGES)[number];

/** Practical matters a crisis plan can name, so nothing at home is left undone during a bad period. */
export const PRACTICAL_TOPICS = ['children', 'pets', 'keys', 'bills', 'work', 'other'] as const;
export type PracticalTopic = (typeof PRACTICAL_TOPICS)[number];

/** Where a proposed change to a crisis plan stands: waiting for the person, accepted or declined. */
export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'declined'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Where a meeting's recorded outcome stands: a draft only the coordinator sees, or shared with the participants. */
export const OUTCOME_STATUSES = ['draft', 'shared'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/**
 * What an action agreed in a meeting does to the responsibility matrix, by reference: it proposes a
 * new responsibility its owner is asked to accept, or proposes handing an existing one to its owner.
 */
export const ACTION_EFFECTS = ['new-responsibility', 'hand-over'] as const;
export type ActionEffect = (typeof ACTION_EFFECTS)[number];
