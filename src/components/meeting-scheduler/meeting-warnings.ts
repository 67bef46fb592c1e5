import type { Actor } from '../../contract/common.js';
import type { Meeting } from '../../contract/meeting.js';
import { draftEnd, draftParticipants, draftProblems, draftSpan, type Draft } from './draft.js';
import { expandOccurrences, takingPlaceBetween } from './recurrence.js';
import type { ReadyData } from './scheduler-data.js';
import { consentWarnings, timeWarnings, type MeetingWarning } from './warnings.js';
import { dateIn } from './zone.js';

/** How far ahead a booked series is checked for clashes and consent (the finder's busy times reach as far). */
const WARNINGS_AHEAD_MS = 400 * 24 * 60 * 60 * 1000;

/** The organisation the meeting is organised from: the organiser's, else the team's coordinator's. */
const organiserOrganisation = (data: ReadyData, organiser: Actor | undefined): string | undefined => {
  if (organiser?.organisationId) return organiser.organisationId;
  const byId = organiser?.id ? data.team.members.find((m) => m.id === organiser.id) : undefined;
  if (byId?.organisationId) return byId.organisationId;
  return data.team.members.find((m) => m.coordinator && m.status === 'active')?.organisationId;
};

/** Warnings about the meeting being planned: consent, and every date of the series checked for busy people and working hours. */
export const draftWarnings = (data: ReadyData, draft: Draft, today: string, actor: Actor | undefined): MeetingWarning[] => {
  const participants = draftParticipants(draft, data.team);
  const warnings = consentWarnings(
    participants.map((p) => p.memberId),
    data.team,
    data.consents,
    { today, organiserOrganisationId: organiserOrganisation(data, actor) },
  );
  const span = draftSpan(draft);
  if (span) {
    let spans = [span];
    const problems = draftProblems(draft);
    if (draft.repeat !== 'none' && !problems.interval && !problems.count && !problems.until) {
      const series = {
        start: new Date(span.start).toISOString(),
        end: new Date(span.end).toISOString(),
        timeZone: draft.timeZone,
        recurrence: { frequency: draft.repeat, interval: Number(draft.interval), ...draftEnd(draft), exceptions: [] },
      };
      spans = expandOccurrences(series, { max: 60 }).map((o) => ({ start: Date.parse(o.start), end: Date.parse(o.end) }));
    }
    warnings.push(...timeWarnings(participants, data.availability, spans));
  }
  return warnings;
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
