import { html, nothing, type TemplateResult } from 'lit';
import { keep } from '../base/kept.js';
import type { AgendaTemplate, MeetingKind, MeetingMode } from '../../contract/values.js';
import { DRAFT_FIELDS, type Draft, type DraftField } from './draft.js';
import type { FreeSlot } from './free-time.js';
import { renderAgendaForm } from './planner-agenda.js';
import { renderAbout, renderMode, renderParticipantsForm, renderRepeat } from './planner-sections.js';
import { renderWhen } from './planner-when.js';
import { renderStatus, renderWarnings, type FailureView } from './status.js';
import type { ReadyData } from './scheduler-data.js';
import { heading, type Problems, type SchedulerView } from './view.js';
import type { MeetingWarning } from './warnings.js';

/** What the planning form asks of the element: every edit of the draft, and the form's own buttons. */
export interface PlannerActions {
  patch(changes: Partial<Draft>): void;
  setKind(kind: MeetingKind): void;
  invite(memberId: string, invited: boolean): void;
  setAttendance(memberId: string, attendance: 'required' | 'optional'): void;
  setSupportPerson(memberId: string): void;
  setMode(mode: MeetingMode): void;
  setDateText(text: string): void;
  setDate(date: string): void;
  pickSlot(slot: FreeSlot, zone: string): void;
  findTimes(): void;
  showMoreTimes(): void;
  patchItem(key: string, changes: Partial<Draft['agenda'][number]>): void;
  setItemAttendee(key: string, memberId: string, attends: boolean): void;
  moveItem(index: number, by: -1 | 1): void;
  removeItem(key: string): void;
  addItem(template: AgendaTemplate | undefined): void;
  focusField(field: DraftField): void;
  submit(event: Event): void;
  stopEditing(): void;
}

/** What the form shows besides the draft: free times found, and whether the person asked for them. */
export interface PlannerState {
  draft: Draft;
  problems: Problems;
  editing: boolean;
  slots: FreeSlot[];
  suggestions: FreeSlot[];
  freeDays: string[];
  findRequested: boolean;
  slotLimit: number;
  warnings: MeetingWarning[];
  status: string;
  failure?: FailureView;
}

/**
 * The planning form: the error summary, then each section, in one shadow root so that the summary's
 * links and every `aria-describedby` reach their targets.
 */
export const renderPlanner = (v: SchedulerView, data: ReadyData, s: PlannerState, on: PlannerActions): TemplateResult => {
  const t = v.t;
  const { draft, problems } = s;
  const problemFields = DRAFT_FIELDS.filter((f) => problems[f]);
  return html`<section class="scheduler" part="base" aria-labelledby="title">
    ${heading(v.level, 'title', 'title', s.editing ? t.editTitle : t.planTitle, 'title', v.refs.title)}
    <form part="form" class="planner" novalidate @submit=${on.submit}>
      ${problemFields.length
        ? html`<div class="error-summary" role="alert" tabindex="-1" ${keep(v.refs.errorSummary)}>
            <p><strong>${t.errorSummary(problemFields.length)}</strong></p>
            <ul>
              ${problemFields.map(
                (field) => html`<li><button type="button" class="link" @click=${() => on.focusField(field)}>${t.problems[problems[field]!]}</button></li>`,
              )}
            </ul>
          </div>`
        : nothing}
      ${renderAbout(v, draft, problems, on)} ${renderParticipantsForm(v, data, draft, problems, on)} ${renderMode(v, draft, problems, on)}
      ${renderWhen(v, data, s, on)} ${renderRepeat(v, draft, problems, on)} ${renderAgendaForm(v, data, draft, problems, on)}
      ${renderWarnings(v, data, s.warnings, draft.timeZone)}
      <div class="actions" part="actions">
        <button type="submit" class="primary" aria-disabled=${v.busy ? 'true' : nothing}>${s.editing ? t.saveChanges : t.book}</button>
        ${s.editing ? html`<button type="button" @click=${on.stopEditing}>${t.cancelChanges}</button>` : nothing}
      </div>
      ${renderStatus(v, s.status, s.failure)}
    </form>
  </section>`;
};
