import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { keep, type Kept } from '../base/kept.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Responsibility } from '../../contract/responsibility.js';
import type { Member } from '../../contract/team.js';
import type { RaciPart } from '../../contract/values.js';
import { FIRST_MEMBER_COL, type Editing, type GridKeyboardController } from './grid-keyboard.js';
import { rowKey, type GridRow } from './matrix-data.js';
import { PART_CHOICES, renderMeta, renderRowState, roleOf, type MatrixContext, type RowFailure, type Strings } from './responsibility-view.js';

/** The look of each part in a cell, built once per language: the bulk of the grid reuses them. */
export interface PartViews {
  parts: Record<RaciPart, TemplateResult>;
  none: TemplateResult;
}

export const partViews = (t: Strings): PartViews => {
  const partView = (part: RaciPart) =>
    html`<span class="part ${part}"><span class="letter" aria-hidden="true">${t.partLetters[part]}</span><span class="part-text">${t.parts[part]}</span></span>`;
  return {
    parts: {
      accountable: partView('accountable'),
      responsible: partView('responsible'),
      consulted: partView('consulted'),
      informed: partView('informed'),
    },
    // The dot is decoration; "No part" is the text assistive technology reads.
    none: html`<span class="none-mark" aria-hidden="true">·</span><span class="visually-hidden">${t.noPart}</span>`,
  };
};

/** What the grid needs besides the shared context. */
export interface GridOptions {
  /** The rows rendered now (larger plans arrive in chunks). */
  shown: readonly GridRow[];
  /** Changes when anything every row depends on changes (columns, language, viewer). */
  layoutVersion: number;
  views: PartViews;
  keyboard: GridKeyboardController;
  table: Kept<HTMLTableElement>;
  editor: Kept<HTMLElement>;
  /** Clicks on Try again and on the version choice, anywhere in the matrix. */
  onRowAction: (event: Event) => boolean;
}

/** A member's cell, editable grid or read-only table, on a member still on the team or one who has left. */
const gridCell = (content: unknown, left: boolean) =>
  left
    ? html`<td role="gridcell" tabindex="-1" part="cell" class="part-cell left">${content}</td>`
    : html`<td role="gridcell" tabindex="-1" part="cell" class="part-cell">${content}</td>`;
const tableCell = (content: unknown, left: boolean) =>
  left
    ? html`<td role="cell" part="cell" class="part-cell left">${content}</td>`
    : html`<td role="cell" part="cell" class="part-cell">${content}</td>`;

/**
 * Responsibilities (rows) against members (columns). Editable, it is an ARIA grid with one tab
 * stop (see GridKeyboardController); otherwise a plain table in a scrolling region. Rows are CSS
 * grids (fixed column widths, layout contained, skipped off screen), so the table semantics are
 * stated with ARIA roles as well.
 */
export const renderGrid = (ctx: MatrixContext, options: GridOptions): TemplateResult => {
  const t = ctx.t;
  const grid = ctx.editable;
  const { data } = ctx;
  const { keyboard } = options;
  const columnCount = FIRST_MEMBER_COL + data.columns.length;
  const groups: GridRow[][] = [];
  for (const row of options.shown) {
    if (row.kind === 'group' || groups.length === 0) groups.push([]);
    groups[groups.length - 1].push(row);
  }
  return html`<div class="scroller" role=${grid ? nothing : 'region'} aria-labelledby=${grid ? nothing : 'title'} tabindex=${grid ? nothing : '0'}>
      <table
        ${keep(options.table)}
        part="grid"
        role=${grid ? 'grid' : 'table'}
        aria-labelledby="title"
        aria-describedby=${grid ? 'grid-hint' : nothing}
        aria-rowcount=${data.rows.length + 1}
        aria-colcount=${columnCount}
        @keydown=${keyboard.onKeydown}
        @focusin=${keyboard.onFocusin}
        @focusout=${keyboard.onFocusout}
        @pointerdown=${keyboard.onPointerdown}
        @click=${(event: MouseEvent) => options.onRowAction(event) || keyboard.onClick(event)}
        @dblclick=${keyboard.onDblclick}
      >
        <thead role="rowgroup">
          <tr role="row" part="row" aria-rowindex="1">
            <th role="columnheader" scope="col" part="header">${t.responsibilityHeader}</th>
            <th role="columnheader" scope="col" part="header">${t.flagsHeader}</th>
            ${guard([options.layoutVersion], () => data.columns.map((m) => renderColumnHeader(ctx, m)))}
          </tr>
        </thead>
        ${groups.map(
          (rows) =>
            html`<tbody role="rowgroup">
              ${repeat(
                rows,
                (row) => row.key,
                (row) => (row.kind === 'group' ? renderGroupRow(ctx, row, columnCount) : renderRow(ctx, options, row.responsibility)),
              )}
            </tbody>`,
        )}
      </table>
    </div>
    ${grid ? html`<p class="visually-hidden" id="grid-hint">${t.editHint}</p>` : nothing}`;
};

