import { html, nothing, type TemplateResult } from 'lit';
import { ref, type Ref } from 'lit/directives/ref.js';
import type { CrisisMeasure, CrisisPlan, PracticalMatter } from '../../contract/crisis-plan.js';
import type { Responsibility } from '../../contract/responsibility.js';
import type { CareTeam } from '../../contract/team.js';
import { CRISIS_STAGES, PRACTICAL_TOPICS, type CrisisStage, type PracticalTopic } from '../../contract/values.js';
import type { Strings } from '../base/localize.js';
import { fieldKey, firstFieldKey, renderContacts } from './contact-form.js';
import { draftProblems, freshId, OWN_WORD_FIELDS, type PlanDraft } from './plan-draft.js';

/** What the editing form needs from the element. */
export interface EditContext {
  t: Strings<'crisis'>;
  draft: PlanDraft;
  /** The plan the draft was made from, for ids no one has used. */
  plan: CrisisPlan;
  team: CareTeam;
  responsibilities: readonly Responsibility[];
  /** Titles by id, with any the load left out named as stored with a mistake. */
  responsibilityTitles: ReadonlyMap<string, string>;
  level: number;
  busy: boolean;
  headingRef: Ref<HTMLElement>;
  /** Changes the draft; `after` moves focus to a kept element and says something in the live region. */
  change: (update: (draft: PlanDraft) => PlanDraft, after?: { focus?: string; message?: string }) => void;
  /** Keeps a field or button by key, so focus can go to it by reference. */
  keep: (key: string) => (element?: Element) => void;
  /** Moves focus to a kept field now. */
  focus: (key: string) => void;
  save: () => void;
  cancel: () => void;
}

/** Where the error summary is kept, so a save with problems can move focus to it. */
export const SUMMARY_KEY = 'error-summary';

const valueOf = (event: Event) => (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;

const withMeasure = (draft: PlanDraft, stage: CrisisStage, index: number, update: (m: CrisisMeasure) => CrisisMeasure | undefined): PlanDraft => {
  const measures = draft.stages[stage].measures.flatMap((m, i) => (i === index ? (update(m) ?? []) : [m]));
  return { ...draft, stages: { ...draft.stages, [stage]: { ...draft.stages[stage], measures } } };
};

/** Replaces the first id of a list (the one the form shows), keeping any others the plan names. */
const withFirst = (ids: readonly string[], id: string): string[] => (id ? [id, ...ids.slice(1).filter((other) => other !== id)] : ids.slice(1));

/** The option for a responsibility the load left out, kept chosen: it exists, and saving keeps it. */
const leftOutOption = (ctx: EditContext, id: string | undefined): TemplateResult | typeof nothing => {
  const title = id && !ctx.responsibilities.some((r) => r.id === id) ? ctx.responsibilityTitles.get(id) : undefined;
  return title ? html`<option value=${id!} selected>${title.charAt(0).toUpperCase()}${title.slice(1)}</option>` : nothing;
};

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
      ${leftOutOption(ctx, measure.responsibilityIds[0])}
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
    <button type="button" ?disabled=${ctx.busy} @click=${() => addPractical(ctx)}>${t.addPractical}</button>`;
};

const addMeasure = (ctx: EditContext, stage: CrisisStage) => {
  const taken = Object.values(ctx.draft.stages).flatMap((s) => s.measures.map((m) => m.id));
  const measure = { id: freshId(ctx.plan, 'measure', taken), text: '', memberIds: [], responsibilityIds: [] };
  ctx.change((d) => ({ ...d, stages: { ...d.stages, [stage]: { ...d.stages[stage], measures: [...d.stages[stage].measures, measure] } } }));
};

const addPractical = (ctx: EditContext) => {
  const taken = new Set(ctx.draft.practical.map((m) => m.id));
  let n = ctx.draft.practical.length + 1;
  while (taken.has(`practical-${n}`)) n++;
  ctx.change((d) => ({ ...d, practical: [...d.practical, { id: `practical-${n}`, topic: 'other', text: '' }] }));
};

/** After a save with problems: how many, each a link to its field. Focus moves here. */
const renderErrorSummary = (ctx: EditContext): TemplateResult | typeof nothing => {
  const { t } = ctx;
  const problems = ctx.draft.checked ? draftProblems(ctx.draft) : [];
  if (!problems.length) return nothing;
  return html`<div class="error-summary" part="error-summary" role="group" aria-labelledby="error-summary-title" tabindex="-1" ${ref(ctx.keep(SUMMARY_KEY))}>
    <p id="error-summary-title"><strong>${t.problemSummary(problems.length)}</strong></p>
    <ul>
      ${problems.map((p) => {
        const [text, key] =
          p.kind === 'dates'
            ? [t.reviewBeforeValid, 'next-review']
            : [t.contactProblem(t.stages[p.stage], p.index + 1, t.contactProblems[p.problem]), p.field === 'member' ? firstFieldKey(p.stage, p.contact.id) : fieldKey(p.stage, p.contact.id, p.field)];
        return html`<li><button type="button" class="link" @click=${() => ctx.focus(key)}>${text}</button></li>`;
      })}
    </ul>
  </div>`;
};

/** The editing form: the person's words first, then each stage, then the dates. */
export const renderEditForm = (ctx: EditContext): TemplateResult => {
  const { t, draft } = ctx;
  const level = Math.min(ctx.level + 1, 6);
  const dateProblem = (draft.checked && (!draft.validFrom || !draft.nextReview)) || (draft.nextReview && draft.validFrom && draft.nextReview < draft.validFrom) ? t.reviewBeforeValid : undefined;
  return html`<form class="edit" part="edit-form" novalidate @submit=${(e: Event) => (e.preventDefault(), ctx.save())}>
    <div role="heading" aria-level=${Math.min(ctx.level, 6)} class="heading" tabindex="-1" ${ref(ctx.headingRef)}>${t.editTitle}</div>
    ${renderErrorSummary(ctx)}
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
        <button type="button" ?disabled=${ctx.busy} @click=${() => addMeasure(ctx, stage)}>${t.addMeasure}</button>
        ${renderContacts(ctx, stage)}
      </fieldset>`,
    )}
    <fieldset>
      <legend>${t.nextReviewLabel}</legend>
      <label for="valid-from">${t.validFromLabel}</label>
      <input id="valid-from" type="date" required .value=${draft.validFrom} ?disabled=${ctx.busy} @input=${(e: Event) => ctx.change((d) => ({ ...d, validFrom: valueOf(e) }))} />
      <label for="next-review">${t.nextReviewLabel}</label>
      <input id="next-review" type="date" required .value=${draft.nextReview} ?disabled=${ctx.busy} ${ref(ctx.keep('next-review'))}
        aria-invalid=${dateProblem ? 'true' : 'false'} aria-describedby=${dateProblem ? 'date-problem' : nothing}
        @input=${(e: Event) => ctx.change((d) => ({ ...d, nextReview: valueOf(e) }))} />
      ${dateProblem ? html`<p class="inline-error" id="date-problem">${dateProblem}</p>` : nothing}
    </fieldset>
    <p>${t.newVersionNote}</p>
    <div class="actions">
      <button type="submit" class="primary" part="save" aria-disabled=${ctx.busy ? 'true' : 'false'}>${t.savePlan}</button>
      <button type="button" part="cancel" @click=${ctx.cancel}>${t.stopEditing}</button>
    </div>
  </form>`;
};
