import { html, nothing, type TemplateResult } from 'lit';
import { keep } from '../base/kept.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Meeting } from '../../contract/meeting.js';
import { formatDate } from '../../i18n/format.js';
import { renderConfirm, renderMoveForm, type ChoiceActions, type ConfirmState, type MoveForm } from './choice-dialog.js';
import { DATES_PER_PAGE, type OccurrencePage } from './recurrence.js';
import { heading, type SchedulerView } from './view.js';
import { dateIn } from './zone.js';

/** The dates of a series, a page at a time: moved and cancelled ones marked, each future one movable and cancellable. */
export const renderOccurrences = (
  v: SchedulerView,
  meeting: Meeting,
  page: OccurrencePage,
  zone: string,
  active: boolean,
  s: { moving?: MoveForm; confirming?: ConfirmState },
  on: ChoiceActions,
): TemplateResult => {
  const t = v.t;
  const { occurrences } = page;
  const paged = page.hasEarlier || page.hasLater;
  const last = occurrences[occurrences.length - 1];
  const duration = Date.parse(meeting.end) - Date.parse(meeting.start);
  return html`<section class="occurrences" part="occurrences" aria-labelledby="dates-title">
    ${heading(v.level + 1, 'dates-title', 'subheading', paged || page.total === undefined ? t.datesTitleSeries : t.datesTitle(page.total), undefined, v.refs.datesTitle)}
    ${paged && last
      ? html`<p class="muted dates-shown" role="status">
          ${t.datesShowing(formatDate(occurrences[0].start, v.fmt.dates(zone), 'long'), formatDate(last.start, v.fmt.dates(zone), 'long'))}
        </p>`
      : nothing}
    <ol class="dates" start=${page.firstIndex + 1}>
      ${repeat(
        occurrences,
        (o) => o.originalStart,
        (o) => {
          const past = dateIn(o.start, zone) < v.today;
          const canChange = active && v.isProfessional && !past && o.status !== 'cancelled';
          const moving = s.moving?.originalStart === o.originalStart;
          const confirming = s.confirming?.action === 'cancel-occurrence' && s.confirming.originalStart === o.originalStart;
          const when = v.fmt.when(o.start, o.end, zone);
          return html`<li part=${`occurrence occurrence-${o.status}`} class=${`occurrence ${o.status}${past ? ' past' : ''}`}>
            <div class="occurrence-line">
              <span class="occurrence-when">${o.status === 'cancelled' ? html`<s>${when}</s>` : when}</span>
              ${o.status === 'moved'
                ? html`<span class="tag">${t.movedFrom(v.fmt.when(o.originalStart, new Date(Date.parse(o.originalStart) + duration).toISOString(), zone))}</span>`
                : nothing}
              ${o.status === 'cancelled' ? html`<span class="tag">${t.occurrenceCancelled}</span>` : nothing}
              ${past && o.status !== 'cancelled' ? html`<span class="tag">${t.past}</span>` : nothing}
              ${canChange && !moving && !confirming
                ? html`<span class="buttons">
                    <button type="button" class="small" data-move=${o.originalStart} @click=${() => on.startMove(o, zone)} ${keep(v.refs.moveButtons.get(o.originalStart))}>
                      ${t.moveDate}<span class="visually-hidden"> ${when}</span>
                    </button>
                    <button type="button" class="small" @click=${() => on.askCancelOccurrence(o)}>
                      ${t.cancelDate}<span class="visually-hidden"> ${when}</span>
                    </button>
                  </span>`
                : nothing}
            </div>
            ${moving ? renderMoveForm(v, s.moving!, meeting, o, zone, on) : nothing}
            ${confirming ? renderConfirm(v, t.confirmCancelDate(when), t.yesCancelDate, () => on.cancelOccurrence(meeting, o), on) : nothing}
          </li>`;
        },
      )}
    </ol>
    ${paged ? renderDatesPaging(v, meeting, page, on) : nothing}
  </section>`;
};

/** Earlier and later dates; the buttons stay in place (aria-disabled at either end) so focus is never lost. */
const renderDatesPaging = (v: SchedulerView, meeting: Meeting, page: OccurrencePage, on: ChoiceActions) => {
  const t = v.t;
  const go = (firstIndex: number, allowed: boolean) => () => {
    if (allowed) on.showDates(meeting, firstIndex);
  };
  const size = page.occurrences.length;
  return html`<div class="buttons dates-paging" part="dates-paging">
    <button type="button" class="small" aria-disabled=${page.hasEarlier ? 'false' : 'true'} @click=${go(Math.max(0, page.firstIndex - DATES_PER_PAGE), page.hasEarlier)}>
      ${t.earlierDates}
    </button>
    <button type="button" class="small" aria-disabled=${page.hasLater ? 'false' : 'true'} @click=${go(page.firstIndex + size, page.hasLater)}>${t.laterDates}</button>
  </div>`;
};
