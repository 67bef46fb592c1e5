import * as v from 'valibot';
import { object, rule, rules, int, type Named } from './kit.js';
import { Actor, Hours, Id, Instant, IsoDate, Meta, RequiredText, Text } from './common.js';
import { reportRepeatedKeys } from './unique.js';
import { consentReaches, localDay, type ConsentTerms } from './rules.js';
import { CRISIS_STAGES, PRACTICAL_TOPICS, PROPOSAL_STATUSES } from './values.js';

/** A phone number someone can call: digits, spaces, brackets, dashes, an optional leading +. */
export const isPhoneNumber = (value: string): boolean => /^\+?[0-9 ()-]{3,32}$/.test(value);

/** A phone number: digits, spaces, brackets and dashes, with an optional leading +. */
export const PhoneNumber = v.pipe(
  v.string(),
  rule(isPhoneNumber, 'a phone number: digits, spaces, brackets and dashes, with an optional leading +'),
);

/** Short sentences in the person's own words, one item each. */
const Sentences = v.optional(v.array(RequiredText(500)), []);

/** Something at home that must be seen to during a bad period: children, pets, keys, bills, work. */
export const PracticalMatter = object({
  id: Id,
  topic: v.picklist(PRACTICAL_TOPICS),
  text: RequiredText(1000),
});

/**
 * What the person says about their bad periods, in their own words: early warning signs, what
 * tends to trigger them, what helps, what does not help, practical matters (children, pets, keys,
 * bills, work), and their wishes for treatment and for who is told.
 *
 * @remarks They come first in the plan.
 */
export const CrisisOwnWords = v.pipe(
  object({
    earlyWarningSigns: Sentences,
    triggers: Sentences,
    helps: Sentences,
    doesNotHelp: Sentences,
    practical: v.optional(v.array(PracticalMatter), []),
    treatmentWishes: Sentences,
    whoIsTold: Sentences,
  }),
  rules((words, report) =>
    reportRepeatedKeys(report, words.practical, (m) => m.id, (i) => ['practical', i, 'id'], (id) => `the practical matter id "${id}" is used more than once`),
  ),
);

/**
 * What is done at this stage, in a short sentence, and who does it: members of the team
 * (memberIds) and the responsibilities of the matrix it carries out (responsibilityIds), by
 * reference, never retyped.
 */
export const CrisisMeasure = object({
  id: Id,
  text: RequiredText(500),
  memberIds: v.optional(v.array(Id), []),
  responsibilityIds: v.optional(v.array(Id), []),
});

/**
 * Whom to call at this stage, in the order listed: a member of the team (their name and phone are
 * taken from the team unless given here) or someone outside it (name and phone), the hours they
 * answer, and whom to call outside those hours.
 */
export const CrisisContact = v.pipe(
  object({
    id: Id,
    memberId: v.optional(Id),
    name: v.optional(RequiredText(300)),
    phone: v.optional(PhoneNumber),
    hours: v.optional(v.array(Hours)),
    outOfHoursName: v.optional(RequiredText(300)),
    outOfHoursPhone: v.optional(PhoneNumber),
    note: v.optional(Text(500)),
  }),
  rule((c) => Boolean(c.memberId || (c.name && c.phone)), 'a contact names a member of the team (memberId), or has a name and a phone number', 'memberId'),
  rule((c) => !c.outOfHoursName || Boolean(c.outOfHoursPhone), 'an out-of-hours contact needs its phone number (outOfHoursPhone)', 'outOfHoursPhone'),
);

/**
 * One stage (early signs, getting worse, crisis): how it shows, the agreed measures, and whom to
 * contact in what order.
 */
export const CrisisStagePlan = v.pipe(
  object({
    id: v.picklist(CRISIS_STAGES),
    signs: Sentences,
    measures: v.optional(v.array(CrisisMeasure), []),
    contacts: v.optional(v.array(CrisisContact), []),
  }),
  rules((stage, report) => {
    reportRepeatedKeys(report, stage.measures, (m) => m.id, (i) => ['measures', i, 'id'], (id) => `the measure id "${id}" is used more than once in this stage`);
    reportRepeatedKeys(report, stage.contacts, (c) => c.id, (i) => ['contacts', i, 'id'], (id) => `the contact id "${id}" is used more than once in this stage`);
  }),
);

/** The person or the coordinator confirming one version of the plan. */
export const CrisisAgreement = object({
  memberId: Id,
  name: RequiredText(300),
  at: Instant,
  version: v.pipe(int(), v.minValue(1)),
});

