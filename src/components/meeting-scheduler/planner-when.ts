import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { keep } from '../base/kept.js';
import type { CareTeam } from '../../contract/team.js';
import type { CareDatePickEvent } from '../date-picker/events.js';
import { DURATIONS, draftSpan, type Draft } from './draft.js';
import { describedBy, errorText, textField } from './form-fields.js';
import type { FreeSlot } from './free-time.js';
import type { PlannerActions, PlannerState } from './planner.js';
import type { ReadyData } from './scheduler-data.js';
import { startTimesWith, type SchedulerView } from './view.js';
import { dateIn, OFFERED_TIME_ZONES } from './zone.js';

export { OFFERED_TIME_ZONES } from './zone.js';


const isChosen = (slot: FreeSlot, draft: Draft): boolean => {
  const span = draftSpan(draft);
  return Boolean(span && span.start === Date.parse(slot.start) && span.end === Date.parse(slot.end));
};

const slotNote = (v: SchedulerView, team: CareTeam, slot: FreeSlot): string => {
  const t = v.t;
  const notes = [t.requiredFree];
  const optionalCount = slot.optionalFree.length + slot.optionalBusy.length;
  if (optionalCount) notes.push(slot.optionalBusy.length ? t.optionalBusy(v.fmt.names(team, slot.optionalBusy)) : t.allOptionalFree);
  if (slot.outsideHours.length) notes.push(t.outsideHoursOf(v.fmt.names(team, slot.outsideHours)));
  return notes.join(' ');
};

