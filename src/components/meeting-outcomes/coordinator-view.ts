import { html, nothing, type TemplateResult } from 'lit';
import { keep, type Kept } from '../base/kept.js';
import { meetingOutcomeFlags } from '../../contract/meeting-outcome.js';
import { renderCoordinatorPanel, type CoordinatorPanelContext } from './panels-view.js';
import { renderParts, type SummaryContext } from './summary-view.js';

/** The coordinator's view of a recorded outcome: its state, plain notes on gaps, every part, and who has read it. */
export const renderCoordinatorSummary = (
  ctx: CoordinatorPanelContext & {
    summary: SummaryContext;
    responsibilityIds: readonly string[];
    editRef: Kept<HTMLButtonElement>;
    edit: () => void;
    share: () => void;
  },
): TemplateResult => {
  const { t, outcome } = ctx;
  const flags = meetingOutcomeFlags(outcome, ctx.meeting, ctx.team, ctx.responsibilityIds).map((f) =>
    f.kind === 'unknown-owner'
      ? t.flags.unknownOwner
      : f.kind === 'unknown-agenda-item'
        ? t.flags.unknownAgendaItem
        : f.kind === 'unknown-responsibility'
          ? t.flags.unknownResponsibility
          : t.flags.questionsOpen(f.count),
  );
  const disabled = ctx.busy ? 'true' : 'false';
  return html`<p class="notice">${outcome.status === 'draft' ? t.draftNote : t.sharedOn(ctx.dateTime(outcome.sharedAt ?? ''))}</p>
    ${flags.length ? html`<ul class="list">${flags.map((f) => html`<li>${f}</li>`)}</ul>` : nothing} ${renderParts(ctx.summary, undefined)}
    <div class="tools">
      <button type="button" part="edit" ${keep(ctx.editRef)} aria-disabled=${disabled} @click=${ctx.edit}>${t.editOutcome}</button>
      ${outcome.status === 'draft' ? html`<button type="button" class="primary" part="share" aria-disabled=${disabled} @click=${ctx.share}>${t.share}</button>` : nothing}
    </div>
    ${outcome.status === 'shared' ? renderCoordinatorPanel(ctx) : nothing}`;
};
