import { css } from 'lit';

/** The person view and the dialogs of the matrix. */
export const personAndDialogStyles = css`
  /* Person view */
  .person-view {
    display: grid;
    gap: var(--_space-4);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20rem), 1fr));
  }
  .person {
    padding: var(--_space-3);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .person.me {
    border: 2px solid var(--_accent);
  }
  .person.unowned {
    border: 2px solid var(--_flag-color);
  }
  .person-items > li {
    padding: var(--_space-2) 0;
    border-block-start: 1px solid var(--_border-subtle);
  }
  .person-items > li:first-child {
    border-block-start: 0;
  }
  .item-head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_space-2);
  }
  .item-head .title {
    flex: 1 1 auto;
    min-inline-size: 0;
  }
  .item-head button {
    flex: none;
  }
  .part-heading {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .description {
    white-space: pre-line;
  }
  .nothing {
    color: var(--_text-muted);
  }

  /* Dialogs */
  dialog {
    inline-size: min(36rem, calc(100vw - 2rem));
    max-block-size: calc(100vh - 2rem);
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: var(--_backdrop);
  }
  .dialog-head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_space-3);
  }
  .dialog-head h2 {
    margin: 0;
  }
  dialog section,
  dialog form {
    margin-block-start: var(--_space-4);
  }
  .form-row {
    display: grid;
    gap: var(--_space-1);
    margin-block-end: var(--_space-3);
  }
  .parts-fields {
    display: grid;
    gap: var(--_space-2);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    margin-block-end: var(--_space-3);
  }
  .parts-fields label {
    display: grid;
    gap: var(--_space-1);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .hint {
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
  }
  .field-error {
    color: var(--_danger);
    font-weight: var(--_weight-strong);
    /* Not colour alone: the bar stays in forced colours. */
    border-inline-start: var(--_border-width-strong) solid var(--_danger);
    padding-inline-start: var(--_space-2);
  }
`;
