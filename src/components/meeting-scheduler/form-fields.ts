import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { keep, type Kept } from '../base/kept.js';
import type { DraftField } from './draft.js';
import type { Messages, Problems } from './view.js';

/** The inline error of a field, with the hidden "Error:" prefix; its id is what the field's `aria-describedby` names. */
export const errorText = (t: Messages, field: DraftField, problems: Problems) => {
  const problem = problems[field];
  return problem
    ? html`<p class="inline-error" id=${`${field}-error`}><span class="visually-hidden">${t.errorPrefix} </span>${t.problems[problem]}</p>`
    : nothing;
};

/** The ids that describe a field: its hints, then its error when it has one. */
export const describedBy = (field: DraftField, problems: Problems, ...hints: string[]) => {
  const ids = [...hints, problems[field] ? `${field}-error` : ''].filter(Boolean).join(' ');
  return ids || nothing;
};

export interface TextFieldOptions {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** The draft field whose problem the field shows; without one the field has no error state. */
  field?: DraftField;
  /** A hint shown under the label, as `<id>` → text. */
  hint?: { id: string; text: string };
  type?: 'text' | 'url' | 'date';
  inputmode?: 'numeric' | 'url';
  maxlength?: number;
  autocomplete?: string;
  className?: string;
  fieldClass?: string;
  min?: string;
  /** `input` updates as the person types; `change` when they leave the field. */
  on?: 'input' | 'change';
  target?: Kept<HTMLElement>;
  /** Shown beside the input (the date picker), inside a `.date-row`. */
  beside?: TemplateResult;
}

/** One labelled text input with its hint and inline error, the block every text field of the form shares. */
export const textField = (t: Messages, problems: Problems, o: TextFieldOptions): TemplateResult => {
  const invalid = o.field ? (problems[o.field] ? 'true' : 'false') : undefined;
  const describedby = o.field ? describedBy(o.field, problems, ...(o.hint ? [o.hint.id] : [])) : (o.hint?.id ?? nothing);
  const handle = (e: Event) => o.onValue((e.target as HTMLInputElement).value);
  const input = html`<input
    id=${o.id}
    class=${ifDefined(o.className)}
    type=${o.type ?? 'text'}
    inputmode=${ifDefined(o.inputmode)}
    maxlength=${ifDefined(o.maxlength)}
    autocomplete=${ifDefined(o.autocomplete)}
    min=${ifDefined(o.min)}
    .value=${live(o.value)}
    aria-invalid=${ifDefined(invalid)}
    aria-describedby=${describedby}
    @input=${o.on === 'change' ? nothing : handle}
    @change=${o.on === 'change' ? handle : nothing}
    ${keep(o.target)}
  />`;
  return html`<div class=${o.fieldClass ? `field ${o.fieldClass}` : 'field'}>
    <label for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p class="hint" id=${o.hint.id}>${o.hint.text}</p>` : nothing} ${o.field ? errorText(t, o.field, problems) : nothing}
    ${o.beside ? html`<div class="date-row">${input} ${o.beside}</div>` : input}
  </div>`;
};
