import * as v from 'valibot';
import { object, rule, rules, int, type Named } from './kit.js';
import { Actor, Id, Instant, IsoDate, Meta, RequiredText, Text } from './common.js';
import { reportRepeatedKeys } from './unique.js';
import { consentReaches, localDay, type ConsentTerms } from './rules.js';
import { ACTION_EFFECTS, INFORMATION_CATEGORIES, OUTCOME_STATUSES } from './values.js';

/** Something the meeting decided, in one plain sentence. */
export const OutcomeDecision = object({
  id: Id,
  text: RequiredText(2000),
});

/**
 * A task agreed in the meeting: what is to be done, the member who owns it and the date it is due.
 * With `responsibilityId` and `effect` it reaches the responsibility matrix by reference:
 * `new-responsibility` proposes that responsibility (its owner accepts or disputes it in the
 * matrix), `hand-over` proposes handing an existing responsibility to the owner, through the
 * matrix's handover.
 */
export const OutcomeAction = v.pipe(
  object({
    id: Id,
    text: RequiredText(500),
    ownerId: Id,
    due: IsoDate,
    responsibilityId: v.optional(Id),
    effect: v.optional(v.picklist(ACTION_EFFECTS)),
  }),
  rule((a) => Boolean(a.responsibilityId) === Boolean(a.effect), 'an action that reaches the matrix names both the responsibility (responsibilityId) and what it does to it (effect)', 'effect'),
);

/**
 * What was said and agreed in one part of the meeting: the agenda item it records (`agendaItemId`;
 * without it the part covers the whole meeting and everyone invited), notes in plain language,
 * decisions and actions, and the categories of information it holds, which decide who may read it
 * under the person's consents. `withheld: true` means the source left the content out because the
 * reader may not see it.
 */
export const OutcomePart = v.pipe(
  object({
    id: Id,
    agendaItemId: v.optional(Id),
    title: v.optional(RequiredText(500)),
    notes: v.optional(Text(5000), ''),
    decisions: v.optional(v.array(OutcomeDecision), []),
    actions: v.optional(v.array(OutcomeAction), []),
    categories: v.optional(v.array(v.picklist(INFORMATION_CATEGORIES)), []),
    withheld: v.optional(v.boolean()),
  }),
  rules((part, report) => {
    reportRepeatedKeys(report, part.decisions, (d) => d.id, (i) => ['decisions', i, 'id'], (id) => `the decision id "${id}" is used more than once in this part`);
    reportRepeatedKeys(report, part.actions, (a) => a.id, (i) => ['actions', i, 'id'], (id) => `the action id "${id}" is used more than once in this part`);
  }),
);

/** A participant saying they have read the outcome. */
export const OutcomeConfirmation = object({
  memberId: Id,
  name: RequiredText(300),
  at: Instant,
  version: v.optional(v.pipe(int(), v.minValue(1))),
});

/**
 * A question a participant asks the coordinator about the outcome, maybe about one part, and the
 * coordinator's answer.
 */
export const OutcomeQuestion = object({
  id: Id,
  memberId: Id,
  name: RequiredText(300),
  at: Instant,
  partId: v.optional(Id),
  text: RequiredText(2000),
  answer: v.optional(RequiredText(2000)),
  answeredAt: v.optional(Instant),
  answeredBy: v.optional(Actor),
});