/**
 * A measure a professional proposes for a stage. It becomes part of the plan only when the person
 * accepts it; declining is as easy as accepting.
 */
export const CrisisProposal = object({
  id: Id,
  by: Actor,
  at: Instant,
  stage: v.picklist(CRISIS_STAGES),
  measure: CrisisMeasure,
  note: v.optional(Text(2000)),
  status: v.picklist(PROPOSAL_STATUSES),
  answeredAt: v.optional(Instant),
  answeredBy: v.optional(Actor),
});

const crisisPlanSchema = v.pipe(
  object({
    id: Id,
    teamId: v.optional(Id),
    version: v.pipe(int(), v.minValue(1)),
    withheld: v.optional(v.boolean()),
    draft: v.optional(v.boolean()),
    ownWords: v.optional(CrisisOwnWords, {
      earlyWarningSigns: [],
      triggers: [],
      helps: [],
      doesNotHelp: [],
      practical: [],
      treatmentWishes: [],
      whoIsTold: [],
    }),
    stages: v.optional(v.array(CrisisStagePlan), []),
    agreedBy: v.optional(v.array(CrisisAgreement), []),
    proposals: v.optional(v.array(CrisisProposal), []),
    validFrom: IsoDate,
    nextReview: IsoDate,
    meta: v.optional(Meta),
  }),
  rules((plan, report) => {
    reportRepeatedKeys(report, plan.stages, (s) => s.id, (i) => ['stages', i, 'id'], (id) => `the stage "${id}" is given more than once`);
    reportRepeatedKeys(report, plan.proposals, (p) => p.id, (i) => ['proposals', i, 'id'], (id) => `the proposal id "${id}" is used more than once`);
    reportRepeatedKeys(report, plan.agreedBy, (a) => a.memberId, (i) => ['agreedBy', i, 'memberId'], (id) => `member "${id}" confirms the plan more than once`);
    if (plan.nextReview < plan.validFrom) {
      report('the next review is before the plan is valid from', ['nextReview']);
    }
    plan.agreedBy.forEach((agreement, index) => {
      if (agreement.version > plan.version) {
        report(`confirms version ${agreement.version}, but the plan is at version ${plan.version}`, ['agreedBy', index, 'version']);
      }
    });
  }),
);

/** The schema type of `CrisisPlan`. */
export interface CrisisPlanSchema extends Named<typeof crisisPlanSchema> {}

/**
 * The person's plan for bad periods, for one care team: their own words first (ownWords), then
 * each stage with its agreed measures (who does what, by member and responsibility id) and whom to
 * contact in what order; who agreed to which version (the person and the coordinator), changes
 * professionals propose, when it is valid from and when it is next reviewed. `version` counts the
 * plan's editions and is printed on every copy. `withheld: true` means the source left the content
 * out because the reader may not see it. `draft: true` means the plan is still being made and nobody
 * may act on it as agreed; the confirmation that completes the agreement (the person and the
 * coordinator on the current version) ends the draft. A plan past its review date, a draft, or a plan
 * whose current version the person or the coordinator has not confirmed, is shown with a plain
 * note, never hidden.
 */
export const CrisisPlan: CrisisPlanSchema = crisisPlanSchema;

// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.

import type { CrisisStage, PracticalTopic, ProposalStatus } from './values.js';

/**
 * Something at home that must be seen to during a bad period: children, pets, keys, bills, work.
 */
export type PracticalMatter = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** What it is about: children, pets, keys, bills, work or something else. */
  topic: PracticalTopic;
  /** Who sees to it, and how, in the person’s words. 1–1000 characters. */
  text: string;
};

/**
 * What the person says about their bad periods, in their own words: early warning signs, what
 * tends to trigger them, what helps, what does not help, practical matters (children, pets, keys,
 * bills, work), and their wishes for treatment and for who is told.
 */
export type CrisisOwnWords = {
  /** Signs that a bad period is coming, one short sentence each. Each: 1–500 characters. Default `[]`. */
  earlyWarningSigns: string[];
  /** What tends to set off a bad period. Each: 1–500 characters. Default `[]`. */
  triggers: string[];
  /** What helps. Each: 1–500 characters. Default `[]`. */
  helps: string[];
  /** What does not help. Each: 1–500 characters. Default `[]`. */
  doesNotHelp: string[];
  /** Children, pets, keys, bills, work: who sees to what. Default `[]`. */
  practical: PracticalMatter[];
  /** Wishes for treatment. Each: 1–500 characters. Default `[]`. */
  treatmentWishes: string[];
  /** Wishes for who is told, and who is not. Each: 1–500 characters. Default `[]`. */
  whoIsTold: string[];
};

