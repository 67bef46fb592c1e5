import * as v from 'valibot';
import { object, rule, int, type Named } from './kit.js';
import { Actor, HttpsUrl, Id, Instant, IsoDate, Meta, RequiredText, Text, TimeOfDay, TimeZone } from './common.js';
import {
  AGENDA_TEMPLATES,
  MEETING_KINDS,
  MEETING_MODES,
  MEETING_STATUSES,
  RECURRENCE_FREQUENCIES,
  RESPONSE_STATUSES,
  WEEKDAYS,
} from './values.js';

const endsAfterStart = (v: { start: string; end: string }) => Date.parse(v.end) > Date.parse(v.start);

/** A span of time between two instants. */
export const Interval = v.pipe(
  object({ start: Instant, end: Instant }),
  rule((value) => endsAfterStart(value), 'ends before it starts', 'end'),
);

/** Someone invited to a meeting. */
export const Participant = object({
  memberId: Id,
  required: v.optional(v.boolean(), true),
  response: v.optional(v.picklist(RESPONSE_STATUSES), 'needs-action'),
  supportFor: v.optional(Id),
});

/** An agenda item with its own time slot and attendees. */
export const AgendaItem = v.pipe(
  object({
    id: Id,
    title: RequiredText(500),
    template: v.optional(v.picklist(AGENDA_TEMPLATES)),
    start: Instant,
    end: Instant,
    attendeeIds: v.optional(v.array(Id), []),
  }),
  rule((value) => endsAfterStart(value), 'the item ends before it starts', 'end'),
);

/** A change to one occurrence of a series: moved or cancelled. */
export const OccurrenceException = object({
  originalStart: Instant,
  cancelled: v.optional(v.boolean()),
  start: v.optional(Instant),
  end: v.optional(Instant),
});

/** How a series repeats: every `interval` weeks or months, until a date or for a count. */
export const Recurrence = v.pipe(
  object({
    frequency: v.picklist(RECURRENCE_FREQUENCIES),
    interval: v.optional(v.pipe(int(), v.minValue(1), v.maxValue(52)), 1),
    until: v.optional(IsoDate),
    count: v.optional(v.pipe(int(), v.minValue(1), v.maxValue(500))),
    exceptions: v.optional(v.array(OccurrenceException), []),
  }),
  rule((r) => !(r.until && r.count), 'give either until or count, not both', 'count'),
);

/** Where an in-person meeting takes place. */
export const Location = object({
  name: RequiredText(300),
  address: v.optional(Text(500)),
  timeZone: v.optional(TimeZone),
});

const meetingSchema = v.pipe(
  object({
    id: Id,
    teamId: v.optional(Id),
    title: RequiredText(300),
    kind: v.picklist(MEETING_KINDS),
    mode: v.picklist(MEETING_MODES),
    location: v.optional(Location),
    videoLink: v.optional(HttpsUrl),
    start: Instant,
    end: Instant,
    timeZone: TimeZone,
    recurrence: v.optional(Recurrence),
    participants: v.array(Participant),
    agenda: v.optional(v.array(AgendaItem), []),
    status: v.picklist(MEETING_STATUSES),
    organiser: v.optional(Actor),
    minutes: v.optional(Text(20000)),
    decisions: v.optional(v.array(Text(2000))),
    meta: v.optional(Meta),
  }),
  rule((value) => endsAfterStart(value), 'the meeting ends before it starts', 'end'),
  rule((m) => m.mode === 'digital' || Boolean(m.location), 'an in-person or hybrid meeting needs a location', 'location'),
  rule((m) => m.mode === 'in-person' || Boolean(m.videoLink), 'a digital or hybrid meeting needs a video link (https://)', 'videoLink'),
);

/** The schema type of `Meeting`. */
export interface MeetingSchema extends Named<typeof meetingSchema> {}

/**
 * A meeting of the team: kind, title, mode (in person, digital or hybrid) with location and/or
 * video link, start and end as instants with the IANA time zone they were planned in, an optional
 * recurrence, participants (required or optional, with their response) and an agenda whose items
 * have their own time slots and attendees, so each person can join only the part they are needed
 * for.
 */
export const Meeting: MeetingSchema = meetingSchema;

/** Regular working hours of one participant. */
export const WorkingHours = object({
  days: v.pipe(v.array(v.picklist(WEEKDAYS)), v.minLength(1)),
  opens: TimeOfDay,
  closes: TimeOfDay,
  timeZone: TimeZone,
});

const availabilitySchema = object({
  memberId: Id,
  busy: v.optional(v.array(Interval), []),
  workingHours: v.optional(v.array(WorkingHours)),
});

/** The schema type of `Availability`. */
export interface AvailabilitySchema extends Named<typeof availabilitySchema> {}

