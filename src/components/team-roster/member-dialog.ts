import { adoptStyles, html, nothing, supportsAdoptingStyleSheets, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Kept, keep } from '../base/kept.js';
import { periodText, renderBadges, renderContact, roleText, type RosterContext } from './member-view.js';
import type { MemberView, PreparedTeam } from './roster-model.js';
import type { CommonMessages, RosterMessages } from '../../i18n/types.js';
import { memberDialogStyles } from './member-dialog.styles.js';

// The element loads this module when a person first chooses a member's name, so a page where nobody
// opens the details does not carry the dialog, its styles or its words.

/** The element's English strings with those of the dialog, which travel with this module. */
export { roster as english } from '../../i18n/catalogues/en/roster.js';

/**
 * The details of one member in a native modal `<dialog>`: opened from the member's name, closed
 * with its button, Escape or a click on the backdrop; focus goes back to the name that opened it.
 */
export class MemberDialog implements ReactiveController {
  private selectedId?: string;
  private opener?: HTMLElement;
  private readonly dialogRef = new Kept<HTMLDialogElement>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    /** The name button of a member, for when the one that opened the dialog has been re-rendered away. */
    private readonly nameButton: (id: string) => HTMLElement | undefined,
  ) {
    host.addController(this);
    // The dialog's styles come with its code: added after the element's own, as a constructed sheet (no inline style, for CSP).
    const root = host.renderRoot as ShadowRoot;
    if (supportsAdoptingStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, memberDialogStyles.styleSheet!];
    else adoptStyles(root, [memberDialogStyles]);
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
    return html`<dialog ${keep(this.dialogRef)} part="dialog" aria-labelledby="details-title" @close=${this.onClose} @click=${this.onClick}>
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

function renderDetails(ctx: RosterContext, view: MemberView, close: () => void): TemplateResult {
  // The dialog's strings came with this module (English) or with the language's catalogue, which holds them all.
  const m = ctx.m as RosterMessages & CommonMessages;
  const { member, organisation } = view;
  const professional = ctx.professional;
  const role = roleText(ctx, view);
  const period = periodText(ctx, view);
  const sector = view.sector ? m.sectors[view.sector] : '';
  const entry = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<div class="details" part="details">
    <div class="details-head">
      <h2 id="details-title"><span dir="auto">${member.name}</span></h2>
      <button type="button" class="close" autofocus @click=${close}>${m.close}</button>
    </div>
    ${renderBadges(ctx, view)}
    <dl>
      ${role ? entry(m.details.role, html`<span dir="auto">${role}</span>`) : nothing}
      ${professional && member.role ? entry(m.details.code, member.role.code) : nothing}
      ${member.kind !== 'professional' && member.kind !== 'service-user' ? entry(m.details.kind, m.memberKinds[member.kind]) : nothing}
      ${organisation ? entry(m.details.organisation, html`<span dir="auto">${organisation.name}</span>`) : nothing}
      ${organisation?.offers ? entry(m.details.offers, html`<span dir="auto">${organisation.offers}</span>`) : nothing}
      ${professional && sector ? entry(m.details.sector, sector) : nothing}
      ${professional && period ? entry(m.details.period, period) : nothing}
      ${professional && member.lastConfirmed ? entry(m.details.lastConfirmed, ctx.formatDay(member.lastConfirmed)) : nothing}
    </dl>
    <h3 class="subheading">${m.details.contacts}</h3>
    ${view.contacts.length
      ? html`<ul class="contacts" part="contacts" role="list">
          ${view.contacts.map((c) => renderContact(ctx, c, view, view.contacts.length > 1, true))}
        </ul>`
      : html`<p>${m.details.noContacts}</p>`}
    ${organisation && view.organisationContacts.length
      ? html`<h3 class="subheading"><span dir="auto">${m.details.organisationContacts(organisation.name)}</span></h3>
          <ul class="contacts" part="contacts" role="list">
            ${view.organisationContacts.map((c) => renderContact(ctx, c, view, view.organisationContacts.length > 1, true))}
          </ul>`
      : nothing}
    ${member.note
      ? html`<h3 class="subheading">${m.details.note}</h3>
          <p class="note" dir="auto">${member.note}</p>`
      : nothing}
  </div>`;
}