const meetingOutcomeSchema = v.pipe(
  object({
    id: Id,
    teamId: v.optional(Id),
    meetingId: Id,
    occurrenceStart: v.optional(Instant),
    status: v.picklist(OUTCOME_STATUSES),
    version: v.optional(v.pipe(int(), v.minValue(1))),
    parts: v.optional(v.array(OutcomePart), []),
    confirmations: v.optional(v.array(OutcomeConfirmation), []),
    questions: v.optional(v.array(OutcomeQuestion), []),
    recordedBy: v.optional(Actor),
    sharedAt: v.optional(Instant),
    meta: v.optional(Meta),
  }),
  rules((outcome, report) => {
    reportRepeatedKeys(report, outcome.parts, (p) => p.id, (i) => ['parts', i, 'id'], (id) => `the part id "${id}" is used more than once`);
    reportRepeatedKeys(report, outcome.confirmations, (c) => c.memberId, (i) => ['confirmations', i, 'memberId'], (id) => `member "${id}" confirms more than once`);
    reportRepeatedKeys(report, outcome.questions, (q) => q.id, (i) => ['questions', i, 'id'], (id) => `the question id "${id}" is used more than once`);
    // Action ids are unique across parts too: a responsibility proposed by an action is traced back by it.
    const partOfAction = new Map<string, number>();
    outcome.parts.forEach((part, p) =>
      part.actions.forEach((action, a) => {
        const earlier = partOfAction.get(action.id);
        if (earlier !== undefined && earlier !== p) {
          report(`the action id "${action.id}" is used in more than one part`, ['parts', p, 'actions', a, 'id']);
        }
        if (earlier === undefined) partOfAction.set(action.id, p);
      }),
    );
    outcome.confirmations.forEach((c, i) => {
      if ((c.version ?? 1) > (outcome.version ?? 1)) {
        report(`confirms version ${c.version}, but the outcome is at version ${outcome.version ?? 1}`, ['confirmations', i, 'version']);
      }
    });
    if (outcome.status === 'shared' && !outcome.sharedAt) {
      report('a shared outcome says when it was shared (sharedAt)', ['sharedAt']);
    }
  }),
);

/** The schema type of `MeetingOutcome`. */
export interface MeetingOutcomeSchema extends Named<typeof meetingOutcomeSchema> {}

/**
 * What a meeting decided, for one meeting (or one occurrence of a series, `occurrenceStart`): per
 * agenda part, notes in plain language, decisions and actions (a task with an owner and a due
 * date, which may propose a responsibility in the matrix or a handover of one, by reference); who
 * has confirmed "I have read this", and when; and questions to the coordinator. The coordinator
 * records it after the meeting as a `draft` and shares it; only then do participants see it. Each
 * participant sees the parts they were invited to, as far as the person's consents cover their
 * organisation; the rest is named as withheld, with why.
 */
export const MeetingOutcome: MeetingOutcomeSchema = meetingOutcomeSchema;

// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.

import type { ActionEffect, InformationCategory, OutcomeStatus } from './values.js';

/**
 * Something the meeting decided, in one plain sentence.
 */
export type OutcomeDecision = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The decision, in one plain sentence. 1–2000 characters. */
  text: string;
};

/**
 * A task agreed in the meeting: what is to be done, the member who owns it and the date it is due.
 * With `responsibilityId` and `effect` it reaches the responsibility matrix by reference:
 * `new-responsibility` proposes that responsibility (its owner accepts or disputes it in the
 * matrix), `hand-over` proposes handing an existing responsibility to the owner, through the
 * matrix's handover.
 */
export type OutcomeAction = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** What is to be done, in a short sentence. 1–500 characters. */
  text: string;
  /** The member who owns the task. An id (1–200 characters). */
  ownerId: string;
  /** When it is to be done. A date, `YYYY-MM-DD`. */
  due: string;
  /** The responsibility in the matrix the action proposes or hands over, by reference. An id (1–200 characters). */
  responsibilityId?: string;
  /** `new-responsibility`: the action proposed that responsibility; `hand-over`: it proposed handing it to the owner. */
  effect?: ActionEffect;
};

/**
 * What was said and agreed in one part of the meeting: the agenda item it records (`agendaItemId`;
 * without it the part covers the whole meeting and everyone invited), notes in plain language,
 * decisions and actions, and the categories of information it holds, which decide who may read it
 * under the person's consents. `withheld: true` means the source left the content out because the
 * reader may not see it.
 */