/**
 * What the person says about their bad periods, in their own words: early warning signs, what
 * tends to trigger them, what helps, what does not help, practical matters (children, pets, keys,
 * bills, work), and their wishes for treatment and for who is told.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type CrisisOwnWordsInput = {
  /** Signs that a bad period is coming, one short sentence each. Each: 1–500 characters. Default `[]`. */
  earlyWarningSigns?: string[];
  /** What tends to set off a bad period. Each: 1–500 characters. Default `[]`. */
  triggers?: string[];
  /** What helps. Each: 1–500 characters. Default `[]`. */
  helps?: string[];
  /** What does not help. Each: 1–500 characters. Default `[]`. */
  doesNotHelp?: string[];
  /** Children, pets, keys, bills, work: who sees to what. Default `[]`. */
  practical?: PracticalMatter[];
  /** Wishes for treatment. Each: 1–500 characters. Default `[]`. */
  treatmentWishes?: string[];
  /** Wishes for who is told, and who is not. Each: 1–500 characters. Default `[]`. */
  whoIsTold?: string[];
};

/**
 * What is done at this stage, in a short sentence, and who does it: members of the team
 * (memberIds) and the responsibilities of the matrix it carries out (responsibilityIds), by
 * reference, never retyped.
 */
export type CrisisMeasure = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** What is done, in a short sentence. 1–500 characters. */
  text: string;
  /** Members who do it (the person’s own id for what they do themselves). Each: an id (1–200 characters). Default `[]`. */
  memberIds: string[];
  /** Responsibilities of the matrix this measure carries out. Each: an id (1–200 characters). Default `[]`. */
  responsibilityIds: string[];
};

/**
 * What is done at this stage, in a short sentence, and who does it: members of the team
 * (memberIds) and the responsibilities of the matrix it carries out (responsibilityIds), by
 * reference, never retyped.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type CrisisMeasureInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** What is done, in a short sentence. 1–500 characters. */
  text: string;
  /** Members who do it (the person’s own id for what they do themselves). Each: an id (1–200 characters). Default `[]`. */
  memberIds?: string[];
  /** Responsibilities of the matrix this measure carries out. Each: an id (1–200 characters). Default `[]`. */
  responsibilityIds?: string[];
};

/**
 * Whom to call at this stage, in the order listed: a member of the team (their name and phone are
 * taken from the team unless given here) or someone outside it (name and phone), the hours they
 * answer, and whom to call outside those hours.
 */
export type CrisisContact = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** A member of the team; name and phone come from the team unless given here. An id (1–200 characters). */
  memberId?: string;
  /** The name to show, for someone who is not on the team or to override the team’s name. 1–300 characters. */
  name?: string;
  /** The number to call; for a member, their phone in the team by default. */
  phone?: string;
  /** When the number answers; outside them, the out-of-hours contact is named. */
  hours?: Hours[];
  /** Whom to call outside the hours (for example the emergency clinic). 1–300 characters. */
  outOfHoursName?: string;
  /** Their number. */
  outOfHoursPhone?: string;
  /** A short note, for example when to call. At most 500 characters. */
  note?: string;
};

/**
 * One stage (early signs, getting worse, crisis): how it shows, the agreed measures, and whom to
 * contact in what order.
 */
export type CrisisStagePlan = {
  /** The stage. */
  id: CrisisStage;
  /** How this stage shows. Each: 1–500 characters. Default `[]`. */
  signs: string[];
  /** What is done at this stage, and by whom. Default `[]`. */
  measures: CrisisMeasure[];
  /** Whom to contact, first to last. Default `[]`. */
  contacts: CrisisContact[];
};

/**
 * One stage (early signs, getting worse, crisis): how it shows, the agreed measures, and whom to
 * contact in what order.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type CrisisStagePlanInput = {
  /** The stage. */
  id: CrisisStage;
  /** How this stage shows. Each: 1–500 characters. Default `[]`. */
  signs?: string[];
  /** What is done at this stage, and by whom. Default `[]`. */
  measures?: CrisisMeasureInput[];
  /** Whom to contact, first to last. Default `[]`. */
  contacts?: CrisisContact[];
};

