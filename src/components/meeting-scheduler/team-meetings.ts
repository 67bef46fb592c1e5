/**
 * The team's booked meetings count as busy time: pure functions, no DOM. A member invited to a
 * booked meeting (and who has not declined) is busy during each of its occurrences that is not
 * cancelled, so the time finder never suggests a time that clashes with another team meeting.
 */
import type { Availability, Meeting } from '../../contract/meeting.js';
import { takingPlaceBetween } from './recurrence.js';

/** How far ahead a series counts as busy: the finder searches weeks ahead, series warnings a year. */
const AHEAD_MS = 400 * 24 * 60 * 60 * 1000;

/**
 * `availability` with the busy intervals of every booked meeting in `meetings` added for its
 * participants, except the meeting `exceptId` (the one being viewed or changed). Members without
 * an availability entry get one holding just their meetings. Occurrences that end before `from`
 * (default: now) or start more than 400 days after it are left out.
 */
export const withBookedMeetings = (
  availability: readonly Availability[],
  meetings: readonly Meeting[],
  exceptId?: string,
  from: number = Date.now(),
): Availability[] => {
  const until = from + AHEAD_MS;
  const extra = new Map<string, { start: string; end: string }[]>();
  for (const meeting of meetings) {
    if (meeting.status !== 'booked' || meeting.id === exceptId) continue;
    const occurrences = takingPlaceBetween(meeting, from, until);
    if (occurrences.length === 0) continue;
    for (const participant of meeting.participants) {
      if (participant.response === 'declined') continue;
      let busy = extra.get(participant.memberId);
      if (!busy) extra.set(participant.memberId, (busy = []));
      for (const occurrence of occurrences) busy.push({ start: occurrence.start, end: occurrence.end });
    }
  }
  if (extra.size === 0) return [...availability];
  const result = availability.map((entry) => {
    const busy = extra.get(entry.memberId);
    extra.delete(entry.memberId);
    return busy ? { ...entry, busy: [...entry.busy, ...busy] } : entry;
  });
  for (const [memberId, busy] of extra) result.push({ memberId, busy });
  return result;
};

