import { html, nothing, type TemplateResult } from 'lit';
import { keep, type Kept } from '../base/kept.js';
import { RACI_PARTS } from '../../contract/values.js';
import { MATRIX_FILTERS, type MatrixFilter } from './model.js';
import type { MatrixContext } from './responsibility-view.js';

export interface ToolbarOptions {
  view: 'grid' | 'person';
  filter: MatrixFilter;
  showEnded: boolean;
  /** The reason field for changes made in the grid. */
  reason: Kept<HTMLInputElement>;
  onView: (event: Event) => void;
  onFilter: (event: Event) => void;
  onShowEnded: (event: Event) => void;
  onAdd: (event: Event) => void;
}

/** View (by task or by person), which tasks, ended tasks, and for editors a reason field and Add. */
export const renderToolbar = (ctx: MatrixContext, options: ToolbarOptions): TemplateResult => {
  const t = ctx.t;
  const filters = MATRIX_FILTERS.filter((f) => f !== 'mine' || ctx.me);
  return html`<div class="toolbar" part="toolbar">
    <fieldset>
      <legend>${t.view}</legend>
      <div class="segmented" @change=${options.onView}>
        <label><input type="radio" name="view" value="grid" .checked=${options.view === 'grid'} />${t.viewGrid}</label>
        <label><input type="radio" name="view" value="person" .checked=${options.view === 'person'} />${t.viewPerson}</label>
      </div>
    </fieldset>
    <fieldset>
      <legend>${t.filter}</legend>
      <div class="segmented" @change=${options.onFilter}>
        ${filters.map((f) => html`<label><input type="radio" name="filter" .value=${f} .checked=${options.filter === f} />${t.filters[f]}</label>`)}
      </div>
    </fieldset>
    <label class="check"><input type="checkbox" .checked=${options.showEnded} @change=${options.onShowEnded} />${t.showEnded}</label>
    ${ctx.editable
      ? html`<label class="reason"
            ><span class="field-label">${t.changeReasonLabel}</span><input ${keep(options.reason)} type="text" id="change-reason" maxlength="2000" autocomplete="off"
          /></label>
          <button type="button" class="primary" @click=${options.onAdd}>${t.add}</button>`
      : nothing}
  </div>`;
};

/** What the letters and colours mean, in words. */
export const renderLegend = (ctx: MatrixContext): TemplateResult => {
  const t = ctx.t;
  return html`<div class="legend" part="legend" id="legend">
    ${ctx.heading(1, undefined, 'subheading', t.legendTitle)}
    <ul>
      ${RACI_PARTS.map(
        (part) =>
          html`<li class=${part}><span class="letter" aria-hidden="true">${t.partLetters[part]}</span><span><strong>${t.parts[part]}</strong>: ${t.partHelp[part]}</span></li>`,
      )}
    </ul>
  </div>`;
};