/**
 * The person or the coordinator confirming one version of the plan.
 */
export type CrisisAgreement = {
  /** The member who confirmed. An id (1–200 characters). */
  memberId: string;
  /** Their name, as recorded. 1–300 characters. */
  name: string;
  /** When they confirmed. An instant, ISO 8601 with `Z` or an offset. */
  at: string;
  /** The plan version confirmed. */
  version: number;
};

/**
 * A measure a professional proposes for a stage. It becomes part of the plan only when the person
 * accepts it; declining is as easy as accepting.
 */
export type CrisisProposal = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** Who proposed it. */
  by: Actor;
  /** When it was proposed. An instant, ISO 8601 with `Z` or an offset. */
  at: string;
  /** The stage the measure is for. */
  stage: CrisisStage;
  /** The measure that is added to the stage if the person accepts. */
  measure: CrisisMeasure;
  /** Why, in the proposer’s words. At most 2000 characters. */
  note?: string;
  /** Whether the person has not answered yet, accepted or declined. */
  status: ProposalStatus;
  /** When the person answered. An instant, ISO 8601 with `Z` or an offset. */
  answeredAt?: string;
  /** Who answered (the person, or someone recording their answer). */
  answeredBy?: Actor;
};

/**
 * A measure a professional proposes for a stage. It becomes part of the plan only when the person
 * accepts it; declining is as easy as accepting.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type CrisisProposalInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** Who proposed it. */
  by: Actor;
  /** When it was proposed. An instant, ISO 8601 with `Z` or an offset. */
  at: string;
  /** The stage the measure is for. */
  stage: CrisisStage;
  /** The measure that is added to the stage if the person accepts. */
  measure: CrisisMeasureInput;
  /** Why, in the proposer’s words. At most 2000 characters. */
  note?: string;
  /** Whether the person has not answered yet, accepted or declined. */
  status: ProposalStatus;
  /** When the person answered. An instant, ISO 8601 with `Z` or an offset. */
  answeredAt?: string;
  /** Who answered (the person, or someone recording their answer). */
  answeredBy?: Actor;
};

/**
 * The person's plan for bad periods, for one care team: their own words first (ownWords), then
 * each stage with its agreed measures (who does what, by member and responsibility id) and whom to
 * contact in what order; who agreed to which version (the person and the coordinator), changes
 * professionals propose, when it is valid from and when it is next reviewed. `version` counts the
 * plan's editions and is printed on every copy. `withheld: true` means the source left the content
 * out because the reader may not see it. `draft: true` means the plan is still being made and
 * nobody may act on it as agreed; the confirmation that completes the agreement (the person and
 * the coordinator on the current version) ends the draft. A plan past its review date, a draft, or
 * a plan whose current version the person or the coordinator has not confirmed, is shown with a
 * plain note, never hidden.
 */
export type CrisisPlan = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The care team it belongs to, when a source needs it. An id (1–200 characters). */
  teamId?: string;
  /** The plan’s edition, counted from 1; printed on every copy. Saving a change to the content makes a new version. */
  version: number;
  /** `true` when the source left the content out because the reader may not see it; the element then shows only that the plan exists and whom to ask. */
  withheld?: boolean;
  /** `true` while the plan is still being made: it is not agreed, and nobody may act on it as agreed. The confirmation that completes the agreement (the person and the coordinator on the current version) ends the draft. */
  draft?: boolean;
  /** The person’s own words, which come first. Default `{"earlyWarningSigns":[],"triggers":[],"helps":[],"doesNotHelp":[],"practical":[],"treatmentWishes":[],"whoIsTold":[]}`. */
  ownWords: CrisisOwnWords;
  /** Each stage once, in the order early signs, getting worse, crisis. Default `[]`. */
  stages: CrisisStagePlan[];
  /** Who confirmed which version: the person and the coordinator. Default `[]`. */
  agreedBy: CrisisAgreement[];
  /** Measures professionals proposed, waiting for the person or answered. Default `[]`. */
  proposals: CrisisProposal[];
  /** First day this version applies. A date, `YYYY-MM-DD`. */
  validFrom: string;
  /** When the plan is to be looked at again; a plan past it says so. A date, `YYYY-MM-DD`. */
  nextReview: string;
  /** Version information, set by the data source. */
  meta?: Meta;
};