/** How long, in which zone, on which date and at what time; free times found for everyone required. */
export const renderWhen = (v: SchedulerView, data: ReadyData, s: PlannerState, on: PlannerActions): TemplateResult => {
  const t = v.t;
  const { draft, problems } = s;
  const zones = [...new Set<string>([...OFFERED_TIME_ZONES, draft.timeZone])];
  const now = Date.now();
  const span = draftSpan(draft);
  const picker = html`<care-date-picker
    lang=${v.locale}
    .labels=${v.labels}
    exportparts="button:date-picker-button, dialog:date-picker-dialog, heading:date-picker-heading, calendar, day, day-selected, day-today, day-free, day-disabled"
    .value=${draft.date}
    .today=${v.today}
    .min=${v.today}
    .marked=${s.freeDays}
    @care-date-pick=${(e: CareDatePickEvent) => {
      e.stopPropagation();
      on.setDate(e.detail.date);
    }}
  ></care-date-picker>`;
  return html`<fieldset class="group">
    <legend>${t.whenLegend}</legend>
    <div class="row">
      <div class="field">
        <label for="duration">${t.durationLabel}</label>
        <select id="duration" @change=${(e: Event) => on.patch({ durationMinutes: Number((e.target as HTMLSelectElement).value) })}>
          ${[...new Set([...DURATIONS, draft.durationMinutes])]
            .sort((a, b) => a - b)
            .map((minutes) => html`<option value=${minutes} ?selected=${draft.durationMinutes === minutes}>${t.minutes(minutes)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="zone">${t.timeZoneLabel}</label>
        <select id="zone" aria-describedby="zone-hint" @change=${(e: Event) => on.patch({ timeZone: (e.target as HTMLSelectElement).value })}>
          ${zones.map((zone) => html`<option value=${zone} ?selected=${draft.timeZone === zone}>${v.fmt.zoneLabel(zone, now)}</option>`)}
        </select>
        <p class="hint" id="zone-hint">${draft.mode === 'digital' ? t.zoneHintDigital : t.zoneHintVenue}</p>
      </div>
    </div>
    ${renderFindTimes(v, data, s, on)}
    ${textField(t, problems, {
      id: 'date-input',
      field: 'date',
      label: t.dateLabel,
      hint: { id: 'date-hint', text: t.dateHint(v.fmt.shortDate(v.today)) },
      value: draft.dateText,
      inputmode: 'numeric',
      autocomplete: 'off',
      on: 'change',
      target: v.refs.fields.get('date'),
      onValue: on.setDateText,
      beside: picker,
    })}
    ${draft.date ? renderDaySlots(v, data, s, on) : nothing}
    <div class="field">
      <label for="time">${t.timeLabel}</label>
      ${errorText(t, 'time', problems)}
      <select
        id="time"
        aria-invalid=${problems.time ? 'true' : 'false'}
        aria-describedby=${describedBy('time', problems)}
        @change=${(e: Event) => on.patch({ time: (e.target as HTMLSelectElement).value })}
        ${keep(v.refs.fields.get('time'))}
      >
        <option value="" ?selected=${!draft.time}>${t.chooseTime}</option>
        ${startTimesWith(draft.time).map((time) => html`<option value=${time} ?selected=${draft.time === time}>${time}</option>`)}
      </select>
    </div>
    ${span
      ? html`<p class="chosen"><strong>${t.chosenTime}</strong> ${v.fmt.when(new Date(span.start).toISOString(), new Date(span.end).toISOString(), draft.timeZone)}</p>`
      : nothing}
  </fieldset>`;
};

const renderFindTimes = (v: SchedulerView, data: ReadyData, s: PlannerState, on: PlannerActions): TemplateResult => {
  const t = v.t;
  const { draft, suggestions } = s;
  const shown = suggestions.slice(0, s.slotLimit);
  return html`<div class="find">
    <button type="button" class="find-button" aria-describedby="find-hint" @click=${on.findTimes}>${t.findTimes}</button>
    <p class="hint" id="find-hint">${t.findTimesHint}</p>
    <div class="visually-hidden" role="status">${s.findRequested ? t.foundTimes(suggestions.length) : ''}</div>
    ${s.findRequested
      ? suggestions.length
        ? html`<fieldset class="slots" part="slots" id="suggested">
            <legend>${t.suggestedTimes}</legend>
            <ul role="list">
              ${shown.map(
                (slot, index) => html`<li>
                  <input type="radio" name="suggested-slot" id=${`slot-${index}`} .checked=${live(isChosen(slot, draft))} @change=${() => on.pickSlot(slot, draft.timeZone)} />
                  <label for=${`slot-${index}`} part="slot" class="slot">
                    <span class="slot-when">${v.fmt.when(slot.start, slot.end, draft.timeZone)}</span>
                    <span class="slot-note">${slotNote(v, data.team, slot)}</span>
                  </label>
                </li>`,
              )}
            </ul>
            ${suggestions.length > shown.length ? html`<button type="button" @click=${on.showMoreTimes}>${t.showMoreTimes}</button>` : nothing}
          </fieldset>`
        : html`<p class="none-found">${t.noFreeTimes}</p>`
      : nothing}
  </div>`;
};

const renderDaySlots = (v: SchedulerView, data: ReadyData, s: PlannerState, on: PlannerActions): TemplateResult => {
  const t = v.t;
  const draft = s.draft;
  const daySlots = s.slots.filter((slot) => dateIn(slot.start, draft.timeZone) === draft.date).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  if (!daySlots.length) return html`<p class="none-found">${t.noFreeTimesOnDay(v.fmt.dayLabel(draft.date))}</p>`;
  return html`<fieldset class="slots day-slots" part="slots">
    <legend>${t.freeTimesOn(v.fmt.dayLabel(draft.date))}</legend>
    <ul role="list" class="chips">
      ${daySlots.map(
        (slot, index) => html`<li>
          <input type="radio" name="day-slot" id=${`day-slot-${index}`} .checked=${live(isChosen(slot, draft))} @change=${() => on.pickSlot(slot, draft.timeZone)} />
          <label for=${`day-slot-${index}`} part="slot" class="slot">
            <span class="slot-when">${v.fmt.timeRange(slot.start, slot.end, draft.timeZone)}</span>
            ${slot.optionalBusy.length || slot.outsideHours.length ? html`<span class="slot-note">${slotNote(v, data.team, slot)}</span>` : nothing}
          </label>
        </li>`,
      )}
    </ul>
  </fieldset>`;
};
