import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Kept, keep } from '../base/kept.js';
import type { Actor } from '../../contract/common.js';
import type { Responsibility } from '../../contract/responsibility.js';
import { RESPONSIBILITY_AREAS, type RaciPart, type ResponsibilityArea } from '../../contract/values.js';
import type { ResponsibilityAction } from './events.js';
import {
  ended,
  newResponsibility,
  ownerOf,
  partsOf,
  renamed,
  withHandoverAccepted,
  withHandoverDisputed,
  withHandoverProposal,
  withParts,
  withReviewDate,
} from './model.js';
import { PART_CHOICES, renderFlags, renderMeta, type MatrixContext } from './responsibility-view.js';

/** `base`: the responsibility as the details dialog first showed it; someone else may save a newer one while it is open. */
type Dialog = { kind: 'add' } | { kind: 'details'; id: string; base?: Responsibility };

export interface DialogOptions {
  /** Carries one change the person made in a dialog: request, save, change. */
  carry: (action: ResponsibilityAction, next: Responsibility, previous: Responsibility | undefined, reason?: string) => void;
  /** Who is acting, named in a handover proposal (undefined: the change is refused). */
  actor: () => Actor | undefined;
  /** Where focus goes when the element that opened the dialog is gone. */
  fallbackFocus: () => void;
}

/**
 * The two dialogs of the matrix: adding a responsibility, and a responsibility's details, where
 * parts, name, review date, handovers (propose, accept, disagree with a reason) and ending are
 * changed. Modal `<dialog>`s; focus returns to the element that opened them, kept by reference.
 */
