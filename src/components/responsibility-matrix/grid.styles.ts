import { css } from 'lit';

/** The grid (or table) of the matrix: rows, part badges in cells, flags, steps, the part list. */
export const gridStyles = css`
  /* Grid and table. Each row is its own CSS grid with fixed column widths: a change lays out one
     row. No content-visibility: it drops off-screen rows from the accessibility tree (notRendered). */
  .scroller {
    /* Defined here, not on the table, so the scroll padding below can use it too. */
    --_title-col: min(var(--_title-size), max(45cqi, 10rem));
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
    /* Always positioned, so lifting the edited row (below) changes its z-index only: a change of
       position or containment would rebuild the row's boxes when the list opens and closes. */
    position: relative;
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
  }
  /* Cells have no background of their own: the row's shows through them, so marking a row (saving)
     restyles the row, not each of its cells. The row header is sticky and keeps its own. */
  th,
  tbody tr {
    background: var(--_surface);
  }
  thead th {
    display: flex;
    flex-direction: column;
    justify-content: end;
    background: var(--_header-bg);
    font-weight: var(--_weight-strong);
    border-block-end: 2px solid var(--_border);
  }
  thead th:first-child,
  tbody th[scope='row'] {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
  }
  tbody th[scope='row'] {
    font-weight: var(--_weight-normal);
  }
  .member-name {
    display: block;
    font-weight: var(--_weight-strong);
  }
  .member-role,
  .meta {
    display: block;
    color: var(--_text-muted);
    font-size: var(--_font-size-small);
    font-weight: var(--_weight-normal);
  }
  .left-mark {
    display: inline-block;
    margin-block-start: var(--_space-1);
    padding: 0 var(--_space-1);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    font-size: var(--_font-size-small);
    font-weight: var(--_weight-strong);
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
    font-weight: var(--_weight-heading);
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
    flex-wrap: wrap;
    justify-content: center;
    align-items: center;
    gap: var(--_space-1);
    font-size: var(--_font-size-small);
  }
  /* A part's words keep whole: the words go under the letter before a word is cut ("Tillfrå|gas"). */
  .part-text {
    overflow-wrap: break-word;
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
  tr.pending,
  tr.pending th[scope='row'] {
    background-color: var(--_accent-surface);
  }
  tr.pending th[scope='row'] {
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
    font-weight: var(--_weight-strong);
    text-decoration: underline;
    text-underline-offset: 0.2em;
    color: var(--_accent);
  }
  .title-button:hover {
    border-color: var(--_border);
  }
  .title {
    font-weight: var(--_weight-strong);
  }
  .title,
  .title-button {
    overflow-wrap: anywhere;
  }

  /* Steps of the service user's own goals */
  .steps {
    margin-block-start: var(--_space-1);
    font-size: var(--_font-size-small);
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
    font-size: var(--_font-size-small);
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
    font-size: var(--_font-size-small);
  }
  .row-status {
    display: block;
    font-size: var(--_font-size-small);
    font-weight: var(--_weight-strong);
  }
  .row-error {
    display: grid;
    gap: var(--_space-1);
    padding: var(--_space-1);
    border: 2px solid var(--_danger);
    background: var(--_danger-surface);
    color: var(--_text);
    font-size: var(--_font-size-small);
  }
  .row-error strong {
    color: var(--_danger);
  }

  /* The part editor inside a cell */
  /* While a cell is edited its row lifts above the others, so the list can overlap them. */
  tr.editing {
    z-index: 3;
  }
  /* Only the cell that holds the list (a rule on every cell of the row would restyle them all). */
  td.part-cell:has(> .editor) {
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
    box-shadow: var(--_shadow-raised);
  }
  .editor[data-placed='above'] {
    inset-block-start: auto;
    inset-block-end: calc(100% - var(--_space-2));
  }
  .editor[data-align='end'] {
    inset-inline-start: auto;
    inset-inline-end: 0;
  }
  .editor li {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-block-size: max(1.5rem, var(--_target));
    padding: var(--_space-1) var(--_space-2);
    cursor: pointer;
    font-size: var(--_font-size-small);
  }
  .editor li[aria-selected='true'] {
    background: var(--_accent-surface);
    font-weight: var(--_weight-strong);
  }
  .editor li:focus-visible {
    outline-offset: -3px;
  }
  /* Both versions of a change two people made at once, and the choice between them */
  .row-error .conflicts {
    margin: 0;
    padding-inline-start: 1.25em;
    list-style: disc;
  }

  .row-error .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
  }
`;
