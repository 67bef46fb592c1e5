/**
 * The planning form's state and its rules: what the person has typed (kept as typed, so a failed
 * save loses nothing), what is missing, and the meeting it becomes. Pure functions, no DOM.
 */
import { safeHttpsUrl, type Actor } from '../../contract/common.js';
import type { MeetingInput, Meeting, Participant } from '../../contract/meeting.js';
import type { CareTeam, Member } from '../../contract/team.js';
import type { AgendaTemplate, MeetingKind, MeetingMode, RecurrenceFrequency } from '../../contract/values.js';
import { TEMPLATE_MINUTES } from './agenda.js';
import { addDaysTo, dateIn, instantAt, isCalendarDate, timeIn } from './zone.js';

/** One agenda item as typed in the form. Its time slot follows from the items before it. */
export interface DraftAgendaItem {
  key: string;
  template?: AgendaTemplate;
  title: string;
  minutes: number;
  attendeeIds: string[];
}

/** Whether an invitee must be there. */
export type Attendance = 'required' | 'optional';

/** Everything the planning form holds. Numbers stay text until the form is sent. */
export interface Draft {
  /** Id of the meeting being changed; empty for a new one. */
  id: string;
  kind: MeetingKind;
  title: string;
  titleEdited: boolean;
  /** Invited members and whether they must come. */
  invited: Record<string, Attendance>;
  /** The network member who comes as the service user's support person, or ''. */
  supportPersonId: string;
  mode: MeetingMode;
  locationName: string;
  locationAddress: string;
  videoLink: string;
  durationMinutes: number;
  timeZone: string;
  /** `YYYY-MM-DD` on the meeting zone's calendar, or '' while none is chosen. */
  date: string;
  /** What is written in the date field. */
  dateText: string;
  /** `HH:mm`, or ''. */
  time: string;
  repeat: 'none' | RecurrenceFrequency;
  interval: string;
  /** How the series ends: after a number of meetings, on a date, or not at all (open-ended). */
  ends: 'count' | 'until' | 'never';
  count: string;
  until: string;
  agenda: DraftAgendaItem[];
}

