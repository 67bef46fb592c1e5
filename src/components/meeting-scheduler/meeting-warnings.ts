import type { Actor } from '../../contract/common.js';
import type { Meeting } from '../../contract/meeting.js';
import { takingPlaceBetween } from './recurrence.js';
import type { ReadyData } from './scheduler-data.js';
import { consentWarnings, timeWarnings, type MeetingWarning } from './warnings.js';
import { dateIn } from './zone.js';

/** How far ahead a booked series is checked for clashes and consent (the finder's busy times reach as far). */
const WARNINGS_AHEAD_MS = 400 * 24 * 60 * 60 * 1000;

/** The organisation the meeting is organised from: the organiser's, else the team's coordinator's. */
export const organiserOrganisation = (data: ReadyData, organiser: Actor | undefined): string | undefined => {
  if (organiser?.organisationId) return organiser.organisationId;
  const byId = organiser?.id ? data.team.members.find((m) => m.id === organiser.id) : undefined;
  if (byId?.organisationId) return byId.organisationId;
  return data.team.members.find((m) => m.coordinator && m.status === 'active')?.organisationId;
};

/** Warnings about a booked meeting's dates still to come; none for a cancelled or held one. */
export const meetingWarnings = (data: ReadyData, meeting: Meeting, o: { now: number; today: string; zone: string; actor: Actor | undefined }): MeetingWarning[] => {
  if (meeting.status === 'cancelled' || meeting.status === 'held') return [];
  const warnings = consentWarnings(
    meeting.participants.map((p) => p.memberId),
    data.team,
    data.consents,
    { today: o.today, organiserOrganisationId: organiserOrganisation(data, meeting.organiser ?? o.actor) },
  );
  const upcoming = takingPlaceBetween(meeting, o.now, o.now + WARNINGS_AHEAD_MS).filter((occurrence) => dateIn(occurrence.end, o.zone) >= o.today);
  warnings.push(...timeWarnings(meeting.participants, data.availability, upcoming.map((u) => ({ start: Date.parse(u.start), end: Date.parse(u.end) }))));
  return warnings;
};