export type OutcomePart = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The agenda item this part records; without it the part covers the whole meeting. An id (1–200 characters). */
  agendaItemId?: string;
  /** A heading for a part without an agenda item, or to override the item’s title. 1–500 characters. */
  title?: string;
  /** What was said, in plain language. At most 5000 characters. Default `""`. */
  notes: string;
  /** What was decided. Default `[]`. */
  decisions: OutcomeDecision[];
  /** What is to be done, by whom and by when. Default `[]`. */
  actions: OutcomeAction[];
  /** The kinds of information the part holds; a professional reads it only under a consent covering each for their organisation (none listed counts as `care-plan`). Default `[]`. */
  categories: InformationCategory[];
  /** `true` when the source left the content out because the reader may not see it. */
  withheld?: boolean;
};

/**
 * What was said and agreed in one part of the meeting: the agenda item it records (`agendaItemId`;
 * without it the part covers the whole meeting and everyone invited), notes in plain language,
 * decisions and actions, and the categories of information it holds, which decide who may read it
 * under the person's consents. `withheld: true` means the source left the content out because the
 * reader may not see it.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type OutcomePartInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The agenda item this part records; without it the part covers the whole meeting. An id (1–200 characters). */
  agendaItemId?: string;
  /** A heading for a part without an agenda item, or to override the item’s title. 1–500 characters. */
  title?: string;
  /** What was said, in plain language. At most 5000 characters. Default `""`. */
  notes?: string;
  /** What was decided. Default `[]`. */
  decisions?: OutcomeDecision[];
  /** What is to be done, by whom and by when. Default `[]`. */
  actions?: OutcomeAction[];
  /** The kinds of information the part holds; a professional reads it only under a consent covering each for their organisation (none listed counts as `care-plan`). Default `[]`. */
  categories?: InformationCategory[];
  /** `true` when the source left the content out because the reader may not see it. */
  withheld?: boolean;
};

/**
 * A participant saying they have read the outcome.
 */
export type OutcomeConfirmation = {
  /** The member who confirmed. An id (1–200 characters). */
  memberId: string;
  /** Their name, as recorded. 1–300 characters. */
  name: string;
  /** When they confirmed. An instant, ISO 8601 with `Z` or an offset. */
  at: string;
  /** The version of the outcome they read (left out: 1); one older than the outcome’s `version` was read before the last change. */
  version?: number;
};

/**
 * A question a participant asks the coordinator about the outcome, maybe about one part, and the
 * coordinator's answer.
 */
export type OutcomeQuestion = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The member who asked. An id (1–200 characters). */
  memberId: string;
  /** Their name, as recorded. 1–300 characters. */
  name: string;
  /** When they asked. An instant, ISO 8601 with `Z` or an offset. */
  at: string;
  /** The part the question is about, if one. An id (1–200 characters). */
  partId?: string;
  /** The question, in the asker’s words. 1–2000 characters. */
  text: string;
  /** The coordinator’s answer. 1–2000 characters. */
  answer?: string;
  /** When it was answered. An instant, ISO 8601 with `Z` or an offset. */
  answeredAt?: string;
  /** Who answered. */
  answeredBy?: Actor;
};

/**
 * What a meeting decided, for one meeting (or one occurrence of a series, `occurrenceStart`): per
 * agenda part, notes in plain language, decisions and actions (a task with an owner and a due
 * date, which may propose a responsibility in the matrix or a handover of one, by reference); who
 * has confirmed "I have read this", and when; and questions to the coordinator. The coordinator
 * records it after the meeting as a `draft` and shares it; only then do participants see it. Each
 * participant sees the parts they were invited to, as far as the person's consents cover their
 * organisation; the rest is named as withheld, with why.
 */