/** When a member is busy, and their working hours. */
export const Availability: AvailabilitySchema = availabilitySchema;

// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.

import type { AgendaTemplate, MeetingKind, MeetingMode, MeetingStatus, RecurrenceFrequency, ResponseStatus, Weekday } from './values.js';

/**
 * A span of time between two instants.
 */
export type Interval = {
  /** When it starts. An instant, ISO 8601 with `Z` or an offset. */
  start: string;
  /** When it ends; after `start`. An instant, ISO 8601 with `Z` or an offset. */
  end: string;
};

/**
 * Someone invited to a meeting.
 */
export type Participant = {
  /** The member invited. An id (1–200 characters). */
  memberId: string;
  /** `false` for people who are welcome but not needed. Default `true`. */
  required: boolean;
  /** The participant’s answer. Default `"needs-action"`. */
  response: ResponseStatus;
  /** The member this person comes to support. An id (1–200 characters). */
  supportFor?: string;
};

/**
 * Someone invited to a meeting.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type ParticipantInput = {
  /** The member invited. An id (1–200 characters). */
  memberId: string;
  /** `false` for people who are welcome but not needed. Default `true`. */
  required?: boolean;
  /** The participant’s answer. Default `"needs-action"`. */
  response?: ResponseStatus;
  /** The member this person comes to support. An id (1–200 characters). */
  supportFor?: string;
};

/**
 * An agenda item with its own time slot and attendees.
 */
export type AgendaItem = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** What the item is about, in plain language. 1–500 characters. */
  title: string;
  /** The kind of item, from the coordination-meeting templates. */
  template?: AgendaTemplate;
  /** When the item starts. An instant, ISO 8601 with `Z` or an offset. */
  start: string;
  /** When the item ends; after `start`. An instant, ISO 8601 with `Z` or an offset. */
  end: string;
  /** Members needed for this item. Each: an id (1–200 characters). Default `[]`. */
  attendeeIds: string[];
};

/**
 * An agenda item with its own time slot and attendees.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type AgendaItemInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** What the item is about, in plain language. 1–500 characters. */
  title: string;
  /** The kind of item, from the coordination-meeting templates. */
  template?: AgendaTemplate;
  /** When the item starts. An instant, ISO 8601 with `Z` or an offset. */
  start: string;
  /** When the item ends; after `start`. An instant, ISO 8601 with `Z` or an offset. */
  end: string;
  /** Members needed for this item. Each: an id (1–200 characters). Default `[]`. */
  attendeeIds?: string[];
};

/**
 * A change to one occurrence of a series: moved or cancelled.
 */
export type OccurrenceException = {
  /** The start the occurrence would have had. An instant, ISO 8601 with `Z` or an offset. */
  originalStart: string;
  /** `true` when the occurrence does not take place. */
  cancelled?: boolean;
  /** The moved start. An instant, ISO 8601 with `Z` or an offset. */
  start?: string;
  /** The moved end. An instant, ISO 8601 with `Z` or an offset. */
  end?: string;
};

/**
 * How a series repeats: every `interval` weeks or months, until a date or for a count.
 */
export type Recurrence = {
  /** Whether the series repeats weekly or monthly. */
  frequency: RecurrenceFrequency;
  /** Every how many weeks or months. 1–52. Default `1`. */
  interval: number;
  /** Last date of the series. A date, `YYYY-MM-DD`. */
  until?: string;
  /** Number of occurrences. 1–500. */
  count?: number;
  /** Occurrences moved or cancelled. Default `[]`. */
  exceptions: OccurrenceException[];
};

/**
 * How a series repeats: every `interval` weeks or months, until a date or for a count.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type RecurrenceInput = {
  /** Whether the series repeats weekly or monthly. */
  frequency: RecurrenceFrequency;
  /** Every how many weeks or months. 1–52. Default `1`. */
  interval?: number;
  /** Last date of the series. A date, `YYYY-MM-DD`. */
  until?: string;
  /** Number of occurrences. 1–500. */
  count?: number;
  /** Occurrences moved or cancelled. Default `[]`. */
  exceptions?: OccurrenceException[];
};

/**
 * Where an in-person meeting takes place.
 */
export type Location = {
  /** The name of the place, for example a room or an office. 1–300 characters. */
  name: string;
  /** The street address. At most 500 characters. */
  address?: string;
  /** The zone of the place. An IANA time zone, for example `Europe/Oslo`. */
  timeZone?: string;
};

/**
 * A meeting of the team: kind, title, mode (in person, digital or hybrid) with location and/or
 * video link, start and end as instants with the IANA time zone they were planned in, an optional
 * recurrence, participants (required or optional, with their response) and an agenda whose items
 * have their own time slots and attendees, so each person can join only the part they are needed
 * for.
 */
