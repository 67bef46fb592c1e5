import { css } from 'lit';

/** Styles of `<care-meeting-scheduler>`. Reads component tokens through private twins only. */
export const schedulerStyles = css`
  :host {
    container-type: inline-size;
    --_max-width: var(--care-meeting-scheduler-max-width, 48rem);
    --_gap: var(--care-meeting-scheduler-gap, var(--_space-4));
    --_section-surface: var(--care-meeting-scheduler-section-background, var(--_surface-raised));
    --_section-border: var(--care-meeting-scheduler-section-border-color, var(--_border-subtle));
    --_slot-surface: var(--care-meeting-scheduler-slot-background, var(--_surface));
    --_slot-selected-surface: var(--care-meeting-scheduler-slot-selected-background, var(--_accent-surface));
    --_slot-selected-border: var(--care-meeting-scheduler-slot-selected-border-color, var(--_accent));
    --_warning-surface-ms: var(--care-meeting-scheduler-warning-background, var(--_warning-surface));
    --_warning-ms: var(--care-meeting-scheduler-warning-color, var(--_warning));
    --_your-part-surface: var(--care-meeting-scheduler-your-part-background, var(--_accent-surface));
    max-inline-size: var(--_max-width);
  }
  /* Professionals work at desks with a mouse; service users get the full 44 px everywhere. */
  :host([audience='professional']) {
    --_target: var(--care-meeting-scheduler-professional-target-size, 1.75rem);
  }

  .scheduler {
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .title {
    margin: 0;
    font-size: var(--_font-size-title);
    line-height: 1.25;
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
  }
  .subheading {
    margin: 0 0 var(--_space-2);
    font-size: var(--_font-size-large);
    line-height: 1.3;
    display: flex;
    align-items: center;
    gap: var(--_space-2);
  }
  p {
    margin: 0;
  }
  .muted,
  .hint {
    color: var(--_text-muted);
  }
  .hint {
    font-size: var(--_font-size-small);
  }
  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: currentColor;
    flex: none;
    vertical-align: -0.25em;
  }
  .state-title {
    font-weight: var(--_weight-heading);
    margin-block-end: var(--_space-1);
  }

  /* ----- form ----- */
  form {
    display: grid;
    gap: var(--_gap);
  }
  fieldset {
    margin: 0;
    min-inline-size: 0;
  }
  .group {
    display: grid;
    gap: var(--_space-3);
    padding: var(--_space-4);
    border: 1px solid var(--_section-border);
    border-radius: var(--_radius);
    background: var(--_section-surface);
  }
  .group > legend {
    padding: 0 var(--_space-2);
    font-weight: var(--_weight-heading);
    font-size: var(--_font-size-large);
  }
  .nested {
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border: 1px solid var(--_section-border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .nested > legend {
    padding: 0 var(--_space-1);
    font-weight: var(--_weight-strong);
  }
  .field {
    display: grid;
    gap: var(--_space-1);
    min-inline-size: 0;
  }
  .field > label {
    font-weight: var(--_weight-strong);
  }
  .indented {
    margin-inline-start: var(--_space-5);
  }
  /* Fields side by side line up by their labels and controls; a hint under one does not push the other. */
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    align-items: start;
  }
  .row > .field {
    flex: 1 1 12rem;
  }
  .row > .field.grow {
    flex: 3 1 14rem;
  }
  input[type='text'],
  input[type='url'],
  input[type='date'],
  select {
    /* As tall as a button beside it: one line, the button's padding and border. */
    min-block-size: max(1.5rem, var(--_target), calc(1lh + 2 * var(--_space-2) + 2px));
    inline-size: 100%;
    max-inline-size: 100%;
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input.short {
    max-inline-size: 6rem;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: max(1.5rem, calc(var(--_target) * 0.55));
    block-size: max(1.5rem, calc(var(--_target) * 0.55));
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .check,
  .choice {
    display: flex;
    gap: var(--_space-2);
    align-items: flex-start;
    flex-wrap: wrap;
  }
  .choice > .hint {
    flex-basis: 100%;
    padding-inline-start: calc(max(1.5rem, calc(var(--_target) * 0.55)) + var(--_space-2));
  }
  .check > label,
  .choice > label {
    display: inline-flex;
    flex-direction: column;
    align-items: flex-start;
    min-block-size: 1.5rem;
    cursor: pointer;
    flex: 1 1 0;
    min-inline-size: 0;
  }
  .choice > label {
    flex-direction: row;
    gap: var(--_space-2);
    align-items: center;
  }
  .choices {
    display: grid;
    gap: var(--_space-2);
  }
  .choices.inline {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
  }
  ul[role='list'],
  .people-list,
  .your-items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .people {
    display: grid;
    gap: var(--_space-2);
  }
  .person {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
    justify-content: space-between;
    padding-block: var(--_space-1);
    border-block-end: 1px solid var(--_section-border);
  }
  .person > .check {
    flex: 1 1 14rem;
  }
  .person .name {
    font-weight: var(--_weight-strong);
  }
  .attendance {
    inline-size: auto;
    flex: 0 0 auto;
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
  }
  .date-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }
  .date-row > input {
    flex: 1 1 9rem;
    inline-size: auto;
  }
  .chosen {
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: var(--_border-width-strong) solid var(--_accent);
    background: var(--_surface);
  }
  .find {
    display: grid;
    gap: var(--_space-2);
    justify-items: start;
  }
  .slots {
    justify-self: stretch;
    display: grid;
    gap: var(--_space-2);
    padding: var(--_space-3);
    border: 1px solid var(--_section-border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .slots > legend {
    font-weight: var(--_weight-strong);
    padding: 0 var(--_space-1);
  }
  .slots ul {
    display: grid;
    gap: var(--_space-2);
  }
  .slots ul.chips {
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
  }
  .slots li {
    position: relative;
  }
  .slots input[type='radio'] {
    position: absolute;
    inset-block-start: var(--_space-3);
    inset-inline-start: var(--_space-3);
  }
  .slot {
    display: grid;
    gap: var(--_space-1);
    min-block-size: max(1.5rem, var(--_target));
    padding: var(--_space-2) var(--_space-3);
    padding-inline-start: calc(var(--_space-3) * 2 + max(1.5rem, calc(var(--_target) * 0.55)));
    border: 1px solid var(--_section-border);
    border-radius: var(--_radius);
    background: var(--_slot-surface);
    cursor: pointer;
  }
  .slots input:checked + .slot {
    border: 2px solid var(--_slot-selected-border);
    background: var(--_slot-selected-surface);
  }
  .slot-when {
    font-weight: var(--_weight-strong);
  }
  .slot-note {
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  .none-found {
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: var(--_border-width-strong) solid var(--_warning-ms);
    background: var(--_surface);
  }
  .agenda-items {
    display: grid;
    gap: var(--_space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item-time {
    font-variant-numeric: tabular-nums;
    font-weight: var(--_weight-strong);
    margin-inline-end: var(--_space-2);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }
  button.link {
    min-block-size: 1.5rem;
    padding: 0;
    border: none;
    background: none;
    color: var(--_danger);
    text-decoration: underline;
    text-align: start;
  }
  button.small {
    padding: var(--_space-1) var(--_space-2);
    font-size: var(--_font-size-small);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_danger-text);
  }
  button.danger-outline {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
    font-weight: var(--_weight-strong);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
  }
  .download {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: max(1.5rem, var(--_target));
    padding: var(--_space-2) var(--_space-3);
  }
  .error-summary {
    padding: var(--_space-3) var(--_space-4);
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .error-summary ul {
    margin: var(--_space-2) 0 0;
    padding-inline-start: var(--_space-5);
  }
  .status:empty {
    display: none;
  }
  .status {
    padding: var(--_space-2) var(--_space-3);
    border-inline-start: var(--_border-width-strong) solid var(--_success);
    background: var(--_success-surface);
  }
  .save-error .buttons {
    margin-block-start: var(--_space-2);
  }
`;
