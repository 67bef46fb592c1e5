import * as v from 'valibot';
import { object, rules, type Named } from './kit.js';
import { Actor, Id, Instant, IsoDate, Meta, RequiredText, Text } from './common.js';
import { reportRepeatedKeys } from './unique.js';
import { HANDOVER_STATUSES, RACI_PARTS, RESPONSIBILITY_AREAS, RESPONSIBILITY_STATUSES } from './values.js';

/** One member's part in a responsibility. */
export const Assignment = object({
  memberId: Id,
  part: v.picklist(RACI_PARTS),
});

/** A comment in a responsibility's note thread. */
export const Note = object({
  id: Id,
  at: Instant,
  author: Actor,
  text: RequiredText(5000),
});

/** A small step of a goal or task, for the service user's own plans. */
export const Step = object({
  id: Id,
  title: RequiredText(500),
  done: v.optional(v.boolean(), false),
});

/** A proposal to move the accountable part from one member to another. */
export const Handover = object({
  fromMemberId: v.optional(Id),
  toMemberId: Id,
  status: v.picklist(HANDOVER_STATUSES),
  proposedAt: Instant,
  proposedBy: Actor,
  comment: v.optional(Text(2000)),
  answeredAt: v.optional(Instant),
});

/** Who disagrees with a responsibility, and why. */
export const Dispute = object({
  memberId: Id,
  reason: RequiredText(2000),
  at: Instant,
});

const responsibilitySchema = v.pipe(
  object({
    id: Id,
    teamId: v.optional(Id),
    title: RequiredText(500),
    area: v.picklist(RESPONSIBILITY_AREAS),
    description: v.optional(Text(5000)),
    assignments: v.optional(v.array(Assignment), []),
    status: v.picklist(RESPONSIBILITY_STATUSES),
    ownedByServiceUser: v.optional(v.boolean()),
    steps: v.optional(v.array(Step)),
    due: v.optional(IsoDate),
    reviewDate: v.optional(IsoDate),
    dispute: v.optional(Dispute),
    handover: v.optional(Handover),
    notes: v.optional(v.array(Note), []),
    meta: v.optional(Meta),
  }),
  rules((r, report) => {
    reportRepeatedKeys(
      report,
      r.assignments,
      (a) => a.memberId,
      (index) => ['assignments', index, 'memberId'],
      (memberId) => `member "${memberId}" has more than one part in this responsibility`,
    );
    if (r.status === 'disputed' && !r.dispute) {
      report('a disputed responsibility must say who disputes it and why (dispute)', ['dispute']);
    }
  }),
);

/** The schema type of `Responsibility`. */
export interface ResponsibilitySchema extends Named<typeof responsibilitySchema> {}

/**
 * A task or area of care (medication, housing, accompanying to appointments, a personal goal, …)
 * with each member's part: accountable ("owns it", exactly one is expected), responsible ("does
 * it"), consulted ("is asked") or informed ("is told"). A responsibility without exactly one
 * active accountable member is accepted but flagged by the elements, so it can be seen and mended.
 * Each member has at most one part.
 */
export const Responsibility: ResponsibilitySchema = responsibilitySchema;

// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.

import type { HandoverStatus, RaciPart, ResponsibilityArea, ResponsibilityStatus } from './values.js';

/**
 * One member's part in a responsibility.
 */
export type Assignment = {
  /** The member who has this part. An id (1–200 characters). */
  memberId: string;
  /** Accountable (owns it), responsible (does it), consulted (is asked) or informed (is told). */
  part: RaciPart;
};

/**
 * A comment in a responsibility's note thread.
 */
export type Note = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** When the note was written. An instant, ISO 8601 with `Z` or an offset. */
  at: string;
  /** Who wrote the note. */
  author: Actor;
  /** The note, shown as plain text. 1–5000 characters. */
  text: string;
};

/**
 * A small step of a goal or task, for the service user's own plans.
 */
export type Step = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** What the step is, in plain language. 1–500 characters. */
  title: string;
  /** `true` when the step is done. Default `false`. */
  done: boolean;
};

/**
 * A small step of a goal or task, for the service user's own plans.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type StepInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** What the step is, in plain language. 1–500 characters. */
  title: string;
  /** `true` when the step is done. Default `false`. */
  done?: boolean;
};

/**
 * A proposal to move the accountable part from one member to another.
 */