export type Meeting = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The care team it belongs to, when a source needs it. An id (1–200 characters). */
  teamId?: string;
  /** What the meeting is called, in plain language. 1–300 characters. */
  title: string;
  /** The kind of meeting, for example a responsibility-group meeting. */
  kind: MeetingKind;
  /** In person, digital or hybrid. */
  mode: MeetingMode;
  /** Where: required for in-person and hybrid meetings. */
  location?: Location;
  /** The video meeting: required for digital and hybrid meetings. An `https://` address. */
  videoLink?: string;
  /** When it starts (the first occurrence of a series). An instant, ISO 8601 with `Z` or an offset. */
  start: string;
  /** When it ends; after `start`. An instant, ISO 8601 with `Z` or an offset. */
  end: string;
  /** The zone the meeting was planned in; recurrences follow its clock. An IANA time zone, for example `Europe/Oslo`. */
  timeZone: string;
  /** How a series repeats. */
  recurrence?: Recurrence;
  /** Who is invited, with whether they are needed and their answer. */
  participants: Participant[];
  /** Items with their own time slots, so people can join only their part. Default `[]`. */
  agenda: AgendaItem[];
  /** Whether the meeting is proposed, booked, cancelled or held. */
  status: MeetingStatus;
  /** Who called the meeting. */
  organiser?: Actor;
  /** What was said, after the meeting. At most 20000 characters. */
  minutes?: string;
  /** What was decided, one entry per decision. Each: at most 2000 characters. */
  decisions?: string[];
  /** Version information, set by the data source. */
  meta?: Meta;
};

/**
 * A meeting of the team: kind, title, mode (in person, digital or hybrid) with location and/or
 * video link, start and end as instants with the IANA time zone they were planned in, an optional
 * recurrence, participants (required or optional, with their response) and an agenda whose items
 * have their own time slots and attendees, so each person can join only the part they are needed
 * for.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type MeetingInput = {
  /** Its id, unique among its kind. An id (1–200 characters). */
  id: string;
  /** The care team it belongs to, when a source needs it. An id (1–200 characters). */
  teamId?: string;
  /** What the meeting is called, in plain language. 1–300 characters. */
  title: string;
  /** The kind of meeting, for example a responsibility-group meeting. */
  kind: MeetingKind;
  /** In person, digital or hybrid. */
  mode: MeetingMode;
  /** Where: required for in-person and hybrid meetings. */
  location?: Location;
  /** The video meeting: required for digital and hybrid meetings. An `https://` address. */
  videoLink?: string;
  /** When it starts (the first occurrence of a series). An instant, ISO 8601 with `Z` or an offset. */
  start: string;
  /** When it ends; after `start`. An instant, ISO 8601 with `Z` or an offset. */
  end: string;
  /** The zone the meeting was planned in; recurrences follow its clock. An IANA time zone, for example `Europe/Oslo`. */
  timeZone: string;
  /** How a series repeats. */
  recurrence?: RecurrenceInput;
  /** Who is invited, with whether they are needed and their answer. */
  participants: ParticipantInput[];
  /** Items with their own time slots, so people can join only their part. Default `[]`. */
  agenda?: AgendaItemInput[];
  /** Whether the meeting is proposed, booked, cancelled or held. */
  status: MeetingStatus;
  /** Who called the meeting. */
  organiser?: Actor;
  /** What was said, after the meeting. At most 20000 characters. */
  minutes?: string;
  /** What was decided, one entry per decision. Each: at most 2000 characters. */
  decisions?: string[];
  /** Version information, set by the data source. */
  meta?: Meta;
};

/**
 * Regular working hours of one participant.
 */
export type WorkingHours = {
  /** The weekdays these hours apply to. At least 1 item. */
  days: Weekday[];
  /** When the working day starts. `HH:mm`, 24-hour clock. */
  opens: string;
  /** When the working day ends; after `opens`. `HH:mm`, 24-hour clock. */
  closes: string;
  /** The zone the hours are in. An IANA time zone, for example `Europe/Oslo`. */
  timeZone: string;
};

/**
 * When a member is busy, and their working hours.
 */
export type Availability = {
  /** The member these times are for. An id (1–200 characters). */
  memberId: string;
  /** Times the member is not free. Default `[]`. */
  busy: Interval[];
  /** The member’s regular working hours. */
  workingHours?: WorkingHours[];
};

/**
 * When a member is busy, and their working hours.
 *
 * As a host may write it: fields with a default may be left out.
 */
export type AvailabilityInput = {
  /** The member these times are for. An id (1–200 characters). */
  memberId: string;
  /** Times the member is not free. Default `[]`. */
  busy?: Interval[];
  /** The member’s regular working hours. */
  workingHours?: WorkingHours[];
};
// </generated-types>