export class MatrixDialogs implements ReactiveController {
  private dialog?: Dialog;
  private formError = '';
  private returnTo?: HTMLElement;
  private readonly dialogRef = new Kept<HTMLDialogElement>();
  private readonly reasonRef = new Kept<HTMLInputElement>();
  private readonly invalidRef = new Kept<HTMLInputElement | HTMLTextAreaElement>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DialogOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const dialog = this.dialogRef.value;
    if (dialog?.isConnected && !dialog.open) dialog.showModal();
  }

  openAdd(returnTo: HTMLElement): void {
    this.open({ kind: 'add' }, returnTo);
  }

  openDetails(id: string, returnTo: HTMLElement): void {
    this.open({ kind: 'details', id }, returnTo);
  }

  private open(dialog: Dialog, returnTo: HTMLElement) {
    this.returnTo = returnTo;
    this.formError = '';
    this.dialog = dialog;
    this.host.requestUpdate();
  }

  private readonly close = () => this.dialogRef.value?.close();

  private readonly onClose = () => {
    this.dialog = undefined;
    this.formError = '';
    const back = this.returnTo;
    this.returnTo = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      if (back?.isConnected) back.focus();
      else this.options.fallbackFocus();
    });
  };

  /** A form that needs something the person left out: say what, and put them back in the field. */
  private refuse(message: string) {
    this.formError = message;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.invalidRef.value?.focus());
  }

  render(ctx: MatrixContext): TemplateResult | typeof nothing {
    const dialog = this.dialog;
    if (!dialog) return nothing;
    if (dialog.kind === 'add') return this.renderAdd(ctx);
    const r = ctx.data.byId.get(dialog.id);
    if (r) dialog.base ??= r;
    return r ? this.renderDetails(ctx, r) : nothing;
  }

  private head(title: unknown, closeLabel: string) {
    return html`<div class="dialog-head">
      <h2 id="dialog-title">${title}</h2>
      <button type="button" @click=${this.close}>${closeLabel}</button>
    </div>`;
  }

  private fieldError(ctx: MatrixContext) {
    return this.formError ? html`<p class="field-error" id="form-error">${ctx.t.errorPrefix} ${this.formError}</p>` : nothing;
  }

  private renderAdd(ctx: MatrixContext) {
    const t = ctx.t;
    return html`<dialog ${keep(this.dialogRef)} part="dialog" aria-labelledby="dialog-title" @close=${this.onClose}>
      ${this.head(t.addTitle, t.close)}
      <form data-form="add" novalidate @submit=${(event: SubmitEvent) => this.onSubmit(ctx, event)}>
        <label class="form-row"
          ><span class="field-label">${t.titleLabel}</span
          ><input
            ${keep(this.invalidRef)}
            type="text"
            name="title"
            required
            maxlength="500"
            autocomplete="off"
            aria-invalid=${this.formError ? 'true' : 'false'}
            aria-describedby=${this.formError ? 'form-error' : nothing}
        /></label>
        ${this.fieldError(ctx)}
        <label class="form-row"
          ><span class="field-label">${t.areaLabel}</span
          ><select name="area">
            ${RESPONSIBILITY_AREAS.map((area) => html`<option value=${area} ?selected=${area === 'other'}>${t.areas[area]}</option>`)}
          </select></label
        >
        <label class="form-row"><span class="field-label">${t.reasonLabel}</span><input type="text" name="reason" maxlength="2000" autocomplete="off" /></label>
        <div class="actions"><button type="submit" class="primary">${t.add}</button></div>
      </form>
    </dialog>`;
  }

  private renderDetails(ctx: MatrixContext, r: Responsibility) {
    const t = ctx.t;
    const { data, me } = ctx;
    const handover = r.handover;
    const owner = ownerOf(r);
    const { parts } = data.derivedOf(r);
    const canAnswer = handover?.status === 'proposed' && !!me && handover.toMemberId === me;
    const candidates = data.columns.filter((m) => m.status === 'active' && m.id !== owner);
    const submit = (event: SubmitEvent) => this.onSubmit(ctx, event);
    const action = (event: Event) => this.onAction(ctx, event);
    // Text fields start from the responsibility as first shown: a newer one saved meanwhile never replaces what is being typed.
    const shown = (this.dialog?.kind === 'details' ? this.dialog.base : undefined) ?? r;
    return html`<dialog ${keep(this.dialogRef)} part="dialog" aria-labelledby="dialog-title" @close=${this.onClose}>
      ${this.head(r.title, t.close)} ${renderMeta(ctx, r)} ${r.description ? html`<p class="description">${r.description}</p>` : nothing}
      ${renderFlags(ctx, r)}
      ${handover
        ? html`<p>
            ${handover.status === 'proposed'
              ? t.handoverProposed(handover.proposedBy.name, data.nameOf(handover.toMemberId))
              : handover.status === 'agreed'
                ? t.handoverAgreed(data.nameOf(handover.toMemberId))
                : t.handoverDisputed(data.nameOf(handover.toMemberId))}
            ${handover.comment ? html`<br /><q>${handover.comment}</q>` : nothing}
          </p>`
        : nothing}
      <form data-form="reason" @submit=${submit}>
        <label class="form-row"
          ><span class="field-label">${t.reasonLabel}</span><input ${keep(this.reasonRef)} type="text" name="reason" id="dialog-reason" maxlength="2000" autocomplete="off"
        /></label>
      </form>
      ${canAnswer
        ? html`<section aria-labelledby="answer-title">
            <h3 id="answer-title">${t.handoverAnswer}</h3>
            <div class="actions"><button type="button" class="primary" data-action="accept" @click=${action}>${t.accept}</button></div>
            <form data-form="dispute" novalidate @submit=${submit}>
              <label class="form-row"
                ><span class="field-label">${t.disputeReason}</span
                ><textarea
                  ${keep(this.invalidRef)}
                  name="comment"
                  maxlength="2000"
                  aria-invalid=${this.formError ? 'true' : 'false'}
                  aria-describedby=${this.formError ? 'form-error' : nothing}
                ></textarea
              ></label>
              ${this.fieldError(ctx)}
              <div class="actions"><button type="submit">${t.dispute}</button></div>
            </form>
          </section>`
        : nothing}
      <form data-form="parts" @submit=${submit}>
        <fieldset>
          <legend>${t.whoDoesWhat}</legend>
          <div class="parts-fields">
            ${data.columns.map(
              (m) =>
                html`<label
                  ><span>${m.name}${m.status === 'ended' ? ` (${t.hasLeft})` : nothing}</span
                  ><select name="part" data-member=${m.id}>
                    ${PART_CHOICES.map(
                      (choice) =>
                        html`<option value=${choice} ?selected=${(parts.get(m.id) ?? 'none') === choice}>
                          ${choice === 'none' ? t.noPart : `${t.parts[choice]} (${t.partLetters[choice]})`}
                        </option>`,
                    )}
                  </select></label
                >`,
            )}
          </div>
        </fieldset>
        <div class="actions"><button type="submit" class="primary">${t.saveParts}</button></div>
      </form>
      <form data-form="rename" @submit=${submit}>
        <label class="form-row"
          ><span class="field-label">${t.renameLabel}</span><input type="text" name="title" .value=${shown.title} required maxlength="500" autocomplete="off"
        /></label>
        <div class="actions"><button type="submit">${t.rename}</button></div>
      </form>
      <form data-form="review" @submit=${submit}>
        <label class="form-row"
          ><span class="field-label">${t.reviewDateLabel}</span><input type="date" name="date" .value=${shown.reviewDate ?? ''}
        /></label>
        <div class="actions"><button type="submit">${t.saveReviewDate}</button></div>
      </form>
      ${handover?.status !== 'proposed' && candidates.length
        ? html`<form data-form="handover" @submit=${submit}>
            <fieldset>
              <legend>${t.handover}</legend>
              <label class="form-row"
                ><span class="field-label">${t.handoverTo}</span
                ><select name="to">
                  ${candidates.map((m) => html`<option value=${m.id}>${m.name}</option>`)}
                </select></label
              >
              <label class="form-row"
                ><span class="field-label">${t.handoverMessage}</span><input type="text" name="comment" maxlength="2000" autocomplete="off"
              /></label>
              <div class="actions"><button type="submit">${t.proposeHandover}</button></div>
            </fieldset>
          </form>`
        : nothing}
      ${r.status !== 'ended'
        ? html`<section aria-labelledby="end-title">
            <h3 id="end-title" class="visually-hidden">${t.end}</h3>
            <p class="hint" id="end-hint">${t.endHint}</p>
            <div class="actions">
              <button type="button" data-action="end" aria-describedby="end-hint" @click=${action}>${t.end}</button>
            </div>
          </section>`
        : nothing}
    </dialog>`;
  }

  private onSubmit(ctx: MatrixContext, event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const dialog = this.dialog;
    const { carry } = this.options;
    if (!dialog) return;
    if (dialog.kind === 'add') {
      const title = text('title');
      if (!title) return this.refuse(ctx.t.titleRequired);
      const team = ctx.data.team!;
      const area = text('area') as ResponsibilityArea;
      const next = newResponsibility({
        title,
        area: (RESPONSIBILITY_AREAS as readonly string[]).includes(area) ? area : 'other',
        teamId: team.id,
        serviceUserId: team.serviceUserId,
      });
      this.close();
      carry('add', next, undefined, text('reason'));
      return;
    }
    const r = ctx.data.byId.get(dialog.id);
    if (!r) return;
    // What was typed or chosen changes the responsibility as it is now (a change saved meanwhile elsewhere
    // is kept). Where someone else changed that very value since the dialog showed it, the change names
    // the version the dialog showed, so the store asks which to keep rather than writing over theirs.
    const base = dialog.base ?? r;
    const made = (next: Responsibility, changedMeanwhile: boolean): Responsibility => (changedMeanwhile ? { ...next, meta: base.meta } : next);
    const reason = this.reasonRef.value?.value || undefined;
    switch (form.dataset.form) {
      case 'parts': {
        const parts = new Map<string, RaciPart | undefined>();
        const shown = partsOf(base);
        const now = ctx.data.derivedOf(r).parts;
        let both = false;
        for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-member]')) {
          const member = select.dataset.member!;
          const value = select.value === 'none' ? undefined : (select.value as RaciPart);
          if (shown.get(member) === value || now.get(member) === value) continue;
          parts.set(member, value);
          if (now.get(member) !== shown.get(member)) both = true;
        }
        this.close();
        if (parts.size) carry('assign', made(withParts(r, parts), both), r, reason);
        return;
      }
      case 'rename': {
        const title = text('title');
        if (!title) return;
        this.close();
        if (title !== base.title && title !== r.title) carry('rename', made(renamed(r, title), r.title !== base.title), r, reason);
        return;
      }
      case 'review': {
        const date = text('date');
        this.close();
        const [before, after] = [base.reviewDate ?? '', r.reviewDate ?? ''];
        if (date !== before && date !== after) carry('set-review-date', made(withReviewDate(r, date || undefined), after !== before), r, reason);
        return;
      }
      case 'handover': {
        const to = text('to');
        if (!ctx.data.memberById.has(to)) return;
        this.close();
        const actor = this.options.actor();
        // Without an actor carry() refuses the change before anything is sent.
        carry('propose-handover', actor ? withHandoverProposal(r, to, actor, new Date().toISOString(), text('comment') || undefined) : r, r, reason);
        return;
      }
      case 'dispute': {
        const comment = text('comment');
        if (!comment) return this.refuse(ctx.t.disputeReasonRequired);
        this.close();
        carry('dispute-handover', withHandoverDisputed(r, ctx.me!, comment, new Date().toISOString()), r, reason ?? comment);
        return;
      }
    }
  }

  private onAction(ctx: MatrixContext, event: Event) {
    const dialog = this.dialog;
    const r = dialog?.kind === 'details' ? ctx.data.byId.get(dialog.id) : undefined;
    if (!r) return;
    const reason = this.reasonRef.value?.value || undefined;
    const action = (event.currentTarget as HTMLElement).dataset.action;
    this.close();
    if (action === 'accept') this.options.carry('accept-handover', withHandoverAccepted(r, new Date().toISOString()), r, reason);
    if (action === 'end') this.options.carry('end', ended(r), r, reason);
  }
}
