import type { Actor } from '../../contract/common.js';
import { draftEnd, draftParticipants, draftProblems, draftSpan, type Draft } from './draft.js';
import { organiserOrganisation } from './meeting-warnings.js';
import { expandOccurrences } from './recurrence.js';
import type { ReadyData } from './scheduler-data.js';
import { consentWarnings, timeWarnings, type MeetingWarning } from './warnings.js';

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