const renderGroupRow = (ctx: MatrixContext, row: GridRow & { kind: 'group' }, columnCount: number) => {
  const index = ctx.data.rowIndex.get(row.key)! + 2;
  return html`<tr role="row" class="group" data-row=${row.key} aria-rowindex=${index}>
    <th role="rowheader" scope="rowgroup" colspan=${columnCount} aria-colspan=${columnCount} tabindex=${ctx.editable ? '-1' : nothing}>
      <span class="group-label">${row.label}</span>
    </th>
  </tr>`;
};

const renderColumnHeader = (ctx: MatrixContext, m: Member) => {
  const t = ctx.t;
  const left = m.status === 'ended';
  const role = roleOf(m, ctx.audience);
  return html`<th role="columnheader" scope="col" part="header" class=${left ? 'left' : ''}>
    <span class="member-name">${m.name}${m.id === ctx.me ? ` (${t.you})` : nothing}</span>
    ${role ? html`<span class="member-role">${role}</span>` : nothing}
    ${left ? html`<span class="left-mark">${t.hasLeft}</span>` : nothing}
  </th>`;
};

/** A row re-renders only when its responsibility, its save state, its editor or the layout changes. */
const renderRow = (ctx: MatrixContext, options: GridOptions, r: Responsibility) => {
  const editing = options.keyboard.editing?.rowId === r.id ? options.keyboard.editing : undefined;
  const pending = ctx.isPending(r.id);
  const failure = ctx.failureOf(r.id);
  return guard([r, options.layoutVersion, pending, failure, editing, ctx.editable, ctx.data.rowIndex.get(rowKey(r.id))], () =>
    renderRowContent(ctx, options, r, pending, failure, editing),
  );
};

const renderRowContent = (
  ctx: MatrixContext,
  options: GridOptions,
  r: Responsibility,
  pending: boolean,
  failure: RowFailure | undefined,
  editing: Editing | undefined,
) => {
  const grid = ctx.editable;
  const { parts } = ctx.data.derivedOf(r);
  const { views } = options;
  const cls = `${pending ? 'pending' : ''}${r.status === 'ended' ? ' ended' : ''}${editing ? ' editing' : ''}`;
  // Member cells are the bulk of the DOM: one binding each, from fixed templates per mode.
  const cell = grid ? gridCell : tableCell;
  const cells = ctx.data.columns.map((m) => {
    const part = parts.get(m.id);
    const content = part ? views.parts[part] : views.none;
    return cell(editing?.memberId === m.id ? [content, renderEditor(ctx, options, r, m, editing.index)] : content, m.status === 'ended');
  });
  return html`<tr role="row" part="row" class=${cls} data-row=${rowKey(r.id)} aria-rowindex=${ctx.data.rowIndex.get(rowKey(r.id))! + 2}>
    ${grid
      ? html`<th role="rowheader" scope="row" part="header">
          <button type="button" class="title-button" data-widget tabindex="-1" aria-haspopup="dialog">${r.title}</button>${renderMeta(ctx, r)}
        </th>`
      : html`<th role="rowheader" scope="row" part="header"><span class="title">${r.title}</span>${renderMeta(ctx, r)}</th>`}
    ${grid
      ? html`<td role="gridcell" tabindex="-1" class="flag-cell" part="flag-cell">${renderRowState(ctx, r, pending, failure, grid)}</td>`
      : html`<td role="cell" class="flag-cell" part="flag-cell">${renderRowState(ctx, r, pending, failure, grid)}</td>`}
    ${cells}
  </tr>`;
};

/** The part list of the cell being changed: an ARIA listbox whose chosen option has focus (one tab stop). */
const renderEditor = (ctx: MatrixContext, options: GridOptions, r: Responsibility, m: Member, index: number) => {
  const t = ctx.t;
  return html`<ul ${keep(options.editor)} class="editor" part="editor" role="listbox" aria-label=${t.partFor(m.name, r.title)}>
    ${PART_CHOICES.map(
      (choice, i) =>
        html`<li role="option" data-option=${choice} class=${choice} aria-selected=${i === index ? 'true' : 'false'} tabindex=${i === index ? '0' : '-1'}>
          ${choiceLabel(t, choice)}
        </li>`,
    )}
  </ul>`;
};

const choiceLabel = (t: Strings, choice: RaciPart | 'none') =>
  choice === 'none'
    ? html`<span class="letter" aria-hidden="true">–</span>${t.noPart}`
    : html`<span class="letter" aria-hidden="true">${t.partLetters[choice]}</span>${t.parts[choice]}`;
