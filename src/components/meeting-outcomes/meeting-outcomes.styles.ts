import { css } from 'lit';

/** Calm and readable after a long meeting: one part after another, large targets, plain notices. */
export const meetingOutcomesStyles = css`
  :host {
    --_gap: var(--care-meeting-outcomes-gap, var(--_space-4));
    --_outcome-surface: var(--care-meeting-outcomes-surface, var(--_surface));
    --_withheld-border: var(--care-meeting-outcomes-withheld-border, var(--_warning));
  }
  .outcome {
    background: var(--_outcome-surface);
  }
  .notice {
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_accent-surface);
  }
  .part,
  .panel,
  .edit,
  .edit-list,
  .question {
    display: grid;
    gap: var(--_space-2);
  }
  .part {
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_border-subtle);
  }
  .notes {
    white-space: pre-line;
  }
  .list {
    margin: 0;
    padding-inline-start: var(--_space-5);
    display: grid;
    gap: var(--_space-1);
  }
  .sub {
    font-weight: var(--_weight-strong);
  }
  .withheld {
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: 4px solid var(--_withheld-border);
    background: var(--_warning-surface);
  }
  .actions,
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
  }
  .confirmations {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_space-1);
  }
  .confirmations li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: var(--_space-2);
  }
  fieldset {
    display: grid;
    gap: var(--_space-2);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: var(--_space-3);
    margin: 0;
    min-inline-size: 0;
  }
  legend {
    font-weight: var(--_weight-heading);
  }
  label {
    font-weight: var(--_weight-strong);
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
  }
  .checks label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    font-weight: var(--_weight-normal);
    min-block-size: var(--_target);
  }
  input:not([type='checkbox']),
  select,
  textarea {
    min-block-size: max(1.5rem, var(--_target));
    padding: var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    inline-size: 100%;
    box-sizing: border-box;
  }
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  textarea {
    min-block-size: 5rem;
  }
  .edit-item {
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-2);
    border: 1px dashed var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .remove {
    justify-self: start;
  }
  .field-error {
    color: var(--_danger);
    font-weight: var(--_weight-strong);
  }
  @media (forced-colors: active) {
    .withheld,
    .notice {
      border-inline-start-color: CanvasText;
    }
  }
  @media print {
    .tools,
    .actions,
    .ask,
    .live-region,
    button {
      display: none !important;
    }
    .outcome {
      border: none;
      padding: 0;
    }
  }
`;
