import type { Meeting } from '../../contract/meeting.js';
import type { MeetingAction } from './events.js';
import { withOccurrenceChange, type Occurrence } from './recurrence.js';
import { instantAt } from './zone.js';

/** One date of a series (or a single meeting) moved to `date` at `time`: the meeting after, and the action to ask for. */
export const movedMeeting = (meeting: Meeting, occurrence: Occurrence, date: string, time: string, zone: string): { after: Meeting; action: MeetingAction } => {
  const start = instantAt(date, time, zone);
  const duration = Date.parse(occurrence.end) - Date.parse(occurrence.start);
  const startIso = new Date(start).toISOString();
  const endIso = new Date(start + duration).toISOString();
  if (meeting.recurrence) return { after: withOccurrenceChange(meeting, occurrence.originalStart, { start: startIso, end: endIso }), action: 'move-occurrence' };
  const shift = start - Date.parse(meeting.start);
  const moveBy = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
  return {
    after: { ...meeting, start: startIso, end: endIso, agenda: meeting.agenda.map((i) => ({ ...i, start: moveBy(i.start), end: moveBy(i.end) })) },
    action: 'update',
  };
};
