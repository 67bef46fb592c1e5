import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { keep } from '../base/kept.js';
import { repeat } from 'lit/directives/repeat.js';
import { AGENDA_TEMPLATES, type AgendaTemplate } from '../../contract/values.js';
import { draftSpan, type Draft } from './draft.js';
import { describedBy, errorText } from './form-fields.js';
import type { PlannerActions } from './planner.js';
import type { ReadyData } from './scheduler-data.js';
import type { Problems, SchedulerView } from './view.js';

const AGENDA_MINUTES = [5, 10, 15, 20, 25, 30, 40, 45, 60, 75, 90, 120];

/** The agenda: items with their own time, length and attendees, in an order the person sets. */
export const renderAgendaForm = (v: SchedulerView, data: ReadyData, draft: Draft, problems: Problems, on: PlannerActions): TemplateResult => {
  const t = v.t;
  const invited = Object.keys(draft.invited);
  const span = draftSpan(draft);
  // Each item starts where the one before it ends.
  const starts: number[] = [];
  let at = span?.start ?? 0;
  for (const item of draft.agenda) {
    starts.push(at);
    at += item.minutes * 60_000;
  }
  const total = draft.agenda.reduce((sum, item) => sum + item.minutes, 0);
  const items = v.refs.items;
  return html`<fieldset class="group" part="agenda" id="agenda" tabindex="-1" aria-describedby=${describedBy('agenda', problems, 'agenda-hint')}>
    <legend>${t.agendaLegend}</legend>
    <p class="hint" id="agenda-hint">${t.agendaHint}</p>
    ${errorText(t, 'agenda', problems)}
    <ol class="agenda-items">
      ${repeat(draft.agenda, (item) => item.key, (item, index) => {
        const start = starts[index];
        const end = start + item.minutes * 60_000;
        const label = item.title.trim() || t.itemNumber(index + 1);
        return html`<li class="agenda-item">
          <fieldset class="nested">
            <legend>
              ${span ? html`<span class="item-time">${v.fmt.timeRange(new Date(start).toISOString(), new Date(end).toISOString(), draft.timeZone)}</span>` : nothing}
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
                  @input=${(e: Event) => on.patchItem(item.key, { title: (e.target as HTMLInputElement).value })}
                  ${keep(items.get(`${item.key}:title`))}
                />
              </div>
              <div class="field">
                <label for=${`item-minutes-${item.key}`}>${t.itemMinutesLabel}</label>
                <select id=${`item-minutes-${item.key}`} @change=${(e: Event) => on.patchItem(item.key, { minutes: Number((e.target as HTMLSelectElement).value) })}>
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
                          @change=${(e: Event) => on.setItemAttendee(item.key, id, (e.target as HTMLInputElement).checked)}
                        />
                        <label for=${`item-${item.key}-${id}`}>${v.fmt.nameOf(data.team, id, data.meeting)}</label>
                      </li>`,
                    )}
                  </ul>`
                : html`<p class="hint">${t.inviteFirst}</p>`}
            </fieldset>
            <div class="buttons">
              <button type="button" ?disabled=${index === 0} aria-label=${t.moveItemUp(label)} @click=${() => on.moveItem(index, -1)} ${keep(items.get(`${item.key}:up`))}>
                <span aria-hidden="true">↑</span> ${t.up}
              </button>
              <button
                type="button"
                ?disabled=${index === draft.agenda.length - 1}
                aria-label=${t.moveItemDown(label)}
                @click=${() => on.moveItem(index, 1)}
                ${keep(items.get(`${item.key}:down`))}
              >
                <span aria-hidden="true">↓</span> ${t.down}
              </button>
              <button type="button" aria-label=${t.removeItem(label)} @click=${() => on.removeItem(item.key)}>${t.remove}</button>
            </div>
          </fieldset>
        </li>`;
      })}
    </ol>
    <p class="agenda-total">${t.agendaTotal(total, draft.durationMinutes)}</p>
    <div class="row add-item">
      <div class="field">
        <label for="add-template">${t.addItemLabel}</label>
        <select id="add-template" ${keep(v.refs.addTemplate)}>
          ${AGENDA_TEMPLATES.map((template) => html`<option value=${template}>${t.templates[template]}</option>`)}
          <option value="">${t.ownItem}</option>
        </select>
      </div>
      <button type="button" @click=${() => on.addItem((v.refs.addTemplate.value?.value || undefined) as AgendaTemplate | undefined)}>${t.addItem}</button>
    </div>
  </fieldset>`;
};
