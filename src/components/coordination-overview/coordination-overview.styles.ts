import { css } from 'lit';

/** Styles of `<care-coordination-overview>`: a desk tool; counts first, then one list. */
export const overviewStyles = css`
  :host {
    --_gap: var(--care-coordination-overview-gap, var(--_space-4));
    --_chosen: var(--care-coordination-overview-pressed, var(--_accent));
    --_chosen-text: var(--care-coordination-overview-pressed-text, var(--_accent-text));
  }
  .overview {
    display: grid;
    gap: var(--_gap);
    min-inline-size: 0;
  }
  .heading {
    margin: 0;
    font-weight: var(--_weight-heading);
    font-size: var(--_font-size-large);
  }
  .title {
    font-size: var(--_font-size-title);
  }
  p {
    margin: 0;
  }
  .muted,
  .help {
    color: var(--_text-muted);
  }
  .note {
    padding: var(--_space-3);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_warning-surface);
  }
  .counts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: var(--_space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .gap {
    display: grid;
    justify-items: start;
    gap: var(--_space-1);
    inline-size: 100%;
    block-size: 100%;
    text-align: start;
  }
  .gap[aria-pressed='true'] {
    background: var(--_chosen);
    color: var(--_chosen-text);
    border-color: var(--_chosen);
  }
  .gap[aria-pressed='true'] .muted {
    color: inherit;
  }
  .count {
    font-size: var(--_font-size-title);
    font-weight: var(--_weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3);
    margin: 0;
    padding: var(--_space-3);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .filters label {
    display: grid;
    gap: var(--_space-1);
  }
  .filters input {
    inline-size: 6rem;
  }
  .table-wrap {
    overflow-x: auto;
  }
  .table-wrap:focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: var(--_focus-offset);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: var(--_weight-strong);
    padding-block-end: var(--_space-2);
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--_space-2);
    border-block-end: 1px solid var(--_border-subtle);
  }
  thead th {
    border-block-end: var(--_border-width-strong) solid var(--_border);
  }
  tbody th {
    font-weight: var(--_weight-normal);
  }
  .paging {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-3);
  }
  .state {
    padding: var(--_space-4);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
  }
  .state.error {
    border-color: var(--_danger);
    background: var(--_danger-surface);
  }
  @media (forced-colors: active) {
    .gap[aria-pressed='true'] {
      border: var(--_border-width-strong) solid Highlight;
    }
  }
`;
