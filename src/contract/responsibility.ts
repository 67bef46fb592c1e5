import * as z from 'zod/mini';
import { Actor, Id, Instant, IsoDate, Meta, RequiredText, Text } from './common.js';
import { reportRepeatedKeys } from './unique.js';
import { HANDOVER_STATUSES, RACI_PARTS, RESPONSIBILITY_AREAS, RESPONSIBILITY_STATUSES } from './values.js';

/** One member's part in a responsibility. */
export const Assignment = z.looseObject({
  memberId: Id,
  part: z.enum(RACI_PARTS),
});

/** A comment in a responsibility's note thread. */
export const Note = z.looseObject({
  id: Id,
  at: Instant,
  author: Actor,
  text: RequiredText(5000),
});

/** A small step of a goal or task, for the service user's own plans. */
export const Step = z.looseObject({
  id: Id,
  title: RequiredText(500),
  done: z._default(z.boolean(), false),
});

/** A proposal to move the accountable part from one member to another. */
export const Handover = z.looseObject({
  fromMemberId: z.optional(Id),
  toMemberId: Id,
  status: z.enum(HANDOVER_STATUSES),
  proposedAt: Instant,
  proposedBy: Actor,
  comment: z.optional(Text(2000)),
  answeredAt: z.optional(Instant),
});

/** Who disagrees with a responsibility, and why. */
export const Dispute = z.looseObject({
  memberId: Id,
  reason: RequiredText(2000),
  at: Instant,
});

/** A task or area of care and who does what for it. */
export const Responsibility = z
  .looseObject({
    id: Id,
    teamId: z.optional(Id),
    title: RequiredText(500),
    area: z.enum(RESPONSIBILITY_AREAS),
    description: z.optional(Text(5000)),
    assignments: z._default(z.array(Assignment), []),
    status: z.enum(RESPONSIBILITY_STATUSES),
    ownedByServiceUser: z.optional(z.boolean()),
    steps: z.optional(z.array(Step)),
    due: z.optional(IsoDate),
    reviewDate: z.optional(IsoDate),
    dispute: z.optional(Dispute),
    handover: z.optional(Handover),
    notes: z._default(z.array(Note), []),
    meta: z.optional(Meta),
  })
  .check(
    z.superRefine((r, ctx) => {
      reportRepeatedKeys(
        ctx,
        r.assignments,
        (a) => a.memberId,
        (index) => ['assignments', index, 'memberId'],
        (memberId) => `member "${memberId}" has more than one part in this responsibility`,
      );
      if (r.status === 'disputed' && !r.dispute) {
        ctx.issues.push({
          code: 'custom',
          message: 'a disputed responsibility must say who disputes it and why (dispute)',
          path: ['dispute'],
          input: undefined,
        });
      }
    }),
    z.describe(
      'A task or area of care (medication, housing, accompanying to appointments, a personal goal, …) with each member\'s part: accountable ("owns it", exactly one is expected), responsible ("does it"), consulted ("is asked") or informed ("is told"). A responsibility without exactly one active accountable member is accepted but flagged by the elements, so it can be seen and mended. Each member has at most one part.',
    ),
  );

export type Assignment = z.infer<typeof Assignment>;
export type Note = z.infer<typeof Note>;
export type Step = z.infer<typeof Step>;
export type Handover = z.infer<typeof Handover>;
export type Dispute = z.infer<typeof Dispute>;
export type Responsibility = z.infer<typeof Responsibility>;
export type ResponsibilityInput = z.input<typeof Responsibility>;
