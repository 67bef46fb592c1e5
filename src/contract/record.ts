import * as v from 'valibot';
import { object, type Named } from './kit.js';
import { AuditEntry } from './audit.js';
import { ConsentDirective } from './consent.js';
import { CrisisPlan } from './crisis-plan.js';
import { Availability, Meeting } from './meeting.js';
import { MeetingOutcome } from './meeting-outcome.js';
import { Responsibility } from './responsibility.js';
import { CareTeam } from './team.js';

const careRecordSchema = object({
  team: CareTeam,
  responsibilities: v.optional(v.array(Responsibility), []),
  consents: v.optional(v.array(ConsentDirective), []),
  meetings: v.optional(v.array(Meeting), []),
  availability: v.optional(v.array(Availability), []),
  crisisPlans: v.optional(v.array(CrisisPlan), []),
  meetingOutcomes: v.optional(v.array(MeetingOutcome), []),
  audit: v.optional(v.array(AuditEntry), []),
});

/** The schema type of `CareRecord`. */
export interface CareRecordSchema extends Named<typeof careRecordSchema> {}

/**
 * Everything about one care team that a data source loads: the team, its responsibilities, consent
 * directives, meetings, members' availability, crisis plans, what meetings decided and the audit
 * trail.
 *
 * @remarks It is also what a store holds.
 */
export const CareRecord: CareRecordSchema = careRecordSchema;

// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.

import type { ConsentDirectiveInput } from './consent.js';
import type { CrisisPlanInput } from './crisis-plan.js';
import type { MeetingOutcomeInput } from './meeting-outcome.js';
import type { AvailabilityInput, MeetingInput } from './meeting.js';
import type { ResponsibilityInput } from './responsibility.js';
import type { CareTeamInput } from './team.js';

/**
 * Everything about one care team that a data source loads: the team, its responsibilities, consent
 * directives, meetings, members' availability, crisis plans, what meetings decided and the audit
 * trail.
 */
export type CareRecord = {
  /** The care team. */
  team: CareTeam;
  /** Who does what: tasks and areas of care with each member’s part. Default `[]`. */
  responsibilities: Responsibility[];
  /** The person’s consent directives, one per permission. Default `[]`. */
  consents: ConsentDirective[];
  /** The team’s meetings, single and series. Default `[]`. */
  meetings: Meeting[];
  /** When members are busy, and their working hours, for planning meetings. Default `[]`. */
  availability: Availability[];
  /** The person’s crisis plans, as the reader may see them. Default `[]`. */
  crisisPlans: CrisisPlan[];
  /** What meetings decided, and who has read it, as the reader may see them. Default `[]`. */
  meetingOutcomes: MeetingOutcome[];
  /** Changes as they were tried, newest last. Default `[]`. */
  audit: AuditEntry[];
};

/**
 * Everything about one care team that a data source loads: the team, its responsibilities, consent
 * directives, meetings, members' availability, crisis plans, what meetings decided and the audit
 * trail.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type CareRecordInput = {
  /** The care team. */
  team: CareTeamInput;
  /** Who does what: tasks and areas of care with each member’s part. Default `[]`. */
  responsibilities?: ResponsibilityInput[];
  /** The person’s consent directives, one per permission. Default `[]`. */
  consents?: ConsentDirectiveInput[];
  /** The team’s meetings, single and series. Default `[]`. */
  meetings?: MeetingInput[];
  /** When members are busy, and their working hours, for planning meetings. Default `[]`. */
  availability?: AvailabilityInput[];
  /** The person’s crisis plans, as the reader may see them. Default `[]`. */
  crisisPlans?: CrisisPlanInput[];
  /** What meetings decided, and who has read it, as the reader may see them. Default `[]`. */
  meetingOutcomes?: MeetingOutcomeInput[];
  /** Changes as they were tried, newest last. Default `[]`. */
  audit?: AuditEntry[];
};
// </generated-types>
