import { html, nothing, type TemplateResult } from 'lit';
import { ref, type Ref } from 'lit/directives/ref.js';
import type { CrisisMeasure, PracticalMatter } from '../../contract/crisis-plan.js';
import type { Responsibility } from '../../contract/responsibility.js';
import type { CareTeam } from '../../contract/team.js';
import { CRISIS_STAGES, PRACTICAL_TOPICS, type CrisisStage, type PracticalTopic } from '../../contract/values.js';
import type { Strings } from '../base/localize.js';
import { OWN_WORD_FIELDS, shownContact, type PlanDraft } from './plan-model.js';

/** What the editing form needs from the element. */
export interface EditContext {
  t: Strings<'crisis'>;
  draft: PlanDraft;
  team: CareTeam;
  responsibilities: readonly Responsibility[];
  level: number;
  busy: boolean;
  /** A sentence for a date problem, shown beside the review date. */
  dateProblem?: string;
  headingRef: Ref<HTMLElement>;
  change: (update: (draft: PlanDraft) => PlanDraft) => void;
  addMeasure: (stage: CrisisStage) => void;
  addPractical: () => void;
  /** Moves a contact one place up (-1) or down (+1), announcing where it went. */
  moveContact: (stage: CrisisStage, index: number, by: -1 | 1) => void;
  /** Keeps each move button by contact, so focus follows the contact it moved. */
  keepButton: (key: string) => (element?: Element) => void;
  save: () => void;
  cancel: () => void;
}

