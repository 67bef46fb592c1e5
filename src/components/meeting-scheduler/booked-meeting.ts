import { safeHttpsUrl } from '../../contract/common.js';
import type { Meeting } from '../../contract/meeting.js';
import type { ResponseStatus } from '../../contract/values.js';
import { html, nothing, type TemplateResult } from 'lit';
import { keep } from '../base/kept.js';
import { agendaFor, agendaOf, attendanceWindow } from './agenda.js';
import { renderConfirm, type ChoiceActions, type ConfirmState, type MoveForm } from './choice-dialog.js';
import { DOWNLOAD_ICON, MODE_ICONS, RESPONSE_ICONS } from './icons.js';
import { renderOccurrences } from './occurrences.js';
import { withOccurrenceChange, type Occurrence, type OccurrencePage } from './recurrence.js';
import type { ReadyData } from './scheduler-data.js';
import { renderStatus, renderWarnings, type FailureView, type UnavailableView } from './status.js';
import { heading, type SchedulerView } from './view.js';
import type { MeetingWarning } from './warnings.js';
import type { MeetingAction } from './events.js';
import type { FocusController } from '../base/focus.js';
import { parseDateText } from './date-text.js';
import { movedMeeting } from './moved-meeting.js';
import type { SchedulerRefs } from './view.js';
import { dateIn, timeIn } from './zone.js';

/** What the booked-meeting view asks of the element. */
export interface MeetingActions extends ChoiceActions {
  respond(meeting: Meeting, response: ResponseStatus): void;
  bookProposed(meeting: Meeting): void;
  startEditing(): void;
  askCancelMeeting(): void;
  cancelMeeting(meeting: Meeting): void;
  /** The `.ics` link was pressed before its file was made: make it, then download. */
  downloadIcs(event: Event): void;
  /** The person is about to press the `.ics` link (hover, focus): start loading its maker. */
  preloadIcs(): void;
}

/** What the view shows besides the meeting. */
export interface MeetingState {
  next: Occurrence;
  page?: OccurrencePage;
  zone: string;
  viewerZone: string;
  /** The `.ics` file once made; before that the link makes it on first use. */
  download?: { url: string; name: string };
  unavailable?: UnavailableView;
  confirming?: ConfirmState;
  moving?: MoveForm;
  warnings: MeetingWarning[];
  status: string;
  failure?: FailureView;
}

