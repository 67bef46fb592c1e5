import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { isTimeZone, type Actor } from '../../contract/common.js';
import type { ConsentDirectiveInput } from '../../contract/consent.js';
import type { Meeting, MeetingInput } from '../../contract/meeting.js';
import type { CareTeamInput } from '../../contract/team.js';
import { AUDIENCES, type Audience } from '../../contract/values.js';
import type { Availability } from '../../contract/meeting.js';
import { calendarDate } from '../../i18n/format.js';
import { scheduler } from '../../i18n/catalogues/en/scheduler.js';
import { schedulerTranslations } from '../../i18n/translations.js';
import type { SchedulerMessages } from '../../i18n/types.js';
import { CareElement } from '../base/care-element.js';
import { CheckApart } from '../base/check-apart.js';
import { FocusController } from '../base/focus.js';
import { headingLevel, type HeadingLevel } from '../base/heading-level.js';
import { meetingActions, renderMeeting, type MeetingActions } from './booked-meeting.js';
import type { ConfirmState, MoveForm } from './choice-dialog.js';
import { conflictSentences } from './conflicts.js';
import type { MeetingAction } from './events.js';
import { MeetingSaves } from './meeting-saves.js';
import { meetingWarnings } from './meeting-warnings.js';
import type { MeetingWarning } from './warnings.js';
import { bookedMeetingStyles } from './booked-meeting.styles.js';
import { schedulerStyles } from './meeting-scheduler.styles.js';
import type * as PlanningPart from './planning-part.js';
import { PlanningSession } from './planning-session.js';
import { IcsLink, type IcsSource } from './ics-link.js';
import { FirstUseParts } from './lazy-part.js';
import { schedulerParts } from './parts.js';
import { expandOccurrences, nextOfSeries, occurrencePage } from './recurrence.js';
import { resolveData, type AvailabilityInput, type DataState, type ReadyData } from './scheduler-data.js';
import { renderAnnouncer, renderUnavailable, type FailureView, type UnavailableView } from './status.js';
import { withBookedMeetings } from './team-meetings.js';
import { heading, SchedulerFormat, SchedulerRefs, type Messages, type SchedulerView } from './view.js';
import { instantAt, isCalendarDate } from './zone.js';
import { sameKey } from '../base/same-key.js';

export { CareMeetingChangeEvent, CareMeetingRequestEvent, type CareMeetingDetail, type MeetingAction } from './events.js';
export { OFFERED_TIME_ZONES } from './zone.js';