const valueOf = (event: Event) => (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

const withMeasure = (draft: PlanDraft, stage: CrisisStage, index: number, update: (m: CrisisMeasure) => CrisisMeasure | undefined): PlanDraft => {
  const measures = draft.stages[stage].measures.flatMap((m, i) => (i === index ? (update(m) ?? []) : [m]));
  return { ...draft, stages: { ...draft.stages, [stage]: { ...draft.stages[stage], measures } } };
};

/** Replaces the first id of a list (the one the form shows), keeping any others the plan names. */
const withFirst = (ids: readonly string[], id: string): string[] => (id ? [id, ...ids.slice(1).filter((other) => other !== id)] : ids.slice(1));

const renderMeasure = (ctx: EditContext, stage: CrisisStage, measure: CrisisMeasure, index: number): TemplateResult => {
  const { t } = ctx;
  const n = index + 1;
  const base = `${stage}-${index}`;
  const members = ctx.team.members.filter((m) => m.status !== 'ended' || measure.memberIds.includes(m.id));
  return html`<li class="edit-measure">
    <label for=${`text-${base}`}>${t.measureText(n)}</label>
    <input id=${`text-${base}`} type="text" maxlength="500" .value=${measure.text} ?disabled=${ctx.busy}
      @input=${(e: Event) => ctx.change((d) => withMeasure(d, stage, index, (m) => ({ ...m, text: valueOf(e) })))} />
    ${measure.text.trim() ? nothing : html`<p class="inline-error" id=${`error-${base}`}>${t.emptyText}</p>`}
    <label for=${`who-${base}`}>${t.measureWho(n)}</label>
    <select id=${`who-${base}`} ?disabled=${ctx.busy}
      @change=${(e: Event) => ctx.change((d) => withMeasure(d, stage, index, (m) => ({ ...m, memberIds: withFirst(m.memberIds, valueOf(e)) })))}>
      <option value="" ?selected=${!measure.memberIds[0]}>${t.nobody}</option>
      ${members.map((m) => html`<option value=${m.id} ?selected=${measure.memberIds[0] === m.id}>${m.name}</option>`)}
    </select>
    <label for=${`part-${base}`}>${t.measurePartOf(n)}</label>
    <select id=${`part-${base}`} ?disabled=${ctx.busy}
      @change=${(e: Event) => ctx.change((d) => withMeasure(d, stage, index, (m) => ({ ...m, responsibilityIds: withFirst(m.responsibilityIds, valueOf(e)) })))}>
      <option value="" ?selected=${!measure.responsibilityIds[0]}>${t.noResponsibility}</option>
      ${ctx.responsibilities.map((r) => html`<option value=${r.id} ?selected=${measure.responsibilityIds[0] === r.id}>${r.title}</option>`)}
    </select>
    <button type="button" class="remove" ?disabled=${ctx.busy} @click=${() => ctx.change((d) => withMeasure(d, stage, index, () => undefined))}>${t.removeMeasure(n)}</button>
  </li>`;
};

const withMatter = (draft: PlanDraft, index: number, update: (m: PracticalMatter) => PracticalMatter | undefined): PlanDraft => ({
  ...draft,
  practical: draft.practical.flatMap((m, i) => (i === index ? (update(m) ?? []) : [m])),
});

const renderPractical = (ctx: EditContext): TemplateResult => {
  const { t, draft } = ctx;
  return html`<div role="heading" aria-level=${Math.min(ctx.level + 1, 6)} class="heading">${t.ownWords.practical}</div>
    <ol class="edit-practical">
      ${draft.practical.map((matter, index) => {
        const n = index + 1;
        return html`<li class="edit-matter">
          <label for=${`topic-${index}`}>${t.practicalTopic(n)}</label>
          <select id=${`topic-${index}`} ?disabled=${ctx.busy}
            @change=${(e: Event) => ctx.change((d) => withMatter(d, index, (m) => ({ ...m, topic: valueOf(e) as PracticalTopic })))}>
            ${PRACTICAL_TOPICS.map((topic) => html`<option value=${topic} ?selected=${matter.topic === topic}>${t.topics[topic]}</option>`)}
          </select>
          <label for=${`matter-${index}`}>${t.practicalText(n)}</label>
          <input id=${`matter-${index}`} type="text" maxlength="1000" .value=${matter.text} ?disabled=${ctx.busy}
            aria-describedby=${matter.text.trim() ? nothing : `matter-error-${index}`}
            @input=${(e: Event) => ctx.change((d) => withMatter(d, index, (m) => ({ ...m, text: valueOf(e) })))} />
          ${matter.text.trim() ? nothing : html`<p class="inline-error" id=${`matter-error-${index}`}>${t.emptyPractical}</p>`}
          <button type="button" class="remove" ?disabled=${ctx.busy} @click=${() => ctx.change((d) => withMatter(d, index, () => undefined))}>${t.removePractical(n)}</button>
        </li>`;
      })}
    </ol>
    <button type="button" ?disabled=${ctx.busy} @click=${ctx.addPractical}>${t.addPractical}</button>`;
};

/** The contacts of a stage in the order to call, each with Move up and Move down. */
const renderContactOrder = (ctx: EditContext, stage: CrisisStage): TemplateResult | typeof nothing => {
  const { t } = ctx;
  const contacts = ctx.draft.stages[stage].contacts;
  if (!contacts.length) return nothing;
  const last = contacts.length - 1;
  return html`<div role="heading" aria-level=${Math.min(ctx.level + 1, 6)} class="heading">${t.contactsHeading}</div>
    <ol class="edit-contacts">
      ${contacts.map((contact, index) => {
        const name = shownContact(contact, ctx.team, 'professional').name;
        const move = (by: -1 | 1, edge: boolean) => () => {
          if (!edge && !ctx.busy) ctx.moveContact(stage, index, by);
        };
        return html`<li class="edit-contact">
          <span>${name}</span>
          <div class="actions">
            <button type="button" aria-disabled=${index === 0 || ctx.busy ? 'true' : 'false'} ${ref(ctx.keepButton(`${stage}:${contact.id}:up`))} @click=${move(-1, index === 0)}>
              ${t.moveUp(name)}
            </button>
            <button type="button" aria-disabled=${index === last || ctx.busy ? 'true' : 'false'} ${ref(ctx.keepButton(`${stage}:${contact.id}:down`))} @click=${move(1, index === last)}>
              ${t.moveDown(name)}
            </button>
          </div>
        </li>`;
      })}
    </ol>`;
};

/** The editing form: the person's words first, then each stage, then the dates. */
export const renderEditForm = (ctx: EditContext): TemplateResult => {
  const { t, draft } = ctx;
  const level = Math.min(ctx.level + 1, 6);
  return html`<form class="edit" part="edit-form" novalidate @submit=${(e: Event) => (e.preventDefault(), ctx.save())}>
    <div role="heading" aria-level=${Math.min(ctx.level, 6)} class="heading" tabindex="-1" ${ref(ctx.headingRef)}>${t.editTitle}</div>
    <p id="one-per-line">${t.onePerLine}</p>
    <fieldset>
      <legend>${t.ownWordsYou}</legend>
      ${OWN_WORD_FIELDS.map(
        (field) => html`<label for=${`words-${field}`}>${t.ownWords[field]}</label>
          <textarea id=${`words-${field}`} rows="3" aria-describedby="one-per-line" .value=${draft.ownWords[field]} ?disabled=${ctx.busy}
            @input=${(e: Event) => ctx.change((d) => ({ ...d, ownWords: { ...d.ownWords, [field]: valueOf(e) } }))}></textarea>`,
      )}
      ${renderPractical(ctx)}
    </fieldset>
    ${CRISIS_STAGES.map(
      (stage) => html`<fieldset>
        <legend>${t.stages[stage]}</legend>
        <label for=${`signs-${stage}`}>${t.signsHeading}</label>
        <textarea id=${`signs-${stage}`} rows="2" aria-describedby="one-per-line" .value=${draft.stages[stage].signs} ?disabled=${ctx.busy}
          @input=${(e: Event) => ctx.change((d) => ({ ...d, stages: { ...d.stages, [stage]: { ...d.stages[stage], signs: valueOf(e) } } }))}></textarea>
        <div role="heading" aria-level=${level} class="heading">${t.measuresHeading}</div>
        <ol class="edit-measures">${draft.stages[stage].measures.map((m, i) => renderMeasure(ctx, stage, m, i))}</ol>
        <button type="button" ?disabled=${ctx.busy} @click=${() => ctx.addMeasure(stage)}>${t.addMeasure}</button>
        ${renderContactOrder(ctx, stage)}
      </fieldset>`,
    )}
    <fieldset>
      <legend>${t.nextReviewLabel}</legend>
      <label for="valid-from">${t.validFromLabel}</label>
      <input id="valid-from" type="date" required .value=${draft.validFrom} ?disabled=${ctx.busy} @input=${(e: Event) => ctx.change((d) => ({ ...d, validFrom: valueOf(e) }))} />
      <label for="next-review">${t.nextReviewLabel}</label>
      <input id="next-review" type="date" required .value=${draft.nextReview} ?disabled=${ctx.busy}
        aria-invalid=${ctx.dateProblem ? 'true' : 'false'} aria-describedby=${ctx.dateProblem ? 'date-problem' : nothing}
        @input=${(e: Event) => ctx.change((d) => ({ ...d, nextReview: valueOf(e) }))} />
      ${ctx.dateProblem ? html`<p class="inline-error" id="date-problem">${ctx.dateProblem}</p>` : nothing}
    </fieldset>
    <p>${t.newVersionNote}</p>
    <div class="actions">
      <button type="submit" class="primary" part="save" aria-disabled=${ctx.busy ? 'true' : 'false'}>${t.savePlan}</button>
      <button type="button" part="cancel" @click=${ctx.cancel}>${t.stopEditing}</button>
    </div>
  </form>`;
};
