import type { ReactiveControllerHost } from 'lit';
import { LazyPart } from '../base/lazy-part.js';
import type * as Details from './member-dialog.js';
import type { MemberDialog } from './member-dialog.js';
import type { RosterListMessages } from './member-view.js';

/**
 * The roster's member details: the dialog's code, loaded when a person first chooses a name (not
 * ahead: its English words arriving would redraw every card), the dialog once it is in, and what
 * the status region says when it did not arrive. Choosing the name again tries again; some
 * browsers keep a failed module load until the page is reloaded (Chromium 150 did; 156 asks the
 * network again), so after a second failure the person is told to reload.
 */
export class MemberDetails extends LazyPart<typeof Details> {
  private made?: MemberDialog;
  /** What the status region says about the details dialog when its code did not arrive. */
  message = '';

  constructor(
    private readonly roster: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    /** The name button of a member, where focus returns when the dialog closes. */
    private readonly nameButton: (id: string) => HTMLElement | undefined,
  ) {
    super(roster, () => import('./member-dialog.js'), 'the member details');
  }

  /** The dialog, once its code is in. */
  get dialog(): MemberDialog | undefined {
    const module = this.module;
    return module ? (this.made ??= new module.MemberDialog(this.roster, this.nameButton)) : undefined;
  }

  /**
   * Opens the member's details once the dialog's code is in. When it did not arrive the status
   * region says so (in the words `m` gives then); focus stays on the name, so choosing it again tries again.
   */
  async open(id: string, opener: HTMLElement, m: () => RosterListMessages): Promise<void> {
    await this.load();
    const dialog = this.dialog;
    const message = dialog ? '' : this.failures > 1 ? m().detailsStillUnavailable : m().detailsUnavailable;
    if (message !== this.message) {
      this.message = message;
      this.roster.requestUpdate();
    }
    dialog?.open(id, opener);
  }
}
