import { isTimeZone, safeHttpsUrl } from '../../contract/common.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { html as staticHtml } from 'lit/static-html.js';
import * as z from 'zod/mini';
import type { Actor } from '../../contract/common.js';
import type { FieldConflict, StoreError } from '../../data/types.js';
import { ConsentDirective, type ConsentDirectiveInput } from '../../contract/consent.js';
import { Availability, Meeting, type MeetingInput } from '../../contract/meeting.js';
import { CareTeam, type CareTeamInput, type Member } from '../../contract/team.js';
import { check, type ContractIssue } from '../../contract/validate.js';
import {
  AGENDA_TEMPLATES,
  AUDIENCES,
  MEETING_KINDS,
  MEETING_MODES,
  type AgendaTemplate,
  type Audience,
  type MeetingKind,
  type MeetingMode,
  type ResponseStatus,
} from '../../contract/values.js';
import { calendarDate, formatDate, formatTimeRange } from '../../i18n/format.js';
import type { CommonMessages, SchedulerMessages } from '../../i18n/types.js';
import { CareElement } from '../base/care-element.js';
import { CareErrorEvent } from '../base/events.js';
import { headingLevel, headingTag } from '../base/heading-level.js';
import { carryIntent } from '../base/intent.js';
import { describeMeetingConflicts } from './conflicts.js';
import { agendaFor, agendaOf, attendanceWindow, TEMPLATE_MINUTES } from './agenda.js';
import {
  DRAFT_FIELDS,
  DURATIONS,
  draftFromMeeting,
  draftParticipants,
  draftEnd,
  draftProblems,
  draftSpan,
  meetingFromDraft,
  newDraft,
  newItemKey,
  parseDateText,
  searchEnd,
  searchStart,
  supportCandidates,
  type Draft,
  type DraftField,
  type DraftProblem,
} from './draft.js';
import { CareDatePickEvent, CareMeetingChangeEvent, CareMeetingRequestEvent, type MeetingAction } from './events.js';
import { distinctSlots, findFreeSlots, type FreeSlot } from './free-time.js';
import { withBookedMeetings } from './team-meetings.js';
import { agendaText, icsFileName, meetingToIcs } from './ics.js';
import { DOWNLOAD_ICON, MODE_ICONS, RESPONSE_ICONS, WARNING_ICON } from './icons.js';
import { schedulerStyles } from './meeting-scheduler.styles.js';
import { DATES_PER_PAGE, expandOccurrences, nextOfSeries, occurrencePage, takingPlaceBetween, withOccurrenceChange, type Occurrence, type OccurrencePage } from './recurrence.js';
import { consentWarnings, timeWarnings, type MeetingWarning } from './warnings.js';
import { dateIn, instantAt, isCalendarDate, offsetAt, timeIn, timeOfMinutes } from './zone.js';
import { scheduler } from '../../i18n/catalogues/en/scheduler.js';

export { CareMeetingChangeEvent, CareMeetingRequestEvent, type CareMeetingDetail, type MeetingAction } from './events.js';

type Messages = SchedulerMessages & CommonMessages;

/** The team's own zone when nothing else is said. */
export const TEAM_TIME_ZONE = 'Europe/Oslo';

/** Zones offered in the planning form (the meeting's own zone is added when it is another). */
export const OFFERED_TIME_ZONES = [
  'Europe/Oslo',
  'Europe/Stockholm',
  'Europe/Copenhagen',
  'Europe/Helsinki',
  'Europe/London',
  'Atlantic/Reykjavik',
  'UTC',
] as const;

const AvailabilityList = z.array(Availability);
const ConsentList = z.array(ConsentDirective);
type AvailabilityInput = z.input<typeof Availability>;

interface ReadyData {
  kind: 'ready';
  team: CareTeam;
  meeting?: Meeting;
  availability: Availability[];
  consents: ConsentDirective[];
}

type DataState =
  | ReadyData
  | { kind: 'invalid'; issues: ContractIssue[] }
  | { kind: 'loading' }
  | { kind: 'load-error' }
  | { kind: 'no-team' }
  | { kind: 'no-meeting' };

/** A save that failed, with what is needed to try it again. */
interface SaveFailure {
  message: string;
  retry: () => void;
  /** Both versions in plain words, when someone else changed the same things: the person chooses. */
  conflicts?: string[];
  choose?: (choice: 'mine' | 'theirs') => void;
}

/** The small form for moving one date of a series. */
interface MoveForm {
  originalStart: string;
  date: string;
  dateText: string;
  time: string;
  problem?: 'date' | 'time';
}



const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Start times offered in the form: every 15 minutes from 07:00 to 20:45. */
const START_TIMES = Array.from({ length: 56 }, (_, i) => timeOfMinutes(7 * 60 + i * 15));
const AGENDA_MINUTES = [5, 10, 15, 20, 25, 30, 40, 45, 60, 75, 90, 120];
const SLOTS_PER_PAGE = 6;
/** How far ahead a booked series is checked for clashes and consent (the finder's busy times reach as far). */
const WARNINGS_AHEAD_MS = 400 * 24 * 60 * 60 * 1000;
const MEMBER_ORDER: Member['kind'][] = ['service-user', 'professional', 'next-of-kin', 'legal-representative', 'peer-supporter', 'advocate', 'team'];

