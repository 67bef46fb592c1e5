import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { keep } from '../base/kept.js';
import type { Meeting } from '../../contract/meeting.js';
import type { CareDatePickEvent } from '../date-picker/events.js';
import type { Occurrence } from './recurrence.js';
import { startTimesWith, type SchedulerView } from './view.js';

/** The small form for moving one date of a series. */
export interface MoveForm {
  originalStart: string;
  date: string;
  dateText: string;
  time: string;
  problem?: 'date' | 'time';
}

/** A question waiting for an answer: cancel the meeting, or one date of it. */
export interface ConfirmState {
  action: 'cancel' | 'cancel-occurrence';
  originalStart?: string;
}

/** What the choice and move forms ask of the element. */
export interface ChoiceActions {
  startMove(occurrence: Occurrence, zone: string): void;
  askCancelOccurrence(occurrence: Occurrence): void;
  cancelOccurrence(meeting: Meeting, occurrence: Occurrence): void;
  keep(): void;
  showDates(meeting: Meeting, firstIndex: number): void;
  editMove(changes: Partial<MoveForm>): void;
  submitMove(event: Event, meeting: Meeting, occurrence: Occurrence, zone: string): void;
  stopMove(occurrence: Occurrence): void;
}

/** "Are you sure?", in place; "Keep it" takes focus first, so Enter never cancels by accident. */
export const renderConfirm = (v: SchedulerView, question: string, yes: string, action: () => void, on: ChoiceActions): TemplateResult => html`<div
  class="confirm"
  role="group"
  aria-label=${question}
>
  <p>${question}</p>
  <div class="buttons">
    <button type="button" class="danger" @click=${action}>${yes}</button>
    <button type="button" class="keep" @click=${on.keep} ${keep(v.refs.keep)}>${v.t.keepIt}</button>
  </div>
</div>`;

/** A new date and time for one date of a series (or for a single meeting). */
export const renderMoveForm = (v: SchedulerView, form: MoveForm, meeting: Meeting, occurrence: Occurrence, zone: string, on: ChoiceActions): TemplateResult => {
  const t = v.t;
  return html`<form class="move" novalidate aria-labelledby="move-title" @submit=${(e: Event) => on.submitMove(e, meeting, occurrence, zone)}>
    <p id="move-title" class="move-title">${t.moveTitle(v.fmt.when(occurrence.start, occurrence.end, zone))}</p>
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
            @change=${(e: Event) => on.editMove({ dateText: (e.target as HTMLInputElement).value })}
            ${keep(v.refs.moveDate)}
          />
          <care-date-picker
            lang=${v.locale}
            .labels=${v.labels}
            exportparts="button:date-picker-button, dialog:date-picker-dialog, heading:date-picker-heading, calendar, day, day-selected, day-today, day-free, day-disabled"
            .value=${form.date}
            .today=${v.today}
            .min=${v.today}
            @care-date-pick=${(e: CareDatePickEvent) => {
              e.stopPropagation();
              on.editMove({ date: e.detail.date, dateText: v.fmt.shortDate(e.detail.date), problem: undefined });
            }}
          ></care-date-picker>
        </div>
      </div>
      <div class="field">
        <label for="move-time">${t.timeLabel}</label>
        <select id="move-time" @change=${(e: Event) => on.editMove({ time: (e.target as HTMLSelectElement).value })}>
          ${startTimesWith(form.time).map((time) => html`<option value=${time} ?selected=${form.time === time}>${time}</option>`)}
        </select>
      </div>
    </div>
    <div class="buttons">
      <button type="submit" class="primary">${t.saveNewTime}</button>
      <button type="button" @click=${() => on.stopMove(occurrence)}>${t.cancel}</button>
    </div>
  </form>`;
};
