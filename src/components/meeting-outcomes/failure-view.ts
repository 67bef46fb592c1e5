import { html, type TemplateResult } from 'lit';

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