/** Fields that can be wrong, in the order the form shows them. */
export const DRAFT_FIELDS = [
  'title',
  'participants',
  'locationName',
  'videoLink',
  'date',
  'time',
  'interval',
  'count',
  'until',
  'agenda',
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** Why a field is wrong; the element turns each into a sentence. */
export const DRAFT_PROBLEMS = [
  'title-missing',
  'nobody-required',
  'location-missing',
  'video-missing',
  'video-not-https',
  'video-userinfo',
  'date-missing',
  'date-unreadable',
  'time-missing',
  'interval-range',
  'count-range',
  'until-missing',
  'until-before-start',
  'agenda-too-long',
  'agenda-title-missing',
] as const;
export type DraftProblem = (typeof DRAFT_PROBLEMS)[number];

/** Meeting lengths offered, in minutes. */
export const DURATIONS = [15, 30, 45, 60, 90, 120, 150, 180, 240] as const;

let keySequence = 0;
/** A key for a new agenda item in the form. */
export const newItemKey = () => `item-${++keySequence}`;

/** Network members who can come as the service user's support person. */
export const supportCandidates = (team: CareTeam): Member[] =>
  team.members.filter(
    (m) => m.status === 'active' && m.id !== team.serviceUserId && ['next-of-kin', 'peer-supporter', 'advocate', 'legal-representative'].includes(m.kind),
  );

export { parseDateText } from './date-text.js';

/** A fresh form: the service user and the coordinator invited, an agenda from the usual templates. */
export const newDraft = (
  team: CareTeam,
  options: { timeZone: string; kindTitle: (kind: MeetingKind) => string; templateTitle: (template: AgendaTemplate) => string },
): Draft => {
  const invited: Record<string, Attendance> = { [team.serviceUserId]: 'required' };
  const coordinator = team.members.find((m) => m.coordinator && m.status === 'active');
  if (coordinator) invited[coordinator.id] = 'required';
  const kind: MeetingKind = 'responsibility-group';
  return {
    id: '',
    kind,
    title: options.kindTitle(kind),
    titleEdited: false,
    invited,
    supportPersonId: '',
    mode: 'hybrid',
    locationName: '',
    locationAddress: '',
    videoLink: '',
    durationMinutes: 90,
    timeZone: options.timeZone,
    date: '',
    dateText: '',
    time: '',
    repeat: 'none',
    interval: '6',
    ends: 'count',
    count: '6',
    until: '',
    agenda: (['exchange-information', 'allocate-responsibilities', 'revise-routines', 'check-understanding'] as const).map((template) => ({
      key: newItemKey(),
      template,
      title: options.templateTitle(template),
      minutes: TEMPLATE_MINUTES[template],
      attendeeIds: Object.keys(invited),
    })),
  };
};

/** The form filled in from an existing meeting, to change it. */
export const draftFromMeeting = (meeting: Meeting, team: CareTeam, dateText: (date: string) => string): Draft => {
  // In-person and hybrid meetings are planned on the venue's clock.
  const zone = (meeting.mode !== 'digital' && meeting.location?.timeZone) || meeting.timeZone;
  const invited: Record<string, Attendance> = {};
  let supportPersonId = '';
  for (const p of meeting.participants) {
    invited[p.memberId] = p.required === false ? 'optional' : 'required';
    if (p.supportFor && p.supportFor === team.serviceUserId) supportPersonId = p.memberId;
  }
  const date = dateIn(meeting.start, zone);
  const rule = meeting.recurrence;
  return {
    id: meeting.id,
    kind: meeting.kind,
    title: meeting.title,
    titleEdited: true,
    invited,
    supportPersonId,
    mode: meeting.mode,
    locationName: meeting.location?.name ?? '',
    locationAddress: meeting.location?.address ?? '',
    videoLink: meeting.videoLink ?? '',
    durationMinutes: Math.round((Date.parse(meeting.end) - Date.parse(meeting.start)) / 60_000),
    timeZone: zone,
    date,
    dateText: dateText(date),
    time: timeIn(meeting.start, zone),
    repeat: rule?.frequency ?? 'none',
    interval: String(rule?.interval ?? 6),
    // An open-ended series stays open-ended unless the person chooses an end.
    ends: rule?.until ? 'until' : rule?.count ? 'count' : rule ? 'never' : 'count',
    count: String(rule?.count ?? 6),
    until: rule?.until ?? '',
    agenda: [...(meeting.agenda ?? [])]
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
      .map((item) => ({
        key: newItemKey(),
        template: item.template,
        title: item.title,
        minutes: Math.round((Date.parse(item.end) - Date.parse(item.start)) / 60_000),
        attendeeIds: [...(item.attendeeIds ?? [])],
      })),
  };
};

const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN);

/** What is wrong with the form, by field. Empty when it can be sent. */
export const draftProblems = (draft: Draft): Partial<Record<DraftField, DraftProblem>> => {
  const problems: Partial<Record<DraftField, DraftProblem>> = {};
  if (!draft.title.trim()) problems.title = 'title-missing';
  if (!Object.values(draft.invited).includes('required')) problems.participants = 'nobody-required';
  if (draft.mode !== 'digital' && !draft.locationName.trim()) problems.locationName = 'location-missing';
  if (draft.mode !== 'in-person') {
    const link = draft.videoLink.trim();
    if (!link) problems.videoLink = 'video-missing';
    else if (!/^https:\/\/[^\s<>"]+\.[^\s<>"]+$/i.test(link)) problems.videoLink = 'video-not-https';
    else if (!safeHttpsUrl(link)) problems.videoLink = 'video-userinfo';
  }
  if (!draft.dateText.trim() && !draft.date) problems.date = 'date-missing';
  else if (!draft.date) problems.date = 'date-unreadable';
  if (!draft.time) problems.time = 'time-missing';
  if (draft.repeat !== 'none') {
    const interval = whole(draft.interval);
    if (!(interval >= 1 && interval <= 52)) problems.interval = 'interval-range';
    if (draft.ends === 'count') {
      const count = whole(draft.count);
      if (!(count >= 1 && count <= 500)) problems.count = 'count-range';
    } else if (draft.ends === 'until') {
      if (!isCalendarDate(draft.until)) problems.until = 'until-missing';
      else if (draft.date && draft.until < draft.date) problems.until = 'until-before-start';
    }
  }
  if (draft.agenda.some((item) => !item.title.trim())) problems.agenda = 'agenda-title-missing';
  else if (draft.agenda.reduce((sum, item) => sum + item.minutes, 0) > draft.durationMinutes) problems.agenda = 'agenda-too-long';
  return problems;
};

