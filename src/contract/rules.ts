import type { CareTeam, Member } from './team.js';
import type { Responsibility } from './responsibility.js';

/** A problem with a responsibility that the matrix shows live, before anything is saved. */
export type ResponsibilityFlag =
  | { kind: 'no-accountable' }
  | { kind: 'several-accountable'; memberIds: string[] }
  | { kind: 'accountable-left'; memberId: string }
  | { kind: 'assigned-member-left'; memberIds: string[] }
  | { kind: 'unknown-member'; memberIds: string[] }
  | { kind: 'disputed'; memberId: string; reason: string }
  | { kind: 'handover-pending'; toMemberId: string }
  | { kind: 'review-overdue'; reviewDate: string };

/**
 * The rules of a responsibility, checked live: exactly one accountable member who is still on the
 * team; no part held by a member who has left; disputes and pending handovers shown.
 * `today` is `YYYY-MM-DD` in the viewer's calendar.
 */
export const responsibilityFlags = (
  responsibility: Responsibility,
  members: readonly Member[],
  today?: string,
): ResponsibilityFlag[] => {
  if (responsibility.status === 'ended') return [];
  const byId = new Map(members.map((m) => [m.id, m]));
  const flags: ResponsibilityFlag[] = [];
  const accountable = responsibility.assignments.filter((a) => a.part === 'accountable').map((a) => a.memberId);
  if (accountable.length === 0) flags.push({ kind: 'no-accountable' });
  if (accountable.length > 1) flags.push({ kind: 'several-accountable', memberIds: accountable });
  for (const id of accountable) {
    if (byId.get(id)?.status === 'ended') flags.push({ kind: 'accountable-left', memberId: id });
  }
  const leftOthers = responsibility.assignments
    .filter((a) => a.part !== 'accountable' && byId.get(a.memberId)?.status === 'ended')
    .map((a) => a.memberId);
  if (leftOthers.length) flags.push({ kind: 'assigned-member-left', memberIds: leftOthers });
  const unknown = responsibility.assignments.filter((a) => !byId.has(a.memberId)).map((a) => a.memberId);
  if (unknown.length) flags.push({ kind: 'unknown-member', memberIds: unknown });
  if (responsibility.status === 'disputed' && responsibility.dispute) {
    flags.push({ kind: 'disputed', memberId: responsibility.dispute.memberId, reason: responsibility.dispute.reason });
  }
  if (responsibility.handover?.status === 'proposed') {
    flags.push({ kind: 'handover-pending', toMemberId: responsibility.handover.toMemberId });
  }
  if (today && responsibility.reviewDate && responsibility.reviewDate < today) {
    flags.push({ kind: 'review-overdue', reviewDate: responsibility.reviewDate });
  }
  return flags;
};

/** A care-quality gap of the team as a whole: shown as a plain note beside the team, never a reason to hide it. */
export type TeamFlag = { kind: 'no-coordinator' } | { kind: 'inactive' };

/** What the contract flags on a team (it refuses only broken structure): no active coordinator, a team that is no longer working. */
export const teamFlags = (team: Pick<CareTeam, 'members'> & { status?: CareTeam['status'] }): TeamFlag[] => {
  const flags: TeamFlag[] = [];
  if (team.status === 'inactive') flags.push({ kind: 'inactive' });
  if (!team.members.some((m) => m.coordinator && m.status === 'active')) flags.push({ kind: 'no-coordinator' });
  return flags;
};

/** The active coordinator of a team, if the team has exactly one. */
export const coordinatorOf = (team: CareTeam): Member | undefined => {
  const coordinators = team.members.filter((m) => m.coordinator && m.status === 'active');
  return coordinators.length === 1 ? coordinators[0] : undefined;
};

/** The sector a member acts in: their own, or their organisation's. */
export const sectorOf = (member: Member, team: Pick<CareTeam, 'organisations'>) =>
  member.sector ?? team.organisations.find((o) => o.id === member.organisationId)?.sector;

/** What the consent rules below read of a directive; a `ConsentDirective` has all of it. */
export interface ConsentTerms {
  subjectId: string;
  recipient: { kind: string; id?: string };
  categories: readonly string[];
  model: string;
  state: string;
  validFrom?: string;
  validUntil?: string;
}

/** Whether a directive's model and state let information flow: a yes under opt-in; anything but a no or a withdrawal under objection. */
export const sharingAllowed = (directive: Pick<ConsentTerms, 'model' | 'state'>): boolean =>
  directive.model === 'opt-in' ? directive.state === 'granted' : directive.state !== 'refused' && directive.state !== 'withdrawn';

/**
 * Whether a directive lets information flow on `today` (`YYYY-MM-DD`): its model and state allow
 * it, and today is within its validity (`validFrom` to `validUntil`, both included). An agreement
 * that has ended, or has not begun, shares nothing.
 */
export const consentInForce = (directive: Pick<ConsentTerms, 'model' | 'state' | 'validFrom' | 'validUntil'>, today: string): boolean =>
  sharingAllowed(directive) && (!directive.validFrom || directive.validFrom <= today) && (!directive.validUntil || today <= directive.validUntil);

/** The local calendar day (`YYYY-MM-DD`) of a moment: an element's `now`, or now when it has none. */
export const localDay = (moment?: Date | string | number): string => {
  const date = moment === undefined ? new Date() : new Date(moment);
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

/**
 * Whether a consent of the person lets information of `category` reach `reader` on `today`: it is
 * in force, covers the category, and names the reader's organisation, the reader, or the team. A
 * consent to the team reaches the team's active members, not whoever reads the page; someone who
 * has left the team is no longer reached by it.
 */
export const consentReaches = (
  directive: ConsentTerms,
  team: { id: string; serviceUserId: string; members: ReadonlyArray<{ id: string; status: string }> },
  reader: { id?: string; organisationId?: string },
  category: string,
  today: string,
): boolean => {
  if (directive.subjectId !== team.serviceUserId || !directive.categories.includes(category) || !consentInForce(directive, today)) return false;
  const { kind, id } = directive.recipient;
  if (kind === 'team') return (!id || id === team.id) && Boolean(reader.id) && team.members.some((m) => m.id === reader.id && m.status === 'active');
  if (kind === 'organisation') return Boolean(reader.organisationId) && id === reader.organisationId;
  return Boolean(reader.id) && id === reader.id;
};
