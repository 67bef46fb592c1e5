import { html, nothing, type TemplateResult } from 'lit';
import { keep, type Kept } from '../base/kept.js';
import type { Meeting } from '../../contract/meeting.js';
import type { Responsibility } from '../../contract/responsibility.js';
import type { CareTeam } from '../../contract/team.js';
import { INFORMATION_CATEGORIES, type InformationCategory } from '../../contract/values.js';
import type { OutcomesMessages } from '../../i18n/types.js';
import { actionComplete, actionStarted, freshId, newActionDraft, type ActionDraft, type MatrixChoice, type OutcomeDraft, type PartDraft } from './outcome-model.js';
import { isolatedText } from './isolated.js';
import { partTitle } from './summary-view.js';

/** What the form needs. `change` replaces the draft; the element keeps it. */
export interface RecordFormContext {
  t: OutcomesMessages & { cancel: string; save: string };
  draft: OutcomeDraft;
  meeting: Meeting;
  team: CareTeam;
  responsibilities: readonly Responsibility[];
  /** Titles by id, with any a task names that the load left out named as stored with a mistake. */
  responsibilityTitles: ReadonlyMap<string, string>;
  level: number;
  busy: boolean;
  /** Whether the outcome is shared already (one Save) or still a draft (Save draft, Save and share). */
  shared: boolean;
  /** The sentence naming an unfinished task, after a save was tried. */
  problem?: string;
  headingRef: Kept<HTMLElement>;
  problemRef: Kept<HTMLElement>;
  change: (update: (draft: OutcomeDraft) => OutcomeDraft) => void;
  save: (share: boolean) => void;
  cancel: () => void;
}

const valueOf = (event: Event): string => (event.target as HTMLInputElement).value;

const updatePart = (ctx: RecordFormContext, partId: string, update: (part: PartDraft) => PartDraft) =>
  ctx.change((draft) => ({ parts: draft.parts.map((p) => (p.id === partId ? update(p) : p)) }));

const updateAction = (ctx: RecordFormContext, partId: string, actionId: string, update: Partial<ActionDraft>) =>
  updatePart(ctx, partId, (p) => ({ ...p, actions: p.actions.map((a) => (a.id === actionId ? { ...a, ...update } : a)) }));

/** The choice of handing over a responsibility the load left out, kept chosen: it exists, and saving keeps it. */
const leftOutChoice = (ctx: RecordFormContext, matrix: string): TemplateResult | typeof nothing => {
  const id = matrix.startsWith('hand-over:') ? matrix.slice('hand-over:'.length) : '';
  const title = id && !ctx.responsibilities.some((r) => r.id === id) ? ctx.responsibilityTitles.get(id) : undefined;
  return title ? html`<option value=${matrix} selected>${ctx.t.matrixHandOver(title)}</option>` : nothing;
};

const renderAction = (ctx: RecordFormContext, part: PartDraft, action: ActionDraft, n: number): TemplateResult => {
  const t = ctx.t;
  const id = `${part.id}-${action.id}`;
  const members = ctx.team.members.filter((m) => m.status === 'active');
  const handable = ctx.responsibilities.filter((r) => r.status !== 'ended');
  const unfinished = actionStarted(action) && !actionComplete(action) && Boolean(ctx.problem);
  return html`<fieldset class="edit-item" part="edit-action">
    <legend>${t.actionLabel(n)}</legend>
    <label for=${`${id}-text`}>${t.actionText}</label>
    <input id=${`${id}-text`} type="text" maxlength="500" autocomplete="off" .value=${action.text} aria-invalid=${unfinished && !action.text.trim() ? 'true' : 'false'}
      @input=${(e: Event) => updateAction(ctx, part.id, action.id, { text: valueOf(e) })} />
    <label for=${`${id}-owner`}>${t.owner}</label>
    <select id=${`${id}-owner`} aria-invalid=${unfinished && !action.ownerId ? 'true' : 'false'} @change=${(e: Event) => updateAction(ctx, part.id, action.id, { ownerId: valueOf(e) })}>
      <option value="" ?selected=${!action.ownerId}>${t.chooseOwner}</option>
      ${members.map((m) => html`<option dir="auto" value=${m.id} ?selected=${m.id === action.ownerId}>${m.name}</option>`)}
    </select>
    <label for=${`${id}-due`}>${t.due}</label>
    <input id=${`${id}-due`} type="date" .value=${action.due} aria-invalid=${unfinished && !action.due ? 'true' : 'false'}
      @change=${(e: Event) => updateAction(ctx, part.id, action.id, { due: valueOf(e) })} />
    <label for=${`${id}-matrix`}>${t.matrix}</label>
    <select id=${`${id}-matrix`} @change=${(e: Event) => updateAction(ctx, part.id, action.id, { matrix: valueOf(e) as MatrixChoice })}>
      <option value="" ?selected=${action.matrix === ''}>${t.matrixNone}</option>
      <option value="new" ?selected=${action.matrix === 'new'}>${t.matrixNew}</option>
      ${handable.map((r) => html`<option value=${`hand-over:${r.id}`} ?selected=${action.matrix === `hand-over:${r.id}`}>${t.matrixHandOver(isolatedText(r.title))}</option>`)}
      ${leftOutChoice(ctx, action.matrix)}
    </select>
    <button type="button" class="remove" @click=${() => updatePart(ctx, part.id, (p) => ({ ...p, actions: p.actions.filter((a) => a.id !== action.id) }))}>
      ${t.removeAction(n)}
    </button>
  </fieldset>`;
};

