import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import { renderDetails, type RosterContext } from './member-view.js';
import type { PreparedTeam } from './roster-model.js';

/**
 * The details of one member in a native modal `<dialog>`: opened from the member's name, closed
 * with its button, Escape or a click on the backdrop; focus goes back to the name that opened it.
 */
export class MemberDialog implements ReactiveController {
  private selectedId?: string;
  private opener?: HTMLElement;
  private readonly dialogRef = createRef<HTMLDialogElement>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The name button of a member, for when the one that opened the dialog has been re-rendered away. */
    private readonly nameButton: (id: string) => HTMLElement | undefined,
  ) {
    host.addController(this);
  }

  /** Shows the member's details, with focus to return to `opener`. */
  open(id: string, opener: HTMLElement): void {
    this.opener = opener;
    this.selectedId = id;
    this.host.requestUpdate();
  }

  /** Forgets a member who is no longer on the team. */
  keepOnly(prepared: PreparedTeam): void {
    if (this.selectedId && !prepared.byId.has(this.selectedId)) this.selectedId = undefined;
  }

  /** Forgets the open member without focusing anything (the roster shows no team any more). */
  forget(): void {
    this.selectedId = undefined;
  }

  hostUpdated(): void {
    const dialog = this.dialogRef.value;
    if (dialog && this.selectedId && !dialog.open && this.host.isConnected) dialog.showModal();
    if (dialog && !this.selectedId && dialog.open) dialog.close();
  }

  render(ctx: RosterContext, prepared: PreparedTeam): TemplateResult {
    const view = this.selectedId ? prepared.byId.get(this.selectedId) : undefined;
    return html`<dialog ${ref(this.dialogRef)} part="dialog" aria-labelledby="details-title" @close=${this.onClose} @click=${this.onClick}>
      ${view ? renderDetails(ctx, view, this.close) : nothing}
    </dialog>`;
  }

  private readonly close = () => {
    this.dialogRef.value?.close();
  };

  private readonly onClick = (event: MouseEvent) => {
    // A click on the dialog box itself (not its content) is a click on the backdrop.
    if (event.target === this.dialogRef.value) this.close();
  };

  private readonly onClose = () => {
    const id = this.selectedId;
    this.selectedId = undefined;
    const opener = this.opener?.isConnected && this.host.shadowRoot?.contains(this.opener) ? this.opener : id ? this.nameButton(id) : undefined;
    this.opener = undefined;
    this.host.requestUpdate();
    opener?.focus();
  };
}
