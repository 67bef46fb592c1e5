import { isTimeZone } from '../../contract/common.js';
import type { Availability, Interval, Location, Meeting, Participant, Recurrence } from '../../contract/meeting.js';
import { MEETING_KINDS, type MeetingKind, type MeetingMode, type MeetingStatus, type ResponseStatus } from '../../contract/values.js';
import { CODE_SYSTEMS, GTS_ABBREVIATION, NATIONAL_VIDEO, TZ_CODE_EXTENSION, XVER } from './codes.js';
import { referenceById } from './consent.js';
import { contextOf, keep, keepUnexpressed, keptResource, metaOf, withExtras, withoutExtras, type FhirMappingOptions, type MappingContext } from './context.js';
import { FhirResourceProblem } from './notes.js';
import type * as F from './types.js';
import { clone, codeIn, compact, endDateOf, findExtension, instantIn, instantOf, jsonEqual, put, setExtension, UNKNOWN_PLACE } from './util.js';

/** Appointment.status → meeting status. */
export const STATUS_BY_APPOINTMENT_STATUS: Record<string, MeetingStatus> = {
  proposed: 'proposed',
  pending: 'proposed',
  waitlist: 'proposed',
  booked: 'booked',
  arrived: 'booked',
  'checked-in': 'booked',
  fulfilled: 'held',
  cancelled: 'cancelled',
  // Someone (usually the person) did not come: nobody called it off, nor recorded that it took place.
  noshow: 'booked',
  'entered-in-error': 'cancelled',
};
const APPOINTMENT_STATUS: Record<MeetingStatus, string> = { proposed: 'proposed', booked: 'booked', cancelled: 'cancelled', held: 'fulfilled' };

const RESPONSES = new Set<string>(['accepted', 'declined', 'tentative', 'needs-action']);
const NOT_MEMBERS = new Set(['Location', 'HealthcareService', 'Device', 'Group']);
const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

// ---- R5 elements carried in R4 by the official cross-version extensions ----

type SubType = 'valueCoding' | 'valueCodeableConcept' | 'valueUrl' | 'valueString' | 'valueDate' | 'valuePositiveInt' | 'valueBoolean';
type Shape = { [name: string]: SubType | Shape };

const VIRTUAL_SERVICE: Shape = { channelType: 'valueCoding', address: 'valueUrl' };
const RECURRENCE_TEMPLATE: Shape = {
  timezone: 'valueCodeableConcept',
  recurrenceType: 'valueCodeableConcept',
  lastOccurrenceDate: 'valueDate',
  occurrenceCount: 'valuePositiveInt',
  weeklyTemplate: { weekInterval: 'valuePositiveInt', ...Object.fromEntries(DAY_NAMES.map((d) => [d, 'valueBoolean' as const])) },
  monthlyTemplate: { dayOfMonth: 'valuePositiveInt', monthInterval: 'valuePositiveInt' },
};

/** A complex cross-version extension → the R5 element it stands for. */
const fromExtension = (extension: F.Extension, shape: Shape): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const part of extension.extension ?? []) {
    const type = shape[part.url];
    if (!type) continue;
    out[part.url] = typeof type === 'string' ? part[type] : fromExtension(part, type);
  }
  return out;
};

/** An R5 element → the complex cross-version extension carrying it in R4. */
const toExtension = (url: string, value: Record<string, unknown>, shape: Shape): F.Extension => ({
  url,
  extension: Object.entries(shape).flatMap(([name, type]): F.Extension[] => {
    const item = value[name];
    if (item === undefined) return [];
    return [typeof type === 'string' ? { url: name, [type]: item } : toExtension(name, item as Record<string, unknown>, type)];
  }),
});

