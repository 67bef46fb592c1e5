import { css } from 'lit';

/** Styles of `<care-responsibility-matrix>`. Public tokens map to private twins on the host. */
export const matrixStyles = css`
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
    font-size: 1.25em;
  }
  h3,
  .subheading {
    margin: 0;
    font-size: 1.05em;
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
    font-weight: 600;
    font-size: 0.9em;
  }
  .segmented {
    display: flex;
    flex-wrap: wrap;
  }
  .segmented label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: max(1.5rem, var(--_target));
    padding: var(--_space-1) var(--_space-3);
    border: 1px solid var(--_border);
    margin-inline-end: -1px;
    background: var(--_surface);
    cursor: pointer;
  }
  .segmented label:first-of-type {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .segmented label:last-of-type {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
    margin-inline-end: 0;
  }
  .segmented label:has(input:checked) {
    background: var(--_accent-surface);
    border-color: var(--_accent);
    font-weight: 600;
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
    font-size: 0.9em;
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
    font-weight: 700;
    font-size: 0.85em;
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

  /* Grid and table. Each row is its own CSS grid with fixed column widths: a change lays out one
     row. No content-visibility: it drops off-screen rows from the accessibility tree (notRendered). */
  .scroller {
    /* Defined here, not on the table, so the scroll padding below can use it too. */
    --_title-col: min(var(--_title-size), 45cqi);
    overflow: auto;
    max-block-size: var(--_max-height);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    /* Keep a focused cell clear of the sticky header and first column (WCAG 2.4.11). */
    scroll-padding-block-start: 7rem;
    scroll-padding-inline-start: var(--_title-col);
  }
  table {
    display: block;
    inline-size: calc(var(--_title-col) + var(--_flag-size) + var(--_columns, 1) * var(--_cell-size));
    border-spacing: 0;
  }
  thead {
    display: block;
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
  }
  tbody {
    display: block;
  }
  tr {
    display: grid;
    grid-template-columns: var(--_title-col) var(--_flag-size) repeat(var(--_columns, 1), var(--_cell-size));
  }
  tbody tr {
    /* A change inside a row lays out that row only; the rows still render, so all stay in the tree. */
    contain: layout style;
    /* Each row draws its own top line: rows are painted separately and a shared edge could be lost. */
    border-block-start: 1px solid var(--_border-subtle);
  }
  tbody tr:first-child {
    border-block-start: 0;
  }
  th,
  td {
    display: block;
    min-inline-size: 0;
    padding: var(--_space-2);
    border-inline-end: 1px solid var(--_border-subtle);
    text-align: start;
    background: var(--_surface);
  }
  thead th {
    display: flex;
    flex-direction: column;
    justify-content: end;
    background: var(--_header-bg);
    font-weight: 600;
    border-block-end: 2px solid var(--_border);
  }
  thead th:first-child,
  tbody th[scope='row'] {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
  }
  tbody th[scope='row'] {
    font-weight: 400;
  }
  .member-name {
    display: block;
    font-weight: 600;
  }
  .member-role,
  .meta {
    display: block;
    color: var(--_text-muted);
    font-size: 0.85em;
    font-weight: 400;
  }
  .left-mark {
    display: inline-block;
    margin-block-start: var(--_space-1);
    padding: 0 var(--_space-1);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    font-size: 0.8em;
    font-weight: 600;
  }
  th.left,
  td.left {
    background-image: repeating-linear-gradient(135deg, transparent 0 6px, var(--_border-subtle) 6px 7px);
  }
  tr.group {
    contain-intrinsic-size: auto 2.75rem;
  }
  .group th {
    grid-column: 1 / -1;
    background: var(--_header-bg);
    font-weight: 700;
  }
  .group-label {
    position: sticky;
    inset-inline-start: var(--_space-2);
  }
  td.part-cell {
    display: flex;
    align-items: center;
    justify-content: center;
    flex-wrap: wrap;
    text-align: center;
    cursor: default;
  }
  .part-cell .part {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    font-size: 0.9em;
  }
  :host([compact]) .part-text {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .none-mark {
    color: var(--_text-muted);
  }
  [role='grid'] td,
  [role='grid'] th[scope='row'] {
    cursor: pointer;
  }
  [role='grid'] td:focus-visible,
  [role='grid'] th:focus-visible {
    outline-offset: -4px;
    box-shadow: inset 0 0 0 calc(var(--_focus-width) + 3px) var(--_focus-halo);
  }
  /* A row being saved is marked by its background, not by fading: faded text fails 1.4.3. */
  tr.pending td.part-cell,
  tr.pending th[scope='row'] {
    background-color: var(--_accent-surface);
    cursor: progress;
  }
  tr.ended th[scope='row'] .title,
  tr.ended .title-button {
    text-decoration: line-through;
  }
  .title-button {
    display: block;
    inline-size: 100%;
    min-block-size: max(1.5rem, var(--_target));
    padding: var(--_space-1) var(--_space-2);
    border: 1px solid transparent;
    background: transparent;
    text-align: start;
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    color: var(--_accent);
  }
  .title-button:hover {
    border-color: var(--_border);
  }
  .title {
    font-weight: 600;
  }
  .title,
  .title-button {
    overflow-wrap: anywhere;
  }

  /* Steps of the service user's own goals */
  .steps {
    margin-block-start: var(--_space-1);
    font-size: 0.85em;
  }
  .steps li {
    display: flex;
    gap: var(--_space-1);
  }
  .step-mark {
    flex: none;
    inline-size: 1.1em;
    text-align: center;
  }
  .step-done .step-title {
    text-decoration: line-through;
    color: var(--_text-muted);
  }

  /* Flags: icon and text, never colour alone */
  .flags {
    display: grid;
    gap: var(--_space-1);
  }
  .flag {
    display: flex;
    gap: var(--_space-1);
    align-items: start;
    padding: var(--_space-1);
    border-inline-start: 3px solid var(--_flag-color);
    background: var(--_flag-bg);
    font-size: 0.85em;
  }
  .flag.info {
    border-inline-start-color: var(--_accent);
    background: var(--_accent-surface);
  }
  .flag-text {
    overflow-wrap: anywhere;
  }
  .scroller .flag-text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    overflow: hidden;
  }
  .icon {
    flex: none;
    inline-size: 1.1em;
    block-size: 1.1em;
    margin-block-start: 0.15em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .ok {
    color: var(--_text-muted);
    font-size: 0.85em;
  }
  .row-status {
    display: block;
    font-size: 0.85em;
    font-weight: 600;
  }
  .row-error {
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-1);
    border: 2px solid var(--_danger);
    background: var(--_danger-surface);
    color: var(--_text);
    font-size: 0.85em;
  }
  .row-error strong {
    color: var(--_danger);
  }

  /* The part editor inside a cell */
  /* While a cell is edited its row lifts above the others, so the list can overlap them. */
  tr.editing {
    position: relative;
    z-index: 3;
    contain: none;
  }
  tr.editing td.part-cell {
    position: relative;
    overflow: visible;
  }
  .editor {
    position: absolute;
    inset-block-start: calc(100% - var(--_space-2));
    inset-inline-start: 0;
    z-index: 1;
    min-inline-size: max(100%, 11rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    text-align: start;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
  .editor li {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: max(1.5rem, var(--_target));
    padding: var(--_space-1) var(--_space-2);
    cursor: pointer;
    font-size: 0.9em;
  }
  .editor li[aria-selected='true'] {
    background: var(--_accent-surface);
    font-weight: 600;
  }
  .editor li:focus-visible {
    outline-offset: -3px;
  }

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
    background: rgb(0 0 0 / 0.45);
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
    font-size: 0.9em;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
    /* Not colour alone: the bar stays in forced colours. */
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: var(--_space-2);
  }

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
