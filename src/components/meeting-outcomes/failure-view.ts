import { html, nothing, type TemplateResult } from 'lit';
import { PartlySavedError, type FieldConflict, type StoreError } from '../../data/types.js';
import type { CommonMessages, OutcomesMessages } from '../../i18n/types.js';

/** What failed on the page: the outcome's save, both having changed the same text, or a task's proposal after the outcome was saved. */
export interface OutcomeFailures {
  failure?: { error: StoreError; conflicts: readonly FieldConflict[] };
  both: boolean;
  matrixFailure?: { task: string; error: StoreError };
}

/**
 * The alert region (always there, so a message lands in a region that existed before it) and,
 * when something failed, the box with what went wrong and what can be done.
 */
export const renderOutcomeAlert = (
  t: OutcomesMessages & CommonMessages,
  failures: OutcomeFailures,
  ctx: { busy: boolean; describeError: (error: StoreError) => string; retry: (choice?: 'mine' | 'theirs') => void; dismiss: () => void },
): TemplateResult => {
  const { failure, both, matrixFailure } = failures;
  const partly = failure?.error instanceof PartlySavedError;
  // Both changed the same text (seen here, or by the store: someone created the same outcome meanwhile): the person chooses, and the words say so.
  const chooses = both || Boolean(failure?.conflicts.length);
  const text =
    failure && (!chooses || partly)
      ? `${partly ? t.partlySaved : t.notSaved} ${ctx.describeError(failure.error)}`
      : chooses
        ? `${t.notSaved} ${t.bothChanged}`
        : matrixFailure
          ? `${t.taskNotInResponsibilities(matrixFailure.task)} ${ctx.describeError(matrixFailure.error)}`
          : '';
  return html`<p class="visually-hidden" role="alert">${text ? `${t.errorPrefix} ${text}` : ''}</p>
    ${text ? renderOutcomeFailure({ t, text, both: chooses, busy: ctx.busy, retry: ctx.retry, dismiss: ctx.dismiss }) : nothing}`;
};

/** The visible failure box: what went wrong, and Try again (or, where both changed the same text, which version to keep). */
export const renderOutcomeFailure = (ctx: {
  t: { errorPrefix: string; retry: string; keepMine: string; keepTheirs: string; close: string };
  text: string;
  both: boolean;
  busy: boolean;
  retry: (choice?: 'mine' | 'theirs') => void;
  dismiss: () => void;
}): TemplateResult => {
  const t = ctx.t;
  const disabled = ctx.busy ? 'true' : 'false';
  return html`<div class="state error" part="error">
    <p><span class="visually-hidden">${t.errorPrefix} </span>${ctx.text}</p>
    <div class="actions">
      ${ctx.both
        ? html`<button type="button" part="retry keep-mine" aria-disabled=${disabled} @click=${() => ctx.retry('mine')}>${t.keepMine}</button>
            <button type="button" part="keep-theirs" aria-disabled=${disabled} @click=${() => ctx.retry('theirs')}>${t.keepTheirs}</button>`
        : html`<button type="button" part="retry" aria-disabled=${disabled} @click=${() => ctx.retry()}>${t.retry}</button>`}
      <button type="button" @click=${ctx.dismiss}>${t.close}</button>
    </div>
  </div>`;
};