export type MeetingOutcome = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The care team it belongs to, when a source needs it. An id (1–200 characters). */
  teamId?: string;
  /** The meeting it records. An id (1–200 characters). */
  meetingId: string;
  /** For a series: the start of the occurrence it records. An instant, ISO 8601 with `Z` or an offset. */
  occurrenceStart?: string;
  /** `draft` while the coordinator writes it (only they see it), `shared` once participants may read it. */
  status: OutcomeStatus;
  /** The version of what was agreed, counted from 1 (left out: 1). A change to the parts of a shared outcome makes a new version, so confirmations of an earlier one show as read before the change. */
  version?: number;
  /** One per agenda part, in the meeting’s order. Default `[]`. */
  parts: OutcomePart[];
  /** Who has said “I have read this”, and when; one per member, never removed by someone else’s save. Default `[]`. */
  confirmations: OutcomeConfirmation[];
  /** Questions to the coordinator, oldest first. Default `[]`. */
  questions: OutcomeQuestion[];
  /** Who recorded the outcome (the coordinator). */
  recordedBy?: Actor;
  /** When it was shared with the participants. An instant, ISO 8601 with `Z` or an offset. */
  sharedAt?: string;
  /** Version information, set by the data source. */
  meta?: Meta;
};

/**
 * What a meeting decided, for one meeting (or one occurrence of a series, `occurrenceStart`): per
 * agenda part, notes in plain language, decisions and actions (a task with an owner and a due
 * date, which may propose a responsibility in the matrix or a handover of one, by reference); who
 * has confirmed "I have read this", and when; and questions to the coordinator. The coordinator
 * records it after the meeting as a `draft` and shares it; only then do participants see it. Each
 * participant sees the parts they were invited to, as far as the person's consents cover their
 * organisation; the rest is named as withheld, with why.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type MeetingOutcomeInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The care team it belongs to, when a source needs it. An id (1–200 characters). */
  teamId?: string;
  /** The meeting it records. An id (1–200 characters). */
  meetingId: string;
  /** For a series: the start of the occurrence it records. An instant, ISO 8601 with `Z` or an offset. */
  occurrenceStart?: string;
  /** `draft` while the coordinator writes it (only they see it), `shared` once participants may read it. */
  status: OutcomeStatus;
  /** The version of what was agreed, counted from 1 (left out: 1). A change to the parts of a shared outcome makes a new version, so confirmations of an earlier one show as read before the change. */
  version?: number;
  /** One per agenda part, in the meeting’s order. Default `[]`. */
  parts?: OutcomePartInput[];
  /** Who has said “I have read this”, and when; one per member, never removed by someone else’s save. Default `[]`. */
  confirmations?: OutcomeConfirmation[];
  /** Questions to the coordinator, oldest first. Default `[]`. */
  questions?: OutcomeQuestion[];
  /** Who recorded the outcome (the coordinator). */
  recordedBy?: Actor;
  /** When it was shared with the participants. An instant, ISO 8601 with `Z` or an offset. */
  sharedAt?: string;
  /** Version information, set by the data source. */
  meta?: Meta;
};
// </generated-types>

/** Why a reader may or may not see one part of an outcome. */
export type OutcomePartAccess =
  | { shown: true; because: 'coordinator' | 'invited' }
  | { shown: false; because: 'not-shared' | 'not-invited' | 'no-consent' | 'withheld' | 'unknown-reader'; categories?: InformationCategory[] };

interface TeamLike {
  id: string;
  serviceUserId: string;
  members: ReadonlyArray<{ id: string; status: string; coordinator?: boolean }>;
}

interface MeetingLike {
  participants: ReadonlyArray<{ memberId: string }>;
  agenda: ReadonlyArray<{ id: string; attendeeIds: readonly string[] }>;
}

/**
 * Whether a consent of the person lets `category` be shared with the reader on `today`
 * (`YYYY-MM-DD`, the reader's calendar day by default): in force, and given to their organisation,
 * to them by name, or to the team while they are an active member of it.
 */
export const consentCovers = (
  consents: readonly ConsentTerms[],
  team: Pick<TeamLike, 'id' | 'serviceUserId' | 'members'>,
  reader: { id?: string; organisationId?: string },
  category: string,
  today: string = localDay(),
): boolean => consents.some((c) => consentReaches(c, team, reader, category, today));

/** The members invited to a part: the agenda item's attendees, or everyone invited to the meeting. */
export const invitedTo = (part: Pick<OutcomePart, 'agendaItemId'>, meeting: MeetingLike): string[] => {
  const item = part.agendaItemId ? meeting.agenda.find((a) => a.id === part.agendaItemId) : undefined;
  return item && item.attendeeIds.length ? [...item.attendeeIds] : meeting.participants.map((p) => p.memberId);
};

