/** What might stop a meeting from working, found before it is booked: pure functions, no DOM. */
import { isInForce, type ConsentDirective } from '../../contract/consent.js';
import type { Participant } from '../../contract/meeting.js';
import type { CareTeam, Member } from '../../contract/team.js';
import { availabilityChecker, type AvailabilityLike, type Span } from './spans.js';

/** One warning about a planned or booked meeting. */
export type MeetingWarning =
  /** The person is invited, but no active consent lets the service user's information reach them. */
  | { kind: 'no-consent'; memberId: string; organisationId?: string }
  /** A required participant is busy at one or more of the meeting's times (ISO starts). */
  | { kind: 'busy'; memberId: string; starts: string[] }
  /** The meeting falls outside the person's working hours at one or more times. */
  | { kind: 'outside-hours'; memberId: string; starts: string[] };

export const WARNING_KINDS = ['no-consent', 'busy', 'outside-hours'] as const;

// People who need no consent to hear about the service user's care: the person and whoever acts for them.
const SPEAKS_FOR_THE_PERSON = new Set<Member['kind']>(['service-user', 'legal-representative']);


/** Whether an active consent of the service user covers sharing with this member. */
export const consentCovers = (
  member: Member,
  team: Pick<CareTeam, 'id' | 'serviceUserId'>,
  consents: readonly ConsentDirective[],
  today: string,
): boolean =>
  consents.some((directive) => {
    if (directive.subjectId !== team.serviceUserId || !isInForce(directive, today)) return false;
    const { kind, id } = directive.recipient;
    if (kind === 'organisation') return Boolean(member.organisationId) && id === member.organisationId;
    if (kind === 'person') return id === member.id;
    return !id || id === team.id;
  });

/**
 * Invitees from outside the organiser's organisation whom no active consent covers. The service
 * user and their legal representative never need one.
 */
export const consentWarnings = (
  participantIds: readonly string[],
  team: CareTeam,
  consents: readonly ConsentDirective[],
  options: { today: string; organiserOrganisationId?: string },
): MeetingWarning[] => {
  const members = new Map(team.members.map((m) => [m.id, m]));
  const warnings: MeetingWarning[] = [];
  for (const id of participantIds) {
    const member = members.get(id);
    if (!member || SPEAKS_FOR_THE_PERSON.has(member.kind)) continue;
    if (options.organiserOrganisationId && member.organisationId === options.organiserOrganisationId) continue;
    if (consentCovers(member, team, consents, options.today)) continue;
    warnings.push({ kind: 'no-consent', memberId: id, organisationId: member.organisationId });
  }
  return warnings;
};

/**
 * Required participants who are busy, and anyone outside their working hours, at the given
 * times (the occurrences that are not cancelled).
 */
export const timeWarnings = (
  participants: readonly Pick<Participant, 'memberId' | 'required'>[],
  availability: readonly AvailabilityLike[],
  spans: readonly Span[],
): MeetingWarning[] => {
  const requiredIds = participants.filter((p) => p.required !== false).map((p) => p.memberId);
  const everyone = participants.map((p) => p.memberId);
  const busy = new Map<string, string[]>();
  const outside = new Map<string, string[]>();
  const note = (map: Map<string, string[]>, id: string, span: Span) =>
    map.set(id, [...(map.get(id) ?? []), new Date(span.start).toISOString()]);
  const check = availabilityChecker(availability);
  for (const span of spans) {
    for (const id of check.busyDuring(requiredIds, span)) note(busy, id, span);
    for (const id of check.outsideWorkingHours(everyone, span)) note(outside, id, span);
  }
  return [
    ...[...busy].map(([memberId, starts]): MeetingWarning => ({ kind: 'busy', memberId, starts })),
    ...[...outside].map(([memberId, starts]): MeetingWarning => ({ kind: 'outside-hours', memberId, starts })),
  ];
};
