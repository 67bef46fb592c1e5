import { css } from 'lit';

/** The member details dialog: these arrive with the dialog's code, so a roster nobody opens does not carry them. */
export const memberDialogStyles = css`
  dialog {
    inline-size: min(40rem, calc(100vw - 1rem));
    max-block-size: calc(100dvh - 1rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  dialog::backdrop {
    background: var(--_backdrop);
  }
  .details {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-4);
  }
  .details-head {
    display: flex;
    gap: var(--_space-3);
    align-items: flex-start;
    justify-content: space-between;
  }
  .details-head h2 {
    margin: 0;
    font-size: var(--_font-size-title);
    line-height: 1.25;
  }
  dl {
    display: grid;
    gap: var(--_space-2);
    margin: 0;
  }
  dt {
    font-weight: var(--_weight-heading);
  }
  dd {
    margin: 0;
  }
  .note {
    white-space: pre-wrap;
  }
`;
