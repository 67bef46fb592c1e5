import type { Actor } from '../../contract/common.js';
import { isSharingAllowed, type ConsentDirective, type ConsentHistoryEntry, type Decider } from '../../contract/consent.js';
import type { ConsentMethod, ConsentState } from '../../contract/values.js';

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

/** What a decision needs besides the new state. */
export interface DecisionInput {
  state: ConsentState;
  at: string;
  decidedBy: Decider;
  recordedBy: Actor;
  method: ConsentMethod;
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
  return {
    ...directive,
    state: decision.state,
    since: decision.at,
    decidedBy: decision.decidedBy,
    recordedBy: decision.recordedBy,
    method: decision.method,
    history: [...(directive.history ?? []), entry],
  };
};

/** History entries, newest first; entries with the same time keep their recorded order reversed. */
export const newestFirst = (history: readonly ConsentHistoryEntry[]): ConsentHistoryEntry[] =>
  history
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.at) }))
    .sort((a, b) => b.time - a.time || b.index - a.index)
    .map(({ entry }) => entry);