/**
 * Who may read one part of a meeting outcome. The coordinator, who records it, reads everything.
 * Anyone else reads a part only once the outcome is shared, only if they were invited to that part
 * (the agenda item's attendees, or the meeting's participants for a part without one), and, unless
 * they are the person themselves, only if a consent of the person in force on `today` covers every
 * category of information the part holds for them (a part that lists none counts as `care-plan`).
 * A part the source sent without content (`withheld`) is never shown. The element says which rule
 * held a part back; what a server sends to whom is the server's to decide.
 */
export const outcomePartAccess = (
  outcome: Pick<MeetingOutcome, 'status'>,
  part: Pick<OutcomePart, 'agendaItemId' | 'categories' | 'withheld'>,
  meeting: MeetingLike,
  team: TeamLike,
  consents: readonly ConsentTerms[],
  reader: { id?: string; organisationId?: string } | undefined,
  today: string = localDay(),
): OutcomePartAccess => {
  if (part.withheld) return { shown: false, because: 'withheld' };
  if (!reader?.id) return { shown: false, because: 'unknown-reader' };
  const coordinator = team.members.find((m) => m.coordinator && m.status === 'active');
  if (coordinator?.id === reader.id) return { shown: true, because: 'coordinator' };
  if (outcome.status !== 'shared') return { shown: false, because: 'not-shared' };
  if (!invitedTo(part, meeting).includes(reader.id)) return { shown: false, because: 'not-invited' };
  if (reader.id === team.serviceUserId) return { shown: true, because: 'invited' };
  const categories = part.categories.length ? part.categories : (['care-plan'] as InformationCategory[]);
  const missing = categories.filter((category) => !consentCovers(consents, team, reader, category, today));
  return missing.length ? { shown: false, because: 'no-consent', categories: missing } : { shown: true, because: 'invited' };
};

/** A care-quality gap of an outcome: shown as a plain note, never a reason to hide it. */
export type OutcomeFlag =
  | { kind: 'unknown-owner'; actionIds: string[] }
  | { kind: 'unknown-agenda-item'; partIds: string[] }
  | { kind: 'unknown-responsibility'; actionIds: string[] }
  | { kind: 'questions-open'; count: number };

/**
 * What the contract flags on an outcome (it refuses only broken structure): actions owned by
 * someone not on the team, parts naming an agenda item the meeting does not have, actions naming a
 * responsibility the matrix does not have, and questions the coordinator has not answered.
 */
export const meetingOutcomeFlags = (
  outcome: MeetingOutcome,
  meeting: MeetingLike,
  team: Pick<TeamLike, 'members'>,
  responsibilityIds?: readonly string[],
): OutcomeFlag[] => {
  const flags: OutcomeFlag[] = [];
  const members = new Set(team.members.map((m) => m.id));
  const actions = outcome.parts.flatMap((p) => p.actions);
  const unknownOwner = actions.filter((a) => !members.has(a.ownerId)).map((a) => a.id);
  if (unknownOwner.length) flags.push({ kind: 'unknown-owner', actionIds: unknownOwner });
  const items = new Set(meeting.agenda.map((a) => a.id));
  const unknownItem = outcome.parts.filter((p) => p.agendaItemId && !items.has(p.agendaItemId)).map((p) => p.id);
  if (unknownItem.length) flags.push({ kind: 'unknown-agenda-item', partIds: unknownItem });
  if (responsibilityIds) {
    const known = new Set(responsibilityIds);
    const missing = actions.filter((a) => a.responsibilityId && !known.has(a.responsibilityId)).map((a) => a.id);
    if (missing.length) flags.push({ kind: 'unknown-responsibility', actionIds: missing });
  }
  const open = outcome.questions.filter((q) => !q.answer).length;
  if (open) flags.push({ kind: 'questions-open', count: open });
  return flags;
};
