import type { Actor } from '../../contract/common.js';
import { consentInForce } from '../../contract/rules.js';
import { isSharingAllowed, type ConsentDirective, type ConsentHistoryEntry, type Decider } from '../../contract/consent.js';
import type { CareTeam } from '../../contract/team.js';
import type { ConsentMethod, ConsentState } from '../../contract/values.js';
import type { ElementState } from '../base/care-element.js';

/**
 * The state a directive moves to when the person says yes (`share: true`) or no. The one place
 * that maps a switch position to a legal state:
 * - opt-in: yes → granted; no → withdrawn if it was granted, otherwise refused;
 * - objection: yes → granted (no objection, or an objection lifted); no → refused (an objection).
 */
export const nextConsentState = (directive: Pick<ConsentDirective, 'model' | 'state'>, share: boolean): ConsentState => {
  if (share) return 'granted';
  if (directive.model === 'opt-in' && directive.state === 'granted') return 'withdrawn';
  return 'refused';
};

/** The word a change log shows for a move to `state`. */
export const actionFor = (state: ConsentState): string =>
  state === 'granted' ? 'grant' : state === 'withdrawn' ? 'withdraw' : state === 'refused' ? 'refuse' : 'reset';

/** Whether a state, under the directive's model, lets information flow. */
export const allowsSharing = (model: ConsentDirective['model'], state: ConsentState): boolean => isSharingAllowed({ model, state });

/** Whether the directive's agreement ended before `today` (`YYYY-MM-DD`): its last day has passed. */
export const hasEnded = (directive: Pick<ConsentDirective, 'validUntil'>, today: string): boolean => Boolean(directive.validUntil && directive.validUntil < today);

/** The days a directive is valid (`YYYY-MM-DD`, both included); no `validUntil` is until taken back. */
export interface Validity {
  /** The first day. */
  validFrom: string;
  /** The last day; absent: until taken back. */
  validUntil?: string;
}

/**
 * The validity of a yes given again after an agreement ended: from `today`, for as many days as the
 * ended agreement lasted when it had both a first and a last day; without a first day its length is
 * unknown and the new yes lasts until it is taken back. Keeping the old dates would record a yes
 * that shares nothing.
 */
export const renewedValidity = ({ validFrom, validUntil }: Pick<ConsentDirective, 'validFrom' | 'validUntil'>, today: string): Validity => {
  const time = (day: string) => Date.parse(`${day}T00:00Z`);
  return validFrom && validUntil
    ? { validFrom: today, validUntil: new Date(time(today) + time(validUntil) - time(validFrom)).toISOString().slice(0, 10) }
    : { validFrom: today };
};

/** What a decision needs besides the new state. */
export interface DecisionInput {
  state: ConsentState;
  at: string;
  decidedBy: Decider;
  recordedBy: Actor;
  method: ConsentMethod;
  /** New validity, for a yes given again after the agreement ended. */
  validity?: Validity;
}

/** The directive after a decision: new state, since, who decided and recorded it, and a history entry. */
export const recordDecision = (directive: ConsentDirective, decision: DecisionInput): ConsentDirective => {
  const entry: ConsentHistoryEntry = {
    state: decision.state,
    at: decision.at,
    decidedBy: decision.decidedBy,
    recordedBy: decision.recordedBy,
    method: decision.method,
  };
  const next: ConsentDirective = {
    ...directive,
    state: decision.state,
    since: decision.at,
    decidedBy: decision.decidedBy,
    recordedBy: decision.recordedBy,
    method: decision.method,
    history: [...(directive.history ?? []), entry],
  };
  if (decision.validity) {
    delete next.validUntil;
    Object.assign(next, decision.validity);
  }
  return next;
};

/** History entries, newest first; entries with the same time keep their recorded order reversed. */
export const newestFirst = (history: readonly ConsentHistoryEntry[]): ConsentHistoryEntry[] =>
  history
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => b.time - a.time || b.index - a.index)
    .map(({ entry }) => entry);

/** Who is deciding now: the given proxy, or the person themselves (named by data, never by UI text). */
export const deciderFor = (directive: ConsentDirective, team: CareTeam | undefined, actor: Actor, proxy: Decider | undefined): Decider => {
  if (proxy) return proxy;
  const subjectId = directive.subjectId;
  const name = team?.members.find((m) => m.id === subjectId)?.name ?? (actor.id === subjectId ? actor.name : subjectId);
  return { name, memberId: subjectId, relation: 'self' };
};

/**
 * How the decision reached the record: the person's own click is `digital`; someone else's click
 * records what the person said (`verbal`, or `written` when the host says so), never as the
 * person's own digital decision.
 */
export const methodFor = (directive: ConsentDirective, actor: Actor, proxy: Decider | undefined, method: ConsentMethod): ConsentMethod => {
  const own = actor.id !== undefined && actor.id === directive.subjectId && !proxy;
  return own || method !== 'digital' ? method : 'verbal';
};

/**
 * The toggle's custom states for CSS (`:state(saving)` …) while it shows this directive.
 * `sharing` holds while information flows under it on `today`: not once the agreement has ended.
 */
export const toggleStates = (
  saved: Pick<ConsentDirective, 'model' | 'state' | 'validFrom' | 'validUntil'>,
  pending: boolean,
  failed: boolean,
  today: string,
): ElementState[] => [
  ...(pending ? (['saving'] as const) : []),
  ...(failed ? (['save-failed'] as const) : []),
  saved.state === 'not-recorded' ? 'not-recorded' : consentInForce(saved, today) ? 'sharing' : undefined,
].filter((name): name is ElementState => name !== undefined);
