/**
 * RFC 5545 iCalendar export of a meeting: pure functions, no DOM. Times are written on the
 * meeting zone's clock with a VTIMEZONE built from the zone's real offsets, so calendars keep a
 * series at 10:00 across daylight-saving changes. All text is escaped and folded, so nothing in
 * a title or a name can add properties to the file.
 */
import { TZDate, tzOffset, tzScan } from '@date-fns/tz';
import { isEmailAddress, safeHttpsUrl } from '../../contract/common.js';
import type { Meeting } from '../../contract/meeting.js';
import type { MeetingStatus, ResponseStatus } from '../../contract/values.js';
import { changedOccurrences } from './recurrence.js';
import { agendaOf } from './agenda.js';
import { dateIn, instantAt, timeIn } from './zone.js';

/** What the export needs to know about a team member. */
export interface IcsMember {
  id: string;
  name: string;
  contacts?: readonly { channel: string; value: string; private?: boolean }[];
}

export interface IcsOptions {
  /** Members, for attendee names (and a public e-mail address when there is one). */
  members?: readonly IcsMember[];
  /** DTSTAMP: when the file was made. Defaults to now. */
  now?: Date | number;
  /** Plain text for DESCRIPTION, for example the agenda. */
  description?: string;
  /** Domain part of the UID. */
  uidDomain?: string;
  /** PRODID. */
  prodId?: string;
}

/** PRODID of files made by this library. */
export const PRODID = '-//Care Elements//Meeting scheduler//EN';

const PARTSTAT: Record<ResponseStatus, string> = {
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
  'needs-action': 'NEEDS-ACTION',
};

const STATUS: Record<MeetingStatus, string> = {
  proposed: 'TENTATIVE',
  booked: 'CONFIRMED',
  held: 'CONFIRMED',
  cancelled: 'CANCELLED',
};

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; other control characters go. */
export const escapeText = (value: string): string =>
  value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');

/**
 * A parameter value, kept exactly: `^`, double quotes and line breaks are written as RFC 6868
 * asks (`^^`, `^'`, `^n`), other control characters go, nothing is trimmed, and the value is
 * quoted unless it is plain letters, digits and `-._/+` (so `;`, `:`, `,` and spaces are safe).
 */
export const paramValue = (value: string): string => {
  const encoded = value
    .replace(/\r\n|\r/g, '\n')
    .replace(CONTROL, '')
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\n/g, '^n');
  return /^[\p{L}\p{N}._/+-]+$/u.test(encoded) ? encoded : `"${encoded}"`;
};

