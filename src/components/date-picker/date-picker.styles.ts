import { css } from 'lit';

/** Styles of `<care-date-picker>`. Reads component tokens through private twins only. */
export const datePickerStyles = css`
  :host {
    --_day-size: var(--care-meeting-scheduler-day-size, var(--_target));
    --_selected-surface: var(--care-meeting-scheduler-selected-background, var(--_accent));
    --_selected-text: var(--care-meeting-scheduler-selected-color, var(--_accent-text));
    --_free-marker: var(--care-meeting-scheduler-free-marker-color, var(--_success));
    display: inline-block;
  }
  .opener {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
  }
  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: currentColor;
    flex: none;
  }
  dialog {
    padding: var(--_space-4);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    max-inline-size: calc(100vw - 1rem);
    max-block-size: calc(100vh - 1rem);
    overflow: auto;
  }
  dialog::backdrop {
    background: var(--_backdrop);
  }
  .header {
    display: flex;
    align-items: center;
    gap: var(--_space-1);
  }
  .header h2 {
    flex: 1;
    margin: 0;
    font-size: var(--_font-size-large);
    text-align: center;
    text-transform: capitalize;
  }
  .nav {
    padding: var(--_space-1);
    font-size: var(--_font-size-large);
    line-height: 1;
  }
  table {
    border-collapse: collapse;
    margin-block: var(--_space-3);
  }
  th,
  td {
    inline-size: var(--_day-size);
    block-size: var(--_day-size);
    padding: 0;
    text-align: center;
  }
  th {
    font-size: var(--_font-size-small);
    font-weight: var(--_weight-strong);
    color: var(--_text-muted);
  }
  th.week {
    font-weight: var(--_weight-normal);
    /* As wide as the days' own (transparent) borders, so the collapsed border is the divider's on every row. */
    border-inline-end: 2px solid var(--_border-subtle);
  }
  td.day {
    position: relative;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  td.day:hover {
    border-color: var(--_border);
  }
  td.day-today .number {
    text-decoration: underline;
    text-underline-offset: 0.2em;
    font-weight: var(--_weight-heading);
  }
  td.day-selected {
    background: var(--_selected-surface);
    color: var(--_selected-text);
  }
  td.day-free::after {
    content: '';
    position: absolute;
    inset-block-end: 0.3em;
    inset-inline-start: 50%;
    inline-size: 0.4em;
    block-size: 0.4em;
    margin-inline-start: -0.2em;
    border-radius: 50%;
    background: var(--_free-marker);
  }
  td.day-selected::after {
    background: var(--_selected-text);
  }
  td.day-disabled {
    color: var(--_text-muted);
    text-decoration: line-through;
    cursor: not-allowed;
  }
  td:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: -2px;
    /* A ring of the halo colour inside the focus ring, so the ring stands out on the selected fill too. */
    box-shadow: inset 0 0 0 calc(var(--_focus-width) + 1px) var(--_focus-halo);
  }
  .hint {
    margin: 0 0 var(--_space-3);
    max-inline-size: 22rem;
    font-size: var(--_font-size-small);
    color: var(--_text-muted);
  }
  .footer {
    display: flex;
    gap: var(--_space-2);
    justify-content: flex-end;
    flex-wrap: wrap;
  }
  @media (forced-colors: active) {
    /* The line-through alone is a few pixels; GrayText is the system's word for unavailable. */
    td.day-disabled {
      color: GrayText;
    }
    td.day-selected {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    td.day-free::after {
      background: CanvasText;
    }
    td.day-selected::after {
      background: HighlightText;
    }
  }
`;
