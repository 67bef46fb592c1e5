import type { Meeting, OccurrenceException } from '../../contract/meeting.js';
import type { CareTeam } from '../../contract/team.js';
import type { SchedulerFormat } from './view.js';
import type { ResponseStatus } from '../../contract/values.js';
import type { FieldConflict } from '../../data/types.js';

/** The words a conflict sentence needs, from the scheduler's catalogue. */
export interface ConflictWords {
  responses: Record<ResponseStatus, string>;
  required: string;
  optional: string;
  conflictAnswer: (name: string, theirs: string, mine: string) => string;
  conflictAttendance: (name: string, theirs: string, mine: string) => string;
  conflictDate: (date: string, theirs: string, mine: string) => string;
  conflictDateKept: string;
  conflictDateCancelled: string;
  conflictDateMoved: (when: string) => string;
  conflictOther: string;
}

/**
 * Both versions of what two people changed at once, in plain sentences: "Lars Haugen answered:
 * Coming. You set: Not coming." Values the scheduler cannot name become one general sentence.
 */
export const describeMeetingConflicts = (
  conflicts: readonly FieldConflict[],
  words: ConflictWords,
  nameOf: (memberId: string) => string,
  when: (iso: string) => string,
): string[] => {
  const sentences: string[] = [];
  let other = false;
  const dateWord = (exception: unknown) => {
    const e = exception as OccurrenceException | undefined;
    if (!e) return words.conflictDateKept;
    if (e.cancelled) return words.conflictDateCancelled;
    return e.start ? words.conflictDateMoved(when(e.start)) : words.conflictDateKept;
  };
  for (const { path, mine, theirs } of conflicts) {
    const [list, key, field] = path;
    if (list === 'participants' && field === 'response') {
      sentences.push(words.conflictAnswer(nameOf(key), words.responses[theirs as ResponseStatus] ?? String(theirs), words.responses[mine as ResponseStatus] ?? String(mine)));
    } else if (list === 'participants' && field === 'required') {
      const word = (required: unknown) => (required === false ? words.optional : words.required);
      sentences.push(words.conflictAttendance(nameOf(key), word(theirs), word(mine)));
    } else if (list === 'recurrence' && key === 'exceptions' && path.length === 3) {
      sentences.push(words.conflictDate(when(path[2]), dateWord(theirs), dateWord(mine)));
    } else {
      other = true;
    }
  }
  if (other) sentences.push(words.conflictOther);
  return sentences;
};

/** The conflicts of a failed save of `meeting`, in sentences with names and the meeting's own clock. */
export const conflictSentences = (fmt: SchedulerFormat, team: CareTeam | undefined, conflicts: readonly FieldConflict[], meeting: Meeting): string[] => {
  const zone = fmt.displayZone(meeting);
  const duration = Date.parse(meeting.end) - Date.parse(meeting.start);
  return describeMeetingConflicts(
    conflicts,
    fmt.t,
    (id) => (team ? fmt.nameOf(team, id, meeting) : id),
    (iso) => fmt.when(iso, new Date(Date.parse(iso) + duration).toISOString(), zone),
  );
};
