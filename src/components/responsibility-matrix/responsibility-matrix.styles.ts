import { css } from 'lit';
import { gridStyles } from './grid.styles.js';
import { personAndDialogStyles } from './person-dialog.styles.js';

/** The host, headings, toolbar, legend and part badges. Public tokens map to private twins on the host. */
const shellStyles = css`
  :host {
    --_cell-size: var(--care-responsibility-matrix-cell-size, 6.5rem);
    --_title-size: var(--care-responsibility-matrix-title-size, 17rem);
    --_flag-size: var(--care-responsibility-matrix-flag-size, 13rem);
    --_max-height: var(--care-responsibility-matrix-max-height, 75vh);
    --_header-bg: var(--care-responsibility-matrix-header-background, var(--_surface-raised));
    --_accountable-bg: var(--care-responsibility-matrix-accountable-background, var(--_accent));
    --_accountable-text: var(--care-responsibility-matrix-accountable-text, var(--_accent-text));
    --_responsible-bg: var(--care-responsibility-matrix-responsible-background, var(--_accent-surface));
    --_responsible-text: var(--care-responsibility-matrix-responsible-text, var(--_text));
    --_consulted-bg: var(--care-responsibility-matrix-consulted-background, var(--_surface-raised));
    --_consulted-text: var(--care-responsibility-matrix-consulted-text, var(--_text));
    --_informed-bg: var(--care-responsibility-matrix-informed-background, var(--_surface));
    --_informed-text: var(--care-responsibility-matrix-informed-text, var(--_text));
    --_flag-color: var(--care-responsibility-matrix-flag-color, var(--_warning));
    --_flag-bg: var(--care-responsibility-matrix-flag-background, var(--_warning-surface));
    container-type: inline-size;
  }

  h2,
  .matrix-title {
    margin: 0 0 var(--_space-3);
    font-size: var(--_font-size-title);
  }
  h3,
  .subheading {
    margin: 0;
    font-size: var(--_font-size-large);
  }
  h4,
  .part-heading {
    margin: var(--_space-3) 0 var(--_space-1);
    font-size: 1em;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Toolbar: view switch, filter, show ended, reason, add */
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-3) var(--_space-4);
    align-items: end;
    margin-block-end: var(--_space-3);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend,
  .field-label {
    display: block;
    padding: 0;
    margin-block-end: var(--_space-1);
    font-weight: var(--_weight-strong);
    font-size: var(--_font-size-small);
  }
  /* Choices as separate buttons with a small gap: when they wrap on a narrow screen each keeps its own box. */
  .segmented {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }
  .segmented label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: max(1.5rem, var(--_target));
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .segmented label:has(input:checked) {
    background: var(--_accent-surface);
    border-color: var(--_accent);
    font-weight: var(--_weight-strong);
  }
  .segmented input,
  .check input {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: max(1.5rem, var(--_target));
    cursor: pointer;
  }
  .reason input {
    display: block;
    min-block-size: max(1.5rem, var(--_target));
    inline-size: min(20rem, 100%);
  }
  input[type='text'],
  input[type='date'],
  select,
  textarea {
    min-block-size: max(1.5rem, var(--_target));
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea {
    inline-size: 100%;
    min-block-size: 5rem;
  }

  /* Legend */
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2) var(--_space-4);
    margin-block-end: var(--_space-3);
    font-size: var(--_font-size-small);
  }
  .legend .subheading {
    font-size: 1em;
  }
  .legend ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-4);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
  }

  /* Part badges: letter and colour are shorthand; the text always says it too */
  .letter {
    display: inline-grid;
    place-items: center;
    inline-size: 1.6em;
    block-size: 1.6em;
    flex: none;
    border-radius: 50%;
    border: 1px solid var(--_border);
    font-weight: var(--_weight-heading);
    font-size: var(--_font-size-small);
    line-height: 1;
  }
  .accountable .letter {
    background: var(--_accountable-bg);
    color: var(--_accountable-text);
    border-color: var(--_accountable-bg);
  }
  .responsible .letter {
    background: var(--_responsible-bg);
    color: var(--_responsible-text);
    border-width: 2px;
    border-color: var(--_accent);
  }
  .consulted .letter {
    background: var(--_consulted-bg);
    color: var(--_consulted-text);
  }
  .informed .letter {
    background: var(--_informed-bg);
    color: var(--_informed-text);
    border-style: dashed;
  }
`;

/** Forced colours and print come last, so they override every part above. */
const adaptedStyles = css`
  @media (forced-colors: active) {
    .letter,
    :is(.accountable, .responsible, .consulted, .informed) .letter {
      forced-color-adjust: none;
      background: Canvas;
      color: CanvasText;
      border-color: CanvasText;
    }
    .accountable .letter {
      background: CanvasText;
      color: Canvas;
    }
    .flag {
      border: 1px solid CanvasText;
      border-inline-start-width: 4px;
    }
    .editor li[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .segmented label:has(input:checked) {
      border-width: 3px;
    }
  }

  @media print {
    :host {
      --_max-height: none;
    }
    .toolbar,
    .editor,
    dialog,
    button:not(.title-button),
    .row-error button {
      display: none !important;
    }
    .scroller {
      overflow: visible;
      border: 0;
    }
    table {
      display: table;
      inline-size: 100%;
      border-collapse: collapse;
    }
    thead {
      display: table-header-group;
      position: static;
    }
    tbody {
      display: table-row-group;
    }
    tr,
    tbody tr {
      display: table-row;
      contain: none;
    }
    th,
    td,
    thead th,
    td.part-cell {
      display: table-cell;
      position: static;
    }
    .title-button {
      padding: 0;
      color: inherit;
      text-decoration: none;
      border: 0;
    }
    .scroller .flag-text {
      display: inline;
      -webkit-line-clamp: none;
    }
    tr {
      break-inside: avoid;
    }
  }
`;

/** Styles of `<care-responsibility-matrix>`, in cascade order. */
export const matrixStyles = [shellStyles, gridStyles, personAndDialogStyles, adaptedStyles];