const virtualServicesOf = (appointment: F.Appointment, version: F.FhirVersion): F.VirtualServiceDetail[] =>
  version === 'R5'
    ? (appointment.virtualService ?? [])
    : (appointment.extension ?? [])
        .filter((e) => e.url === XVER.virtualService)
        .map((e) => {
          const { address, ...rest } = fromExtension(e, VIRTUAL_SERVICE);
          return compact({ ...rest, addressUrl: address as string | undefined }) as F.VirtualServiceDetail;
        });

const addressOf = (service: F.VirtualServiceDetail): string | undefined => service.addressUrl ?? service.addressString;

const norwegianAddress = (extension: F.Extension): string | undefined => {
  const address = extension.extension?.find((e) => e.url === 'virtualAddress');
  return (address?.valueUrl ?? address?.valueString ?? (address?.valueContactPoint as F.ContactPoint | undefined)?.value) as string | undefined;
};

/** The Norwegian no-basis virtual service extension holding an https link, if any. */
const norwegianVideo = (appointment: F.Appointment): F.Extension | undefined =>
  (appointment.extension ?? []).find((e) => (NATIONAL_VIDEO.norway as readonly string[]).includes(e.url) && isHttps(norwegianAddress(e)));

/** The video link: R5 virtualService (R4: the cross-version extension), else the Norwegian, else the Danish national extension. */
const videoLinkOf = (appointment: F.Appointment, version: F.FhirVersion): string | undefined => {
  const danish = findExtension(appointment, NATIONAL_VIDEO.denmark);
  return (
    virtualServicesOf(appointment, version).map(addressOf).find(isHttps) ??
    norwegianAddress(norwegianVideo(appointment) ?? { url: '' }) ??
    [danish?.valueUri, danish?.valueUrl].find((v): v is string => isHttps(v as string | undefined))
  );
};

const recurrenceTemplateOf = (appointment: F.Appointment, version: F.FhirVersion): F.RecurrenceTemplate | undefined => {
  if (version === 'R5') return appointment.recurrenceTemplate?.[0];
  const extension = findExtension(appointment, XVER.recurrenceTemplate);
  return extension ? (fromExtension(extension, RECURRENCE_TEMPLATE) as F.RecurrenceTemplate) : undefined;
};

const isHttps = (url: string | undefined): url is string => {
  if (!url) return false;
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
};

const recurrenceFrom = (template: F.RecurrenceTemplate | undefined): Recurrence | undefined => {
  if (!template) return undefined;
  const type = codeIn(template.recurrenceType, GTS_ABBREVIATION)?.toUpperCase();
  const monthly = type === 'MO' || (!type && Boolean(template.monthlyTemplate));
  const weekly = type === 'WK' || (!type && Boolean(template.weeklyTemplate));
  if (!monthly && !weekly) return undefined;
  const recurrence: Recurrence = {
    frequency: monthly ? 'monthly' : 'weekly',
    interval: (monthly ? template.monthlyTemplate?.monthInterval : template.weeklyTemplate?.weekInterval) ?? 1,
    exceptions: [],
  };
  if (template.occurrenceCount) recurrence.count = template.occurrenceCount;
  else if (template.lastOccurrenceDate) recurrence.until = endDateOf(template.lastOccurrenceDate);
  return recurrence;
};

/** The weekday of an instant in a time zone, as an R5 weeklyTemplate day name. */
const dayName = (instant: string, timeZone: string): (typeof DAY_NAMES)[number] => {
  const short = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone }).format(new Date(instant)).toLowerCase().slice(0, 3);
  return DAY_NAMES.find((d) => d.startsWith(short)) ?? 'monday';
};