/** The start and end instants the form describes, when date and time are set. */
export const draftSpan = (draft: Draft): { start: number; end: number } | undefined => {
  if (!draft.date || !draft.time) return undefined;
  const start = instantAt(draft.date, draft.time, draft.timeZone);
  return { start, end: start + draft.durationMinutes * 60_000 };
};

/** The participants the form describes, keeping earlier answers. */
export const draftParticipants = (draft: Draft, team: CareTeam, previous?: readonly Participant[]): Participant[] =>
  Object.entries(draft.invited).map(([memberId, attendance]) => {
    const before = previous?.find((p) => p.memberId === memberId);
    // What the form does not edit (a name given to someone outside the team, a source's own fields) is kept as it was.
    const { supportFor: _support, ...kept } = before ?? ({} as Partial<Participant>);
    const participant: Participant = { ...kept, memberId, required: attendance === 'required', response: before?.response ?? 'needs-action' };
    if (memberId === draft.supportPersonId) participant.supportFor = team.serviceUserId;
    return participant;
  });

/** The end of the series the form describes: a count, an until date, or nothing for an open-ended series. */
export const draftEnd = (draft: Draft): { count?: number; until?: string } =>
  draft.ends === 'count' ? { count: whole(draft.count) } : draft.ends === 'until' ? { until: draft.until } : {};

/** The meeting the form describes. Validate the result with the contract before saving. */
export const meetingFromDraft = (
  draft: Draft,
  context: { team: CareTeam; previous?: Meeting; organiser?: Actor; newId: () => string },
): MeetingInput => {
  const span = draftSpan(draft)!;
  const { team, previous } = context;
  const participants = draftParticipants(draft, team, previous?.participants);
  const invitedIds = new Set(participants.map((p) => p.memberId));
  let cursor = span.start;
  const agenda = draft.agenda.map((item, index) => {
    const start = cursor;
    cursor += item.minutes * 60_000;
    return {
      id: previous?.agenda?.[index]?.id ?? `${draft.id || 'agenda'}-${item.key}`,
      title: item.title.trim(),
      ...(item.template ? { template: item.template } : {}),
      start: new Date(start).toISOString(),
      end: new Date(cursor).toISOString(),
      attendeeIds: item.attendeeIds.filter((id) => invitedIds.has(id)),
    };
  });
  const meeting: MeetingInput = {
    ...(previous ?? {}),
    id: draft.id || context.newId(),
    teamId: previous?.teamId ?? team.id,
    title: draft.title.trim(),
    kind: draft.kind,
    mode: draft.mode,
    start: new Date(span.start).toISOString(),
    end: new Date(span.end).toISOString(),
    timeZone: draft.timeZone,
    participants,
    agenda,
    status: previous?.status ?? 'booked',
  };
  if (draft.mode !== 'digital') {
    meeting.location = { name: draft.locationName.trim(), timeZone: draft.timeZone };
    if (draft.locationAddress.trim()) meeting.location.address = draft.locationAddress.trim();
  } else delete meeting.location;
  if (draft.mode !== 'in-person') meeting.videoLink = draft.videoLink.trim();
  else delete meeting.videoLink;
  if (draft.repeat !== 'none') {
    const sameRule = previous?.recurrence && Date.parse(previous.start) === Date.parse(meeting.start);
    meeting.recurrence = {
      frequency: draft.repeat,
      interval: whole(draft.interval),
      ...draftEnd(draft),
      // Moved and cancelled dates belong to the old times; they only survive if the series did not move.
      exceptions: sameRule ? previous.recurrence!.exceptions : [],
    };
  } else delete meeting.recurrence;
  if (context.organiser && !previous?.organiser) meeting.organiser = context.organiser;
  return meeting;
};

/** The first day a search for times starts on: the chosen date, else today. */
export const searchStart = (draft: Draft, today: string): string => (draft.date && draft.date >= today ? draft.date : today);

/** The last day of a four-week search window. */
export const searchEnd = (start: string): string => addDaysTo(start, 28);
