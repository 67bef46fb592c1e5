import type { Actor } from '../../contract/common.js';
import type { Responsibility } from '../../contract/responsibility.js';
import type { ResponsibilityFlag } from '../../contract/rules.js';
import type { CareTeam, Member } from '../../contract/team.js';
import type { RaciPart, ResponsibilityArea } from '../../contract/values.js';

/** How the matrix lays itself out: by responsibility (grid), by person, or chosen by width. */
export const MATRIX_VIEWS = ['auto', 'grid', 'person'] as const;
export type MatrixView = (typeof MATRIX_VIEWS)[number];

/** Which responsibilities the matrix shows. */
export const MATRIX_FILTERS = ['all', 'unassigned', 'disputed', 'mine'] as const;
export type MatrixFilter = (typeof MATRIX_FILTERS)[number];

/** Each responsibility's parts by member id, precomputed once per data change. */
export type PartMap = Map<string, Map<string, RaciPart>>;

/** A member's part in each responsibility. */
export const partsOf = (responsibility: Responsibility): Map<string, RaciPart> =>
  new Map(responsibility.assignments.map((a) => [a.memberId, a.part]));

/** True for the service user's own goals and tasks, shown in their own group. */
export const isOwnGoal = (responsibility: Responsibility): boolean =>
  responsibility.ownedByServiceUser === true || responsibility.area === 'personal-goal';

/** True when no member still on the team owns the responsibility. */
export const isUnowned = (flags: readonly ResponsibilityFlag[]): boolean =>
  flags.some((flag) => flag.kind === 'no-accountable' || flag.kind === 'accountable-left');

/** True when someone disagrees with the responsibility or with a handover of it. */
export const isDisputed = (responsibility: Responsibility): boolean =>
  responsibility.status === 'disputed' || responsibility.handover?.status === 'disputed';

/** True when the member has a part in the responsibility or is asked to take it over. */
export const concerns = (responsibility: Responsibility, memberId: string | undefined): boolean =>
  !!memberId &&
  (responsibility.assignments.some((a) => a.memberId === memberId) ||
    (responsibility.handover?.status === 'proposed' && responsibility.handover.toMemberId === memberId));

/** Whether a responsibility passes the chosen filter. Its flags are asked for only by the filter that reads them. */
export const matchesFilter = (
  responsibility: Responsibility,
  flags: () => readonly ResponsibilityFlag[],
  filter: MatrixFilter,
  me: string | undefined,
): boolean => {
  switch (filter) {
    case 'unassigned':
      return isUnowned(flags());
    case 'disputed':
      return isDisputed(responsibility);
    case 'mine':
      return concerns(responsibility, me);
    default:
      return true;
  }
};

/**
 * The members shown as columns: the service user first, then everyone active in team order.
 * Members who have left (or are only proposed) appear only while they still hold a part.
 */
export const matrixColumns = (team: CareTeam, responsibilities: readonly Responsibility[]): Member[] => {
  const holding = new Set<string>();
  for (const r of responsibilities) for (const a of r.assignments) holding.add(a.memberId);
  const shown = team.members.filter((m) => m.status === 'active' || holding.has(m.id));
  const serviceUser = shown.find((m) => m.id === team.serviceUserId);
  return serviceUser ? [serviceUser, ...shown.filter((m) => m !== serviceUser)] : shown;
};

/** The responsibility with one member's part set, changed or removed (`undefined`). */
export const withPart = (
  responsibility: Responsibility,
  memberId: string,
  part: RaciPart | undefined,
): Responsibility => withParts(responsibility, new Map([[memberId, part]]));

/** The responsibility with several members' parts set at once; order of the others is kept. */
export const withParts = (
  responsibility: Responsibility,
  parts: ReadonlyMap<string, RaciPart | undefined>,
): Responsibility => {
  const kept = responsibility.assignments
    .filter((a) => !parts.has(a.memberId) || parts.get(a.memberId) !== undefined)
    .map((a) => (parts.has(a.memberId) ? { ...a, part: parts.get(a.memberId)! } : a));
  const present = new Set(responsibility.assignments.map((a) => a.memberId));
  const added = [...parts]
    .filter(([memberId, part]) => part !== undefined && !present.has(memberId))
    .map(([memberId, part]) => ({ memberId, part: part! }));
  return { ...responsibility, assignments: [...kept, ...added] };
};

/** The responsibility with a new title. */
export const renamed = (responsibility: Responsibility, title: string): Responsibility => ({ ...responsibility, title });

/** The responsibility marked as ended (kept for the record, hidden unless asked for). */
export const ended = (responsibility: Responsibility): Responsibility => ({ ...responsibility, status: 'ended' });

/** The responsibility with a review date set, or removed when `date` is empty. */
export const withReviewDate = (responsibility: Responsibility, date: string | undefined): Responsibility => {
  const next = { ...responsibility };
  if (date) next.reviewDate = date;
  else delete next.reviewDate;
  return next;
};

/** The member who owns a responsibility now, when exactly one does. */
export const ownerOf = (responsibility: Responsibility): string | undefined => {
  const owners = responsibility.assignments.filter((a) => a.part === 'accountable');
  return owners.length === 1 ? owners[0].memberId : undefined;
};

/** A proposal to move the accountable part to another member. */
export const withHandoverProposal = (
  responsibility: Responsibility,
  toMemberId: string,
  proposedBy: Actor,
  at: string,
  comment?: string,
): Responsibility => {
  const fromMemberId = ownerOf(responsibility);
  return {
    ...responsibility,
    handover: {
      ...(fromMemberId ? { fromMemberId } : {}),
      toMemberId,
      status: 'proposed',
      proposedAt: at,
      proposedBy,
      ...(comment ? { comment } : {}),
    },
  };
};

/** The receiving member accepts: the accountable part moves to them and the responsibility is agreed. */
export const withHandoverAccepted = (responsibility: Responsibility, at: string): Responsibility => {
  const handover = responsibility.handover;
  if (!handover) return responsibility;
  const parts = new Map<string, RaciPart | undefined>();
  for (const a of responsibility.assignments) if (a.part === 'accountable') parts.set(a.memberId, undefined);
  parts.set(handover.toMemberId, 'accountable');
  const next: Responsibility = {
    ...withParts(responsibility, parts),
    status: 'agreed',
    handover: { ...handover, status: 'agreed', answeredAt: at },
  };
  delete next.dispute;
  return next;
};

/** The receiving member disagrees: the handover and the responsibility are disputed, with why. */
export const withHandoverDisputed = (
  responsibility: Responsibility,
  memberId: string,
  reason: string,
  at: string,
): Responsibility => ({
  ...responsibility,
  status: 'disputed',
  dispute: { memberId, reason, at },
  ...(responsibility.handover ? { handover: { ...responsibility.handover, status: 'disputed' as const, answeredAt: at } } : {}),
});

const newId = (): string =>
  `r-${typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`}`;

/**
 * A new responsibility, proposed and owned by nobody yet (so it is flagged until someone owns it).
 * A personal goal belongs to the service user, who owns it from the start.
 */
export const newResponsibility = (options: {
  title: string;
  area: ResponsibilityArea;
  teamId: string;
  serviceUserId: string;
}): Responsibility => {
  const ownGoal = options.area === 'personal-goal';
  return {
    id: newId(),
    teamId: options.teamId,
    title: options.title,
    area: options.area,
    status: 'proposed',
    assignments: ownGoal ? [{ memberId: options.serviceUserId, part: 'accountable' }] : [],
    notes: [],
    ...(ownGoal ? { ownedByServiceUser: true } : {}),
  };
};
