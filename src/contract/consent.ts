import * as v from 'valibot';
import { object, rule, type Named } from './kit.js';
import { Actor, Id, Instant, IsoDate, Meta, RequiredText, Text } from './common.js';
import { consentInForce, sharingAllowed } from './rules.js';
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
export const Recipient = object({
  kind: v.picklist(RECIPIENT_KINDS),
  id: v.optional(Id),
  name: RequiredText(300),
});

/** Who made a decision, and whether they acted for the person (proxy). */
export const Decider = object({
  name: RequiredText(300),
  memberId: v.optional(Id),
  relation: v.optional(v.picklist(DECIDER_RELATIONS), 'self'),
});

/** One recorded change of a consent directive. */
export const ConsentHistoryEntry = object({
  state: v.picklist(CONSENT_STATES),
  at: Instant,
  decidedBy: v.optional(Decider),
  recordedBy: v.optional(Actor),
  method: v.optional(v.picklist(CONSENT_METHODS)),
  note: v.optional(Text(2000)),
});

const consentDirectiveSchema = v.pipe(
  object({
    id: Id,
    subjectId: Id,
    recipient: Recipient,
    purposes: v.pipe(v.array(v.picklist(CONSENT_PURPOSES)), v.minLength(1)),
    categories: v.pipe(v.array(v.picklist(INFORMATION_CATEGORIES)), v.minLength(1)),
    model: v.picklist(CONSENT_MODELS),
    state: v.picklist(CONSENT_STATES),
    since: v.optional(Instant),
    validFrom: v.optional(IsoDate),
    validUntil: v.optional(IsoDate),
    reviewDate: v.optional(IsoDate),
    method: v.optional(v.picklist(CONSENT_METHODS)),
    decidedBy: v.optional(Decider),
    recordedBy: v.optional(Actor),
    legalBasis: v.optional(Text(500)),
    consequence: v.optional(Text(2000)),
    history: v.optional(v.array(ConsentHistoryEntry), []),
    meta: v.optional(Meta),
  }),
  rule((c) => !c.validFrom || !c.validUntil || c.validFrom <= c.validUntil, 'validUntil is before validFrom', 'validUntil'),
  rule((c) => c.state === 'not-recorded' || Boolean(c.since), 'a recorded decision needs the time it was made (since)', 'since'),
);

/** The schema type of `ConsentDirective`. */
export interface ConsentDirectiveSchema extends Named<typeof consentDirectiveSchema> {}

/**
 * One consent to share information: whose consent (subjectId), to which recipient, for which
 * purposes and categories of information, under which legal model (opt-in: nothing is shared until
 * granted; objection: sharing is allowed until the person objects). `state` is what the system of
 * record holds; `not-recorded` means nobody has asked yet and no choice is pre-selected. `history`
 * lists every change with who decided, who recorded it and how. One directive per permission,
 * because each is withdrawn separately.
 */
export const ConsentDirective: ConsentDirectiveSchema = consentDirectiveSchema;

// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.

import type { ConsentMethod, ConsentModel, ConsentPurpose, ConsentState, DeciderRelation, InformationCategory, RecipientKind } from './values.js';

/**
 * Who receives the information: an organisation, the whole team, or one person.
 */
export type Recipient = {
  /** Whether the recipient is an organisation, the whole team or one person. */
  kind: RecipientKind;
  /** The organisation, team or member id, when known. An id (1–200 characters). */
  id?: string;
  /** The name shown to the person. 1–300 characters. */
  name: string;
};

/**
 * Who made a decision, and whether they acted for the person (proxy).
 */
export type Decider = {
  /** The name of the person who decided. 1–300 characters. */
  name: string;
  /** The decider’s member id, when they are on the team. An id (1–200 characters). */
  memberId?: string;
  /** Whether the person decided themselves or someone acted for them. Default `"self"`. */
  relation: DeciderRelation;
};

/**
 * Who made a decision, and whether they acted for the person (proxy).
 *
 * As a host may write it: fields with a default may be left out.
 */
export type DeciderInput = {
  /** The name of the person who decided. 1–300 characters. */
  name: string;
  /** The decider’s member id, when they are on the team. An id (1–200 characters). */
  memberId?: string;
  /** Whether the person decided themselves or someone acted for them. Default `"self"`. */
  relation?: DeciderRelation;
};

/**
 * One recorded change of a consent directive.
 */
export type ConsentHistoryEntry = {
  /** The decision recorded at that time. */
  state: ConsentState;
  /** When it was decided. An instant, ISO 8601 with `Z` or an offset. */
  at: string;
  /** Who decided: the person, or someone acting for them. */
  decidedBy?: Decider;
  /** Who recorded the decision. */
  recordedBy?: Actor;
  /** How the decision was given. */
  method?: ConsentMethod;
  /** Free text about the decision. At most 2000 characters. */
  note?: string;
};

