// Compile-time proof (tsc -p tsconfig.check.json, part of npm test) that the documented contract
// types, generated into src/contract/*.ts by scripts/contract-docs.mjs, are the schemas' own types:
// each one and valibot's inferred type are assignable to each other and name the same fields, for
// output and for input.
import type * as v from 'valibot';
import * as contract from '../../src/contract/index.js';

/** The named keys of a type, without its index signature. */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: 0 };
/** true when A and B are assignable to each other and name the same keys (the index signature of a loose object would hide a missing optional key). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? ([KnownKeys<A>] extends [KnownKeys<B>] ? ([KnownKeys<B>] extends [KnownKeys<A>] ? true : false) : false) : false) : false;
type Output<K extends keyof typeof contract> = (typeof contract)[K] extends v.GenericSchema ? v.InferOutput<(typeof contract)[K]> : never;
type Input<K extends keyof typeof contract> = (typeof contract)[K] extends v.GenericSchema ? v.InferInput<(typeof contract)[K]> : never;

export const outputsMatch: Record<string, true> = {
  CareRecord: true satisfies Same<Output<'CareRecord'>, contract.CareRecord>,
  CareTeam: true satisfies Same<Output<'CareTeam'>, contract.CareTeam>,
  Member: true satisfies Same<Output<'Member'>, contract.Member>,
  Organisation: true satisfies Same<Output<'Organisation'>, contract.Organisation>,
  ContactPoint: true satisfies Same<Output<'ContactPoint'>, contract.ContactPoint>,
  Responsibility: true satisfies Same<Output<'Responsibility'>, contract.Responsibility>,
  ConsentDirective: true satisfies Same<Output<'ConsentDirective'>, contract.ConsentDirective>,
  Meeting: true satisfies Same<Output<'Meeting'>, contract.Meeting>,
  Availability: true satisfies Same<Output<'Availability'>, contract.Availability>,
  AuditEntry: true satisfies Same<Output<'AuditEntry'>, contract.AuditEntry>,
  Actor: true satisfies Same<Output<'Actor'>, contract.Actor>,
  Role: true satisfies Same<Output<'Role'>, contract.Role>,
  Period: true satisfies Same<Output<'Period'>, contract.Period>,
  Hours: true satisfies Same<Output<'Hours'>, contract.Hours>,
  Meta: true satisfies Same<Output<'Meta'>, contract.Meta>,
  Assignment: true satisfies Same<Output<'Assignment'>, contract.Assignment>,
  Note: true satisfies Same<Output<'Note'>, contract.Note>,
  Step: true satisfies Same<Output<'Step'>, contract.Step>,
  Dispute: true satisfies Same<Output<'Dispute'>, contract.Dispute>,
  Handover: true satisfies Same<Output<'Handover'>, contract.Handover>,
  Recipient: true satisfies Same<Output<'Recipient'>, contract.Recipient>,
  Decider: true satisfies Same<Output<'Decider'>, contract.Decider>,
  ConsentHistoryEntry: true satisfies Same<Output<'ConsentHistoryEntry'>, contract.ConsentHistoryEntry>,
  Participant: true satisfies Same<Output<'Participant'>, contract.Participant>,
  AgendaItem: true satisfies Same<Output<'AgendaItem'>, contract.AgendaItem>,
  Location: true satisfies Same<Output<'Location'>, contract.Location>,
  Recurrence: true satisfies Same<Output<'Recurrence'>, contract.Recurrence>,
  OccurrenceException: true satisfies Same<Output<'OccurrenceException'>, contract.OccurrenceException>,
  Interval: true satisfies Same<Output<'Interval'>, contract.Interval>,
  WorkingHours: true satisfies Same<Output<'WorkingHours'>, contract.WorkingHours>,
  CrisisPlan: true satisfies Same<Output<'CrisisPlan'>, contract.CrisisPlan>,
  CrisisOwnWords: true satisfies Same<Output<'CrisisOwnWords'>, contract.CrisisOwnWords>,
  PracticalMatter: true satisfies Same<Output<'PracticalMatter'>, contract.PracticalMatter>,
  CrisisStagePlan: true satisfies Same<Output<'CrisisStagePlan'>, contract.CrisisStagePlan>,
  CrisisMeasure: true satisfies Same<Output<'CrisisMeasure'>, contract.CrisisMeasure>,
  CrisisContact: true satisfies Same<Output<'CrisisContact'>, contract.CrisisContact>,
  CrisisAgreement: true satisfies Same<Output<'CrisisAgreement'>, contract.CrisisAgreement>,
  CrisisProposal: true satisfies Same<Output<'CrisisProposal'>, contract.CrisisProposal>,
  MeetingOutcome: true satisfies Same<Output<'MeetingOutcome'>, contract.MeetingOutcome>,
  OutcomePart: true satisfies Same<Output<'OutcomePart'>, contract.OutcomePart>,
  OutcomeDecision: true satisfies Same<Output<'OutcomeDecision'>, contract.OutcomeDecision>,
  OutcomeAction: true satisfies Same<Output<'OutcomeAction'>, contract.OutcomeAction>,
  OutcomeConfirmation: true satisfies Same<Output<'OutcomeConfirmation'>, contract.OutcomeConfirmation>,
  OutcomeQuestion: true satisfies Same<Output<'OutcomeQuestion'>, contract.OutcomeQuestion>,
  OverviewPage: true satisfies Same<Output<'OverviewPage'>, contract.OverviewPage>,
  OverviewQuery: true satisfies Same<Output<'OverviewQuery'>, contract.OverviewQuery>,
  GapCount: true satisfies Same<Output<'GapCount'>, contract.GapCount>,
  OverviewRow: true satisfies Same<Output<'OverviewRow'>, contract.OverviewRow>,
  OverviewChoice: true satisfies Same<Output<'OverviewChoice'>, contract.OverviewChoice>,
};

export const inputsMatch: Record<string, true> = {
  CareRecord: true satisfies Same<Input<'CareRecord'>, contract.CareRecordInput>,
  CareTeam: true satisfies Same<Input<'CareTeam'>, contract.CareTeamInput>,
  Member: true satisfies Same<Input<'Member'>, contract.MemberInput>,
  Responsibility: true satisfies Same<Input<'Responsibility'>, contract.ResponsibilityInput>,
  Step: true satisfies Same<Input<'Step'>, contract.StepInput>,
  ConsentDirective: true satisfies Same<Input<'ConsentDirective'>, contract.ConsentDirectiveInput>,
  ConsentHistoryEntry: true satisfies Same<Input<'ConsentHistoryEntry'>, contract.ConsentHistoryEntryInput>,
  Decider: true satisfies Same<Input<'Decider'>, contract.DeciderInput>,
  Meeting: true satisfies Same<Input<'Meeting'>, contract.MeetingInput>,
  Participant: true satisfies Same<Input<'Participant'>, contract.ParticipantInput>,
  AgendaItem: true satisfies Same<Input<'AgendaItem'>, contract.AgendaItemInput>,
  Recurrence: true satisfies Same<Input<'Recurrence'>, contract.RecurrenceInput>,
  Availability: true satisfies Same<Input<'Availability'>, contract.AvailabilityInput>,
  CrisisPlan: true satisfies Same<Input<'CrisisPlan'>, contract.CrisisPlanInput>,
  CrisisOwnWords: true satisfies Same<Input<'CrisisOwnWords'>, contract.CrisisOwnWordsInput>,
  CrisisStagePlan: true satisfies Same<Input<'CrisisStagePlan'>, contract.CrisisStagePlanInput>,
  CrisisMeasure: true satisfies Same<Input<'CrisisMeasure'>, contract.CrisisMeasureInput>,
  CrisisProposal: true satisfies Same<Input<'CrisisProposal'>, contract.CrisisProposalInput>,
  MeetingOutcome: true satisfies Same<Input<'MeetingOutcome'>, contract.MeetingOutcomeInput>,
  OutcomePart: true satisfies Same<Input<'OutcomePart'>, contract.OutcomePartInput>,
  OverviewPage: true satisfies Same<Input<'OverviewPage'>, contract.OverviewPageInput>,
  OverviewQuery: true satisfies Same<Input<'OverviewQuery'>, contract.OverviewQueryInput>,
};

// The check tells types apart: a missing optional field, a field made required, a wrong type.
// @ts-expect-error a missing optional field
export const missingField = true satisfies Same<Output<'Member'>, Omit<contract.Member, 'note'>>;
// @ts-expect-error an optional field made required
export const requiredField = true satisfies Same<Output<'Member'>, contract.Member & { note: string }>;
// @ts-expect-error a wrong type
export const wrongType = true satisfies Same<Output<'Member'>, Omit<contract.Member, 'id'> & { id: number }>;
// @ts-expect-error an input type where defaults may be left out is not the output type
export const inputIsNotOutput = true satisfies Same<Input<'Member'>, contract.Member>;