export type Handover = {
  /** Who is accountable now. An id (1–200 characters). */
  fromMemberId?: string;
  /** Who would take over. An id (1–200 characters). */
  toMemberId: string;
  /** Whether the proposal is waiting, agreed or disputed. */
  status: HandoverStatus;
  /** When it was proposed. An instant, ISO 8601 with `Z` or an offset. */
  proposedAt: string;
  /** Who proposed it. */
  proposedBy: Actor;
  /** Why, in the proposer’s words. At most 2000 characters. */
  comment?: string;
  /** When the proposal was agreed or disputed. An instant, ISO 8601 with `Z` or an offset. */
  answeredAt?: string;
};

/**
 * Who disagrees with a responsibility, and why.
 */
export type Dispute = {
  /** The member who disagrees. An id (1–200 characters). */
  memberId: string;
  /** Why they disagree, in their words. 1–2000 characters. */
  reason: string;
  /** When the disagreement was raised. An instant, ISO 8601 with `Z` or an offset. */
  at: string;
};

/**
 * A task or area of care (medication, housing, accompanying to appointments, a personal goal, …)
 * with each member's part: accountable ("owns it", exactly one is expected), responsible ("does
 * it"), consulted ("is asked") or informed ("is told"). A responsibility without exactly one
 * active accountable member is accepted but flagged by the elements, so it can be seen and mended.
 * Each member has at most one part.
 */
export type Responsibility = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The care team it belongs to, when a source needs it. An id (1–200 characters). */
  teamId?: string;
  /** What the task or area is, in plain language. 1–500 characters. */
  title: string;
  /** The area of care it belongs to, for example medication or housing. */
  area: ResponsibilityArea;
  /** More about it, in plain language. At most 5000 characters. */
  description?: string;
  /** Each member’s part (accountable, responsible, consulted, informed). Default `[]`. */
  assignments: Assignment[];
  /** Whether it is proposed, agreed, disputed or ended. */
  status: ResponsibilityStatus;
  /** `true` for the service user’s own goals and tasks. */
  ownedByServiceUser?: boolean;
  /** Small steps of a goal or task. */
  steps?: Step[];
  /** When it should be done. A date, `YYYY-MM-DD`. */
  due?: string;
  /** When the team should look at it again; flagged when passed. A date, `YYYY-MM-DD`. */
  reviewDate?: string;
  /** Who disagrees and why; required when status is `disputed`. */
  dispute?: Dispute;
  /** A proposal to give the accountable part to someone else. */
  handover?: Handover;
  /** The note thread, oldest first. Default `[]`. */
  notes: Note[];
  /** Version information, set by the data source. */
  meta?: Meta;
};

/**
 * A task or area of care (medication, housing, accompanying to appointments, a personal goal, …)
 * with each member's part: accountable ("owns it", exactly one is expected), responsible ("does
 * it"), consulted ("is asked") or informed ("is told"). A responsibility without exactly one
 * active accountable member is accepted but flagged by the elements, so it can be seen and mended.
 * Each member has at most one part.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type ResponsibilityInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The care team it belongs to, when a source needs it. An id (1–200 characters). */
  teamId?: string;
  /** What the task or area is, in plain language. 1–500 characters. */
  title: string;
  /** The area of care it belongs to, for example medication or housing. */
  area: ResponsibilityArea;
  /** More about it, in plain language. At most 5000 characters. */
  description?: string;
  /** Each member’s part (accountable, responsible, consulted, informed). Default `[]`. */
  assignments?: Assignment[];
  /** Whether it is proposed, agreed, disputed or ended. */
  status: ResponsibilityStatus;
  /** `true` for the service user’s own goals and tasks. */
  ownedByServiceUser?: boolean;
  /** Small steps of a goal or task. */
  steps?: StepInput[];
  /** When it should be done. A date, `YYYY-MM-DD`. */
  due?: string;
  /** When the team should look at it again; flagged when passed. A date, `YYYY-MM-DD`. */
  reviewDate?: string;
  /** Who disagrees and why; required when status is `disputed`. */
  dispute?: Dispute;
  /** A proposal to give the accountable part to someone else. */
  handover?: Handover;
  /** The note thread, oldest first. Default `[]`. */
  notes?: Note[];
  /** Version information, set by the data source. */
  meta?: Meta;
};
// </generated-types>