const templateFrom = (meeting: Meeting, existing: F.RecurrenceTemplate | undefined): F.RecurrenceTemplate | undefined => {
  const recurrence = meeting.recurrence;
  if (!recurrence) return undefined;
  const template: F.RecurrenceTemplate = { ...(existing ?? {}) };
  template.timezone = { coding: [{ system: 'urn:ietf:bcp:47', code: meeting.timeZone }], text: meeting.timeZone };
  template.recurrenceType = { coding: [{ system: GTS_ABBREVIATION, code: recurrence.frequency === 'weekly' ? 'WK' : 'MO' }] };
  delete template.weeklyTemplate;
  delete template.monthlyTemplate;
  if (recurrence.frequency === 'weekly') template.weeklyTemplate = { [dayName(meeting.start, meeting.timeZone)]: true, weekInterval: recurrence.interval };
  else template.monthlyTemplate = { monthInterval: recurrence.interval };
  put(template, 'occurrenceCount', recurrence.count);
  put(template, 'lastOccurrenceDate', recurrence.until);
  return template;
};

const LOCATION_TYPES = new Set(['Location']);

const locationFrom = (appointment: F.Appointment, ctx: MappingContext): Location | undefined => {
  const participant = (appointment.participant ?? []).find((p) => LOCATION_TYPES.has(ctx.index.typeOf(p.actor, appointment) ?? ''));
  if (!participant?.actor) return undefined;
  const resource = ctx.index.resolve(participant.actor, appointment);
  const location: Location = { name: ctx.index.nameOf(participant.actor, appointment) ?? UNKNOWN_PLACE };
  const address = (resource?.address as { text?: string } | undefined)?.text;
  if (address) location.address = address;
  const timeZone = findExtension(resource, TZ_CODE_EXTENSION)?.valueCode;
  if (isTimeZone(timeZone)) location.timeZone = timeZone;
  return location;
};


const LOCATION_ID = 'meeting-location';

/** A contained Location for a place the contract names (name and address), referenced from the participant. */
const containedLocation = (out: F.Appointment, location: Location): F.Reference => {
  const resource: F.Resource = compact({
    resourceType: 'Location',
    id: LOCATION_ID,
    extension: location.timeZone ? [{ url: TZ_CODE_EXTENSION, valueCode: location.timeZone }] : undefined,
    name: location.name,
    address: location.address ? { text: location.address } : undefined,
  });
  out.contained = [...(out.contained ?? []).filter((r) => r.id !== LOCATION_ID), resource];
  return { reference: `#${LOCATION_ID}`, display: location.name };
};

/** The id a participant is known by: the member it stands for, else its reference, else `display:<text>` for a reference with only display text. */
const participantId = (participant: F.AppointmentParticipant, from: F.Resource, ctx: MappingContext): string | undefined => {
  const key = ctx.memberKey(participant.actor, from);
  const display = participant.actor?.display?.trim();
  return key ?? (display ? `display:${display}` : undefined);
};

const requiredFrom = (value: string | boolean | undefined): boolean => (typeof value === 'boolean' ? value : value !== 'optional' && value !== 'information-only');

/** A requested period's start when it names a time of day: a window of whole days (`2016-06-02` to `2016-06-09`) is no time for a meeting. */
const requestedTime = (appointment: F.Appointment): string | undefined => {
  const start = appointment.requestedPeriod?.[0]?.start;
  return start?.includes('T') ? start : undefined;
};

/** Whether an Appointment has a time (start, or a requested time of day): the contract's meetings always do. When it was created is not when it is. */
export const hasTime = (appointment: F.Appointment): boolean => Boolean(instantOf(appointment.start) ?? instantOf(requestedTime(appointment)));