let meetingSequence = 0;
const newMeetingId = () => `mt-${Date.now().toString(36)}-${(meetingSequence++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** An https link as the browser normalises it, or nothing (no other scheme, no user name before the host). */
const safeHttps = (value: string | undefined): string | undefined => safeHttpsUrl(value)?.href;

/**
 * Plans and shows the meetings of a care team: responsibility-group meetings, coordination
 * meetings, accompanied and double GP appointments, network meetings. Professionals pick the
 * participants from the team (required or optional, the service user and their support person
 * included), choose in person, digital or hybrid, find a time that suits everyone required
 * (ranked by how many optional people can come, inside everyone's working hours), and build an
 * agenda whose items have their own time slots and attendees, so each person sees the part they
 * are needed for. A booked meeting shows when and where (in the venue's zone, with the viewer's
 * own time when it differs), who comes and their answers, the agenda, every date of a series
 * (moved and cancelled ones marked), warnings about consent, busy people and working hours, and an
 * `.ics` download. Every change goes through a cancelable `care-meeting-request` event.
 *
 * Feed it `team`, `availability`, `consents` and optionally a `meeting` (controlled), or place it in
 * a `<care-context>` (connected): it then reads the record from the store, shows the meeting named
 * by `meeting-id`, and plans a new one when there is none.
 *
 * @summary Plan a team meeting, find a time that suits everyone, and show a booked meeting or series.
 *
 * @fires care-meeting-request - `CareMeetingRequestEvent`, detail `{ meeting, previous?, action }` with action `book`, `update`, `move-occurrence`, `cancel-occurrence`, `cancel` or `respond`: the user asked for a change. Cancelable; `waitUntil(promise)` lets the host save first.
 * @fires care-meeting-change - `CareMeetingChangeEvent`, same detail: the change has been saved (connected) or accepted (controlled).
 * @fires care-error - `CareErrorEvent`, detail `{ entity, entityId, error }`: a save failed; the element shows why and offers to try again. Nothing the user typed is lost.
 * @fires care-data-error - `CareDataErrorEvent`, detail `{ entity, issues }`: a property breaks the data contract; the element shows what is wrong.
 *
 * @csspart base - The whole element (a section labelled by its heading).
 * @csspart title - The element's heading.
 * @csspart form - The planning form.
 * @csspart participants - The participants: checkboxes in the form, the list in a booked meeting.
 * @csspart slots - A list of free times (suggested times, or the free times of the chosen day).
 * @csspart slot - One free time (its label).
 * @csspart calendar - The month grid of the date picker.
 * @csspart day - A day in the date picker; also `day-selected`, `day-today`, `day-free`, `day-disabled`.
 * @csspart agenda - The agenda: items in the form, the running order in a booked meeting.
 * @csspart your-part - The viewer's own part of the agenda and their answer (when `me` is set).
 * @csspart occurrences - The list of dates of a series.
 * @csspart occurrence - One date of a series; also `occurrence-moved`, `occurrence-cancelled`.
 * @csspart warnings - The warnings (consent, busy, working hours).
 * @csspart actions - The row of buttons at the end.
 * @csspart download - The `.ics` download link.
 * @csspart state - The loading, empty, error and invalid-data states.
 *
 * @cssprop [--care-meeting-scheduler-max-width=48rem] - Widest the element gets.
 * @cssprop [--care-meeting-scheduler-gap=var(--care-space-4)] - Space between sections.
 * @cssprop [--care-meeting-scheduler-section-background=var(--care-color-surface-raised)] - Background of form groups and sections.
 * @cssprop [--care-meeting-scheduler-section-border-color=var(--care-color-border-subtle)] - Border of form groups and sections.
 * @cssprop [--care-meeting-scheduler-slot-background=var(--care-color-surface)] - Background of a free time.
 * @cssprop [--care-meeting-scheduler-slot-selected-background=var(--care-color-accent-surface)] - Background of the chosen free time.
 * @cssprop [--care-meeting-scheduler-slot-selected-border-color=var(--care-color-accent)] - Border of the chosen free time.
 * @cssprop [--care-meeting-scheduler-warning-background=var(--care-color-warning-surface)] - Background of the warnings.
 * @cssprop [--care-meeting-scheduler-warning-color=var(--care-color-warning)] - Border and icon of the warnings.
 * @cssprop [--care-meeting-scheduler-your-part-background=var(--care-color-accent-surface)] - Background of the viewer's own part.
 * @cssprop [--care-meeting-scheduler-day-size=2.75rem] - Size of a day in the date picker.
 * @cssprop [--care-meeting-scheduler-selected-background=var(--care-color-accent)] - Background of the chosen day.
 * @cssprop [--care-meeting-scheduler-selected-color=var(--care-color-accent-text)] - Text of the chosen day.
 * @cssprop [--care-meeting-scheduler-free-marker-color=var(--care-color-success)] - The dot under days with free times.
 * @cssprop [--care-meeting-scheduler-professional-target-size=1.75rem] - Minimum size of buttons and fields in the professional audience (the service-user audience uses `--care-target-size`, 44 px).
 */
export class CareMeetingScheduler extends CareElement<'scheduler'> {
  static override styles = [...CareElement.styles, schedulerStyles];

  protected readonly namespace = 'scheduler' as const;
  protected readonly english: SchedulerMessages = scheduler;

  /** The meeting to show, or to change (controlled mode). Checked against the data contract once per object. Without it, the element plans a new meeting. */
  @property({ attribute: false }) meeting?: MeetingInput;

  /** The care team whose members can be invited (controlled mode). When unset, it comes from the store of an enclosing `<care-context>`. */
  @property({ attribute: false }) team?: CareTeamInput;

  /** Members' busy times and working hours, for finding times and for warnings. When unset, from the store. */
  @property({ attribute: false }) availability?: AvailabilityInput[];

  /** The service user's consent directives, for warnings about invitees not covered by a consent. When unset, from the store. */
  @property({ attribute: false }) consents?: ConsentDirectiveInput[];

  /** Id of the meeting to show from the store (connected mode). Without it the element plans a new meeting. */
  @property({ attribute: 'meeting-id' }) meetingId = '';

  /** Who is reading: `professional` (plans and manages meetings) or `service-user` (plain words, large targets; sees the meeting, their part, and can answer). */
  @property({ reflect: true }) audience: Audience = 'professional';

  /** Member id of the person viewing, to show "your part" of the agenda and let them answer the invitation. */
  @property() me = '';

  /** Today as `YYYY-MM-DD` in the team's zone: where searches start, which dates are past, which consents are in force. Defaults to the current date. */
  @property() today = '';

  /** The team's IANA zone, used for new meetings that are not in person. */
  @property({ attribute: 'time-zone' }) timeZone = TEAM_TIME_ZONE;

  /** The viewer's own IANA zone, to show their local time beside the meeting's when it differs. Defaults to the browser's zone. */
  @property({ attribute: 'viewer-time-zone' }) viewerTimeZone = '';

  /** Level of the element's heading (1–5); section headings are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Shows the loading state (controlled mode, while the host fetches data). */
  @property({ type: Boolean, reflect: true }) loading = false;

  @state() private draft?: Draft;
  @state() private editing = false;
  @state() private submitted = false;
  @state() private findRequested = false;
  @state() private slotLimit = SLOTS_PER_PAGE;
  @state() private saving?: MeetingAction;
  @state() private failure?: SaveFailure;
  @state() private notice = '';
  @state() private bookedId = '';
  @state() private moving?: MoveForm;
  @state() private confirming?: { action: 'cancel' | 'cancel-occurrence'; originalStart?: string };
  /** The page of a series' dates the person paged to; without one the list opens at today. */
  @state() private datesPage?: { meetingId: string; firstIndex: number };

  private dataState: DataState = { kind: 'no-team' };
  private slots: FreeSlot[] = [];
  private suggestions: FreeSlot[] = [];
  private slotsKey: unknown[] = [];
  private bookedBusy?: { key: unknown[]; value: Availability[] };
  private freeDaysOf?: { slots: FreeSlot[]; days: string[] };
  private download?: { key: unknown[]; url: string; name: string };
  private focusAfterRender?: string;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.download) URL.revokeObjectURL(this.download.url);
    this.download = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('meeting') || changed.has('meetingId')) {
      this.editing = false;
      this.moving = undefined;
      this.confirming = undefined;
      if (changed.has('meetingId')) this.bookedId = '';
    }
    this.dataState = this.resolveData();
    const data = this.dataState;
    if (data.kind !== 'ready') return;
    const planning = !data.meeting || this.editing;
    if (planning && !this.draft) this.draft = this.startDraft(data);
    // Cheap enough to keep current: it marks free days in the picker and lists the chosen day's times.
    if (planning && this.draft) this.updateSlots(data, this.draft);
    if (data.meeting && !this.editing) this.prepareDownload(data, data.meeting);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusAfterRender) {
      const selector = this.focusAfterRender;
      this.focusAfterRender = undefined;
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
    }
  }

  override render(): TemplateResult {
    // The live regions sit outside the view, so they exist before a message arrives and survive the switch to the booked meeting.
    return html`${this.renderView()}${this.renderAnnouncer()}`;
  }

  private renderView(): TemplateResult {
    const data = this.dataState;
    switch (data.kind) {
      case 'invalid':
        return this.frame(this.t.title, this.renderDataError(data.issues));
      case 'loading':
        return this.frame(this.t.title, this.renderLoading());
      case 'load-error':
        return this.frame(this.t.title, this.renderLoadError(() => void this.store?.load()));
      case 'no-team':
        return this.frame(this.t.title, this.renderEmpty(this.t.emptyTeamTitle, this.t.emptyTeamBody));
      case 'no-meeting':
        return this.frame(this.t.title, this.renderNoMeeting());
      case 'ready':
        return data.meeting && !this.editing ? this.renderMeeting(data, data.meeting) : this.renderPlanner(data, this.draft!);
    }
  }

  // ----- data -----

  private resolveData(): DataState {
    if (this.loading) return { kind: 'loading' };
    const snapshot = this.store ? (this.snapshot ?? this.store.snapshot) : undefined;
    const record = snapshot?.record;

    let team: CareTeam | undefined;
    if (this.team !== undefined && this.team !== null) {
      const result = this.checkInput('team', CareTeam, this.team);
      if ('issues' in result) return { kind: 'invalid', issues: result.issues };
      team = result.value;
    } else if (snapshot) {
      if (snapshot.status === 'error' && !record) return { kind: 'load-error' };
      if (!record) return snapshot.status === 'ready' ? { kind: 'no-team' } : { kind: 'loading' };
      team = record.team;
    }
    if (!team || !team.members.some((m) => m.status === 'active' && m.id !== team.serviceUserId)) return { kind: 'no-team' };

    let availability: Availability[] = record?.availability ?? [];
    if (this.availability !== undefined && this.availability !== null) {
      const result = this.checkInput('availability', AvailabilityList, this.availability);
      if ('issues' in result) return { kind: 'invalid', issues: result.issues.map((i) => ({ ...i, path: `availability${i.path === '' || i.path.startsWith('[') ? '' : '.'}${i.path}` })) };
      availability = result.value;
    }
    if (record) availability = this.withTeamMeetings(availability, record.meetings, this.meeting?.id || this.meetingId || this.bookedId);
    let consents: ConsentDirective[] = record?.consents ?? [];
    if (this.consents !== undefined && this.consents !== null) {
      const result = this.checkInput('consents', ConsentList, this.consents);
      if ('issues' in result) return { kind: 'invalid', issues: result.issues.map((i) => ({ ...i, path: `consents${i.path === '' || i.path.startsWith('[') ? '' : '.'}${i.path}` })) };
      consents = result.value;
    }

    let meeting: Meeting | undefined;
    if (this.meeting !== undefined && this.meeting !== null) {
      const result = this.checkInput('meeting', Meeting, this.meeting);
      if ('issues' in result) return { kind: 'invalid', issues: result.issues };
      meeting = result.value;
    } else if (record) {
      const id = this.meetingId || this.bookedId;
      if (id) {
        meeting = record.meetings.find((m) => m.id === id);
        if (!meeting) return { kind: 'no-meeting' };
      }
    }
    return { kind: 'ready', team, meeting, availability, consents };
  }

  private get messages(): Messages {
    return this.t as Messages;
  }

  private get currentAudience(): Audience {
    return (AUDIENCES as readonly string[]).includes(this.audience) ? this.audience : 'professional';
  }

  private get isProfessional(): boolean {
    return this.currentAudience === 'professional';
  }

  private get teamZone(): string {
    return isTimeZone(this.timeZone) ? this.timeZone : TEAM_TIME_ZONE;
  }

  private get viewerZone(): string {
    return isTimeZone(this.viewerTimeZone) ? this.viewerTimeZone : Intl.DateTimeFormat().resolvedOptions().timeZone;
  }

  private get todayDate(): string {
    return isCalendarDate(this.today) ? this.today : calendarDate(new Date(), this.teamZone);
  }

  private get level(): number {
    return headingLevel(this.headingLevel, 2);
  }

  /** Who is using the page, when the page said so (not the "unknown person" fallback). */
  private get knownActor(): Actor | undefined {
    return this.contextActor ?? this.store?.actor;
  }

  private startDraft(data: ReadyData): Draft {
    const t = this.messages;
    if (data.meeting) return draftFromMeeting(data.meeting, data.team, (date) => this.shortDate(date));
    return newDraft(data.team, {
      timeZone: this.teamZone,
      kindTitle: (kind) => t.kinds[kind],
      templateTitle: (template) => t.templates[template],
    });
  }

  /** The store's other booked meetings as busy time, worked out again only when they change. */
  private withTeamMeetings(availability: Availability[], meetings: readonly Meeting[], exceptId: string | undefined): Availability[] {
    const from = instantAt(this.todayDate, '00:00', this.teamZone);
    const key = [availability, meetings, exceptId, from];
    if (!this.bookedBusy || !sameKey(key, this.bookedBusy.key)) this.bookedBusy = { key, value: withBookedMeetings(availability, meetings, exceptId, from) };
    return this.bookedBusy.value;
  }

  private updateSlots(data: ReadyData, draft: Draft) {
    const required = Object.entries(draft.invited).filter(([, a]) => a === 'required').map(([id]) => id);
    const optional = Object.entries(draft.invited).filter(([, a]) => a === 'optional').map(([id]) => id);
    const first = searchStart(draft, this.todayDate);
    const key = [data.availability, required.join(), optional.join(), first, draft.durationMinutes, draft.timeZone];
    if (sameKey(key, this.slotsKey)) return;
    this.slotsKey = key;
    this.slots = findFreeSlots({
      availability: data.availability,
      requiredIds: required,
      optionalIds: optional,
      from: instantAt(first, '00:00', draft.timeZone),
      to: instantAt(searchEnd(first), '00:00', draft.timeZone),
      durationMinutes: draft.durationMinutes,
      timeZone: draft.timeZone,
    });
    this.suggestions = distinctSlots(this.slots);
  }

  private prepareDownload(data: ReadyData, meeting: Meeting) {
    const key = [meeting, data.team, this.catalogue, this.labels];
    if (this.download && sameKey(key, this.download.key)) return;
    if (this.download) URL.revokeObjectURL(this.download.url);
    // The description's times are on the clock of the event's DTSTART, and say so.
    const heading = `${this.messages.agendaHeading} (${this.messages.zoneNote(meeting.timeZone)})`;
    const text = meetingToIcs(meeting, {
      members: data.team.members,
      description: agendaText(meeting, { heading, memberName: (id) => this.nameOf(data.team, id) }),
    });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    this.download = { key, url, name: icsFileName(meeting) };
  }

  // ----- formatting -----

  /** In-person and hybrid meetings are shown on the venue's clock. */
  private displayZone(meeting: Pick<Meeting, 'mode' | 'location' | 'timeZone'>): string {
    const venue = meeting.mode !== 'digital' ? meeting.location?.timeZone : undefined;
    return isTimeZone(venue) ? venue : meeting.timeZone;
  }

  private shortDate(date: string): string {
    return this.localize.date(date, 'short');
  }

  private dayLabel(date: string): string {
    return this.localize.date(date, 'weekday');
  }

  private when(start: string, end: string, zone: string, style: 'long' | 'weekday' = 'weekday'): string {
    return `${formatDate(start, this.dates(zone), style)}, ${formatTimeRange(start, end, this.dates(zone))}`;
  }

  private nameOf(team: CareTeam, id: string): string {
    return team.members.find((m) => m.id === id)?.name ?? this.messages.unknownPerson;
  }

  private names(team: CareTeam, ids: readonly string[]): string {
    return ids.map((id) => this.nameOf(team, id)).join(', ');
  }

  private roleOf(team: CareTeam, member: Member): string {
    const role = this.isProfessional ? (member.role?.professionalLabel ?? member.role?.label) : member.role?.label;
    const organisation = team.organisations.find((o) => o.id === member.organisationId)?.name;
    return [role ?? this.messages.memberKinds[member.kind], organisation].filter(Boolean).join(' · ');
  }

  private zoneLabel(zone: string, at: number): string {
    const offset = offsetAt(zone, at);
    const sign = offset < 0 ? '−' : '+';
    const abs = Math.abs(offset);
    return `${zone} (UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')})`;
  }

  private heading(level: number, id: string, className: string, content: unknown, part?: string) {
    const tag = headingTag(level);
    // The main heading takes focus after a booking or when a form closes, so it is focusable from script.
    return staticHtml`<${tag} id=${id} class=${className} part=${part ?? nothing} tabindex=${id === 'title' ? '-1' : nothing}>${content}</${tag}>`;
  }

  // ----- states -----

  private frame(title: string, content: TemplateResult): TemplateResult {
    return html`<section class="scheduler" part="base" aria-labelledby="title">
      ${this.heading(this.level, 'title', 'title', title, 'title')} ${content}
    </section>`;
  }

  private renderEmpty(title: string, body: string): TemplateResult {
    return html`<div class="state" part="state empty">
      <p class="state-title">${title}</p>
      <p>${body}</p>
    </div>`;
  }

  private renderNoMeeting(): TemplateResult {
    const t = this.messages;
    return html`<div class="state" part="state empty">
      <p class="state-title">${t.emptyMeetingTitle}</p>
      <p>${this.isProfessional ? t.emptyMeetingBody : t.emptyMeetingBodyServiceUser}</p>
    </div>`;
  }

  /** Always rendered, never display: none: screen readers only announce changes in regions they already know. */
  private renderAnnouncer(): TemplateResult {
    const t = this.messages;
    return html`<div class="visually-hidden" role="status" aria-live="polite" part="announcer">${this.saving ? t.saving : this.notice}</div>
      <div class="visually-hidden" role="alert">${this.failure ? `${t.saveFailed} ${this.failure.conflicts?.length ? `${t.bothChanged} ${this.failure.conflicts.join(' ')}` : `${this.failure.message} ${t.nothingLost}`}` : ''}</div>`;
  }

  /** What the announcer says, shown where the person is; the announcer alone speaks it. */
  private renderStatus(): TemplateResult {
    const t = this.messages;
    return html`<div class="status">${this.saving ? t.saving : this.notice}</div>
      ${this.failure?.conflicts?.length
        ? html`<div class="state error save-error">
            <p><strong>${t.saveFailed}</strong> ${t.bothChanged}</p>
            <ul class="conflicts">
              ${this.failure.conflicts.map((sentence) => html`<li>${sentence}</li>`)}
            </ul>
            <div class="buttons">
              <button type="button" class="primary" @click=${() => this.failure?.choose?.('mine')}>${t.keepMine}</button>
              <button type="button" @click=${() => this.failure?.choose?.('theirs')}>${t.keepTheirs}</button>
            </div>
          </div>`
        : this.failure
        ? html`<div class="state error save-error">
            <p><strong>${t.saveFailed}</strong> ${this.failure.message} ${t.nothingLost}</p>
            <div class="buttons">
              <button type="button" class="primary" @click=${this.failure.retry}>${t.retry}</button>
              <button type="button" @click=${() => (this.failure = undefined)}>${t.close}</button>
            </div>
          </div>`
        : nothing}`;
  }

  // ----- planning -----

  private renderPlanner(data: ReadyData, draft: Draft): TemplateResult {
    const t = this.messages;
    const problems = this.submitted ? draftProblems(draft) : {};
    const problemFields = DRAFT_FIELDS.filter((f) => problems[f]);
    const level = this.level;
    return html`<section class="scheduler" part="base" aria-labelledby="title">
      ${this.heading(level, 'title', 'title', this.editing ? t.editTitle : t.planTitle, 'title')}
      <form part="form" class="planner" novalidate @submit=${this.onSubmit}>
        ${problemFields.length
          ? html`<div class="error-summary" role="alert" tabindex="-1">
              <p><strong>${t.errorSummary(problemFields.length)}</strong></p>
              <ul>
                ${problemFields.map(
                  (field) =>
                    html`<li><button type="button" class="link" @click=${() => this.focusField(field)}>${t.problems[problems[field]!]}</button></li>`,
                )}
              </ul>
            </div>`
          : nothing}
        ${this.renderAbout(draft, problems)} ${this.renderParticipantsForm(data, draft, problems)} ${this.renderMode(draft, problems)}
        ${this.renderWhen(data, draft, problems)} ${this.renderRepeat(draft, problems)} ${this.renderAgendaForm(data, draft, problems)}
        ${this.renderWarnings(data, this.draftWarnings(data, draft))}
        <div class="actions" part="actions">
          <button type="submit" class="primary" aria-disabled=${this.saving ? 'true' : nothing}>${this.editing ? t.saveChanges : t.book}</button>
          ${this.editing ? html`<button type="button" @click=${this.stopEditing}>${t.cancelChanges}</button>` : nothing}
        </div>
        ${this.renderStatus()}
      </form>
    </section>`;
  }

  private errorText(field: DraftField, problems: Partial<Record<DraftField, DraftProblem>>) {
    const problem = problems[field];
    return problem
      ? html`<p class="inline-error" id=${`${field}-error`}><span class="visually-hidden">${this.messages.errorPrefix} </span>${this.messages.problems[problem]}</p>`
      : nothing;
  }

  private describedBy(field: DraftField, problems: Partial<Record<DraftField, DraftProblem>>, ...hints: string[]) {
    const ids = [...hints, problems[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private renderAbout(draft: Draft, problems: Partial<Record<DraftField, DraftProblem>>): TemplateResult {
    const t = this.messages;
    return html`<fieldset class="group">
      <legend>${t.aboutLegend}</legend>
      <div class="field">
        <label for="kind">${t.kindLabel}</label>
        <select id="kind" @change=${(e: Event) => this.setKind((e.target as HTMLSelectElement).value as MeetingKind)}>
          ${MEETING_KINDS.map((kind) => html`<option value=${kind} ?selected=${draft.kind === kind}>${t.kinds[kind]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="title-input">${t.titleLabel}</label>
        ${this.errorText('title', problems)}
        <input
          id="title-input"
          type="text"
          maxlength="300"
          autocomplete="off"
          .value=${live(draft.title)}
          aria-invalid=${problems.title ? 'true' : 'false'}
          aria-describedby=${this.describedBy('title', problems)}
          @input=${(e: Event) => this.patch({ title: (e.target as HTMLInputElement).value, titleEdited: true })}
        />
      </div>
    </fieldset>`;
  }

  private renderParticipantsForm(data: ReadyData, draft: Draft, problems: Partial<Record<DraftField, DraftProblem>>): TemplateResult {
    const t = this.messages;
    const team = data.team;
    const members = team.members
      .filter((m) => m.status === 'active' || draft.invited[m.id])
      .sort((a, b) => MEMBER_ORDER.indexOf(a.kind) - MEMBER_ORDER.indexOf(b.kind));
    const serviceUser = team.members.find((m) => m.id === team.serviceUserId);
    const candidates = supportCandidates(team);
    return html`<fieldset class="group" part="participants" id="participants" tabindex="-1" aria-describedby=${this.describedBy('participants', problems, 'participants-hint')}>
      <legend>${t.participantsLegend}</legend>
      <p class="hint" id="participants-hint">${t.participantsHint}</p>
      ${this.errorText('participants', problems)}
      <ul class="people" role="list">
        ${members.map((member, index) => {
          const attendance = draft.invited[member.id];
          return html`<li class="person">
            <div class="check">
              <input
                type="checkbox"
                id=${`invite-${index}`}
                .checked=${live(Boolean(attendance))}
                @change=${(e: Event) => this.invite(member.id, (e.target as HTMLInputElement).checked)}
              />
              <label for=${`invite-${index}`}>
                <span class="name">${member.name}</span>
                <span class="muted">${this.roleOf(team, member)}</span>
              </label>
            </div>
            ${attendance
              ? html`<select
                  class="attendance"
                  aria-label=${t.attendanceFor(member.name)}
                  @change=${(e: Event) => this.setAttendance(member.id, (e.target as HTMLSelectElement).value as 'required' | 'optional')}
                >
                  <option value="required" ?selected=${attendance === 'required'}>${t.required}</option>
                  <option value="optional" ?selected=${attendance === 'optional'}>${t.optional}</option>
                </select>`
              : nothing}
          </li>`;
        })}
      </ul>
      ${candidates.length && serviceUser
        ? html`<div class="field">
            <label for="support">${t.supportPersonLabel(serviceUser.name)}</label>
            <p class="hint" id="support-hint">${t.supportPersonHint}</p>
            <select id="support" aria-describedby="support-hint" @change=${(e: Event) => this.setSupportPerson((e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!draft.supportPersonId}>${t.noSupportPerson}</option>
              ${candidates.map(
                (m) => html`<option value=${m.id} ?selected=${draft.supportPersonId === m.id}>${m.name} (${this.roleOf(team, m)})</option>`,
              )}
            </select>
          </div>`
        : nothing}
    </fieldset>`;
  }

  private renderMode(draft: Draft, problems: Partial<Record<DraftField, DraftProblem>>): TemplateResult {
    const t = this.messages;
    return html`<fieldset class="group">
      <legend>${t.modeLegend}</legend>
      <div class="choices">
        ${MEETING_MODES.map(
          (mode) => html`<div class="choice">
            <input
              type="radio"
              name="mode"
              id=${`mode-${mode}`}
              value=${mode}
              .checked=${live(draft.mode === mode)}
              aria-describedby=${`mode-${mode}-hint`}
              @change=${() => this.setMode(mode)}
            />
            <label for=${`mode-${mode}`}>${MODE_ICONS[mode]} ${t.modes[mode]}</label>
            <p class="hint" id=${`mode-${mode}-hint`}>${t.modeHints[mode]}</p>
          </div>`,
        )}
      </div>
      ${draft.mode !== 'digital'
        ? html`<div class="field">
              <label for="location-name">${t.locationLabel}</label>
              ${this.errorText('locationName', problems)}
              <input
                id="location-name"
                type="text"
                maxlength="300"
                .value=${live(draft.locationName)}
                aria-invalid=${problems.locationName ? 'true' : 'false'}
                aria-describedby=${this.describedBy('locationName', problems)}
                @input=${(e: Event) => this.patch({ locationName: (e.target as HTMLInputElement).value })}
              />
            </div>
            <div class="field">
              <label for="location-address">${t.addressLabel}</label>
              <input
                id="location-address"
                type="text"
                maxlength="500"
                autocomplete="street-address"
                .value=${live(draft.locationAddress)}
                @input=${(e: Event) => this.patch({ locationAddress: (e.target as HTMLInputElement).value })}
              />
            </div>`
        : nothing}
      ${draft.mode !== 'in-person'
        ? html`<div class="field">
            <label for="video-link">${t.videoLinkLabel}</label>
            <p class="hint" id="video-hint">${t.videoLinkHint}</p>
            ${this.errorText('videoLink', problems)}
            <input
              id="video-link"
              type="url"
              inputmode="url"
              maxlength="2000"
              .value=${live(draft.videoLink)}
              aria-invalid=${problems.videoLink ? 'true' : 'false'}
              aria-describedby=${this.describedBy('videoLink', problems, 'video-hint')}
              @input=${(e: Event) => this.patch({ videoLink: (e.target as HTMLInputElement).value })}
            />
          </div>`
        : nothing}
    </fieldset>`;
  }

  private renderWhen(data: ReadyData, draft: Draft, problems: Partial<Record<DraftField, DraftProblem>>): TemplateResult {
    const t = this.messages;
    const zones = [...new Set<string>([...OFFERED_TIME_ZONES, draft.timeZone])];
    const now = Date.now();
    const times = draft.time && !START_TIMES.includes(draft.time) ? [...START_TIMES, draft.time].sort() : START_TIMES;
    const example = this.shortDate(this.todayDate);
    return html`<fieldset class="group">
      <legend>${t.whenLegend}</legend>
      <div class="row">
        <div class="field">
          <label for="duration">${t.durationLabel}</label>
          <select id="duration" @change=${(e: Event) => this.patch({ durationMinutes: Number((e.target as HTMLSelectElement).value) })}>
            ${[...new Set([...DURATIONS, draft.durationMinutes])]
              .sort((a, b) => a - b)
              .map((minutes) => html`<option value=${minutes} ?selected=${draft.durationMinutes === minutes}>${t.minutes(minutes)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="zone">${t.timeZoneLabel}</label>
          <select id="zone" aria-describedby="zone-hint" @change=${(e: Event) => this.patch({ timeZone: (e.target as HTMLSelectElement).value })}>
            ${zones.map((zone) => html`<option value=${zone} ?selected=${draft.timeZone === zone}>${this.zoneLabel(zone, now)}</option>`)}
          </select>
          <p class="hint" id="zone-hint">${draft.mode === 'digital' ? t.zoneHintDigital : t.zoneHintVenue}</p>
        </div>
      </div>
      ${this.renderFindTimes(data, draft)}
      <div class="field">
        <label for="date-input">${t.dateLabel}</label>
        <p class="hint" id="date-hint">${t.dateHint(example)}</p>
        ${this.errorText('date', problems)}
        <div class="date-row">
          <input
            id="date-input"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            .value=${live(draft.dateText)}
            aria-invalid=${problems.date ? 'true' : 'false'}
            aria-describedby=${this.describedBy('date', problems, 'date-hint')}
            @change=${(e: Event) => this.setDateText((e.target as HTMLInputElement).value)}
          />
          <care-date-picker
            lang=${this.locale}
            .labels=${this.labels}
            exportparts="calendar, day, day-selected, day-today, day-free, day-disabled"
            .value=${draft.date}
            .today=${this.todayDate}
            .min=${this.todayDate}
            .marked=${this.freeDays(draft)}
            @care-date-pick=${(e: CareDatePickEvent) => {
              e.stopPropagation();
              this.setDate(e.detail.date);
            }}
          ></care-date-picker>
        </div>
      </div>
      ${draft.date ? this.renderDaySlots(data, draft) : nothing}
      <div class="field">
        <label for="time">${t.timeLabel}</label>
        ${this.errorText('time', problems)}
        <select
          id="time"
          aria-invalid=${problems.time ? 'true' : 'false'}
          aria-describedby=${this.describedBy('time', problems)}
          @change=${(e: Event) => this.patch({ time: (e.target as HTMLSelectElement).value })}
        >
          <option value="" ?selected=${!draft.time}>${t.chooseTime}</option>
          ${times.map((time) => html`<option value=${time} ?selected=${draft.time === time}>${time}</option>`)}
        </select>
      </div>
      ${draft.date && draft.time
        ? html`<p class="chosen"><strong>${t.chosenTime}</strong> ${this.when(
              new Date(draftSpan(draft)!.start).toISOString(),
              new Date(draftSpan(draft)!.end).toISOString(),
              draft.timeZone,
            )}</p>`
        : nothing}
    </fieldset>`;
  }

  /** Calendar dates with at least one free time, for the date picker (same array while the slots are the same). */
  private freeDays(draft: Draft): string[] {
    if (this.freeDaysOf?.slots !== this.slots) {
      this.freeDaysOf = { slots: this.slots, days: [...new Set(this.slots.map((s) => dateIn(s.start, draft.timeZone)))] };
    }
    return this.freeDaysOf.days;
  }

  private slotNote(team: CareTeam, slot: FreeSlot): string {
    const t = this.messages;
    const notes = [t.requiredFree];
    const optionalCount = slot.optionalFree.length + slot.optionalBusy.length;
    if (optionalCount) notes.push(slot.optionalBusy.length ? t.optionalBusy(this.names(team, slot.optionalBusy)) : t.allOptionalFree);
    if (slot.outsideHours.length) notes.push(t.outsideHoursOf(this.names(team, slot.outsideHours)));
    return notes.join(' ');
  }

  private isChosen(slot: FreeSlot, draft: Draft): boolean {
    const span = draftSpan(draft);
    return Boolean(span && span.start === Date.parse(slot.start) && span.end === Date.parse(slot.end));
  }

  private renderFindTimes(data: ReadyData, draft: Draft): TemplateResult {
    const t = this.messages;
    const shown = this.suggestions.slice(0, this.slotLimit);
    return html`<div class="find">
      <button type="button" class="find-button" aria-describedby="find-hint" @click=${this.findTimes}>${t.findTimes}</button>
      <p class="hint" id="find-hint">${t.findTimesHint}</p>
      <div class="visually-hidden" role="status">${this.findRequested ? t.foundTimes(this.suggestions.length) : ''}</div>
      ${this.findRequested
        ? this.suggestions.length
          ? html`<fieldset class="slots" part="slots" id="suggested">
              <legend>${t.suggestedTimes}</legend>
              <ul role="list">
                ${shown.map(
                  (slot, index) => html`<li>
                    <input
                      type="radio"
                      name="suggested-slot"
                      id=${`slot-${index}`}
                      .checked=${live(this.isChosen(slot, draft))}
                      @change=${() => this.pickSlot(slot, draft.timeZone)}
                    />
                    <label for=${`slot-${index}`} part="slot" class="slot">
                      <span class="slot-when">${this.when(slot.start, slot.end, draft.timeZone)}</span>
                      <span class="slot-note">${this.slotNote(data.team, slot)}</span>
                    </label>
                  </li>`,
                )}
              </ul>
              ${this.suggestions.length > shown.length
                ? html`<button type="button" @click=${() => (this.slotLimit += SLOTS_PER_PAGE)}>${t.showMoreTimes}</button>`
                : nothing}
            </fieldset>`
          : html`<p class="none-found">${t.noFreeTimes}</p>`
        : nothing}
    </div>`;
  }

  private renderDaySlots(data: ReadyData, draft: Draft): TemplateResult {
    const t = this.messages;
    const daySlots = this.slots
      .filter((s) => dateIn(s.start, draft.timeZone) === draft.date)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    if (!daySlots.length) return html`<p class="none-found">${t.noFreeTimesOnDay(this.dayLabel(draft.date))}</p>`;
    return html`<fieldset class="slots day-slots" part="slots">
      <legend>${t.freeTimesOn(this.dayLabel(draft.date))}</legend>
      <ul role="list" class="chips">
        ${daySlots.map(
          (slot, index) => html`<li>
            <input
              type="radio"
              name="day-slot"
              id=${`day-slot-${index}`}
              .checked=${live(this.isChosen(slot, draft))}
              @change=${() => this.pickSlot(slot, draft.timeZone)}
            />
            <label for=${`day-slot-${index}`} part="slot" class="slot">
              <span class="slot-when">${formatTimeRange(slot.start, slot.end, this.dates(draft.timeZone))}</span>
              ${slot.optionalBusy.length || slot.outsideHours.length
                ? html`<span class="slot-note">${this.slotNote(data.team, slot)}</span>`
                : nothing}
            </label>
          </li>`,
        )}
      </ul>
    </fieldset>`;
  }

  private renderRepeat(draft: Draft, problems: Partial<Record<DraftField, DraftProblem>>): TemplateResult {
    const t = this.messages;
    const repeats = ['none', 'weekly', 'monthly'] as const;
    return html`<fieldset class="group">
      <legend>${t.repeatLegend}</legend>
      <div class="choices inline">
        ${repeats.map(
          (repeat) => html`<div class="choice">
            <input
              type="radio"
              name="repeat"
              id=${`repeat-${repeat}`}
              .checked=${live(draft.repeat === repeat)}
              @change=${() => this.patch({ repeat })}
            />
            <label for=${`repeat-${repeat}`}>${t.repeatChoices[repeat]}</label>
          </div>`,
        )}
      </div>
      ${draft.repeat !== 'none'
        ? html`<div class="row">
              <div class="field">
                <label for="interval">${draft.repeat === 'weekly' ? t.intervalWeeks : t.intervalMonths}</label>
                ${this.errorText('interval', problems)}
                <input
                  id="interval"
                  class="short"
                  type="text"
                  inputmode="numeric"
                  .value=${live(draft.interval)}
                  aria-invalid=${problems.interval ? 'true' : 'false'}
                  aria-describedby=${this.describedBy('interval', problems)}
                  @input=${(e: Event) => this.patch({ interval: (e.target as HTMLInputElement).value })}
                />
              </div>
            </div>
            <fieldset class="nested">
              <legend>${t.endsLegend}</legend>
              <div class="choice">
                <input type="radio" name="ends" id="ends-count" .checked=${live(draft.ends === 'count')} @change=${() => this.patch({ ends: 'count' })} />
                <label for="ends-count">${t.endsAfterCount}</label>
              </div>
              ${draft.ends === 'count'
                ? html`<div class="field indented">
                    <label for="count">${t.countLabel}</label>
                    ${this.errorText('count', problems)}
                    <input
                      id="count"
                      class="short"
                      type="text"
                      inputmode="numeric"
                      .value=${live(draft.count)}
                      aria-invalid=${problems.count ? 'true' : 'false'}
                      aria-describedby=${this.describedBy('count', problems)}
                      @input=${(e: Event) => this.patch({ count: (e.target as HTMLInputElement).value })}
                    />
                  </div>`
                : nothing}
              <div class="choice">
                <input type="radio" name="ends" id="ends-until" .checked=${live(draft.ends === 'until')} @change=${() => this.patch({ ends: 'until' })} />
                <label for="ends-until">${t.endsOnDate}</label>
              </div>
              ${draft.ends === 'until'
                ? html`<div class="field indented">
                    <label for="until">${t.untilLabel}</label>
                    ${this.errorText('until', problems)}
                    <input
                      id="until"
                      type="date"
                      .value=${live(draft.until)}
                      min=${draft.date || this.todayDate}
                      aria-invalid=${problems.until ? 'true' : 'false'}
                      aria-describedby=${this.describedBy('until', problems)}
                      @change=${(e: Event) => this.patch({ until: (e.target as HTMLInputElement).value })}
                    />
                  </div>`
                : nothing}
              <div class="choice">
                <input type="radio" name="ends" id="ends-never" .checked=${live(draft.ends === 'never')} @change=${() => this.patch({ ends: 'never' })} />
                <label for="ends-never">${t.endsNever}</label>
              </div>
            </fieldset>`
        : nothing}
    </fieldset>`;
  }

  private renderAgendaForm(data: ReadyData, draft: Draft, problems: Partial<Record<DraftField, DraftProblem>>): TemplateResult {
    const t = this.messages;
    const invited = Object.keys(draft.invited);
    const span = draftSpan(draft);
    let cursor = span?.start ?? 0;
    const total = draft.agenda.reduce((sum, item) => sum + item.minutes, 0);
    return html`<fieldset class="group" part="agenda" id="agenda" tabindex="-1" aria-describedby=${this.describedBy('agenda', problems, 'agenda-hint')}>
      <legend>${t.agendaLegend}</legend>
      <p class="hint" id="agenda-hint">${t.agendaHint}</p>
      ${this.errorText('agenda', problems)}
      <ol class="agenda-items">
        ${draft.agenda.map((item, index) => {
          const start = cursor;
          cursor += item.minutes * 60_000;
          const label = item.title.trim() || t.itemNumber(index + 1);
          return html`<li class="agenda-item">
            <fieldset class="nested">
              <legend>
                ${span
                  ? html`<span class="item-time">${formatTimeRange(new Date(start).toISOString(), new Date(cursor).toISOString(), this.dates(draft.timeZone))}</span>`
                  : nothing}
                <span>${label}</span>
              </legend>
              <div class="row">
                <div class="field grow">
                  <label for=${`item-title-${item.key}`}>${t.itemTitleLabel}</label>
                  <input
                    id=${`item-title-${item.key}`}
                    type="text"
                    maxlength="500"
                    .value=${live(item.title)}
                    aria-invalid=${problems.agenda === 'agenda-title-missing' && !item.title.trim() ? 'true' : 'false'}
                    @input=${(e: Event) => this.patchItem(item.key, { title: (e.target as HTMLInputElement).value })}
                  />
                </div>
                <div class="field">
                  <label for=${`item-minutes-${item.key}`}>${t.itemMinutesLabel}</label>
                  <select
                    id=${`item-minutes-${item.key}`}
                    @change=${(e: Event) => this.patchItem(item.key, { minutes: Number((e.target as HTMLSelectElement).value) })}
                  >
                    ${[...new Set([...AGENDA_MINUTES, item.minutes])]
                      .sort((a, b) => a - b)
                      .map((m) => html`<option value=${m} ?selected=${item.minutes === m}>${t.minutes(m)}</option>`)}
                  </select>
                </div>
              </div>
              <fieldset class="nested attendees">
                <legend>${t.itemAttendeesLegend}</legend>
                ${invited.length
                  ? html`<ul role="list" class="checks">
                      ${invited.map(
                        (id) => html`<li class="check">
                          <input
                            type="checkbox"
                            id=${`item-${item.key}-${id}`}
                            .checked=${live(item.attendeeIds.includes(id))}
                            @change=${(e: Event) => this.setItemAttendee(item.key, id, (e.target as HTMLInputElement).checked)}
                          />
                          <label for=${`item-${item.key}-${id}`}>${this.nameOf(data.team, id)}</label>
                        </li>`,
                      )}
                    </ul>`
                  : html`<p class="hint">${t.inviteFirst}</p>`}
              </fieldset>
              <div class="buttons">
                <button type="button" ?disabled=${index === 0} aria-label=${t.moveItemUp(label)} @click=${() => this.moveItem(index, -1)}>
                  <span aria-hidden="true">↑</span> ${t.up}
                </button>
                <button
                  type="button"
                  ?disabled=${index === draft.agenda.length - 1}
                  aria-label=${t.moveItemDown(label)}
                  @click=${() => this.moveItem(index, 1)}
                >
                  <span aria-hidden="true">↓</span> ${t.down}
                </button>
                <button type="button" aria-label=${t.removeItem(label)} @click=${() => this.removeItem(item.key)}>${t.remove}</button>
              </div>
            </fieldset>
          </li>`;
        })}
      </ol>
      <p class="agenda-total">${t.agendaTotal(total, draft.durationMinutes)}</p>
      <div class="row add-item">
        <div class="field">
          <label for="add-template">${t.addItemLabel}</label>
          <select id="add-template">
            ${AGENDA_TEMPLATES.map((template) => html`<option value=${template}>${t.templates[template]}</option>`)}
            <option value="">${t.ownItem}</option>
          </select>
        </div>
        <button type="button" @click=${this.addItem}>${t.addItem}</button>
      </div>
    </fieldset>`;
  }

  // ----- warnings -----

  private organiserOrganisation(data: ReadyData, meeting?: Meeting): string | undefined {
    const organiser = meeting?.organiser ?? this.knownActor;
    if (organiser?.organisationId) return organiser.organisationId;
    const byId = organiser?.id ? data.team.members.find((m) => m.id === organiser.id) : undefined;
    if (byId?.organisationId) return byId.organisationId;
    return data.team.members.find((m) => m.coordinator && m.status === 'active')?.organisationId;
  }

  private draftWarnings(data: ReadyData, draft: Draft): MeetingWarning[] {
    const participants = draftParticipants(draft, data.team);
    const warnings = consentWarnings(
      participants.map((p) => p.memberId),
      data.team,
      data.consents,
      { today: this.todayDate, organiserOrganisationId: this.organiserOrganisation(data) },
    );
    const span = draftSpan(draft);
    if (span) {
      let spans = [span];
      const problems = draftProblems(draft);
      if (draft.repeat !== 'none' && !problems.interval && !problems.count && !problems.until) {
        const series = {
          start: new Date(span.start).toISOString(),
          end: new Date(span.end).toISOString(),
          timeZone: draft.timeZone,
          recurrence: {
            frequency: draft.repeat,
            interval: Number(draft.interval),
            ...draftEnd(draft),
            exceptions: [],
          },
        };
        spans = expandOccurrences(series, { max: 60 }).map((o) => ({ start: Date.parse(o.start), end: Date.parse(o.end) }));
      }
      warnings.push(...timeWarnings(participants, data.availability, spans));
    }
    return warnings;
  }

  private meetingWarnings(data: ReadyData, meeting: Meeting, now: number): MeetingWarning[] {
    if (meeting.status === 'cancelled' || meeting.status === 'held') return [];
    const warnings = consentWarnings(
      meeting.participants.map((p) => p.memberId),
      data.team,
      data.consents,
      { today: this.todayDate, organiserOrganisationId: this.organiserOrganisation(data, meeting) },
    );
    const upcoming = takingPlaceBetween(meeting, now, now + WARNINGS_AHEAD_MS).filter((o) => dateIn(o.end, this.displayZone(meeting)) >= this.todayDate);
    warnings.push(
      ...timeWarnings(
        meeting.participants,
        data.availability,
        upcoming.map((o) => ({ start: Date.parse(o.start), end: Date.parse(o.end) })),
      ),
    );
    return warnings;
  }

  private warningText(data: ReadyData, warning: MeetingWarning, zone: string): string {
    const t = this.messages;
    const member = data.team.members.find((m) => m.id === warning.memberId);
    const name = member?.name ?? t.unknownPerson;
    const times = (starts: string[]) => {
      const shown = starts.slice(0, 3).map((s) => `${formatDate(s, this.dates(zone), 'long')} ${timeIn(s, zone)}`);
      return starts.length > 3 ? t.andMore(shown.join(', '), starts.length - 3) : shown.join(', ');
    };
    switch (warning.kind) {
      case 'no-consent': {
        const organisation = data.team.organisations.find((o) => o.id === warning.organisationId)?.name;
        return organisation ? t.warnings.noConsentOrganisation(name, organisation) : t.warnings.noConsentPerson(name);
      }
      case 'busy':
        return t.warnings.busy(name, times(warning.starts));
      case 'outside-hours':
        return t.warnings.outsideHours(name, times(warning.starts));
    }
  }

  private renderWarnings(data: ReadyData, warnings: MeetingWarning[], zone = this.draft?.timeZone ?? this.teamZone): TemplateResult {
    const t = this.messages;
    return html`<div class="visually-hidden" role="status">${warnings.length ? `${t.warningsTitle}: ${t.warningCount(warnings.length)}` : ''}</div>
      ${warnings.length
        ? html`<section class="warnings" part="warnings" aria-labelledby="warnings-title">
            ${this.heading(this.level + 1, 'warnings-title', 'subheading', html`${WARNING_ICON} ${t.warningsTitle}`)}
            <ul>
              ${warnings.map((w) => html`<li><span class="visually-hidden">${t.warningPrefix} </span>${this.warningText(data, w, zone)}</li>`)}
            </ul>
          </section>`
        : nothing}`;
  }

  // ----- booked meeting -----

  private renderMeeting(data: ReadyData, meeting: Meeting): TemplateResult {
    const t = this.messages;
    const zone = this.displayZone(meeting);
    const now = Date.parse(`${this.todayDate}T00:00:00Z`);
    const [first] = expandOccurrences(meeting, { max: 1 });
    const next = nextOfSeries(meeting, now) ?? first;
    const page = meeting.recurrence
      ? occurrencePage(meeting, { now, firstIndex: this.datesPage?.meetingId === meeting.id ? this.datesPage.firstIndex : undefined })
      : undefined;
    const level = this.level;
    const video = safeHttps(meeting.videoLink);
    const mine = this.me ? meeting.participants.find((p) => p.memberId === this.me) : undefined;
    const active = meeting.status === 'booked' || meeting.status === 'proposed';
    return html`<section class="scheduler meeting" part="base" aria-labelledby="title">
      <header class="meeting-header">
        ${this.heading(level, 'title', 'title', meeting.title, 'title')}
        <p class="meta">
          <span>${t.kinds[meeting.kind]}</span>
          <span class=${`badge status-${meeting.status}`}>${t.statuses[meeting.status]}</span>
        </p>
      </header>
      <dl class="facts">
        <div>
          <dt>${meeting.recurrence ? t.nextDate : t.whenLabel}</dt>
          <dd>
            ${this.when(next.start, next.end, zone, 'weekday')}
            <span class="muted">(${t.zoneNote(zone)})</span>
            ${this.viewerTimeNote(next, zone)}
          </dd>
        </div>
        ${meeting.recurrence
          ? html`<div>
              <dt>${t.repeatsLabel}</dt>
              <dd>${this.recurrenceText(meeting)}</dd>
            </div>`
          : nothing}
        <div>
          <dt>${t.howLabel}</dt>
          <dd class="with-icon">${MODE_ICONS[meeting.mode]} ${t.modes[meeting.mode]}</dd>
        </div>
        ${meeting.location && meeting.mode !== 'digital'
          ? html`<div>
              <dt>${t.whereLabel}</dt>
              <dd>${meeting.location.name}${meeting.location.address ? html`<br /><span class="muted">${meeting.location.address}</span>` : nothing}</dd>
            </div>`
          : nothing}
        ${video && meeting.mode !== 'in-person'
          ? html`<div>
              <dt>${t.videoLabel}</dt>
              <dd><a href=${video} target="_blank" rel="noopener noreferrer">${t.joinVideo}<span class="visually-hidden"> (${t.opensInNewTab})</span></a> <span class="muted url">${new URL(video).host}</span></dd>
            </div>`
          : nothing}
        ${meeting.organiser
          ? html`<div>
              <dt>${t.organiserLabel}</dt>
              <dd>${meeting.organiser.name}</dd>
            </div>`
          : nothing}
      </dl>
      ${mine ? this.renderYourPart(meeting, mine.response, next, zone, active) : nothing}
      ${this.renderParticipantList(data, meeting)} ${this.renderAgendaList(data, meeting, next, zone)}
      ${page ? this.renderOccurrences(meeting, page, zone, active) : nothing}
      ${this.renderWarnings(data, this.meetingWarnings(data, meeting, now), zone)} ${this.renderMeetingActions(meeting, active)}
      ${this.renderStatus()}
    </section>`;
  }

  private viewerTimeNote(occurrence: Occurrence, zone: string) {
    const viewer = this.viewerZone;
    const here = formatTimeRange(occurrence.start, occurrence.end, this.dates(viewer));
    const there = formatTimeRange(occurrence.start, occurrence.end, this.dates(zone));
    if (here === there && dateIn(occurrence.start, viewer) === dateIn(occurrence.start, zone)) return nothing;
    return html`<br /><span class="viewer-time">${this.messages.yourTime(this.when(occurrence.start, occurrence.end, viewer), viewer)}</span>`;
  }

  private recurrenceText(meeting: Meeting): string {
    const t = this.messages;
    const rule = meeting.recurrence!;
    const every = rule.frequency === 'weekly' ? t.everyWeeks(rule.interval) : t.everyMonths(rule.interval);
    if (rule.count) return `${every}, ${t.times(rule.count)}`;
    if (rule.until) return `${every}, ${t.until(this.localize.date(rule.until))}`;
    return every;
  }

  private renderYourPart(meeting: Meeting, response: ResponseStatus, next: Occurrence, zone: string, active: boolean) {
    const t = this.messages;
    const items = agendaFor(meeting, this.me, next.start);
    const window = attendanceWindow(items);
    const answers = ['accepted', 'tentative', 'declined'] as const;
    return html`<section class="your-part" part="your-part" aria-labelledby="your-part-title">
      ${this.heading(this.level + 1, 'your-part-title', 'subheading', t.yourPartTitle)}
      ${meeting.agenda.length
        ? items.length
          ? html`${items.length > 1 ? html`<p>${t.yourPartIntro(formatTimeRange(window!.start, window!.end, this.dates(zone)))}</p>` : nothing}
              <ul class="your-items">
                ${items.map(
                  (item) => html`<li>
                    <span class="item-time">${formatTimeRange(item.start, item.end, this.dates(zone))}</span> ${item.title}
                  </li>`,
                )}
              </ul>`
          : html`<p>${t.yourPartNone}</p>`
        : html`<p>${t.yourPartWhole}</p>`}
      <p class="answer">
        <strong>${t.yourAnswer}</strong>
        <span class=${`response response-${response}`}>${RESPONSE_ICONS[response]} ${t.responses[response]}</span>
      </p>
      ${active
        ? html`<div class="buttons" role="group" aria-label=${t.answerGroup}>
            ${answers.map(
              (answer) =>
                html`<button type="button" aria-pressed=${response === answer ? 'true' : 'false'} ?disabled=${Boolean(this.saving)} @click=${() => this.respond(meeting, answer)}>
                  ${t.answerButtons[answer]}
                </button>`,
            )}
          </div>`
        : nothing}
    </section>`;
  }

  private renderParticipantList(data: ReadyData, meeting: Meeting) {
    const t = this.messages;
    return html`<section class="participants" part="participants" aria-labelledby="participants-title">
      ${this.heading(this.level + 1, 'participants-title', 'subheading', t.participantsTitle(meeting.participants.length))}
      <ul class="people-list" role="list">
        ${meeting.participants.map((p) => {
          const member = data.team.members.find((m) => m.id === p.memberId);
          const response = p.response ?? 'needs-action';
          return html`<li>
            <span class="name">${member?.name ?? t.unknownPerson}${p.memberId === this.me ? html`${' '}<span class="muted">(${t.you})</span>` : nothing}</span>
            ${member ? html`<span class="muted">${this.roleOf(data.team, member)}</span>` : nothing}
            <span class="tags">
              <span class="tag">${p.required === false ? t.optional : t.required}</span>
              ${p.supportFor ? html`<span class="tag">${t.supportFor(this.nameOf(data.team, p.supportFor))}</span>` : nothing}
              <span class=${`response response-${response}`}>${RESPONSE_ICONS[response]} ${t.responses[response]}</span>
            </span>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private renderAgendaList(data: ReadyData, meeting: Meeting, next: Occurrence, zone: string) {
    const t = this.messages;
    const items = agendaOf(meeting, next.start);
    if (!items.length) return nothing;
    return html`<section class="agenda" part="agenda" aria-labelledby="agenda-title">
      ${this.heading(this.level + 1, 'agenda-title', 'subheading', t.agendaHeading)}
      <ol class="agenda-list">
        ${items.map(
          (item) => html`<li class=${item.attendeeIds.includes(this.me) ? 'mine' : ''}>
            <span class="item-time">${formatTimeRange(item.start, item.end, this.dates(zone))}</span>
            <span class="item-title"><span dir="auto">${item.title}</span>${item.attendeeIds.includes(this.me) ? html`${' '}<span class="tag">${t.yourItem}</span>` : nothing}</span>
            <span class="muted">${t.forPeople(this.names(data.team, item.attendeeIds))}</span>
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderOccurrences(meeting: Meeting, page: OccurrencePage, zone: string, active: boolean) {
    const t = this.messages;
    const today = this.todayDate;
    const { occurrences } = page;
    const paged = page.hasEarlier || page.hasLater;
    const last = occurrences[occurrences.length - 1];
    return html`<section class="occurrences" part="occurrences" aria-labelledby="dates-title">
      ${this.heading(this.level + 1, 'dates-title', 'subheading', paged || page.total === undefined ? t.datesTitleSeries : t.datesTitle(page.total))}
      ${paged && last
        ? html`<p class="muted dates-shown" role="status">
            ${t.datesShowing(formatDate(occurrences[0].start, this.dates(zone), 'long'), formatDate(last.start, this.dates(zone), 'long'))}
          </p>`
        : nothing}
      <ol class="dates" start=${page.firstIndex + 1}>
        ${occurrences.map((o) => {
          const past = dateIn(o.start, zone) < today;
          const canChange = active && this.isProfessional && !past && o.status !== 'cancelled';
          const moving = this.moving?.originalStart === o.originalStart;
          const confirming = this.confirming?.action === 'cancel-occurrence' && this.confirming.originalStart === o.originalStart;
          return html`<li part=${`occurrence occurrence-${o.status}`} class=${`occurrence ${o.status}${past ? ' past' : ''}`}>
            <div class="occurrence-line">
              <span class="occurrence-when">${o.status === 'cancelled' ? html`<s>${this.when(o.start, o.end, zone)}</s>` : this.when(o.start, o.end, zone)}</span>
              ${o.status === 'moved' ? html`<span class="tag">${t.movedFrom(this.when(o.originalStart, new Date(Date.parse(o.originalStart) + Date.parse(meeting.end) - Date.parse(meeting.start)).toISOString(), zone))}</span>` : nothing}
              ${o.status === 'cancelled' ? html`<span class="tag">${t.occurrenceCancelled}</span>` : nothing}
              ${past && o.status !== 'cancelled' ? html`<span class="tag">${t.past}</span>` : nothing}
              ${canChange && !moving && !confirming
                ? html`<span class="buttons">
                    <button type="button" class="small" data-move=${o.originalStart} @click=${() => this.startMove(o, zone)}>
                      ${t.moveDate}<span class="visually-hidden"> ${this.when(o.start, o.end, zone)}</span>
                    </button>
                    <button
                      type="button"
                      class="small"
                      @click=${() => {
                        this.confirming = { action: 'cancel-occurrence', originalStart: o.originalStart };
                        this.focusAfterRender = '.confirm button.keep';
                      }}
                    >
                      ${t.cancelDate}<span class="visually-hidden"> ${this.when(o.start, o.end, zone)}</span>
                    </button>
                  </span>`
                : nothing}
            </div>
            ${moving ? this.renderMoveForm(meeting, o, zone) : nothing}
            ${confirming
              ? this.renderConfirm(t.confirmCancelDate(this.when(o.start, o.end, zone)), t.yesCancelDate, () =>
                  this.cancelOccurrence(meeting, o),
                )
              : nothing}
          </li>`;
        })}
      </ol>
      ${paged ? this.renderDatesPaging(meeting, page) : nothing}
    </section>`;
  }

  /** Earlier and later dates; the buttons stay in place (aria-disabled at either end) so focus is never lost. */
  private renderDatesPaging(meeting: Meeting, page: OccurrencePage) {
    const t = this.messages;
    const go = (firstIndex: number, allowed: boolean) => () => {
      if (!allowed) return;
      this.moving = undefined;
      this.confirming = undefined;
      this.datesPage = { meetingId: meeting.id, firstIndex };
    };
    const size = page.occurrences.length;
    return html`<div class="buttons dates-paging" part="dates-paging">
      <button type="button" class="small" aria-disabled=${page.hasEarlier ? 'false' : 'true'} @click=${go(Math.max(0, page.firstIndex - DATES_PER_PAGE), page.hasEarlier)}>
        ${t.earlierDates}
      </button>
      <button type="button" class="small" aria-disabled=${page.hasLater ? 'false' : 'true'} @click=${go(page.firstIndex + size, page.hasLater)}>
        ${t.laterDates}
      </button>
    </div>`;
  }

  private renderConfirm(question: string, yes: string, action: () => void) {
    const t = this.messages;
    return html`<div class="confirm" role="group" aria-label=${question}>
      <p>${question}</p>
      <div class="buttons">
        <button type="button" class="danger" @click=${action}>${yes}</button>
        <button
          type="button"
          class="keep"
          @click=${() => {
            this.confirming = undefined;
          }}
        >
          ${t.keepIt}
        </button>
      </div>
    </div>`;
  }

  private renderMoveForm(meeting: Meeting, occurrence: Occurrence, zone: string) {
    const t = this.messages;
    const form = this.moving!;
    const times = form.time && !START_TIMES.includes(form.time) ? [...START_TIMES, form.time].sort() : START_TIMES;
    return html`<form class="move" novalidate aria-labelledby="move-title" @submit=${(e: Event) => this.submitMove(e, meeting, occurrence, zone)}>
      <p id="move-title" class="move-title">${t.moveTitle(this.when(occurrence.start, occurrence.end, zone))}</p>
      <div class="row">
        <div class="field">
          <label for="move-date">${t.dateLabel}</label>
          ${form.problem === 'date'
            ? html`<p class="inline-error" id="move-date-error"><span class="visually-hidden">${t.errorPrefix} </span>${t.problems['date-unreadable']}</p>`
            : nothing}
          <div class="date-row">
            <input
              id="move-date"
              type="text"
              inputmode="numeric"
              .value=${live(form.dateText)}
              aria-invalid=${form.problem === 'date' ? 'true' : 'false'}
              aria-describedby=${form.problem === 'date' ? 'move-date-error' : nothing}
              @change=${(e: Event) => {
                const text = (e.target as HTMLInputElement).value;
                this.moving = { ...form, dateText: text, date: parseDateText(text) ?? '' };
              }}
            />
            <care-date-picker
              lang=${this.locale}
              .labels=${this.labels}
              exportparts="calendar, day, day-selected, day-today, day-free, day-disabled"
              .value=${form.date}
              .today=${this.todayDate}
              .min=${this.todayDate}
              @care-date-pick=${(e: CareDatePickEvent) => {
                e.stopPropagation();
                this.moving = { ...this.moving!, date: e.detail.date, dateText: this.shortDate(e.detail.date), problem: undefined };
              }}
            ></care-date-picker>
          </div>
        </div>
        <div class="field">
          <label for="move-time">${t.timeLabel}</label>
          <select id="move-time" @change=${(e: Event) => (this.moving = { ...form, time: (e.target as HTMLSelectElement).value })}>
            ${times.map((time) => html`<option value=${time} ?selected=${form.time === time}>${time}</option>`)}
          </select>
        </div>
      </div>
      <div class="buttons">
        <button type="submit" class="primary">${t.saveNewTime}</button>
        <button type="button" @click=${() => this.stopMove(occurrence)}>${t.cancel}</button>
      </div>
    </form>`;
  }

  private renderMeetingActions(meeting: Meeting, active: boolean) {
    const t = this.messages;
    const download = this.download;
    const confirming = this.confirming?.action === 'cancel';
    return html`<div class="actions" part="actions">
        ${active && this.isProfessional && meeting.status === 'proposed'
          ? html`<button type="button" class="primary" ?disabled=${Boolean(this.saving)} @click=${() => this.bookProposed(meeting)}>${t.bookProposed}</button>`
          : nothing}
        ${active && this.isProfessional
          ? html`<button type="button" ?disabled=${Boolean(this.saving)} @click=${this.startEditing}>${t.changeMeeting}</button>
              <button
                type="button"
                class="danger-outline"
                ?disabled=${Boolean(this.saving) || confirming}
                @click=${() => {
                  this.confirming = { action: 'cancel' };
                  this.focusAfterRender = '.confirm button.keep';
                }}
              >
                ${meeting.recurrence ? t.cancelSeries : t.cancelMeeting}
              </button>`
          : nothing}
        ${download
          ? html`<a class="download" part="download" href=${download.url} download=${download.name}>${DOWNLOAD_ICON} ${t.downloadIcs}</a>`
          : nothing}
      </div>
      ${confirming
        ? this.renderConfirm(meeting.recurrence ? t.confirmCancelSeries : t.confirmCancelMeeting, t.yesCancelMeeting, () => this.cancelMeeting(meeting))
        : nothing}`;
  }

  // ----- form handlers -----

  private patch(changes: Partial<Draft>) {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...changes };
    this.notice = '';
  }

  private setKind(kind: MeetingKind) {
    const draft = this.draft!;
    this.patch({ kind, ...(draft.titleEdited ? {} : { title: this.messages.kinds[kind] }) });
  }

  private invite(memberId: string, invited: boolean) {
    const draft = this.draft!;
    const next = { ...draft.invited };
    if (invited) next[memberId] = 'required';
    else delete next[memberId];
    const agenda = draft.agenda.map((item) => ({
      ...item,
      attendeeIds: invited ? [...new Set([...item.attendeeIds, memberId])] : item.attendeeIds.filter((id) => id !== memberId),
    }));
    this.patch({ invited: next, agenda, supportPersonId: !invited && draft.supportPersonId === memberId ? '' : draft.supportPersonId });
  }

  private setAttendance(memberId: string, attendance: 'required' | 'optional') {
    this.patch({ invited: { ...this.draft!.invited, [memberId]: attendance } });
  }

  private setSupportPerson(memberId: string) {
    const draft = this.draft!;
    if (memberId && !draft.invited[memberId]) this.invite(memberId, true);
    this.patch({ supportPersonId: memberId });
  }

  private setMode(mode: MeetingMode) {
    this.patch({ mode });
  }

  private setDateText(text: string) {
    this.patch({ dateText: text, date: parseDateText(text) ?? '' });
  }

  private setDate(date: string) {
    this.patch({ date, dateText: this.shortDate(date) });
  }

  private pickSlot(slot: FreeSlot, zone: string) {
    const date = dateIn(slot.start, zone);
    this.patch({ date, dateText: this.shortDate(date), time: timeIn(slot.start, zone) });
  }

  private findTimes = () => {
    this.findRequested = true;
    this.slotLimit = SLOTS_PER_PAGE;
    this.slotsKey = [];
    this.focusAfterRender = undefined;
  };

  private patchItem(key: string, changes: Partial<Draft['agenda'][number]>) {
    this.patch({ agenda: this.draft!.agenda.map((item) => (item.key === key ? { ...item, ...changes } : item)) });
  }

  private setItemAttendee(key: string, memberId: string, attends: boolean) {
    const item = this.draft!.agenda.find((i) => i.key === key)!;
    this.patchItem(key, {
      attendeeIds: attends ? [...new Set([...item.attendeeIds, memberId])] : item.attendeeIds.filter((id) => id !== memberId),
    });
  }

  private moveItem(index: number, by: -1 | 1) {
    const agenda = [...this.draft!.agenda];
    const [item] = agenda.splice(index, 1);
    agenda.splice(index + by, 0, item);
    this.patch({ agenda });
    const target = index + by === 0 || index + by === agenda.length - 1 ? 'button:not([disabled])' : `button:nth-child(${by < 0 ? 1 : 2})`;
    this.focusAfterRender = `.agenda-item:nth-child(${index + by + 1}) .buttons ${target}`;
  }

  private removeItem(key: string) {
    this.patch({ agenda: this.draft!.agenda.filter((item) => item.key !== key) });
    this.focusAfterRender = '#add-template';
  }

  private addItem = () => {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#add-template');
    const template = (select?.value || undefined) as AgendaTemplate | undefined;
    const draft = this.draft!;
    const key = newItemKey();
    this.patch({
      agenda: [
        ...draft.agenda,
        {
          key,
          template,
          title: template ? this.messages.templates[template] : '',
          minutes: template ? TEMPLATE_MINUTES[template] : 15,
          attendeeIds: Object.keys(draft.invited),
        },
      ],
    });
    this.focusAfterRender = `#item-title-${key}`;
  };

  private focusField(field: DraftField) {
    const selectors: Record<DraftField, string> = {
      title: '#title-input',
      participants: '#participants input',
      locationName: '#location-name',
      videoLink: '#video-link',
      date: '#date-input',
      time: '#time',
      interval: '#interval',
      count: '#count',
      until: '#until',
      agenda: '#agenda input',
    };
    this.renderRoot.querySelector<HTMLElement>(selectors[field])?.focus();
  }

  private startEditing = () => {
    const data = this.dataState;
    if (data.kind !== 'ready' || !data.meeting) return;
    this.draft = draftFromMeeting(data.meeting, data.team, (date) => this.shortDate(date));
    this.editing = true;
    this.submitted = false;
    this.failure = undefined;
    this.notice = '';
    this.focusAfterRender = '#title-input';
  };

  private stopEditing = () => {
    this.editing = false;
    this.draft = undefined;
    this.submitted = false;
    this.failure = undefined;
    this.focusAfterRender = '#title';
  };

  private onSubmit = (event: Event) => {
    event.preventDefault();
    const data = this.dataState;
    const draft = this.draft;
    if (data.kind !== 'ready' || !draft || this.saving) return;
    this.submitted = true;
    const problems = draftProblems(draft);
    if (Object.keys(problems).length) {
      this.focusAfterRender = '.error-summary';
      return;
    }
    const previous = this.editing ? data.meeting : undefined;
    const candidate = meetingFromDraft(draft, { team: data.team, previous, organiser: this.knownActor, newId: newMeetingId });
    const result = check(Meeting, candidate);
    if (!result.ok) {
      this.failure = { message: result.issues.map((i) => `${i.path}: ${i.message}`).join('; '), retry: () => this.onSubmit(new Event('submit')) };
      return;
    }
    void this.commit(previous ? 'update' : 'book', result.value, previous);
  };

  // ----- meeting actions -----

  private bookProposed(meeting: Meeting) {
    void this.commit('book', { ...meeting, status: 'booked' }, meeting);
  }

  private respond(meeting: Meeting, response: ResponseStatus) {
    const participants = meeting.participants.map((p) => (p.memberId === this.me ? { ...p, response } : p));
    void this.commit('respond', { ...meeting, participants }, meeting);
  }

  private cancelMeeting(meeting: Meeting) {
    this.confirming = undefined;
    void this.commit('cancel', { ...meeting, status: 'cancelled' }, meeting);
  }

  private cancelOccurrence(meeting: Meeting, occurrence: Occurrence) {
    this.confirming = undefined;
    this.focusAfterRender = '#dates-title';
    void this.commit('cancel-occurrence', withOccurrenceChange(meeting, occurrence.originalStart, { cancelled: true }), meeting);
  }

  private startMove(occurrence: Occurrence, zone: string) {
    const date = dateIn(occurrence.start, zone);
    this.moving = { originalStart: occurrence.originalStart, date, dateText: this.shortDate(date), time: timeIn(occurrence.start, zone) };
    this.confirming = undefined;
    this.focusAfterRender = '#move-date';
  }

  private stopMove(occurrence: Occurrence) {
    this.moving = undefined;
    this.focusAfterRender = `button[data-move="${occurrence.originalStart}"]`;
  }

  private submitMove(event: Event, meeting: Meeting, occurrence: Occurrence, zone: string) {
    event.preventDefault();
    const form = this.moving!;
    const date = form.date || parseDateText(form.dateText);
    if (!date) {
      this.moving = { ...form, problem: 'date' };
      this.focusAfterRender = '#move-date';
      return;
    }
    const start = instantAt(date, form.time, zone);
    const duration = Date.parse(occurrence.end) - Date.parse(occurrence.start);
    const startIso = new Date(start).toISOString();
    const endIso = new Date(start + duration).toISOString();
    let after: Meeting;
    let action: MeetingAction;
    if (meeting.recurrence) {
      after = withOccurrenceChange(meeting, occurrence.originalStart, { start: startIso, end: endIso });
      action = 'move-occurrence';
    } else {
      const shift = start - Date.parse(meeting.start);
      const moveBy = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
      after = { ...meeting, start: startIso, end: endIso, agenda: meeting.agenda.map((i) => ({ ...i, start: moveBy(i.start), end: moveBy(i.end) })) };
      action = 'update';
    }
    this.moving = undefined;
    this.focusAfterRender = '#dates-title';
    void this.commit(action, after, meeting);
  }

  /** Carries one change through the request event, the store (or the host), and the change event. */
  private async commit(action: MeetingAction, meeting: Meeting, previous: Meeting | undefined): Promise<void> {
    const t = this.messages;
    this.saving = action;
    this.failure = undefined;
    this.notice = '';
    const outcome = await carryIntent(this, {
      request: new CareMeetingRequestEvent({ meeting, previous, action }),
      change: { entity: 'meeting', action, value: meeting },
      store: this.store,
      committed: (value) => new CareMeetingChangeEvent({ meeting: value, previous, action }),
    });
    this.saving = undefined;
    if (outcome.status === 'vetoed') {
      this.notice = t.vetoed;
      return;
    }
    if (outcome.status === 'failed') {
      this.showFailure(outcome.error, action, meeting, previous);
      return;
    }
    this.afterSaved(action, outcome.value);
  }

  /** A failed save: Try again (the same change, through the store when it kept it), or both versions to choose from. */
  private showFailure(error: StoreError, action: MeetingAction, meeting: Meeting, previous: Meeting | undefined) {
    const stored = this.store?.failureOf('meeting', meeting.id);
    const kept = stored && stored.error === error ? stored : undefined;
    const again = (choice?: 'mine' | 'theirs') => void this.retryStored(action, meeting, previous, choice);
    this.failure = {
      message: this.describeError(error),
      retry: kept ? () => again() : () => void this.commit(action, meeting, previous),
      conflicts: kept?.conflicts.length ? this.conflictSentences(kept.conflicts, meeting) : undefined,
      choose: (choice) => again(choice),
    };
    this.focusAfterRender = '.save-error button';
  }

  private conflictSentences(conflicts: readonly FieldConflict[], meeting: Meeting): string[] {
    const data = this.resolveData();
    const team = data.kind === 'ready' ? data.team : undefined;
    const zone = this.displayZone(meeting);
    const duration = Date.parse(meeting.end) - Date.parse(meeting.start);
    return describeMeetingConflicts(
      conflicts,
      this.messages,
      (id) => (team ? this.nameOf(team, id) : id),
      (iso) => this.when(iso, new Date(Date.parse(iso) + duration).toISOString(), zone),
    );
  }

  /** Try again, or keep one version after a conflict, for a change the store kept (same change id). */
  private async retryStored(action: MeetingAction, meeting: Meeting, previous: Meeting | undefined, choice?: 'mine' | 'theirs') {
    const store = this.store;
    if (!store) return;
    this.saving = action;
    this.failure = undefined;
    this.notice = '';
    const outcome = choice ? await store.resolve('meeting', meeting.id, choice) : await store.retry('meeting', meeting.id);
    this.saving = undefined;
    if (!outcome) return;
    if (!outcome.ok) {
      this.dispatchEvent(new CareErrorEvent('meeting', meeting.id, outcome.error));
      this.showFailure(outcome.error, action, meeting, previous);
      return;
    }
    const value = outcome.value as Meeting;
    this.dispatchEvent(new CareMeetingChangeEvent({ meeting: value, previous, action }));
    this.afterSaved(action, value);
  }

  private afterSaved(action: MeetingAction, value: Meeting) {
    const t = this.messages;
    this.notice = t.savedNotice[action];
    if (action === 'book' || action === 'update') {
      this.editing = false;
      this.draft = undefined;
      this.submitted = false;
      this.findRequested = false;
      this.focusAfterRender = '#title';
    }
    if (this.store && this.meeting === undefined) {
      if (!this.meetingId) this.bookedId = value.id;
    } else {
      this.meeting = value;
    }
  }
}
