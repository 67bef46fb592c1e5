import * as v from 'valibot';
import { ConsentDirective } from '../../contract/consent.js';
import { Meeting } from '../../contract/meeting.js';
import { MeetingOutcome } from '../../contract/meeting-outcome.js';
import { Responsibility } from '../../contract/responsibility.js';
import { CareTeam } from '../../contract/team.js';
import type { ContractIssue, Schema } from '../../contract/validate.js';
import type { CareStore } from '../../data/store.js';
import type { StoreSnapshot } from '../../data/types.js';

/** Everything the element draws from, checked. */
export type Ready = {
  kind: 'ready';
  meeting: Meeting;
  team: CareTeam;
  consents: ConsentDirective[];
  responsibilities: Responsibility[];
  outcome?: MeetingOutcome;
};
export type View = { kind: 'loading' } | { kind: 'load-error' } | { kind: 'invalid'; issues: ContractIssue[] } | { kind: 'none'; id?: string } | Ready;

const ConsentList = v.array(ConsentDirective);
const ResponsibilityList = v.array(Responsibility);

type Checker = <T>(entity: string, schema: Schema<unknown>, input: unknown) => { value: T | undefined } | { issues: ContractIssue[] };

/**
 * What the element shows: the host's values (controlled), or the record's meeting and its outcome
 * (connected), each checked at the boundary. While a save is on its way, the outcome the source
 * confirmed is shown; the store holds the pending one.
 */
export const outcomeView = (options: {
  check: Checker;
  inputs: { team?: unknown; consents?: unknown; responsibilities?: unknown; meeting?: unknown; outcome?: unknown };
  store?: CareStore;
  snapshot?: StoreSnapshot;
  meetingId?: string;
  savedHere?: MeetingOutcome;
}): View => {
  const { check, inputs } = options;
  const team = check<CareTeam>('team', CareTeam, inputs.team);
  if ('issues' in team) return { kind: 'invalid', issues: team.issues };
  const consents = check<ConsentDirective[]>('consents', ConsentList, inputs.consents);
  if ('issues' in consents) return { kind: 'invalid', issues: consents.issues };
  const responsibilities = check<Responsibility[]>('responsibilities', ResponsibilityList, inputs.responsibilities);
  if ('issues' in responsibilities) return { kind: 'invalid', issues: responsibilities.issues };
  const meeting = check<Meeting>('meeting', Meeting, inputs.meeting);
  if ('issues' in meeting) return { kind: 'invalid', issues: meeting.issues };
  const given = check<MeetingOutcome>('meeting outcome', MeetingOutcome, inputs.outcome);
  if ('issues' in given) return { kind: 'invalid', issues: given.issues };
  const store = options.store;
  if (!store) {
    // The host's meeting: the host saves the outcome. What the host leaves unset is read from a store around it, if any.
    const around = options.snapshot?.record;
    const shownTeam = team.value ?? around?.team;
    if (!meeting.value || !shownTeam) return { kind: 'loading' };
    return {
      kind: 'ready',
      meeting: meeting.value,
      team: shownTeam,
      consents: consents.value ?? around?.consents ?? [],
      responsibilities: responsibilities.value ?? around?.responsibilities ?? [],
      outcome: options.savedHere ?? given.value ?? (around?.meetingOutcomes ?? []).find((o) => o.meetingId === meeting.value!.id),
    };
  }
  const record = options.snapshot?.record;
  if (!record) return options.snapshot?.status === 'error' ? { kind: 'load-error' } : { kind: 'loading' };
  const found = meeting.value ?? record.meetings.find((m) => m.id === options.meetingId);
  if (!found) return { kind: 'none', id: options.meetingId };
  const current = (record.meetingOutcomes ?? []).find((o) => o.meetingId === found.id);
  const outcome = current && store.isPending('meeting-outcome', current.id) ? (store.stateOf('meeting-outcome', current.id).confirmed ?? current) : current;
  return {
    kind: 'ready',
    meeting: found,
    team: team.value ?? record.team,
    consents: consents.value ?? record.consents,
    responsibilities: responsibilities.value ?? record.responsibilities,
    outcome,
  };
};