/** Reads one Appointment. In R4 the virtual service and recurrence come from the official cross-version extensions. */
export const meetingFromFhir = (appointment: F.Appointment, options: FhirMappingOptions): Meeting => {
  const ctx = contextOf(options);
  const { version } = ctx;
  if (appointment.status === 'entered-in-error') {
    throw new FhirResourceProblem({ kind: 'left-on-server', resourceType: 'Appointment', id: appointment.id ?? '', path: 'Appointment.status', message: 'the appointment was entered in error, so it is no meeting, not even a cancelled one.' });
  }
  const template = recurrenceTemplateOf(appointment, version);
  const timeZone =
    [findExtension(appointment, TZ_CODE_EXTENSION)?.valueCode, template?.timezone?.coding?.[0]?.code, template?.timezone?.text].find(isTimeZone) ?? ctx.timeZone;
  const video = videoLinkOf(appointment, version);
  const location = locationFrom(appointment, ctx);
  const mode: MeetingMode = video ? (location ? 'hybrid' : 'digital') : 'in-person';

  const participants: Participant[] = [];
  for (const participant of appointment.participant ?? []) {
    if (NOT_MEMBERS.has(ctx.index.typeOf(participant.actor, appointment) ?? '')) continue;
    const memberId = participantId(participant, appointment, ctx);
    if (!memberId || participants.some((p) => p.memberId === memberId)) continue;
    const read: Participant = {
      memberId,
      required: requiredFrom(participant.required),
      response: (RESPONSES.has(participant.status ?? '') ? participant.status : 'needs-action') as ResponseStatus,
    };
    // Someone outside the team is named as the server names them (the reference's display), never "Unknown person".
    const name = ctx.team && !ctx.memberName(memberId) ? ctx.index.nameOf(participant.actor, appointment) : undefined;
    if (name) (read as Participant & { name?: string }).name = name;
    participants.push(read);
  }

  const given = { start: instantIn(appointment.start, timeZone), end: instantIn(appointment.end, timeZone) };
  if (given.start && given.end && Date.parse(given.end) <= Date.parse(given.start)) {
    throw new FhirResourceProblem({
      kind: 'refused',
      resourceType: 'Appointment',
      id: appointment.id ?? '',
      path: 'Appointment.end',
      message: given.end === given.start || Date.parse(given.end) === Date.parse(given.start) ? `the appointment ends at the moment it starts (${appointment.start}), so it has no length` : `the appointment ends (${appointment.end}) before it starts (${appointment.start})`,
      fix: 'set Appointment.end after Appointment.start (or leave end out and give minutesDuration)',
    });
  }
  const start = given.start ?? instantIn(requestedTime(appointment), timeZone) ?? '';
  const minutes = appointment.minutesDuration ?? 60;
  const end = given.end ?? (start ? new Date(Date.parse(start) + minutes * 60_000).toISOString().replace('.000Z', 'Z') : '');
  const kind = codeIn(appointment.serviceCategory, CODE_SYSTEMS.meetingKind) as MeetingKind | undefined;

  const meeting: Meeting = {
    id: appointment.id ?? '',
    title: appointment.description ?? appointment.serviceCategory?.[0]?.text ?? appointment.serviceCategory?.[0]?.coding?.[0]?.display ?? 'Appointment',
    kind: kind && (MEETING_KINDS as readonly string[]).includes(kind) ? kind : 'coordination',
    mode,
    start,
    end,
    timeZone,
    participants,
    agenda: [],
    status: STATUS_BY_APPOINTMENT_STATUS[appointment.status ?? ''] ?? 'proposed',
  };
  if (ctx.teamId) meeting.teamId = ctx.teamId;
  if (mode !== 'digital') meeting.location = location ?? { name: UNKNOWN_PLACE };
  if (video) meeting.videoLink = video;
  const recurrence = recurrenceFrom(template);
  if (recurrence) meeting.recurrence = recurrence;
  const meta = metaOf(appointment);
  if (meta) meeting.meta = meta;
  withExtras(meeting, appointment);
  (meeting as Meeting & { fhir?: unknown }).fhir = keep(version, appointment);
  return meeting;
};