/**
 * The person's plan for bad periods, for one care team: their own words first (ownWords), then
 * each stage with its agreed measures (who does what, by member and responsibility id) and whom to
 * contact in what order; who agreed to which version (the person and the coordinator), changes
 * professionals propose, when it is valid from and when it is next reviewed. `version` counts the
 * plan's editions and is printed on every copy. `withheld: true` means the source left the content
 * out because the reader may not see it. `draft: true` means the plan is still being made and
 * nobody may act on it as agreed; the confirmation that completes the agreement (the person and
 * the coordinator on the current version) ends the draft. A plan past its review date, a draft, or
 * a plan whose current version the person or the coordinator has not confirmed, is shown with a
 * plain note, never hidden.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type CrisisPlanInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The care team it belongs to, when a source needs it. An id (1–200 characters). */
  teamId?: string;
  /** The plan’s edition, counted from 1; printed on every copy. Saving a change to the content makes a new version. */
  version: number;
  /** `true` when the source left the content out because the reader may not see it; the element then shows only that the plan exists and whom to ask. */
  withheld?: boolean;
  /** `true` while the plan is still being made: it is not agreed, and nobody may act on it as agreed. The confirmation that completes the agreement (the person and the coordinator on the current version) ends the draft. */
  draft?: boolean;
  /** The person’s own words, which come first. Default `{"earlyWarningSigns":[],"triggers":[],"helps":[],"doesNotHelp":[],"practical":[],"treatmentWishes":[],"whoIsTold":[]}`. */
  ownWords?: CrisisOwnWordsInput;
  /** Each stage once, in the order early signs, getting worse, crisis. Default `[]`. */
  stages?: CrisisStagePlanInput[];
  /** Who confirmed which version: the person and the coordinator. Default `[]`. */
  agreedBy?: CrisisAgreement[];
  /** Measures professionals proposed, waiting for the person or answered. Default `[]`. */
  proposals?: CrisisProposalInput[];
  /** First day this version applies. A date, `YYYY-MM-DD`. */
  validFrom: string;
  /** When the plan is to be looked at again; a plan past it says so. A date, `YYYY-MM-DD`. */
  nextReview: string;
  /** Version information, set by the data source. */
  meta?: Meta;
};
// </generated-types>

/** A care-quality gap of a crisis plan: shown as a plain note, never a reason to hide the plan. */
export type CrisisPlanFlag =
  | { kind: 'draft' }
  | { kind: 'review-overdue'; nextReview: string }
  | { kind: 'not-yet-valid'; validFrom: string }
  | { kind: 'not-agreed'; by: 'person' | 'coordinator' }
  | { kind: 'unknown-member'; memberIds: string[] }
  | { kind: 'member-left'; memberIds: string[] }
  | { kind: 'unknown-responsibility'; responsibilityIds: string[] }
  | { kind: 'proposals-open'; count: number };

interface TeamLike {
  serviceUserId: string;
  members: ReadonlyArray<{ id: string; status: string; coordinator?: boolean }>;
}

/** Who of the person and the active coordinator has not confirmed the plan's current version. */
const unconfirmed = (plan: Pick<CrisisPlan, 'agreedBy' | 'version'>, team: TeamLike): Array<'person' | 'coordinator'> => {
  const confirmed = (memberId: string | undefined) =>
    memberId !== undefined && plan.agreedBy.some((a) => a.memberId === memberId && a.version === plan.version);
  const coordinator = team.members.find((m) => m.coordinator && m.status === 'active');
  return [...(confirmed(team.serviceUserId) ? [] : ['person' as const]), ...(confirmed(coordinator?.id) ? [] : ['coordinator' as const])];
};

/**
 * Whether the person and the active coordinator have both confirmed the plan's current version:
 * the agreement is complete, and a draft is a draft no longer.
 */
export const crisisPlanAgreed = (plan: Pick<CrisisPlan, 'agreedBy' | 'version'>, team: TeamLike): boolean => unconfirmed(plan, team).length === 0;

/** Every member and responsibility id a plan refers to (measures, contacts, proposals). */
const referencesOf = (plan: CrisisPlan) => {
  const members = new Set<string>();
  const responsibilities = new Set<string>();
  const measures = [...plan.stages.flatMap((s) => s.measures), ...plan.proposals.filter((p) => p.status === 'proposed').map((p) => p.measure)];
  for (const measure of measures) {
    measure.memberIds.forEach((id) => members.add(id));
    measure.responsibilityIds.forEach((id) => responsibilities.add(id));
  }
  for (const contact of plan.stages.flatMap((s) => s.contacts)) if (contact.memberId) members.add(contact.memberId);
  return { members: [...members], responsibilities: [...responsibilities] };
};