/** Whether two labels say the same thing (the kind of meeting repeated as its title says nothing new). */
const sameWords = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** A booked meeting: when and where, the viewer's part and answer, who comes, the agenda, the dates of a series, warnings and actions. */
export const renderMeeting = (v: SchedulerView, data: ReadyData, meeting: Meeting, s: MeetingState, on: MeetingActions): TemplateResult => {
  const t = v.t;
  const { next, zone } = s;
  const video = safeHttpsUrl(meeting.videoLink)?.href;
  const mine = v.me ? meeting.participants.find((p) => p.memberId === v.me) : undefined;
  const active = meeting.status === 'booked' || meeting.status === 'proposed';
  return html`<section class="scheduler meeting" part="base" aria-labelledby="title">
    <header class="meeting-header">
      ${heading(v.level, 'title', 'title', meeting.title, 'title', v.refs.title)}
      <p class="meta">
        ${sameWords(t.kinds[meeting.kind], meeting.title) ? nothing : html`<span>${t.kinds[meeting.kind]}</span>`}
        <span class=${`badge status-${meeting.status}`}>${t.statuses[meeting.status]}</span>
      </p>
    </header>
    <dl class="facts">
      <div>
        <dt>${meeting.recurrence ? t.nextDate : t.whenLabel}</dt>
        <dd>
          ${v.fmt.when(next.start, next.end, zone, 'weekday')}
          <span class="muted">(${t.zoneNote(zone)})</span>
          ${viewerTimeNote(v, next, zone, s.viewerZone)}
        </dd>
      </div>
      ${meeting.recurrence
        ? html`<div>
            <dt>${t.repeatsLabel}</dt>
            <dd>${recurrenceText(v, meeting)}</dd>
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
    ${mine ? renderYourPart(v, meeting, mine.response, s, active, on) : nothing} ${renderParticipantList(v, data, meeting)}
    ${renderAgendaList(v, data, meeting, next, zone)} ${s.page ? renderOccurrences(v, meeting, s.page, zone, active, s, on) : nothing}
    ${renderWarnings(v, data, s.warnings, zone)} ${renderMeetingActions(v, meeting, active, s, on)} ${renderStatus(v, s.status, s.failure, s.unavailable)}
  </section>`;
};

const viewerTimeNote = (v: SchedulerView, occurrence: Occurrence, zone: string, viewer: string) => {
  const here = v.fmt.timeRange(occurrence.start, occurrence.end, viewer);
  const there = v.fmt.timeRange(occurrence.start, occurrence.end, zone);
  if (here === there && dateIn(occurrence.start, viewer) === dateIn(occurrence.start, zone)) return nothing;
  return html`<br /><span class="viewer-time">${v.t.yourTime(v.fmt.when(occurrence.start, occurrence.end, viewer), viewer)}</span>`;
};

const recurrenceText = (v: SchedulerView, meeting: Meeting): string => {
  const t = v.t;
  const rule = meeting.recurrence!;
  const every = rule.frequency === 'weekly' ? t.everyWeeks(rule.interval) : t.everyMonths(rule.interval);
  if (rule.count) return `${every}, ${t.times(rule.count)}`;
  if (rule.until) return `${every}, ${t.until(v.fmt.longDate(rule.until))}`;
  return every;
};

const renderYourPart = (v: SchedulerView, meeting: Meeting, response: ResponseStatus, s: MeetingState, active: boolean, on: MeetingActions) => {
  const t = v.t;
  const zone = s.zone;
  const items = agendaFor(meeting, v.me, s.next.start);
  const window = attendanceWindow(items);
  const answers = ['accepted', 'tentative', 'declined'] as const;
  return html`<section class="your-part" part="your-part" aria-labelledby="your-part-title">
    ${heading(v.level + 1, 'your-part-title', 'subheading', t.yourPartTitle)}
    ${meeting.agenda.length
      ? items.length
        ? html`${items.length > 1 ? html`<p>${t.yourPartIntro(v.fmt.timeRange(window!.start, window!.end, zone))}</p>` : nothing}
            <ul class="your-items">
              ${items.map((item) => html`<li><span class="item-time">${v.fmt.timeRange(item.start, item.end, zone)}</span> ${item.title}</li>`)}
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
              html`<button type="button" aria-pressed=${response === answer ? 'true' : 'false'} aria-disabled=${v.busy ? 'true' : nothing} @click=${() => v.busy || on.respond(meeting, answer)}>
                ${t.answerButtons[answer]}
              </button>`,
          )}
        </div>`
      : nothing}
  </section>`;
};

const renderParticipantList = (v: SchedulerView, data: ReadyData, meeting: Meeting) => {
  const t = v.t;
  return html`<section class="participants" part="participants" aria-labelledby="participants-title">
    ${heading(v.level + 1, 'participants-title', 'subheading', t.participantsTitle(meeting.participants.length))}
    <ul class="people-list" role="list">
      ${meeting.participants.map((p) => {
        const member = data.team.members.find((m) => m.id === p.memberId);
        const response = p.response ?? 'needs-action';
        return html`<li>
          <span class="name">${v.fmt.nameOf(data.team, p.memberId, meeting)}${p.memberId === v.me ? html`${' '}<span class="muted">(${t.you})</span>` : nothing}</span>
          ${member ? html`<span class="muted">${v.fmt.roleOf(data.team, member)}</span>` : nothing}
          <span class="tags">
            <span class="tag">${p.required === false ? t.optional : t.required}</span>
            ${p.supportFor ? html`<span class="tag">${t.supportFor(v.fmt.nameOf(data.team, p.supportFor, meeting))}</span>` : nothing}
            <span class=${`response response-${response}`}>${RESPONSE_ICONS[response]} ${t.responses[response]}</span>
          </span>
        </li>`;
      })}
    </ul>
  </section>`;
};

const renderAgendaList = (v: SchedulerView, data: ReadyData, meeting: Meeting, next: Occurrence, zone: string) => {
  const t = v.t;
  const items = agendaOf(meeting, next.start);
  if (!items.length) return nothing;
  return html`<section class="agenda" part="agenda" aria-labelledby="agenda-title">
    ${heading(v.level + 1, 'agenda-title', 'subheading', t.agendaHeading)}
    <ol class="agenda-list">
      ${items.map(
        (item) => html`<li class=${item.attendeeIds.includes(v.me) ? 'mine' : ''}>
          <span class="item-time">${v.fmt.timeRange(item.start, item.end, zone)}</span>
          <span class="item-title"><span dir="auto">${item.title}</span>${item.attendeeIds.includes(v.me) ? html`${' '}<span class="tag">${t.yourItem}</span>` : nothing}</span>
          <span class="muted">${t.forPeople(v.fmt.names(data.team, item.attendeeIds, meeting))}</span>
        </li>`,
      )}
    </ol>
  </section>`;
};

const renderMeetingActions = (v: SchedulerView, meeting: Meeting, active: boolean, s: MeetingState, on: MeetingActions) => {
  const t = v.t;
  const download = s.download;
  const confirming = s.confirming?.action === 'cancel';
  return html`<div class="actions" part="actions">
      ${active && v.isProfessional && meeting.status === 'proposed'
        ? html`<button type="button" class="primary" aria-disabled=${v.busy ? 'true' : nothing} @click=${() => v.busy || on.bookProposed(meeting)}>${t.bookProposed}</button>`
        : nothing}
      ${active && v.isProfessional
        ? html`<button type="button" aria-disabled=${v.busy ? 'true' : nothing} @click=${() => v.busy || on.startEditing()}>${t.changeMeeting}</button>
            <button type="button" class="danger-outline" ?disabled=${v.busy || confirming} @click=${on.askCancelMeeting}>
              ${meeting.recurrence ? t.cancelSeries : t.cancelMeeting}
            </button>`
        : nothing}
      <a
        class="download"
        part="download"
        href=${download?.url ?? '#'}
        download=${download?.name ?? nothing}
        @click=${download ? nothing : on.downloadIcs}
        @focus=${on.preloadIcs}
        @pointerenter=${on.preloadIcs}
        ${keep(v.refs.download)}
        >${DOWNLOAD_ICON} ${t.downloadIcs}</a
      >
    </div>
    ${confirming
      ? renderConfirm(v, meeting.recurrence ? t.confirmCancelSeries : t.confirmCancelMeeting, t.yesCancelMeeting, () => on.cancelMeeting(meeting), on)
      : nothing}`;
};


/** What the booked view's actions need from the element. */
export interface MeetingHost {
  me(): string;
  confirm(confirming: ConfirmState | undefined): void;
  move(moving: MoveForm | undefined): void;
  moving(): MoveForm | undefined;
  showPage(page: { meetingId: string; firstIndex: number }): void;
  startEditing(): void;
  downloadIcs(event: Event): void;
  preloadIcs(): void;
  commit(action: MeetingAction, meeting: Meeting, previous: Meeting): void;
  shortDate(date: string): string;
  focusing: FocusController;
  refs: SchedulerRefs;
}

/** Answering, booking a proposal, cancelling, and moving or cancelling one date, each with where focus goes next. */
export const meetingActions = (host: MeetingHost): MeetingActions => {
  const { focusing, refs } = host;
  return {
    respond: (meeting, response) => {
      const participants = meeting.participants.map((p) => (p.memberId === host.me() ? { ...p, response } : p));
      host.commit('respond', { ...meeting, participants }, meeting);
    },
    bookProposed: (meeting) => host.commit('book', { ...meeting, status: 'booked' }, meeting),
    startEditing: () => host.startEditing(),
    downloadIcs: (event) => host.downloadIcs(event),
    preloadIcs: () => host.preloadIcs(),
    askCancelMeeting: () => {
      host.confirm({ action: 'cancel' });
      focusing.after(refs.keep);
    },
    cancelMeeting: (meeting) => {
      host.confirm(undefined);
      host.commit('cancel', { ...meeting, status: 'cancelled' }, meeting);
    },
    askCancelOccurrence: (occurrence) => {
      host.confirm({ action: 'cancel-occurrence', originalStart: occurrence.originalStart });
      focusing.after(refs.keep);
    },
    cancelOccurrence: (meeting, occurrence) => {
      host.confirm(undefined);
      focusing.after(refs.datesTitle);
      host.commit('cancel-occurrence', withOccurrenceChange(meeting, occurrence.originalStart, { cancelled: true }), meeting);
    },
    keep: () => host.confirm(undefined),
    showDates: (meeting, firstIndex) => host.showPage({ meetingId: meeting.id, firstIndex }),
    startMove: (occurrence, zone) => {
      const date = dateIn(occurrence.start, zone);
      host.move({ originalStart: occurrence.originalStart, date, dateText: host.shortDate(date), time: timeIn(occurrence.start, zone) });
      host.confirm(undefined);
      focusing.after(refs.moveDate);
    },
    editMove: (changes) => {
      const next = { ...host.moving()!, ...changes };
      if ('dateText' in changes && !('date' in changes)) next.date = parseDateText(next.dateText) ?? '';
      host.move(next);
    },
    stopMove: (occurrence) => {
      host.move(undefined);
      focusing.after(refs.moveButtons.get(occurrence.originalStart));
    },
    submitMove: (event, meeting, occurrence, zone) => {
      event.preventDefault();
      const form = host.moving()!;
      const date = form.date || parseDateText(form.dateText);
      if (!date) {
        host.move({ ...form, problem: 'date' });
        focusing.after(refs.moveDate);
        return;
      }
      const { after, action } = movedMeeting(meeting, occurrence, date, form.time, zone);
      host.move(undefined);
      focusing.after(refs.datesTitle);
      host.commit(action, after, meeting);
    },
  };
};
