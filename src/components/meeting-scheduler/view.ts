import { nothing } from 'lit';
import { Kept, KeyedKept, keep } from '../base/kept.js';
import { html as staticHtml } from 'lit/static-html.js';
import { isTimeZone } from '../../contract/common.js';
import type { Meeting } from '../../contract/meeting.js';
import type { CareTeam, Member } from '../../contract/team.js';
import type { CalendarDateStyle, DateContext } from '../../i18n/format.js';
import { formatDate, formatTimeRange } from '../../i18n/format.js';
import type { CommonMessages, SchedulerMessages } from '../../i18n/types.js';
import { headingTag } from '../base/heading-level.js';
import type { DraftField, DraftProblem } from './draft.js';
import { offsetAt, timeOfMinutes } from './zone.js';
import { roleLabel } from '../base/role-label.js';

export type Messages = SchedulerMessages & CommonMessages;
export type Problems = Partial<Record<DraftField, DraftProblem>>;

/** Start times offered in the forms: every 15 minutes from 07:00 to 20:45. */
export const START_TIMES = Array.from({ length: 56 }, (_, i) => timeOfMinutes(7 * 60 + i * 15));

/** The offered start times, with `time` added in order when it is not one of them. */
export const startTimesWith = (time: string): string[] => (time && !START_TIMES.includes(time) ? [...START_TIMES, time].sort() : START_TIMES);

/** The name a meeting carries for a participant who is not on the team (kept by the contract as given; shown as text only). */
export const outsideName = (meeting: Pick<Meeting, 'participants'> | undefined, id: string): string | undefined => {
  const name = (meeting?.participants.find((p) => p.memberId === id) as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
};

/** Where focus goes back to, by reference: the ids stay for labels and `aria-describedby` only. */
export class SchedulerRefs {
  readonly title = new Kept<HTMLElement>();
  readonly errorSummary = new Kept<HTMLElement>();
  readonly addTemplate = new Kept<HTMLSelectElement>();
  readonly datesTitle = new Kept<HTMLElement>();
  readonly moveDate = new Kept<HTMLInputElement>();
  readonly keep = new Kept<HTMLButtonElement>();
  readonly failureAction = new Kept<HTMLButtonElement>();
  /** Try again, when a part that loads on first use did not arrive. */
  readonly partRetry = new Kept<HTMLButtonElement>();
  /** The `.ics` link, clicked again once the file is made on first use. */
  readonly download = new Kept<HTMLAnchorElement>();
  /** The first control of each form field with a problem, for the error summary's links. */
  readonly fields = new KeyedKept<DraftField>();
  /** Agenda item controls, keyed `<item key>:title|up|down`. */
  readonly items = new KeyedKept<string>();
  /** A series date's Move button, keyed by the date's original start. */
  readonly moveButtons = new KeyedKept<string>();
}

export interface FormatOptions {
  t: Messages;
  dates: (zone?: string) => DateContext;
  date: (value: string, style?: CalendarDateStyle) => string;
  isProfessional: boolean;
}

/** The scheduler's words for dates, times, people and zones, shared by every render module. */
export class SchedulerFormat {
  constructor(private readonly options: FormatOptions) {}

  get t(): Messages {
    return this.options.t;
  }

  dates(zone?: string): DateContext {
    return this.options.dates(zone);
  }

  /** In-person and hybrid meetings are shown on the venue's clock. */
  displayZone(meeting: Pick<Meeting, 'mode' | 'location' | 'timeZone'>): string {
    const venue = meeting.mode !== 'digital' ? meeting.location?.timeZone : undefined;
    return isTimeZone(venue) ? venue : meeting.timeZone;
  }

  shortDate(date: string): string {
    return this.options.date(date, 'short');
  }

  longDate(date: string): string {
    return this.options.date(date);
  }

  dayLabel(date: string): string {
    return this.options.date(date, 'weekday');
  }

  when(start: string, end: string, zone: string, style: 'long' | 'weekday' = 'weekday'): string {
    return `${formatDate(start, this.dates(zone), style)}, ${formatTimeRange(start, end, this.dates(zone))}`;
  }

  timeRange(start: string, end: string, zone: string): string {
    return formatTimeRange(start, end, this.dates(zone));
  }

  /**
   * A person's name: the team member's, else the name `meeting` gives a participant from outside
   * the team (a FHIR reference's display), else "Unknown person".
   */
  nameOf(team: CareTeam, id: string, meeting?: Pick<Meeting, 'participants'>): string {
    return team.members.find((m) => m.id === id)?.name ?? outsideName(meeting, id) ?? this.t.unknownPerson;
  }

  names(team: CareTeam, ids: readonly string[], meeting?: Pick<Meeting, 'participants'>): string {
    return ids.map((id) => this.nameOf(team, id, meeting)).join(', ');
  }

  roleOf(team: CareTeam, member: Member): string {
    const role = roleLabel(member, this.options.isProfessional);
    const organisation = team.organisations.find((o) => o.id === member.organisationId)?.name;
    return [role ?? this.t.memberKinds[member.kind], organisation].filter(Boolean).join(' · ');
  }

  zoneLabel(zone: string, at: number): string {
    const offset = offsetAt(zone, at);
    const sign = offset < 0 ? '−' : '+';
    const abs = Math.abs(offset);
    return `${zone} (UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')})`;
  }
}

/** What every render module reads: the words, the formats, the refs and who is looking. */
export interface SchedulerView {
  t: Messages;
  fmt: SchedulerFormat;
  refs: SchedulerRefs;
  today: string;
  level: number;
  me: string;
  isProfessional: boolean;
  locale: string;
  labels: unknown;
  /** A change is being saved: buttons that would start another wait. */
  busy: boolean;
}

/** A heading at `level`, with a reference when focus may be sent to it. */
export const heading = (level: number, id: string, className: string, content: unknown, part?: string, target?: Kept<HTMLElement>) => {
  const tag = headingTag(level);
  // The main heading takes focus after a booking or when a form closes, so it is focusable from script.
  return staticHtml`<${tag} id=${id} class=${className} part=${part ?? nothing} tabindex=${id === 'title' ? '-1' : nothing} ${keep(target)}>${content}</${tag}>`;
};
