import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Kept } from '../base/kept.js';
import type { Responsibility } from '../../contract/responsibility.js';
import type { Member } from '../../contract/team.js';
import type { RaciPart } from '../../contract/values.js';
import { idOfKey, type MatrixData } from './matrix-data.js';
import { PART_CHOICES } from './responsibility-view.js';

/** Columns before the first member: the responsibility and "needs attention". */
export const FIRST_MEMBER_COL = 2;
const PAGE_ROWS = 5;

/** The cell whose part list is open, and the option in it that is chosen now. */
export interface Editing {
  rowId: string;
  memberId: string;
  index: number;
}

export interface GridKeyboardOptions {
  /** The table and, while it is open, the part list. */
  table: Kept<HTMLTableElement>;
  editor: Kept<HTMLElement>;
  /** The grid is on the page and editable. */
  active: () => boolean;
  data: () => MatrixData;
  locale: () => string;
  /** The labels of the part choices in order (none first) and their letters, for type-ahead. */
  choiceWords: () => { labels: readonly string[]; letters: readonly string[] };
  /** How many rows are rendered (larger plans arrive in chunks), and how to render them all. */
  renderedRows: () => number;
  renderAllRows: () => void;
  openDetails: (id: string, returnTo: HTMLElement) => void;
  /** The person chose a part for a member in the open part list. */
  choosePart: (r: Responsibility, memberId: string, part: RaciPart | undefined) => void;
}

/**
 * The grid's keyboard, after the WAI-ARIA grid pattern: one tab stop that moves with the arrow
 * keys, Home/End, Ctrl+Home/End and PageUp/PageDown; Enter or F2 opens the part list of a
 * member's cell (a listbox with type-ahead), Escape closes it. The tab stop is kept outside Lit,
 * so moving focus re-renders nothing; after an update that took the focused cell away, focus
 * comes back to the same place.
 */
export class GridKeyboardController implements ReactiveController {
  /** The open part list, if any; the element renders it. */
  editing?: Editing;

