import * as v from 'valibot';
import { ConsentDirective, type ConsentDirectiveInput } from '../../contract/consent.js';
import { Availability, Meeting, type MeetingInput } from '../../contract/meeting.js';
import { CareTeam, type CareTeamInput } from '../../contract/team.js';
import type { ContractIssue, Schema } from '../../contract/validate.js';
import type { StoreSnapshot } from '../../data/types.js';

const AvailabilityList = v.array(Availability);
const ConsentList = v.array(ConsentDirective);
export type AvailabilityInput = v.InferInput<typeof Availability>;

/** Everything the scheduler shows, checked. */
export interface ReadyData {
  kind: 'ready';
  team: CareTeam;
  meeting?: Meeting;
  availability: Availability[];
  consents: ConsentDirective[];
}

export type DataState =
  | ReadyData
  | { kind: 'invalid'; issues: ContractIssue[] }
  | { kind: 'loading' }
  | { kind: 'load-error' }
  | { kind: 'no-team' }
  | { kind: 'no-meeting' };

/** What the host gave (controlled) and what the store holds (connected). */
export interface DataInputs {
  loading: boolean;
  snapshot?: StoreSnapshot;
  team?: CareTeamInput;
  availability?: AvailabilityInput[];
  consents?: ConsentDirectiveInput[];
  meeting?: MeetingInput;
  /** The meeting to show from the store: `meeting-id`, or the one just booked. */
  meetingId: string;
  /** The element's contract check (reports broken data once). */
  check: <T>(entity: string, schema: Schema<unknown>, input: unknown) => { value: T } | { issues: ContractIssue[] };
  /** The same for an input that may be large: undefined while its check waits for a task of its own. */
  checkApart: <T>(entity: string, schema: Schema<unknown>, input: unknown, large: boolean) => { value: T } | { issues: ContractIssue[] } | undefined;
  /** The store's other booked meetings added to the busy times. */
  withTeamMeetings: (availability: Availability[], meetings: readonly Meeting[], exceptId: string) => Availability[];
}

/**
 * Busy times past which the availability is checked in a task of its own before the first render
 * with it (50 people over 12 weeks are about 17,000 and take 50–80 ms to check on a slow machine).
 */
const LARGE_AVAILABILITY = 2_000;

/** About how many busy times the given availability lists, to tell a large one (it is checked after). */
const busyCount = (availability: unknown): number =>
  Array.isArray(availability) ? availability.reduce<number>((sum, entry: { busy?: unknown[] } | null) => sum + (entry?.busy?.length || 0), 0) : 0;

const given = (value: unknown) => value !== undefined && value !== null;

/** Issues in a list, named from the property: `availability[0].memberId`. */
const under = (name: string, issues: ContractIssue[]) => issues.map((i) => ({ ...i, path: `${name}${i.path === '' || i.path.startsWith('[') ? '' : '.'}${i.path}` }));

/**
 * Where each part comes from, by the rule every element follows (`connectedFor`): what the host
 * gives wins, field by field; what it leaves unset is read from the store.
 */
export const resolveData = (input: DataInputs): DataState => {
  if (input.loading) return { kind: 'loading' };
  const snapshot = input.snapshot;
  const record = snapshot?.record;

  let team: CareTeam | undefined;
  if (given(input.team)) {
    const result = input.check<CareTeam>('team', CareTeam, input.team);
    if ('issues' in result) return { kind: 'invalid', issues: result.issues };
    team = result.value;
  } else if (snapshot) {
    if (snapshot.status === 'error' && !record) return { kind: 'load-error' };
    if (!record) return snapshot.status === 'ready' ? { kind: 'no-team' } : { kind: 'loading' };
    team = record.team;
  }
  if (!team || !team.members.some((m) => m.status === 'active' && m.id !== team.serviceUserId)) return { kind: 'no-team' };

  let availability: Availability[] = record?.availability ?? [];
  if (given(input.availability)) {
    const result = input.checkApart<Availability[]>('availability', AvailabilityList, input.availability, busyCount(input.availability) > LARGE_AVAILABILITY);
    if (!result) return { kind: 'loading' };
    if ('issues' in result) return { kind: 'invalid', issues: under('availability', result.issues) };
    availability = result.value;
  }
  const meetingId = (given(input.meeting) ? (input.meeting as { id?: string }).id : undefined) || input.meetingId;
  if (record) availability = input.withTeamMeetings(availability, record.meetings, meetingId);
  let consents: ConsentDirective[] = record?.consents ?? [];
  if (given(input.consents)) {
    const result = input.check<ConsentDirective[]>('consents', ConsentList, input.consents);
    if ('issues' in result) return { kind: 'invalid', issues: under('consents', result.issues) };
    consents = result.value;
  }

  let meeting: Meeting | undefined;
  if (given(input.meeting)) {
    const result = input.check<Meeting>('meeting', Meeting, input.meeting);
    if ('issues' in result) return { kind: 'invalid', issues: result.issues };
    meeting = result.value;
  } else if (record && input.meetingId) {
    meeting = record.meetings.find((m) => m.id === input.meetingId);
    if (!meeting) return { kind: 'no-meeting' };
  }
  return { kind: 'ready', team, meeting, availability, consents };
};