/**
 * What the contract flags on a crisis plan (it refuses only broken structure): a draft not agreed
 * yet, past its review date, not valid yet, the current version not confirmed by the person or the coordinator,
 * references to members or responsibilities the team does not have (or members who left), and
 * proposals waiting for the person. `today` is `YYYY-MM-DD` in the reader's calendar.
 */
export const crisisPlanFlags = (
  plan: CrisisPlan,
  team: TeamLike,
  responsibilityIds?: readonly string[],
  today?: string,
): CrisisPlanFlag[] => {
  const flags: CrisisPlanFlag[] = [];
  if (plan.draft) flags.push({ kind: 'draft' });
  if (today && plan.nextReview < today) flags.push({ kind: 'review-overdue', nextReview: plan.nextReview });
  if (today && plan.validFrom > today) flags.push({ kind: 'not-yet-valid', validFrom: plan.validFrom });
  const missing = unconfirmed(plan, team);
  if (missing.includes('person')) flags.push({ kind: 'not-agreed', by: 'person' });
  if (missing.includes('coordinator')) flags.push({ kind: 'not-agreed', by: 'coordinator' });
  const refs = referencesOf(plan);
  const byId = new Map(team.members.map((m) => [m.id, m]));
  const unknown = refs.members.filter((id) => !byId.has(id));
  if (unknown.length) flags.push({ kind: 'unknown-member', memberIds: unknown });
  const left = refs.members.filter((id) => byId.get(id)?.status === 'ended');
  if (left.length) flags.push({ kind: 'member-left', memberIds: left });
  if (responsibilityIds) {
    const known = new Set(responsibilityIds);
    const missing = refs.responsibilities.filter((id) => !known.has(id));
    if (missing.length) flags.push({ kind: 'unknown-responsibility', responsibilityIds: missing });
  }
  const open = plan.proposals.filter((p) => p.status === 'proposed').length;
  if (open) flags.push({ kind: 'proposals-open', count: open });
  return flags;
};

/** Why a reader may or may not see a crisis plan's content. */
export type CrisisPlanAccess =
  | { full: true; because: 'own-plan' | 'coordinator' | 'consent' }
  | { full: false; because: 'no-consent' | 'withheld' | 'unknown-reader' }
  /** An agreement that covered the reader ended on `ended` (`YYYY-MM-DD`, its `validUntil`), and none is in force. */
  | { full: false; because: 'consent-ended'; ended: string };

/**
 * Who may read a crisis plan's content, following consent: the person always; the coordinator,
 * who keeps the plan with them; any other reader only when a consent of the person covering the
 * care plan (`care-plan`) is in force on `today` (`YYYY-MM-DD`, the reader's calendar day by
 * default) and allows sharing with the reader's organisation, with the reader by name, or with
 * the team while the reader is an active member of it. A plan the source sent without content
 * (`withheld`) is never shown. Everyone else sees that the plan exists and whom to ask, and
 * whether an agreement that covered them has ended (`consent-ended`). This decides what the
 * element shows; what a server sends to whom is the server's to decide.
 */
export const crisisPlanAccess = (
  plan: Pick<CrisisPlan, 'withheld'>,
  team: TeamLike & { id: string },
  consents: readonly ConsentTerms[],
  reader: { id?: string; organisationId?: string } | undefined,
  today: string = localDay(),
): CrisisPlanAccess => {
  if (plan.withheld) return { full: false, because: 'withheld' };
  if (!reader?.id && !reader?.organisationId) return { full: false, because: 'unknown-reader' };
  if (reader.id && reader.id === team.serviceUserId) return { full: true, because: 'own-plan' };
  const coordinator = team.members.find((m) => m.coordinator && m.status === 'active');
  if (reader.id && coordinator?.id === reader.id) return { full: true, because: 'coordinator' };
  if (consents.some((c) => consentReaches(c, team, reader, 'care-plan', today))) return { full: true, because: 'consent' };
  // An agreement that reached the reader on its last day, and has ended since: the latest one.
  const ended = consents
    .filter((c) => c.validUntil !== undefined && c.validUntil < today && consentReaches(c, team, reader, 'care-plan', c.validUntil))
    .map((c) => c.validUntil!)
    .sort()
    .at(-1);
  return ended ? { full: false, because: 'consent-ended', ended } : { full: false, because: 'no-consent' };
};