  // Where the tab stop is, by row key and column, so it survives re-rendering and sorting.
  private focusKey?: { row: string; col: number };
  private tabStop?: HTMLElement;
  private gridHadFocus = false;
  private restoreFocus = false;
  private pointerOnActive = false;
  /** What was typed in the part list for type-ahead, and when. */
  private typed = '';
  private typedAt = -Infinity;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: GridKeyboardOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const active = this.activeElement();
    this.gridHadFocus = !!active && !!this.options.table.value?.contains(active);
  }

  hostUpdated(): void {
    if (!this.options.active()) {
      this.tabStop = undefined;
      return;
    }
    if (this.editing) {
      const editor = this.options.editor.value;
      if (editor && editor.dataset.placed === undefined) placeInside(editor);
      const option = editor?.children[this.editing.index] as HTMLElement | undefined;
      if (option && this.activeElement() !== option) option.focus();
      return;
    }
    // Focus comes back to a cell the person is looking at: no need to scroll (or lay out) for it.
    this.syncTabStop(this.restoreFocus || this.focusLost(), true);
    this.restoreFocus = false;
  }

  /** Puts the single tab stop where the focus position is (or the first cell), optionally focusing it. */
  syncTabStop(focus: boolean, preventScroll = false): void {
    const { rows, rowIndex } = this.options.data();
    if (!rows.length) return;
    let key = this.focusKey;
    if (!key || !rowIndex.has(key.row)) {
      const first = rows.find((row) => row.kind === 'data') ?? rows[0];
      key = this.focusKey = { row: first.key, col: key?.col ?? 0 };
    }
    const rowEl = this.rowElement(key.row);
    if (!rowEl) return;
    const target = cellTarget(rowEl.cells[Math.min(key.col, rowEl.cells.length - 1)]);
    this.moveTabStop(target);
    if (focus && this.activeElement() !== target) target.focus({ preventScroll });
  }

  // ------------------------------------------------------------ the table's listeners

  readonly onKeydown = (event: KeyboardEvent): void => {
    if (!this.options.active()) return;
    if ((event.target as HTMLElement).closest('.editor')) {
      this.onEditorKeydown(event);
      return;
    }
    const at = this.cellFrom(event);
    if (!at) return;
    const { rows, rowIndex, columns, byId } = this.options.data();
    const index = rowIndex.get(at.key);
    if (index === undefined) return;
    const isGroup = rows[index].kind === 'group';
    const col = isGroup ? (this.focusKey?.col ?? 0) : at.cell.cellIndex;
    const lastCol = FIRST_MEMBER_COL + columns.length - 1;
    const lastRow = rows.length - 1;
    const ctrl = event.ctrlKey || event.metaKey;
    let next: [number, number] | undefined;
    switch (event.key) {
      case 'ArrowRight':
        if (!isGroup) next = [index, Math.min(col + 1, lastCol)];
        break;
      case 'ArrowLeft':
        if (!isGroup) next = [index, Math.max(col - 1, 0)];
        break;
      case 'ArrowDown':
        next = [Math.min(index + 1, lastRow), col];
        break;
      case 'ArrowUp':
        next = [Math.max(index - 1, 0), col];
        break;
      case 'PageDown':
        next = [Math.min(index + PAGE_ROWS, lastRow), col];
        break;
      case 'PageUp':
        next = [Math.max(index - PAGE_ROWS, 0), col];
        break;
      case 'Home':
        next = ctrl ? [0, 0] : isGroup ? undefined : [index, 0];
        break;
      case 'End':
        next = ctrl ? [lastRow, lastCol] : isGroup ? undefined : [index, lastCol];
        break;
      case 'Enter':
      case 'F2': {
        const member = this.memberCell(at.cell, at.key);
        if (member) {
          event.preventDefault();
          this.openEditor(member.r, member.member);
        } else if (event.key === 'F2' && at.cell.cellIndex === 0 && at.id !== undefined && byId.has(at.id)) {
          event.preventDefault();
          this.options.openDetails(at.id, cellTarget(at.cell));
        }
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    if (next) this.focusCell(next[0], next[1]);
  };

  readonly onFocusin = (event: FocusEvent): void => {
    if (!this.options.active() || (event.target as HTMLElement).closest('.editor')) return;
    const at = this.cellFrom(event);
    if (!at) return;
    const { rows, rowIndex } = this.options.data();
    const isGroup = rows[rowIndex.get(at.key) ?? 0]?.kind === 'group';
    this.focusKey = { row: at.key, col: isGroup ? (this.focusKey?.col ?? 0) : at.cell.cellIndex };
    this.moveTabStop(cellTarget(at.cell));
  };

  readonly onFocusout = (event: FocusEvent): void => {
    const editor = (event.target as HTMLElement).closest('.editor');
    if (!editor || !this.editing) return;
    const next = event.relatedTarget as Node | null;
    if (next && editor.contains(next)) return;
    // Leaving the editor any other way than choosing cancels it.
    this.setEditing(undefined);
  };

  readonly onPointerdown = (event: PointerEvent): void => {
    const at = this.cellFrom(event);
    this.pointerOnActive = !!at && at.cell === this.activeElement();
  };

  readonly onClick = (event: MouseEvent): void => {
    const target = event.target as HTMLElement;
    const option = target.closest<HTMLElement>('[data-option]');
    if (option) {
      this.commitEditor(option.dataset.option as RaciPart | 'none');
      return;
    }
    const at = this.cellFrom(event);
    if (!at || !this.options.active()) return;
    const title = target.closest<HTMLElement>('.title-button');
    if (title && at.id !== undefined) {
      this.options.openDetails(at.id, title);
      return;
    }
    const member = this.memberCell(at.cell, at.key);
    // A click on the cell that already has focus opens it; the first click only moves there.
    if (member && this.pointerOnActive && !target.closest('.editor')) this.openEditor(member.r, member.member);
  };

  readonly onDblclick = (event: MouseEvent): void => {
    const at = this.cellFrom(event);
    if (!at || !this.options.active() || (event.target as HTMLElement).closest('.editor')) return;
    const member = this.memberCell(at.cell, at.key);
    if (member && this.editing?.rowId !== member.r.id) this.openEditor(member.r, member.member);
  };

  // ------------------------------------------------------------ the part list

  private onEditorKeydown(event: KeyboardEvent) {
    const editing = this.editing;
    if (!editing) return;
    const last = PART_CHOICES.length - 1;
    let index = editing.index;
    switch (event.key) {
      case 'ArrowDown':
        index = Math.min(index + 1, last);
        break;
      case 'ArrowUp':
        index = Math.max(index - 1, 0);
        break;
      case 'Home':
        index = 0;
        break;
      case 'End':
        index = last;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.commitEditor(PART_CHOICES[index]);
        return;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.closeEditor();
        return;
      case 'Tab':
        return;
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const found = this.typeAhead(event.key, editing.index, event.timeStamp);
        if (found === -1) return;
        index = found;
      }
    }
    event.preventDefault();
    if (index !== editing.index) this.setEditing({ ...editing, index });
  }

  /**
   * APG listbox type-ahead over the visible labels ("Owns it", "Is asked", "No part"): typed
   * characters within half a second add up, a repeated first character cycles through the matches.
   * The letters in the cells (A, R, C, I, n or - for none) still work when no label matches.
   */
  private typeAhead(key: string, current: number, at: number): number {
    const locale = this.options.locale();
    const words = this.options.choiceWords();
    const typed = key.toLocaleLowerCase(locale);
    this.typed = at - this.typedAt < 500 ? this.typed + typed : typed;
    this.typedAt = at;
    const labels = words.labels.map((label) => label.toLocaleLowerCase(locale));
    const find = (search: string, start: number) => {
      for (let step = 0; step < labels.length; step += 1) {
        const i = (start + step) % labels.length;
        if (labels[i].startsWith(search)) return i;
      }
      return -1;
    };
    const repeated = [...this.typed].every((character) => character === typed);
    let found = repeated ? find(typed, current + 1) : find(this.typed, current);
    // Typed words that match no label start again from the last key.
    if (found === -1 && !repeated) found = find((this.typed = typed), current + 1);
    if (found !== -1) return found;
    return PART_CHOICES.findIndex((choice, i) =>
      choice === 'none' ? typed === 'n' || typed === '-' : words.letters[i].toLocaleLowerCase(locale) === typed,
    );
  }

  private openEditor(r: Responsibility, member: Member) {
    const current = this.options.data().derivedOf(r).parts.get(member.id) ?? 'none';
    this.setEditing({ rowId: r.id, memberId: member.id, index: PART_CHOICES.indexOf(current) });
  }

  private commitEditor(choice: RaciPart | 'none') {
    const editing = this.editing;
    if (!editing) return;
    this.closeEditor();
    const data = this.options.data();
    const r = data.byId.get(editing.rowId);
    if (!r) return;
    const part = choice === 'none' ? undefined : choice;
    if (data.derivedOf(r).parts.get(editing.memberId) !== part) this.options.choosePart(r, editing.memberId, part);
  }

  /**
   * Closes the part list and gives focus back to its cell, by reference and before the update:
   * taking a focused element out of the page makes the browser look for a new focus over the whole
   * grid, which cost more than the rest of a change on a 200 × 40 plan.
   */
  private closeEditor() {
    const cell = this.options.editor.value?.closest<HTMLTableCellElement>('td, th');
    this.setEditing(undefined);
    if (cell) {
      const target = cellTarget(cell);
      this.moveTabStop(target);
      target.focus({ preventScroll: true });
    } else {
      this.restoreFocus = true;
    }
  }

  private setEditing(editing: Editing | undefined) {
    this.editing = editing;
    this.host.requestUpdate();
  }

  // ------------------------------------------------------------ cells

  /** Moves the focus position to a row and column and focuses that cell. */
  private focusCell(index: number, col: number) {
    const { rows } = this.options.data();
    const at = Math.max(0, Math.min(index, rows.length - 1));
    this.focusKey = { row: rows[at].key, col };
    if (at >= this.options.renderedRows()) {
      // Not rendered yet: render every row, then focus (after the update).
      this.options.renderAllRows();
      this.restoreFocus = true;
      return;
    }
    this.syncTabStop(true);
  }

  private moveTabStop(target: HTMLElement) {
    if (this.tabStop === target) return;
    if (this.tabStop) this.tabStop.tabIndex = -1;
    target.tabIndex = 0;
    this.tabStop = target;
  }

  private activeElement(): Element | null {
    return (this.host.shadowRoot ?? document).activeElement;
  }

  /** True when focus was in the grid before the update and the element holding it is gone. */
  private focusLost(): boolean {
    if (!this.gridHadFocus) return false;
    const active = this.activeElement();
    return !active || !this.options.table.value?.contains(active);
  }

  private rowElement(key: string): HTMLTableRowElement | undefined {
    const index = this.options.data().rowIndex.get(key);
    const row = index === undefined ? undefined : this.options.table.value?.rows[index + 1];
    return row?.dataset.row === key ? row : undefined;
  }

  private cellFrom(event: Event): { cell: HTMLTableCellElement; key: string; id?: string } | undefined {
    const cell = (event.target as HTMLElement).closest<HTMLTableCellElement>('td, th');
    const key = (cell?.parentElement as HTMLElement | null)?.dataset.row;
    return cell && key !== undefined ? { cell, key, id: idOfKey(key) } : undefined;
  }

  /** The member whose part a cell holds, if it is a member cell of a responsibility row. */
  private memberCell(cell: HTMLTableCellElement, key: string): { r: Responsibility; member: Member } | undefined {
    const { byId, columns } = this.options.data();
    const id = idOfKey(key);
    const r = id === undefined ? undefined : byId.get(id);
    const member = columns[cell.cellIndex - FIRST_MEMBER_COL];
    return r && member && cell.cellIndex >= FIRST_MEMBER_COL ? { r, member } : undefined;
  }
}

/** What takes focus in a cell: its button, if it has one, else the cell. */
const cellTarget = (cell: HTMLTableCellElement): HTMLElement => cell.querySelector<HTMLElement>('[data-widget]') ?? cell;

/**
 * Opens the part list where the scroll area shows it whole: above its cell when there is no room
 * below (the last rows), and aligned to the cell's end when it would run past the inline edge.
 */
function placeInside(editor: HTMLElement): void {
  editor.dataset.placed = 'below';
  const scroller = editor.closest<HTMLElement>('.scroller');
  const cell = editor.parentElement;
  if (!scroller || !cell) return;
  const box = editor.getBoundingClientRect();
  const edge = scroller.getBoundingClientRect();
  const anchor = cell.getBoundingClientRect();
  if (box.bottom > edge.bottom && anchor.top - edge.top >= box.height) editor.dataset.placed = 'above';
  const rtl = getComputedStyle(editor).direction === 'rtl';
  if (rtl ? box.left < edge.left : box.right > edge.right) editor.dataset.align = 'end';
}
