import * as z from 'zod/mini';
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
export const Interval = z
  .looseObject({ start: Instant, end: Instant })
  .check(z.refine(endsAfterStart, { message: 'ends before it starts', path: ['end'] }));

/** Someone invited to a meeting. */
export const Participant = z.looseObject({
  memberId: Id,
  required: z._default(z.boolean(), true),
  response: z._default(z.enum(RESPONSE_STATUSES), 'needs-action'),
  supportFor: z.optional(Id),
});

/** An agenda item with its own time slot and attendees. */
export const AgendaItem = z
  .looseObject({
    id: Id,
    title: RequiredText(500),
    template: z.optional(z.enum(AGENDA_TEMPLATES)),
    start: Instant,
    end: Instant,
    attendeeIds: z._default(z.array(Id), []),
  })
  .check(z.refine(endsAfterStart, { message: 'the item ends before it starts', path: ['end'] }));

/** A change to one occurrence of a series: moved or cancelled. */
export const OccurrenceException = z.looseObject({
  originalStart: Instant,
  cancelled: z.optional(z.boolean()),
  start: z.optional(Instant),
  end: z.optional(Instant),
});

/** How a series repeats: every `interval` weeks or months, until a date or for a count. */
export const Recurrence = z
  .looseObject({
    frequency: z.enum(RECURRENCE_FREQUENCIES),
    interval: z._default(z.int().check(z.minimum(1), z.maximum(52)), 1),
    until: z.optional(IsoDate),
    count: z.optional(z.int().check(z.minimum(1), z.maximum(500))),
    exceptions: z._default(z.array(OccurrenceException), []),
  })
  .check(
    z.refine((r) => !(r.until && r.count), {
      message: 'give either until or count, not both',
      path: ['count'],
    }),
  );

/** Where an in-person meeting takes place. */
export const Location = z.looseObject({
  name: RequiredText(300),
  address: z.optional(Text(500)),
  timeZone: z.optional(TimeZone),
});

/** A meeting of the team. */
export const Meeting = z
  .looseObject({
    id: Id,
    teamId: z.optional(Id),
    title: RequiredText(300),
    kind: z.enum(MEETING_KINDS),
    mode: z.enum(MEETING_MODES),
    location: z.optional(Location),
    videoLink: z.optional(HttpsUrl),
    start: Instant,
    end: Instant,
    timeZone: TimeZone,
    recurrence: z.optional(Recurrence),
    participants: z.array(Participant),
    agenda: z._default(z.array(AgendaItem), []),
    status: z.enum(MEETING_STATUSES),
    organiser: z.optional(Actor),
    minutes: z.optional(Text(20000)),
    decisions: z.optional(z.array(Text(2000))),
    meta: z.optional(Meta),
  })
  .check(
    z.refine(endsAfterStart, { message: 'the meeting ends before it starts', path: ['end'] }),
    z.refine((m) => m.mode === 'digital' || Boolean(m.location), {
      message: 'an in-person or hybrid meeting needs a location',
      path: ['location'],
    }),
    z.refine((m) => m.mode === 'in-person' || Boolean(m.videoLink), {
      message: 'a digital or hybrid meeting needs a video link (https://)',
      path: ['videoLink'],
    }),
    z.describe(
      'A meeting of the team: kind, title, mode (in person, digital or hybrid) with location and/or video link, start and end as instants with the IANA time zone they were planned in, an optional recurrence, participants (required or optional, with their response) and an agenda whose items have their own time slots and attendees, so each person can join only the part they are needed for.',
    ),
  );

/** Regular working hours of one participant. */
export const WorkingHours = z.looseObject({
  days: z.array(z.enum(WEEKDAYS)).check(z.minLength(1)),
  opens: TimeOfDay,
  closes: TimeOfDay,
  timeZone: TimeZone,
});

/** When a member is busy, and their working hours. */
export const Availability = z.looseObject({
  memberId: Id,
  busy: z._default(z.array(Interval), []),
  workingHours: z.optional(z.array(WorkingHours)),
});

export type Interval = z.infer<typeof Interval>;
export type Participant = z.infer<typeof Participant>;
export type AgendaItem = z.infer<typeof AgendaItem>;
export type OccurrenceException = z.infer<typeof OccurrenceException>;
export type Recurrence = z.infer<typeof Recurrence>;
export type Location = z.infer<typeof Location>;
export type Meeting = z.infer<typeof Meeting>;
export type MeetingInput = z.input<typeof Meeting>;
export type WorkingHours = z.infer<typeof WorkingHours>;
export type Availability = z.infer<typeof Availability>;
