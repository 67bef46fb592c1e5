import { html, type TemplateResult } from 'lit';
import { CRISIS_STAGES, type CrisisStage } from '../../contract/values.js';
import type { Strings } from '../base/localize.js';

/** What a professional writes when proposing a measure. */
export interface ProposalDraft {
  stage: CrisisStage;
  text: string;
  note: string;
}

/** The form a professional with consent uses to propose a measure; the person answers it later. */
export const renderProposeForm = (
  t: Strings<'crisis'>,
  p: ProposalDraft,
  busy: boolean,
  change: (next: ProposalDraft) => void,
  send: () => void,
): TemplateResult => {
  const submit = (e: Event) => {
    e.preventDefault();
    if (!busy && p.text.trim()) send();
  };
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return html`<form class="edit propose" @submit=${submit}>
    <fieldset>
      <legend>${t.propose}</legend>
      <label for="propose-stage">${t.proposeStage}</label>
      <select id="propose-stage" @change=${(e: Event) => change({ ...p, stage: value(e) as CrisisStage })}>
        ${CRISIS_STAGES.map((s) => html`<option value=${s} ?selected=${s === p.stage}>${t.stages[s]}</option>`)}
      </select>
      <label for="propose-text">${t.proposeText}</label>
      <input id="propose-text" type="text" maxlength="500" .value=${p.text} @input=${(e: Event) => change({ ...p, text: value(e) })} />
      <label for="propose-note">${t.proposeNote}</label>
      <input id="propose-note" type="text" maxlength="2000" .value=${p.note} @input=${(e: Event) => change({ ...p, note: value(e) })} />
      <div class="actions"><button type="submit" aria-disabled=${busy ? 'true' : 'false'}>${t.sendProposal}</button></div>
    </fieldset>
  </form>`;
};