/** A URI value, normalised by the URL parser so it holds no line breaks. Only https and mailto/urn pass. */
const uriValue = (value: string): string | undefined => {
  try {
    const url = new URL(value);
    return ['https:', 'mailto:', 'urn:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
};

const utf8Length = (char: string) => {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/** Folds a content line at 75 octets without splitting a character (RFC 5545 §3.1). */
export const foldLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

/** `YYYYMMDDTHHMMSSZ` of an instant. */
const utcStamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** `YYYYMMDDTHHMMSS` on the zone's clock. */
const localStamp = (ms: number, timeZone: string) => {
  const d = new TZDate(ms, timeZone);
  return `${pad(d.getFullYear(), 4)}${pad(d.getMonth() + 1)}${pad(d.getDate())}T${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
};

/** `+0100`, `-0530`. */
const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

interface Transition {
  /** Instant of the change. */
  at: number;
  from: number;
  to: number;
}

/** Local wall time just before a change, as `Date` whose UTC fields hold it. */
const localBefore = (t: Transition) => new Date(t.at + t.from * 60_000);

/** An RRULE for a list of yearly changes if they follow one "nth/last weekday of month" rule. */
const yearlyRule = (group: readonly Transition[]): string | undefined => {
  if (group.length < 2) return undefined;
  const locals = group.map(localBefore);
  const first = locals[0];
  const sameShape = locals.every(
    (d, i) =>
      d.getUTCMonth() === first.getUTCMonth() &&
      d.getUTCDay() === first.getUTCDay() &&
      d.getUTCHours() === first.getUTCHours() &&
      d.getUTCMinutes() === first.getUTCMinutes() &&
      d.getUTCFullYear() === first.getUTCFullYear() + i,
  );
  if (!sameShape) return undefined;
  const daysIn = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const weekday = BYDAY[first.getUTCDay()];
  const month = first.getUTCMonth() + 1;
  if (locals.every((d) => d.getUTCDate() + 7 > daysIn(d))) return `FREQ=YEARLY;BYMONTH=${month};BYDAY=-1${weekday}`;
  const nth = Math.ceil(first.getUTCDate() / 7);
  if (nth <= 4 && locals.every((d) => Math.ceil(d.getUTCDate() / 7) === nth)) return `FREQ=YEARLY;BYMONTH=${month};BYDAY=${nth}${weekday}`;
  return undefined;
};

/**
 * A VTIMEZONE for `timeZone` covering `from`–`to`, built from the zone's actual offset changes:
 * one STANDARD and one DAYLIGHT rule when the changes follow a yearly pattern (as in Europe),
 * otherwise one component per change.
 */
export const vtimezoneLines = (timeZone: string, from: number, to: number): string[] => {
  const start = Date.UTC(new Date(from).getUTCFullYear() - 1, 0, 1);
  const end = Date.UTC(new Date(to).getUTCFullYear() + 2, 0, 1);
  const changes: Transition[] = tzScan(timeZone, { start: new Date(start), end: new Date(end) }).map((c) => ({
    at: c.date.getTime(),
    from: c.offset - c.change,
    to: c.offset,
  }));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const component = (kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, fromOffset: number, toOffset: number, rrule?: string) => {
    lines.push(`BEGIN:${kind}`, `DTSTART:${dtstart}`, `TZOFFSETFROM:${offsetText(fromOffset)}`, `TZOFFSETTO:${offsetText(toOffset)}`);
    if (rrule) lines.push(`RRULE:${rrule}`);
    lines.push(`END:${kind}`);
  };
  const floating = (t: Transition) => utcStamp(localBefore(t).getTime()).replace('Z', '');
  if (changes.length === 0) {
    const offset = tzOffset(timeZone, new Date(from));
    component('STANDARD', '19700101T000000', offset, offset);
  } else {
    const groups = new Map<string, Transition[]>();
    for (const change of changes) {
      const key = `${change.from}>${change.to}`;
      groups.set(key, [...(groups.get(key) ?? []), change]);
    }
    for (const group of groups.values()) {
      const kind = group[0].to > group[0].from ? 'DAYLIGHT' : 'STANDARD';
      const rule = yearlyRule(group);
      if (rule) component(kind, floating(group[0]), group[0].from, group[0].to, rule);
      else for (const change of group) component(kind, floating(change), change.from, change.to);
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
};

/** How to address a member: a public e-mail address when they have one, else a stable URN. */
const calAddress = (id: string, member?: IcsMember): string => {
  const email = member?.contacts?.find((c) => c.channel === 'email' && !c.private)?.value;
  // An address only: `?cc=` or `&body=` in a contact value would become part of the attendee.
  const mailto = email && isEmailAddress(email) ? uriValue(`mailto:${email}`) : undefined;
  return mailto ?? `urn:care-elements:member:${encodeURIComponent(id)}`;
};

/**
 * The agenda as plain text lines, times on the event's own clock (the zone of its DTSTART) unless
 * another `timeZone` is given; say which in `heading`, since a description is read as it is.
 */
export const agendaText = (
  meeting: Pick<Meeting, 'start' | 'agenda' | 'participants' | 'timeZone'>,
  options: { timeZone?: string; heading: string; memberName: (id: string) => string },
): string => {
  const items = agendaOf(meeting);
  if (items.length === 0) return '';
  const zone = options.timeZone ?? meeting.timeZone;
  const lines = items.map(
    (item) => `${timeIn(item.start, zone)}–${timeIn(item.end, zone)} ${item.title} (${item.attendeeIds.map(options.memberName).join(', ')})`,
  );
  return [options.heading, ...lines].join('\n');
};

/** The `.ics` text for a meeting, its series and its exceptions, with CRLF line ends. */
export const meetingToIcs = (meeting: Meeting, options: IcsOptions = {}): string => {
  const zone = meeting.timeZone;
  const members = new Map((options.members ?? []).map((m) => [m.id, m]));
  const uid = `${meeting.id}@${options.uidDomain ?? 'care-elements'}`;
  const stamp = utcStamp(+(options.now ?? Date.now()));
  // Every moved or cancelled date, however far into the series, not just the first few.
  const occurrences = changedOccurrences(meeting);
  const lastEnd = Math.max(...occurrences.map((o) => Date.parse(o.end)), Date.parse(meeting.end));
  const tzid = paramValue(zone);
  const at = (ms: number) => `;TZID=${tzid}:${localStamp(ms, zone)}`;

  const common: string[] = [];
  common.push(`SUMMARY:${escapeText(meeting.title)}`);
  if (meeting.location) {
    common.push(`LOCATION:${escapeText([meeting.location.name, meeting.location.address].filter(Boolean).join(', '))}`);
  }
  const video = safeHttpsUrl(meeting.videoLink)?.href;
  if (video) {
    common.push(`URL:${video}`, `CONFERENCE;VALUE=URI;FEATURE=VIDEO:${video}`);
  }
  const description = [options.description, video].filter(Boolean).join('\n\n');
  if (description) common.push(`DESCRIPTION:${escapeText(description)}`);
  common.push(`STATUS:${STATUS[meeting.status]}`);
  if (meeting.organiser) {
    const organiserId = meeting.organiser.id ?? meeting.organiser.name;
    common.push(`ORGANIZER;CN=${paramValue(meeting.organiser.name)}:${calAddress(organiserId, members.get(organiserId))}`);
  }
  for (const participant of meeting.participants) {
    const member = members.get(participant.memberId);
    const name = member?.name ?? participant.memberId;
    common.push(
      `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=${participant.required === false ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT'};PARTSTAT=${PARTSTAT[participant.response ?? 'needs-action']};CN=${paramValue(name)}:${calAddress(participant.memberId, member)}`,
    );
  }

  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(options.prodId ?? PRODID)}`, 'CALSCALE:GREGORIAN'];
  lines.push(...vtimezoneLines(zone, Date.parse(meeting.start), lastEnd));

  lines.push('BEGIN:VEVENT', `UID:${escapeText(uid)}`, `DTSTAMP:${stamp}`, `DTSTART${at(Date.parse(meeting.start))}`, `DTEND${at(Date.parse(meeting.end))}`);
  const rule = meeting.recurrence;
  if (rule) {
    const parts = [`FREQ=${rule.frequency === 'weekly' ? 'WEEKLY' : 'MONTHLY'}`, `INTERVAL=${rule.interval ?? 1}`];
    if (rule.count) parts.push(`COUNT=${rule.count}`);
    // UNTIL is inclusive and must be UTC when DTSTART has a zone: the last moment of that date there.
    if (rule.until) parts.push(`UNTIL=${utcStamp(instantAt(rule.until, '23:59', zone) + 59_000)}`);
    lines.push(`RRULE:${parts.join(';')}`);
    for (const occurrence of occurrences.filter((o) => o.status === 'cancelled')) {
      lines.push(`EXDATE${at(Date.parse(occurrence.originalStart))}`);
    }
  }
  lines.push(...common, 'SEQUENCE:0', 'END:VEVENT');

  for (const occurrence of occurrences.filter((o) => o.status === 'moved')) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(uid)}`,
      `DTSTAMP:${stamp}`,
      `RECURRENCE-ID${at(Date.parse(occurrence.originalStart))}`,
      `DTSTART${at(Date.parse(occurrence.start))}`,
      `DTEND${at(Date.parse(occurrence.end))}`,
      ...common,
      'SEQUENCE:1',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
};

/** A file name for the export: the title's letters and digits, and the date. */
export const icsFileName = (meeting: Pick<Meeting, 'title' | 'start' | 'timeZone'>): string => {
  const slug = meeting.title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .toLowerCase();
  return `${slug || 'meeting'}-${dateIn(meeting.start, meeting.timeZone)}.ics`;
};