/** The team's own zone when nothing else is said. */
export const TEAM_TIME_ZONE = 'Europe/Oslo';

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
 * @csspart date-picker-button - The button that opens a date picker (its `button` part).
 * @csspart date-picker-dialog - The date picker's dialog.
 * @csspart date-picker-heading - The date picker's month and year.
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
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    meeting: { attribute: false },
    team: { attribute: false },
    availability: { attribute: false },
    consents: { attribute: false },
    meetingId: { attribute: 'meeting-id' },
    audience: { reflect: true },
    me: {},
    today: {},
    timeZone: { attribute: 'time-zone' },
    viewerTimeZone: { attribute: 'viewer-time-zone' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    loading: { type: Boolean, reflect: true },
    bookedId: { state: true },
    moving: { state: true },
    confirming: { state: true },
    datesPage: { state: true },
  };

  static override styles = [...CareElement.styles, schedulerStyles, bookedMeetingStyles];

  protected readonly namespace = 'scheduler' as const;
  protected readonly english: SchedulerMessages = scheduler;
  protected readonly translations = schedulerTranslations;

  /** The meeting to show, or to change (controlled mode). Checked against the data contract once per object. Without it, the element plans a new meeting. */
  meeting?: MeetingInput;

  /** The care team whose members can be invited (controlled mode). When unset, it comes from the store of an enclosing `<care-context>`. */
  team?: CareTeamInput;

  /** Members' busy times and working hours, for finding times and for warnings. When unset, from the store. */
  availability?: AvailabilityInput[];

  /** The service user's consent directives, for warnings about invitees not covered by a consent. When unset, from the store. */
  consents?: ConsentDirectiveInput[];

  /** Id of the meeting to show from the store (connected mode). Without it the element plans a new meeting. */
  meetingId = '';

  /** Who is reading: `professional` (plans and manages meetings) or `service-user` (plain words, large targets; sees the meeting, their part, and can answer). */
  audience: Audience = 'professional';

  /** Member id of the person viewing, to show "your part" of the agenda and let them answer the invitation. */
  me = '';

  /** Today as `YYYY-MM-DD` in the team's zone: where searches start, which dates are past, which consents are in force. Defaults to the current date. */
  today = '';

  /** The team's IANA zone, used for new meetings that are not in person. */
  timeZone = TEAM_TIME_ZONE;

  /** The viewer's own IANA zone, to show their local time beside the meeting's when it differs. Defaults to the browser's zone. */
  viewerTimeZone = '';

  /** Level of the element's heading (1–6, default 2); section headings are one level below, never deeper than 6. */
  headingLevel: HeadingLevel = 2;

  /** Shows the loading state (controlled mode, while the host fetches data). */
  loading = false;

  private bookedId = '';
  private moving?: MoveForm;
  private confirming?: ConfirmState;
  /** The page of a series' dates the person paged to; without one the list opens at today. */
  private datesPage?: { meetingId: string; firstIndex: number };

  private readonly refs = new SchedulerRefs();
  private readonly focusing = new FocusController(this);
  /** Request → save → change → Try again, for meetings; pending and failed saves are read from the store. */
  private readonly saves = new MeetingSaves(this, {
    store: () => this.connection.storeFor(this.meeting),
    shownMeetingId: () => (this.dataState.kind === 'ready' ? this.dataState.meeting?.id : undefined),
    t: () => this.t as Messages,
    describeError: (error) => this.describeError(error),
    conflictSentences: (conflicts, meeting) => conflictSentences(this.view.fmt, this.dataState.kind === 'ready' ? this.dataState.team : undefined, conflicts, meeting),
    resubmit: () => this.planning.submit(new Event('submit')),
    failed: () => this.focusing.after(this.refs.failureAction),
    saved: (action, value) => this.afterSaved(action, value),
  });

  private dataState: DataState = { kind: 'no-team' };
  /** Busy times for many people over many weeks are checked in a task of their own before the first render with them. */
  private readonly checkApart = new CheckApart(this);
  private readonly parts = new FirstUseParts<'form' | 'ics'>(this, () => this.focusing.after(this.refs.partRetry));
  /** The planning form, with finding times and the date picker, loads when a form first opens. */
  private readonly planningPart = this.parts.part<typeof PlanningPart>(() => schedulerParts.planning());
  /** The date picker alone, for moving one date of a series. */
  private readonly pickerPart = this.parts.part(() => schedulerParts.datePicker());
  /** The planning form: its draft, the free times asked for, and the road from Change to a booked meeting. */
  private readonly planning = new PlanningSession(this, {
    data: () => this.dataState,
    t: () => this.t as Messages,
    today: () => this.todayDate,
    teamZone: () => this.teamZone,
    knownActor: () => this.knownActor,
    shortDate: (date) => this.shortDate(date),
    status: () => this.statusText,
    parts: this.parts,
    part: this.planningPart,
    saves: this.saves,
    focusing: this.focusing,
    refs: this.refs,
  });
  /** The `.ics` link; its maker loads when the person first asks for the file (or is about to). */
  private readonly ics = new IcsLink(
    this,
    this.parts.part(() => schedulerParts.ics()),
    {
      source: () => this.icsSource(),
      say: (status) => this.parts.say(status),
      preparing: () => (this.t as Messages).preparingCalendarFile,
      failed: () => this.parts.fail('ics'),
      made: () => {
        this.parts.recovered();
        this.focusing.after(this.refs.download);
      },
    },
  );
  private bookedBusy?: { key: unknown[]; value: Availability[] };
  private bookedWarningsOf?: { key: unknown[]; value: MeetingWarning[] };

  /** Settled only when the parts being loaded are in and shown, so "press, then wait for the element" sees the result. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    const under = () => [...this.parts.pending, ...this.checkApart.pending];
    for (let waiting = under(); waiting.length; waiting = under()) {
      await Promise.all(waiting);
      done = (await super.getUpdateComplete()) && done;
    }
    // Focus moves in the frame that shows the render (FocusController): "updated" includes it.
    await this.focusing.moved;
    return done;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('meeting') || changed.has('meetingId')) {
      this.planning.editing = false;
      this.moving = undefined;
      this.confirming = undefined;
      this.parts.recovered();
      if (changed.has('meetingId')) this.bookedId = '';
    }
    this.dataState = this.resolveData();
    const data = this.dataState;
    if (data.kind !== 'ready') return;
    this.planning.prepare(data);
    this.ics.refresh();
  }

  /** Whether a view has shown today's date: until then the day is not worked out (see `view`). */
  private showsToday = false;

  /** Meetings that have passed and warnings about dates are shown as they stand on the new day. */
  protected override dayKey(): string {
    return this.showsToday ? this.todayDate : '';
  }

  override render(): TemplateResult {
    const view = this.view;
    const failure = this.saves.failure;
    // The live regions sit outside the view, so they exist before a message arrives and survive the switch to the booked meeting.
    return html`${this.renderView(view, failure)}${renderAnnouncer(view, this.statusText, failure, this.unavailable)}`;
  }

  private renderView(v: SchedulerView, failure: FailureView | undefined): TemplateResult {
    const data = this.dataState;
    const t = v.t;
    switch (data.kind) {
      case 'invalid':
        return this.frame(v, this.renderDataError(data.issues));
      case 'loading':
        return this.frame(v, this.renderLoading());
      case 'load-error':
        return this.frame(v, this.renderLoadError(() => void this.store?.load()));
      case 'no-team':
        return this.frame(v, this.renderEmpty(t.emptyTeamTitle, t.emptyTeamBody));
      case 'no-meeting':
        // A meeting the load left out (stored with a mistake) is not missing: the notice says so.
        return this.frame(v, html`${this.renderEmpty(t.emptyMeetingTitle, this.isProfessional ? t.emptyMeetingBody : t.emptyMeetingBodyServiceUser)}${this.renderLeftOut('Meeting')}`);
      case 'ready':
        if (data.meeting && !this.planning.editing) return this.renderBooked(v, data, data.meeting, failure);
        return (
          this.planning.render(v, data, failure) ??
          this.frame(v, this.unavailable ? renderUnavailable(v, this.unavailable) : this.renderOpening(v), t.planTitle)
        );
    }
  }

  private frame(v: SchedulerView, content: TemplateResult, title = v.t.title): TemplateResult {
    return html`<section class="scheduler" part="base" aria-labelledby="title">
      ${heading(v.level, 'title', 'title', title, 'title', this.refs.title)} ${content}
    </section>`;
  }

  /** The form's code is on its way; the announcer says so politely. */
  private renderOpening(v: SchedulerView): TemplateResult {
    return html`<div class="state loading" part="state loading"><span class="spinner" aria-hidden="true"></span>${v.t.openingForm}</div>`;
  }

  private renderEmpty(title: string, body: string): TemplateResult {
    return html`<div class="state" part="state empty">
      <p class="state-title">${title}</p>
      <p>${body}</p>
    </div>`;
  }

  private renderBooked(v: SchedulerView, data: ReadyData, meeting: Meeting, failure: FailureView | undefined): TemplateResult {
    const zone = v.fmt.displayZone(meeting);
    const now = Date.parse(`${this.todayDate}T00:00:00Z`);
    const [first] = expandOccurrences(meeting, { max: 1 });
    const firstIndex = this.datesPage?.meetingId === meeting.id ? this.datesPage.firstIndex : undefined;
    return renderMeeting(
      v,
      data,
      meeting,
      {
        next: nextOfSeries(meeting, now) ?? first,
        page: meeting.recurrence ? occurrencePage(meeting, { now, firstIndex }) : undefined,
        zone,
        viewerZone: this.viewerZone,
        download: this.ics.file,
        unavailable: this.unavailable,
        confirming: this.confirming,
        moving: this.moving,
        warnings: this.bookedWarnings(data, meeting, { now, today: this.todayDate, zone, actor: this.knownActor }),
        status: this.statusText,
        failure,
      },
      this.meetingActions,
    );
  }

  // ----- what the view reads -----

  private get view(): SchedulerView {
    const t = this.t as Messages;
    const isProfessional = this.isProfessional;
    const todayDate = () => ((this.showsToday = true), this.todayDate);
    let today: string | undefined;
    return {
      t,
      fmt: new SchedulerFormat({ t, dates: (zone) => this.dates(zone), date: (value, style) => this.localize.date(value, style), isProfessional }),
      refs: this.refs,
      // Worked out when a view reads it: the loading state does not, and the page's first date formatter (tens of ms) is not made for it.
      get today() {
        return (today ??= todayDate());
      },
      level: headingLevel(this.headingLevel, 2),
      me: this.me,
      isProfessional,
      locale: this.locale,
      labels: this.labels,
      // While the form's code arrives, Change waits too.
      busy: this.saves.saving || this.parts.status === (this.t as Messages).openingForm,
    };
  }

  // ----- data -----

  private resolveData(): DataState {
    // Only before anything is shown: a form on screen is never swapped for "loading" while new busy times are checked.
    const shown = this.dataState.kind === 'ready';
    return resolveData({
      loading: this.loading,
      snapshot: this.store ? (this.snapshot ?? this.store.snapshot) : undefined,
      team: this.team,
      availability: this.availability,
      consents: this.consents,
      meeting: this.meeting,
      meetingId: this.meetingId || this.bookedId,
      check: (entity, schema, input) => this.checkInput(entity, schema as never, input) as never,
      checkApart: (entity, schema, input, large) => (this.checkApart.ready(schema, input, large && !shown) ? this.checkInput(entity, schema as never, input) : undefined) as never,
      withTeamMeetings: (availability, meetings, exceptId) => this.withTeamMeetings(availability, meetings, exceptId),
    });
  }

  private get isProfessional(): boolean {
    return ((AUDIENCES as readonly string[]).includes(this.audience) ? this.audience : 'professional') === 'professional';
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

  /** Who is using the page, when the page said so (not the "unknown person" fallback). */
  private get knownActor(): Actor | undefined {
    return this.contextActor ?? this.store?.actor;
  }

  private shortDate(date: string): string {
    return this.localize.date(date, 'short');
  }

  /** A booked meeting's warnings, worked out again only when what they come from changes (not for a status message or an open dialog). */
  private bookedWarnings(data: ReadyData, meeting: Meeting, o: Parameters<typeof meetingWarnings>[2]): MeetingWarning[] {
    const key = [data.team, data.availability, data.consents, meeting, o.now, o.today, o.zone, o.actor];
    if (!this.bookedWarningsOf || !sameKey(key, this.bookedWarningsOf.key)) this.bookedWarningsOf = { key, value: meetingWarnings(data, meeting, o) };
    return this.bookedWarningsOf.value;
  }

  /** The store's other booked meetings as busy time, worked out again only when they change. */
  private withTeamMeetings(availability: Availability[], meetings: readonly Meeting[], exceptId: string): Availability[] {
    const from = instantAt(this.todayDate, '00:00', this.teamZone);
    const key = [availability, meetings, exceptId, from];
    if (!this.bookedBusy || !sameKey(key, this.bookedBusy.key)) this.bookedBusy = { key, value: withBookedMeetings(availability, meetings, exceptId || undefined, from) };
    return this.bookedBusy.value;
  }

  /** The booked meeting on screen and the words of its `.ics` file (the description's times are on the clock of its DTSTART, and say so). */
  private icsSource(): IcsSource | undefined {
    const data = this.dataState;
    if (data.kind !== 'ready' || !data.meeting || this.planning.editing) return undefined;
    const { meeting, team } = data;
    const t = this.t as Messages;
    const fmt = this.view.fmt;
    return {
      meeting,
      key: [team, this.catalogue, this.labels],
      options: { members: team.members, heading: `${t.agendaHeading} (${t.zoneNote(meeting.timeZone)})`, memberName: (id: string) => fmt.nameOf(team, id, meeting) },
    };
  }

  // ----- parts that load on first use -----

  private get statusText(): string {
    return this.parts.status || this.saves.statusText;
  }

  private get unavailable(): UnavailableView | undefined {
    const t = this.t as Messages;
    // A second failure in a row: the browser may be keeping the failed load until the page is reloaded.
    const form = this.planningPart.failures > 1 ? t.formStillUnavailable : t.formUnavailable;
    if (this.parts.failed === 'ics') return { message: this.ics.part.failures > 1 ? t.calendarFileStillUnavailable : t.calendarFileUnavailable, retry: () => this.downloadIcs() };
    if (this.parts.failed === 'form') return { message: form, retry: () => this.planning.start() };
    // A new meeting's form did not arrive: Try again loads it again.
    const data = this.dataState;
    if (this.planningPart.failed && data.kind === 'ready' && !data.meeting) return { message: form, retry: () => this.parts.track(this.planning.retryNewForm()) };
    return undefined;
  }

  /** The `.ics` link pressed before its file is made (or Try again after a failed load). */
  private downloadIcs(event?: Event) {
    event?.preventDefault();
    this.parts.track(this.ics.make());
  }

  // ----- the booked meeting's actions -----

  private readonly meetingActions: MeetingActions = meetingActions({
    me: () => this.me,
    confirm: (confirming) => (this.confirming = confirming),
    move: (moving) => {
      this.moving = moving;
      // The move form's date picker loads with the first move; the typed date works without it.
      if (moving) void this.pickerPart.load();
    },
    moving: () => this.moving,
    showPage: (datesPage) => {
      this.moving = undefined;
      this.confirming = undefined;
      this.datesPage = datesPage;
    },
    startEditing: () => this.planning.start(),
    downloadIcs: (event) => this.downloadIcs(event),
    preloadIcs: () => this.ics.preload(),
    commit: (action, meeting, previous) => void this.saves.commit(action, meeting, previous),
    shortDate: (date) => this.shortDate(date),
    focusing: this.focusing,
    refs: this.refs,
  });

  // ----- after a save -----

  private afterSaved(action: MeetingAction, value: Meeting) {
    if (action === 'book' || action === 'update') this.planning.saved();
    if (this.store && this.meeting === undefined) {
      if (!this.meetingId) this.bookedId = value.id;
    } else {
      this.meeting = value;
    }
  }
}

