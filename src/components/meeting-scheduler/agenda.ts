/** Agenda items per occurrence and per person: pure functions, no DOM. */
import type { AgendaItem, Meeting } from '../../contract/meeting.js';
import type { AgendaTemplate } from '../../contract/values.js';

/** An agenda item placed on one occurrence of the meeting. */
export interface PlacedAgendaItem extends AgendaItem {
  /** Everyone the item is for (all participants when the item names nobody). */
  attendeeIds: string[];
}

/**
 * The agenda of one occurrence: items keep their offset from the meeting's start, so a series
 * has the same running order every time. Sorted by start.
 */
export const agendaOf = (
  meeting: Pick<Meeting, 'start' | 'agenda' | 'participants'>,
  occurrenceStart: string = meeting.start,
): PlacedAgendaItem[] => {
  const shift = Date.parse(occurrenceStart) - Date.parse(meeting.start);
  const everyone = meeting.participants.map((p) => p.memberId);
  return (meeting.agenda ?? [])
    .map((item) => ({
      ...item,
      start: new Date(Date.parse(item.start) + shift).toISOString(),
      end: new Date(Date.parse(item.end) + shift).toISOString(),
      attendeeIds: item.attendeeIds?.length ? [...item.attendeeIds] : everyone,
    }))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
};

/** The part of the agenda one person is needed for. */
export const agendaFor = (
  meeting: Pick<Meeting, 'start' | 'agenda' | 'participants'>,
  memberId: string,
  occurrenceStart?: string,
): PlacedAgendaItem[] => agendaOf(meeting, occurrenceStart).filter((item) => item.attendeeIds.includes(memberId));

/** From the start of a person's first item to the end of their last: when they need to be there. */
export const attendanceWindow = (items: readonly PlacedAgendaItem[]): { start: string; end: string } | undefined =>
  items.length
    ? {
        start: items.reduce((min, i) => (Date.parse(i.start) < Date.parse(min) ? i.start : min), items[0].start),
        end: items.reduce((max, i) => (Date.parse(i.end) > Date.parse(max) ? i.end : max), items[0].end),
      }
    : undefined;

/** A suggested length in minutes for each agenda template. */
export const TEMPLATE_MINUTES: Record<AgendaTemplate, number> = {
  'exchange-information': 20,
  'allocate-responsibilities': 25,
  'revise-routines': 20,
  'check-understanding': 15,
};

/** The templates in the order a coordination meeting usually runs. */
export const TEMPLATE_ORDER: readonly AgendaTemplate[] = [
  'exchange-information',
  'allocate-responsibilities',
  'revise-routines',
  'check-understanding',
];
