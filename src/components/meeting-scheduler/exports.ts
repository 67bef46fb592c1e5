/** The public API of the meeting scheduler: elements, events, and the pure helpers hosts may reuse. */
export { CareMeetingScheduler, OFFERED_TIME_ZONES } from './meeting-scheduler.js';
export { CareDatePicker } from './date-picker.js';
export {
  CareMeetingRequestEvent,
  CareMeetingChangeEvent,
  CareDatePickEvent,
  MEETING_ACTIONS,
  type MeetingAction,
  type CareMeetingDetail,
} from './events.js';
export { findFreeSlots, mergeSpans, type FreeSlot, type FreeTimeQuery, type AvailabilityLike } from './free-time.js';
export { withBookedMeetings } from './team-meetings.js';
export { expandOccurrences, withOccurrenceChange, OCCURRENCE_STATUSES, type Occurrence, type OccurrenceStatus } from './recurrence.js';
export { agendaFor, agendaOf, type PlacedAgendaItem } from './agenda.js';
export { meetingToIcs, icsFileName, agendaText, type IcsOptions } from './ics.js';
export { consentWarnings, timeWarnings, WARNING_KINDS, type MeetingWarning } from './warnings.js';