/** Writes a meeting as a FHIR Appointment, merging into the Appointment it was read from. */
export const meetingToFhir = (meeting: Meeting, options: FhirMappingOptions): F.Appointment => {
  const ctx = contextOf(options);
  const { version } = ctx;
  const base = keptResource<F.Appointment>(meeting, version, 'Appointment');
  const before = base ? meetingFromFhir(base, options) : undefined;
  const out: F.Appointment = base ?? compact({ resourceType: 'Appointment', id: meeting.id, status: 'proposed', subject: version === 'R5' && ctx.patient ? { reference: ctx.patient } : undefined });
  if (!out.id) out.id = meeting.id;
  const differs = (field: keyof Meeting) => !before || !jsonEqual(before[field], meeting[field]);

  if (differs('title')) out.description = meeting.title;
  if (differs('status') && STATUS_BY_APPOINTMENT_STATUS[out.status ?? ''] !== meeting.status) out.status = APPOINTMENT_STATUS[meeting.status];
  if (differs('kind')) {
    const others = (out.serviceCategory ?? []).filter((c) => !codeIn(c, CODE_SYSTEMS.meetingKind));
    out.serviceCategory = [{ coding: [{ system: CODE_SYSTEMS.meetingKind, code: meeting.kind }] }, ...others];
  }
  if (differs('start') || differs('end')) {
    out.start = meeting.start;
    out.end = meeting.end;
    delete out.minutesDuration;
  }
  if (differs('timeZone') || differs('recurrence') || differs('start')) {
    const timeZoneFromTemplate = meeting.recurrence ? meeting.timeZone : undefined;
    setExtension(out, TZ_CODE_EXTENSION, timeZoneFromTemplate || meeting.timeZone === ctx.timeZone ? undefined : { url: TZ_CODE_EXTENSION, valueCode: meeting.timeZone });
    const template = templateFrom(meeting, recurrenceTemplateOf(out, version));
    if (version === 'R5') put(out, 'recurrenceTemplate', template ? [template, ...(out.recurrenceTemplate ?? []).slice(1)] : undefined);
    else setExtension(out, XVER.recurrenceTemplate, template ? toExtension(XVER.recurrenceTemplate, template as Record<string, unknown>, RECURRENCE_TEMPLATE) : undefined);
  }
  if (differs('videoLink') || differs('mode')) {
    const link = meeting.videoLink && meeting.mode !== 'in-person' ? meeting.videoLink : undefined;
    const services = virtualServicesOf(out, version);
    const current = services.findIndex((s) => isHttps(addressOf(s)));
    const norwegian = current === -1 ? norwegianVideo(out) : undefined;
    if (norwegian) {
      // The link came from the Norwegian extension: it is changed there, keeping its other parts.
      const parts = (norwegian.extension ?? []).filter((e) => e.url !== 'virtualAddress');
      const changedExtension: F.Extension | undefined = link ? { ...norwegian, extension: [...parts, { url: 'virtualAddress', valueUrl: link }] } : undefined;
      put(out, 'extension', (out.extension ?? []).flatMap((e) => (e === norwegian ? (changedExtension ? [changedExtension] : []) : [e])));
    } else {
      const { addressString: _written, ...kept } = services[current] ?? {};
      const service: F.VirtualServiceDetail | undefined = link ? { ...kept, addressUrl: link } : undefined;
      const next = current === -1 ? [...(service ? [service] : []), ...services] : services.flatMap((s, i) => (i === current ? (service ? [service] : []) : [s]));
      if (version === 'R5') put(out, 'virtualService', next);
      else {
        const others = (out.extension ?? []).filter((e) => e.url !== XVER.virtualService);
        put(out, 'extension', [...others, ...next.map((s) => toExtension(XVER.virtualService, { ...s, address: s.addressUrl }, VIRTUAL_SERVICE))]);
      }
    }
  }
  if (differs('participants') || differs('location') || differs('mode')) {
    const existing = out.participant ?? [];
    const isLocation = (p: F.AppointmentParticipant) => LOCATION_TYPES.has(ctx.index.typeOf(p.actor, out) ?? '');
    const kept = existing.filter((p) => !isLocation(p) && NOT_MEMBERS.has(ctx.index.typeOf(p.actor, out) ?? ''));
    const withoutActor = existing.filter((p) => !p.actor);
    const people = meeting.participants.map((participant): F.AppointmentParticipant => {
      const previous = existing.find((p) => p.actor && participantId(p, out, ctx) === participant.memberId);
      const name = ctx.memberName(participant.memberId) ?? (participant as Participant & { name?: string }).name;
      const next: F.AppointmentParticipant = previous ? clone(previous) : { actor: participant.memberId.startsWith('display:') ? { display: name ?? participant.memberId.slice(8) } : referenceById(participant.memberId, name) };
      if (requiredFrom(next.required) !== participant.required || next.required === undefined) {
        next.required = version === 'R5' ? participant.required : participant.required ? 'required' : 'optional';
      }
      next.status = participant.response;
      return next;
    });
    const previousLocation = existing.find(isLocation);
    const wantsLocation = meeting.mode !== 'digital' && meeting.location && meeting.location.name !== UNKNOWN_PLACE;
    const location = wantsLocation
      ? before && jsonEqual(before.location, meeting.location) && previousLocation
        ? previousLocation
        : { actor: containedLocation(out, meeting.location!), required: version === 'R5' ? true : 'required', status: 'accepted' }
      : undefined;
    if (!location) out.contained = out.contained?.filter((r) => r.id !== LOCATION_ID);
    if (!out.contained?.length) delete out.contained;
    put(out, 'participant', [...people, ...(location ? [location] : []), ...kept, ...withoutActor.filter((p) => !people.includes(p))]);
  }

  withoutExtras(out);
  keepUnexpressed(meeting, meetingFromFhir(out, options) as unknown as Record<string, unknown>, out);
  return out;
};