const renderPartForm = (ctx: RecordFormContext, part: PartDraft): TemplateResult => {
  const t = ctx.t;
  const toggleCategory = (category: InformationCategory, on: boolean) =>
    updatePart(ctx, part.id, (p) => ({ ...p, categories: on ? [...p.categories, category] : p.categories.filter((c) => c !== category) }));
  return html`<fieldset part="edit-part">
    <legend>${partTitle(ctx, part)}</legend>
    <label for=${`${part.id}-notes`}>${t.partNotes}</label>
    <textarea id=${`${part.id}-notes`} maxlength="5000" .value=${part.notes} @input=${(e: Event) => updatePart(ctx, part.id, (p) => ({ ...p, notes: valueOf(e) }))}></textarea>
    <fieldset>
      <legend>${t.categoriesLegend}</legend>
      <p class="muted" id=${`${part.id}-categories-help`}>${t.categoriesHelp}</p>
      <div class="checks">
        ${INFORMATION_CATEGORIES.map(
          (c) => html`<label><input type="checkbox" aria-describedby=${`${part.id}-categories-help`} .checked=${part.categories.includes(c)}
            @change=${(e: Event) => toggleCategory(c, (e.target as HTMLInputElement).checked)} />${t.categories[c]}</label>`,
        )}
      </div>
    </fieldset>
    <div class="edit-list">
      ${part.decisions.map(
        (d, i) => html`<div class="edit-item">
          <label for=${`${part.id}-${d.id}`}>${t.decisionLabel(i + 1)}</label>
          <input id=${`${part.id}-${d.id}`} type="text" maxlength="2000" autocomplete="off" .value=${d.text}
            @input=${(e: Event) => updatePart(ctx, part.id, (p) => ({ ...p, decisions: p.decisions.map((x) => (x.id === d.id ? { ...x, text: valueOf(e) } : x)) }))} />
          <button type="button" class="remove" @click=${() => updatePart(ctx, part.id, (p) => ({ ...p, decisions: p.decisions.filter((x) => x.id !== d.id) }))}>
            ${t.removeDecision(i + 1)}
          </button>
        </div>`,
      )}
      <button type="button" class="remove" part="add-decision"
        @click=${() => updatePart(ctx, part.id, (p) => ({ ...p, decisions: [...p.decisions, { id: freshId('od', ctx.draft.parts.flatMap((x) => x.decisions.map((d) => d.id))), text: '' }] }))}>
        ${t.addDecision}
      </button>
    </div>
    <div class="edit-list">
      ${part.actions.map((a, i) => renderAction(ctx, part, a, i + 1))}
      <button type="button" class="remove" part="add-action" @click=${() => ctx.change((draft) => ({ parts: draft.parts.map((p) => (p.id === part.id ? { ...p, actions: [...p.actions, newActionDraft(draft)] } : p)) }))}>
        ${t.addAction}
      </button>
    </div>
  </fieldset>`;
};

/** The coordinator's form: one fieldset per agenda part with notes, information kinds, decisions and tasks. */
export const renderRecordForm = (ctx: RecordFormContext): TemplateResult => {
  const t = ctx.t;
  const busy = ctx.busy ? 'true' : 'false';
  return html`<form class="edit" part="edit-form" novalidate @submit=${(e: Event) => e.preventDefault()}>
    <div role="heading" aria-level=${ctx.level} class="heading" tabindex="-1" ${keep(ctx.headingRef)}>${t.recordOutcome}</div>
    ${ctx.draft.parts.map((p) => renderPartForm(ctx, p))}
    ${ctx.problem ? html`<p class="field-error" tabindex="-1" ${keep(ctx.problemRef)}>${ctx.problem}</p>` : nothing}
    <div class="tools">
      ${ctx.shared
        ? html`<button type="button" class="primary" part="save" aria-disabled=${busy} @click=${() => ctx.save(false)}>${t.save}</button>`
        : html`<button type="button" part="save" aria-disabled=${busy} @click=${() => ctx.save(false)}>${t.saveDraft}</button>
            <button type="button" class="primary" part="share" aria-disabled=${busy} @click=${() => ctx.save(true)}>${t.saveAndShare}</button>`}
      <button type="button" part="cancel" @click=${ctx.cancel}>${t.cancel}</button>
    </div>
  </form>`;
};
