import * as z from 'zod/mini';
import { Actor, Id, Instant, IsoDate, Meta, RequiredText, Text } from './common.js';
import {
  CONSENT_METHODS,
  CONSENT_MODELS,
  CONSENT_PURPOSES,
  CONSENT_STATES,
  DECIDER_RELATIONS,
  INFORMATION_CATEGORIES,
  RECIPIENT_KINDS,
} from './values.js';

/** Who receives the information: an organisation, the whole team, or one person. */
export const Recipient = z.looseObject({
  kind: z.enum(RECIPIENT_KINDS),
  id: z.optional(Id),
  name: RequiredText(300),
});

/** Who made a decision, and whether they acted for the person (proxy). */
export const Decider = z.looseObject({
  name: RequiredText(300),
  memberId: z.optional(Id),
  relation: z._default(z.enum(DECIDER_RELATIONS), 'self'),
});

/** One recorded change of a consent directive. */
export const ConsentHistoryEntry = z.looseObject({
  state: z.enum(CONSENT_STATES),
  at: Instant,
  decidedBy: z.optional(Decider),
  recordedBy: z.optional(Actor),
  method: z.optional(z.enum(CONSENT_METHODS)),
  note: z.optional(Text(2000)),
});

/** One permission to share information: this person → this recipient, for this purpose. */
export const ConsentDirective = z
  .looseObject({
    id: Id,
    subjectId: Id,
    recipient: Recipient,
    purposes: z.array(z.enum(CONSENT_PURPOSES)).check(z.minLength(1)),
    categories: z.array(z.enum(INFORMATION_CATEGORIES)).check(z.minLength(1)),
    model: z.enum(CONSENT_MODELS),
    state: z.enum(CONSENT_STATES),
    since: z.optional(Instant),
    validFrom: z.optional(IsoDate),
    validUntil: z.optional(IsoDate),
    reviewDate: z.optional(IsoDate),
    method: z.optional(z.enum(CONSENT_METHODS)),
    decidedBy: z.optional(Decider),
    recordedBy: z.optional(Actor),
    legalBasis: z.optional(Text(500)),
    consequence: z.optional(Text(2000)),
    history: z._default(z.array(ConsentHistoryEntry), []),
    meta: z.optional(Meta),
  })
  .check(
    z.refine((c) => !c.validFrom || !c.validUntil || c.validFrom <= c.validUntil, {
      message: 'validUntil is before validFrom',
      path: ['validUntil'],
    }),
    z.refine((c) => c.state === 'not-recorded' || Boolean(c.since), {
      message: 'a recorded decision needs the time it was made (since)',
      path: ['since'],
    }),
    z.describe(
      'One consent to share information: whose consent (subjectId), to which recipient, for which purposes and categories of information, under which legal model (opt-in: nothing is shared until granted; objection: sharing is allowed until the person objects). `state` is what the system of record holds; `not-recorded` means nobody has asked yet and no choice is pre-selected. `history` lists every change with who decided, who recorded it and how. One directive per permission, because each is withdrawn separately.',
    ),
  );

export type Recipient = z.infer<typeof Recipient>;
export type Decider = z.infer<typeof Decider>;
export type ConsentHistoryEntry = z.infer<typeof ConsentHistoryEntry>;
export type ConsentDirective = z.infer<typeof ConsentDirective>;
export type ConsentDirectiveInput = z.input<typeof ConsentDirective>;

/** Whether information may flow under a directive, given its model and state. */
export const isSharingAllowed = (directive: Pick<ConsentDirective, 'model' | 'state'>): boolean =>
  directive.model === 'opt-in' ? directive.state === 'granted' : directive.state !== 'refused' && directive.state !== 'withdrawn';