/**
 * One recorded change of a consent directive.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type ConsentHistoryEntryInput = {
  /** The decision recorded at that time. */
  state: ConsentState;
  /** When it was decided. An instant, ISO 8601 with `Z` or an offset. */
  at: string;
  /** Who decided: the person, or someone acting for them. */
  decidedBy?: DeciderInput;
  /** Who recorded the decision. */
  recordedBy?: Actor;
  /** How the decision was given. */
  method?: ConsentMethod;
  /** Free text about the decision. At most 2000 characters. */
  note?: string;
};

/**
 * One consent to share information: whose consent (subjectId), to which recipient, for which
 * purposes and categories of information, under which legal model (opt-in: nothing is shared until
 * granted; objection: sharing is allowed until the person objects). `state` is what the system of
 * record holds; `not-recorded` means nobody has asked yet and no choice is pre-selected. `history`
 * lists every change with who decided, who recorded it and how. One directive per permission,
 * because each is withdrawn separately.
 */
export type ConsentDirective = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** Whose consent: the member id of the service user. An id (1–200 characters). */
  subjectId: string;
  /** Who may receive the information. */
  recipient: Recipient;
  /** What the information may be used for. At least 1 item. */
  purposes: ConsentPurpose[];
  /** Which kinds of information. At least 1 item. */
  categories: InformationCategory[];
  /** `opt-in`: nothing is shared until granted. `objection`: sharing is allowed until the person objects. */
  model: ConsentModel;
  /** The decision on record; `not-recorded` means nobody has asked yet. */
  state: ConsentState;
  /** When the current state was decided. Required unless `not-recorded`. An instant, ISO 8601 with `Z` or an offset. */
  since?: string;
  /** First day the consent applies. A date, `YYYY-MM-DD`. */
  validFrom?: string;
  /** Last day the consent applies. A date, `YYYY-MM-DD`. */
  validUntil?: string;
  /** When to ask again. A date, `YYYY-MM-DD`. */
  reviewDate?: string;
  /** How the current decision was given. */
  method?: ConsentMethod;
  /** Who decided: the person, or someone acting for them. */
  decidedBy?: Decider;
  /** Who recorded the decision. */
  recordedBy?: Actor;
  /** The law or rule the consent is given under. At most 500 characters. */
  legalBasis?: string;
  /** In plain language, what happens if the person says no. At most 2000 characters. */
  consequence?: string;
  /** Every earlier decision, oldest first. Default `[]`. */
  history: ConsentHistoryEntry[];
  /** Version information, set by the data source. */
  meta?: Meta;
};

/**
 * One consent to share information: whose consent (subjectId), to which recipient, for which
 * purposes and categories of information, under which legal model (opt-in: nothing is shared until
 * granted; objection: sharing is allowed until the person objects). `state` is what the system of
 * record holds; `not-recorded` means nobody has asked yet and no choice is pre-selected. `history`
 * lists every change with who decided, who recorded it and how. One directive per permission,
 * because each is withdrawn separately.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type ConsentDirectiveInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** Whose consent: the member id of the service user. An id (1–200 characters). */
  subjectId: string;
  /** Who may receive the information. */
  recipient: Recipient;
  /** What the information may be used for. At least 1 item. */
  purposes: ConsentPurpose[];
  /** Which kinds of information. At least 1 item. */
  categories: InformationCategory[];
  /** `opt-in`: nothing is shared until granted. `objection`: sharing is allowed until the person objects. */
  model: ConsentModel;
  /** The decision on record; `not-recorded` means nobody has asked yet. */
  state: ConsentState;
  /** When the current state was decided. Required unless `not-recorded`. An instant, ISO 8601 with `Z` or an offset. */
  since?: string;
  /** First day the consent applies. A date, `YYYY-MM-DD`. */
  validFrom?: string;
  /** Last day the consent applies. A date, `YYYY-MM-DD`. */
  validUntil?: string;
  /** When to ask again. A date, `YYYY-MM-DD`. */
  reviewDate?: string;
  /** How the current decision was given. */
  method?: ConsentMethod;
  /** Who decided: the person, or someone acting for them. */
  decidedBy?: DeciderInput;
  /** Who recorded the decision. */
  recordedBy?: Actor;
  /** The law or rule the consent is given under. At most 500 characters. */
  legalBasis?: string;
  /** In plain language, what happens if the person says no. At most 2000 characters. */
  consequence?: string;
  /** Every earlier decision, oldest first. Default `[]`. */
  history?: ConsentHistoryEntryInput[];
  /** Version information, set by the data source. */
  meta?: Meta;
};
// </generated-types>

/** Whether information may flow under a directive, given its model and state. */
export const isSharingAllowed = (directive: Pick<ConsentDirective, 'model' | 'state'>): boolean => sharingAllowed(directive);

/**
 * Whether information may flow under a directive on `today` (`YYYY-MM-DD`): its model and state
 * allow it, and today is within its validity (`validFrom` to `validUntil`, both included). An
 * agreement that has ended, or has not begun, shares nothing.
 */
export const isInForce = (directive: Pick<ConsentDirective, 'model' | 'state' | 'validFrom' | 'validUntil'>, today: string): boolean =>
  consentInForce(directive, today);