// ---------------------------------------------------------------- availability (Schedule + Slot)

const BUSY = new Set(['busy', 'busy-unavailable', 'busy-tentative']);

/** Busy Slots of each member's Schedules → availability. Free slots are not busy time. */
export const availabilityFromFhir = (schedules: readonly F.Schedule[], slots: readonly F.Slot[], options: FhirMappingOptions): Availability[] => {
  const ctx = contextOf(options);
  const byMember = new Map<string, Interval[]>();
  for (const schedule of schedules) {
    const memberIds = (schedule.actor ?? [])
      .filter((a) => !NOT_MEMBERS.has(ctx.index.typeOf(a, schedule) ?? ''))
      .map((a) => ctx.memberKey(a, schedule))
      .filter((id): id is string => Boolean(id));
    if (!memberIds.length) continue;
    const busy = slots
      .filter((slot) => BUSY.has(slot.status ?? '') && ctx.index.key(slot.schedule, slot) === `Schedule/${schedule.id}`)
      .flatMap((slot): Interval[] => {
        const start = instantIn(slot.start, ctx.timeZone);
        const end = instantIn(slot.end, ctx.timeZone);
        return start && end && Date.parse(end) > Date.parse(start) ? [{ start, end }] : [];
      });
    for (const id of memberIds) byMember.set(id, [...(byMember.get(id) ?? []), ...busy]);
  }
  return [...byMember].map(([memberId, busy]) => ({ memberId, busy }));
};

/** Availability → one Schedule per member with a busy Slot per interval (for seeding servers and tests). */
export const availabilityToFhir = (availability: readonly Availability[], options: FhirMappingOptions): F.Resource[] => {
  const ctx = contextOf(options);
  return availability.flatMap((entry, i) => {
    const scheduleId = `schedule-${i + 1}`;
    const schedule: F.Schedule = { resourceType: 'Schedule', id: scheduleId, active: true, actor: [referenceById(entry.memberId, ctx.memberName(entry.memberId))] };
    const slots: F.Slot[] = entry.busy.map((interval, j) => ({
      resourceType: 'Slot',
      id: `${scheduleId}-slot-${j + 1}`,
      schedule: { reference: `Schedule/${scheduleId}` },
      status: 'busy',
      start: interval.start,
      end: interval.end,
    }));
    return [schedule, ...slots];
  });
};
