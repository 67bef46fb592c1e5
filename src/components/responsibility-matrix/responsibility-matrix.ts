import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';
import * as z from 'zod/mini';
import { Responsibility, type ResponsibilityInput } from '../../contract/responsibility.js';
import { responsibilityFlags, type ResponsibilityFlag } from '../../contract/rules.js';
import { reportRepeatedKeys } from '../../contract/unique.js';
import { CareTeam, type CareTeamInput, type Member } from '../../contract/team.js';
import type { ContractIssue } from '../../contract/validate.js';
import {
  AUDIENCES,
  RACI_PARTS,
  RESPONSIBILITY_AREAS,
  type Audience,
  type RaciPart,
  type ResponsibilityArea,
} from '../../contract/values.js';
import { entityKey, type StoreError } from '../../data/types.js';
import { calendarDate } from '../../i18n/format.js';
import type { CommonMessages, MatrixMessages } from '../../i18n/types.js';
import { CareElement } from '../base/care-element.js';
import { headingLevel, headingTag } from '../base/heading-level.js';
import { carryIntent } from '../base/intent.js';
import {
  CareResponsibilityChangeEvent,
  CareResponsibilityRequestEvent,
  type ResponsibilityAction,
  type ResponsibilityChangeDetail,
} from './events.js';
import { icon, type IconName } from './icons.js';
import {
  MATRIX_FILTERS,
  MATRIX_VIEWS,
  ended,
  isOwnGoal,
  isUnowned,
  matchesFilter,
  matrixColumns,
  newResponsibility,
  ownerOf,
  partsOf,
  renamed,
  withHandoverAccepted,
  withHandoverDisputed,
  withHandoverProposal,
  withParts,
  withReviewDate,
  type MatrixFilter,
  type MatrixView,
} from './model.js';
import { matrixStyles } from './responsibility-matrix.styles.js';
import { matrix } from '../../i18n/catalogues/en/matrix.js';

type Strings = MatrixMessages & CommonMessages;

/** A list of responsibilities as the element accepts it: each valid, ids unique. */
const ResponsibilityList = z.array(Responsibility).check(
  z.superRefine((list, ctx) =>
    reportRepeatedKeys(
      ctx,
      list,
      (r) => r.id,
      (index) => [index, 'id'],
      (id) => `the responsibility id "${id}" is used more than once`,
    ),
  ),
);

/** Row of the grid: a group heading or a responsibility. */
type GridRow = { kind: 'group'; key: string; label: string } | { kind: 'data'; key: string; responsibility: Responsibility };

/** Row keys live in two namespaces, so no responsibility id can pass for a group heading. */
const rowKey = (id: string) => `r:${id}`;
const idOfKey = (key: string): string | undefined => (key.startsWith('r:') ? key.slice(2) : undefined);

/** A failed save the element shows next to the row, with what Retry does. */
interface RowFailure {
  error: StoreError;
  retry: () => unknown;
}

type Dialog = { kind: 'add' } | { kind: 'details'; id: string };

/** The part choices in the cell editor, in order: none first. */
const EDITOR_CHOICES: readonly (RaciPart | 'none')[] = ['none', ...RACI_PARTS];
const FIRST_MEMBER_COL = 2;
const PAGE_ROWS = 5;
/** Plans up to this many rows render at once; larger ones start with INITIAL_ROWS and add ROWS_PER_FRAME. */
const SMALL_PLAN = 40;
const INITIAL_ROWS = 12;
const ROWS_PER_FRAME = 24;
const NARROW_REM = 40;
const EMPTY: readonly ResponsibilityInput[] = [];

/** A member's cell, editable grid or read-only table, on a member still on the team or one who has left. */
const gridCell = (content: unknown, left: boolean) =>
  left
    ? html`<td role="gridcell" tabindex="-1" part="cell" class="part-cell left">${content}</td>`
    : html`<td role="gridcell" tabindex="-1" part="cell" class="part-cell">${content}</td>`;
const tableCell = (content: unknown, left: boolean) =>
  left
    ? html`<td role="cell" part="cell" class="part-cell left">${content}</td>`
    : html`<td role="cell" part="cell" class="part-cell">${content}</td>`;

/** Runs `work` when the main thread is idle (within 100 ms at the latest); a timer where idle callbacks are missing. */
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 100 }) : setTimeout(work, 16);

/**
 * Who does what in a care team: responsibilities (rows) against team members (columns), each cell
 * holding the member's part in plain language: owns it (accountable), does it (responsible), is
 * asked (consulted) or is told (informed). The rules are shown live: exactly one owner who is still
 * on the team, parts held by people who have left, disagreements with who and why, handovers waiting
 * for an answer, overdue reviews. A second view lists what each person is responsible for.
 *
 * Feed it with `team` and `responsibilities` (controlled), or place it inside `<care-context>`
 * (connected). With `editable`, the grid follows the WAI-ARIA grid pattern: one tab stop, arrow
 * keys, Home/End, Ctrl+Home/End, PageUp/PageDown, Enter or F2 to change a part, Escape to cancel.
 * Without it the matrix is a plain table. Every change is a cancelable request event first.
 *
 * @summary Who does what: a responsibility matrix with live rules, handovers and a per-person view.
 *
 * @fires care-responsibility-request - Before a change is saved. Cancelable; `waitUntil(promise)` delays it. Detail: `{ responsibility, previous, action, reason }`.
 * @fires care-responsibility-change - After a change was saved. Same detail, with the saved responsibility.
 * @fires care-error - A change could not be saved; the row shows why and offers to try again.
 * @fires care-data-error - `team` or `responsibilities` break the data contract; the element shows what is wrong.
 *
 * @csspart toolbar - The row of view, filter and add controls.
 * @csspart legend - The explanation of the letters and parts.
 * @csspart grid - The table (or grid, when editable) of responsibilities and members.
 * @csspart row - A row of the table: one responsibility.
 * @csspart header - A column header (member) or row header (responsibility).
 * @csspart cell - A cell holding one member's part.
 * @csspart flag-cell - The "needs attention" cell of a row: warnings, saving, a failed save with Retry.
 * @csspart flag - A warning or note about a responsibility (icon and text).
 * @csspart editor - The list of parts that opens in a cell being changed.
 * @csspart person-view - The view by person: what each member is responsible for.
 * @csspart dialog - The dialogs for adding a responsibility and for its details.
 * @csspart state - Loading, empty, error and invalid-data messages.
 *
 * @cssprop --care-responsibility-matrix-cell-size - Width of a member column (default 6.5rem).
 * @cssprop --care-responsibility-matrix-title-size - Width of the responsibility column (default 17rem, at most 45% of the element).
 * @cssprop --care-responsibility-matrix-flag-size - Width of the "needs attention" column (default 13rem).
 * @cssprop --care-responsibility-matrix-max-height - Height of the scrolling grid before it scrolls (default 75vh).
 * @cssprop --care-responsibility-matrix-header-background - Background of headers and group rows.
 * @cssprop --care-responsibility-matrix-accountable-background - Badge colour for "owns it".
 * @cssprop --care-responsibility-matrix-accountable-text - Badge text colour for "owns it".
 * @cssprop --care-responsibility-matrix-responsible-background - Badge colour for "does it".
 * @cssprop --care-responsibility-matrix-responsible-text - Badge text colour for "does it".
 * @cssprop --care-responsibility-matrix-consulted-background - Badge colour for "is asked".
 * @cssprop --care-responsibility-matrix-consulted-text - Badge text colour for "is asked".
 * @cssprop --care-responsibility-matrix-informed-background - Badge colour for "is told".
 * @cssprop --care-responsibility-matrix-informed-text - Badge text colour for "is told".
 * @cssprop --care-responsibility-matrix-flag-color - Edge colour of warnings.
 * @cssprop --care-responsibility-matrix-flag-background - Background of warnings.
 */
export class CareResponsibilityMatrix extends CareElement<'matrix'> {
  static override styles = [...CareElement.styles, matrixStyles];

  protected readonly namespace = 'matrix' as const;
  protected readonly english: MatrixMessages = matrix;

  /** The care team (controlled mode). Its members become the columns. Checked against the contract. */
  @property({ attribute: false }) team?: CareTeam | CareTeamInput;

  /** The responsibilities (controlled mode). Checked against the contract; ids must be unique. */
  @property({ attribute: false }) responsibilities?: readonly (Responsibility | ResponsibilityInput)[];

  /** Lets the viewer change parts and responsibilities. Without it the matrix is a read-only table. */
  @property({ type: Boolean, reflect: true }) editable = false;

  /** `grid` (by responsibility), `person` (what each person is responsible for), or `auto`: person view when narrower than 40rem. */
  @property({ reflect: true }) view: MatrixView = 'auto';

  /** Which responsibilities to show: `all`, `unassigned` (nobody owns it), `disputed`, or `mine` (needs `me`). */
  @property({ reflect: true }) filter: MatrixFilter = 'all';

  /** Member id of the person looking: for "mine", "(you)", and answering a handover meant for them. */
  @property() me?: string;

  /** Also show responsibilities that have ended. */
  @property({ type: Boolean, attribute: 'show-ended' }) showEnded = false;

  /** Who is looking: `service-user` uses everyday role names ("Your GP"), `professional` the professional ones. */
  @property() audience: Audience = 'professional';

  /** Shows only the letters in the cells (the full text stays available to assistive technology). */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** The viewer's date, `YYYY-MM-DD`, for overdue reviews. Defaults to today. */
  @property() today?: string;

  /** Level of the title (1–4), so the matrix fits the host page's outline; the legend and the person view's headings are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private narrow = false;
  @state() private editing?: { rowId: string; memberId: string; index: number };
  @state() private dialog?: Dialog;
  @state() private announcement = '';
  @state() private dataVersion = 0;
  @state() private printing = false;
  @state() private formError = '';
  @state() private renderLimit = INITIAL_ROWS;

  // Derived once per data change, never in render.
  private status: 'loading' | 'load-error' | 'invalid' | 'ready' = 'loading';
  private issues: ContractIssue[] = [];
  private currentTeam?: CareTeam;
  private list: Responsibility[] = [];
  private baseList: readonly Responsibility[] = [];
  private byId = new Map<string, Responsibility>();
  private memberById = new Map<string, Member>();
  private columns: Member[] = [];
  private rows: GridRow[] = [];
  private rowIndex = new Map<string, number>();
  private visible: Responsibility[] = [];
  private strings!: Strings;
  private layoutVersion = 0;
  private layoutKey: unknown[] = [];
  private dataKey: unknown[] = [];
  private derived = new WeakMap<Responsibility, { parts: Map<string, RaciPart>; flags: ResponsibilityFlag[] }>();
  private derivedFor?: { team: CareTeam; today: string };
  private partViews!: Record<RaciPart, TemplateResult>;
  private noneView!: TemplateResult;

  // Changes on their way: shown at once as "saving", rolled back if they fail.
  private readonly inFlight = new Map<string, { value: Responsibility; token: symbol }>();
  private readonly localFailures = new Map<string, RowFailure>();
  private readonly trusted = new WeakSet<object>();
  private readonly storedFailures = new WeakMap<object, RowFailure>();

  // Roving tab stop of the grid, kept outside Lit so moving focus re-renders nothing.
  private focusKey?: { row: string; col: number };
  private tabStop?: HTMLElement;
  private gridHadFocus = false;
  private restoreFocus = false;
  private pointerOnActive = false;
  private dialogReturn?: HTMLElement;
  private resizeObserver?: ResizeObserver;
  private announceFlip = false;
  private chunkScheduled = false;
  /** What was typed in the part list for type-ahead, and when. */
  private typed = '';
  private typedAt = -Infinity;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver ??= new ResizeObserver((entries) => {
        const width = entries[entries.length - 1].contentRect.width;
        const narrow = width > 0 && width < this.narrowLimit();
        // Deciding in the next frame keeps the new layout out of this resize round.
        if (narrow !== this.narrow) requestAnimationFrame(() => (this.narrow = narrow));
      });
      this.resizeObserver.observe(this);
    }
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
  }

  private narrowLimit(): number {
    return NARROW_REM * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
  }

  private get root(): ShadowRoot {
    return this.renderRoot as ShadowRoot;
  }

  /** The view in use after `auto` has been decided. */
  get effectiveView(): 'grid' | 'person' {
    if (this.printing) return 'grid';
    if (this.view === 'grid' || this.view === 'person') return this.view;
    return this.narrow ? 'person' : 'grid';
  }

  // ---------------------------------------------------------------- derived state

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.hasUpdated && this.view === 'auto') {
      const width = this.getBoundingClientRect().width;
      this.narrow = width > 0 && width < this.narrowLimit();
    }
    if (!(MATRIX_VIEWS as readonly string[]).includes(this.view)) this.view = 'auto';
    if (!(MATRIX_FILTERS as readonly string[]).includes(this.filter)) this.filter = 'all';
    if (!(AUDIENCES as readonly string[]).includes(this.audience)) this.audience = 'professional';
    this.strings = this.t as Strings;
    this.resolveData();
    this.deriveLayout();
    const active = this.root.activeElement;
    this.gridHadFocus = !!active && !!this.renderRoot.querySelector('table')?.contains(active);
  }

  /** Where the data comes from (store or properties) and whether it can be shown. */
  private resolveData() {
    let team: CareTeam | undefined;
    let list: readonly Responsibility[] = [];
    if (this.store) {
      const snapshot = this.snapshot;
      if (snapshot?.status === 'error') {
        this.status = 'load-error';
        return;
      }
      if (snapshot?.status !== 'ready' || !snapshot.record) {
        this.status = 'loading';
        return;
      }
      team = snapshot.record.team;
      list = snapshot.record.responsibilities;
    } else {
      if (this.team === undefined) {
        this.status = 'loading';
        return;
      }
      const checkedTeam = this.checkInput('team', CareTeam, this.team);
      const input = this.responsibilities ?? EMPTY;
      const checkedList = this.trusted.has(input)
        ? { value: input as Responsibility[] }
        : this.checkInput('responsibilities', ResponsibilityList, input);
      const issues = [
        ...('issues' in checkedTeam ? checkedTeam.issues.map((i) => ({ ...i, path: `team${i.path ? `.${i.path}` : ''}` })) : []),
        ...('issues' in checkedList ? checkedList.issues.map((i) => ({ ...i, path: `responsibilities${i.path === '' || i.path.startsWith('[') ? '' : '.'}${i.path}` })) : []),
      ];
      if (issues.length) {
        this.status = 'invalid';
        this.issues = issues;
        return;
      }
      team = (checkedTeam as { value: CareTeam }).value;
      list = (checkedList as { value: Responsibility[] }).value;
      this.baseList = list;
    }
    this.status = 'ready';
    const key = [team, list, this.dataVersion, this.today, this.showEnded, this.filter, this.me, this.strings, this.audience];
    if (key.length === this.dataKey.length && key.every((value, i) => value === this.dataKey[i])) return;
    this.dataKey = key;
    this.computeRows(team!, list);
  }

  private computeRows(team: CareTeam, source: readonly Responsibility[]) {
    const today = this.today ?? calendarDate(new Date());
    if (this.derivedFor?.team !== team || this.derivedFor.today !== today) {
      this.derived = new WeakMap();
      this.derivedFor = { team, today };
    }
    this.currentTeam = team;
    this.memberById = new Map(team.members.map((m) => [m.id, m]));
    // The store's list is trusted, but a repeated id would confuse keyed rendering: keep the first.
    const seen = new Set<string>();
    const list: Responsibility[] = [];
    for (const r of source) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      list.push(this.inFlight.get(r.id)?.value ?? r);
    }
    for (const [id, { value }] of this.inFlight) if (!seen.has(id)) list.push(value);
    this.list = list;
    this.byId = new Map(list.map((r) => [r.id, r]));

    const shown = this.showEnded ? list : list.filter((r) => r.status !== 'ended');
    const columns = matrixColumns(team, shown);
    if (columns.length !== this.columns.length || columns.some((m, i) => m !== this.columns[i])) this.columns = columns;
    this.visible = shown.filter((r) => matchesFilter(r, this.flagsOf(r), this.filter, this.me));

    const own = this.visible.filter(isOwnGoal);
    const shared = this.visible.filter((r) => !isOwnGoal(r));
    const serviceUser = this.memberById.get(team.serviceUserId);
    const ownLabel = this.me === team.serviceUserId ? this.strings.ownGoals : this.strings.ownGoalsOf(serviceUser?.name ?? '');
    const toRows = (items: Responsibility[]): GridRow[] => items.map((r) => ({ kind: 'data', key: rowKey(r.id), responsibility: r }));
    const groups: GridRow[][] = [];
    if (own.length === 0) groups.push(toRows(shared));
    else {
      const sharedGroup: GridRow[] = shared.length ? [{ kind: 'group', key: 'g:shared', label: this.strings.sharedTasks }, ...toRows(shared)] : [];
      const ownGroup: GridRow[] = [{ kind: 'group', key: 'g:own', label: ownLabel }, ...toRows(own)];
      if (this.audience === 'service-user') groups.push(ownGroup, sharedGroup);
      else groups.push(sharedGroup, ownGroup);
    }
    this.rows = groups.flat();
    this.rowIndex = new Map(this.rows.map((row, i) => [row.key, i]));
  }

  /** Parts and flags of a responsibility, computed once per object. */
  private derivedOf(r: Responsibility) {
    let entry = this.derived.get(r);
    if (!entry) {
      entry = {
        parts: partsOf(r),
        flags: responsibilityFlags(r, this.derivedFor?.team.members ?? [], this.derivedFor?.today),
      };
      this.derived.set(r, entry);
    }
    return entry;
  }

  private flagsOf(r: Responsibility): ResponsibilityFlag[] {
    return this.derivedOf(r).flags;
  }

  /** Everything every row depends on besides its own data; a change re-renders all rows. */
  private deriveLayout() {
    const key = [this.columns, this.strings, this.editable, this.me, this.audience, this.locale, this.effectiveView, this.currentTeam];
    if (key.length === this.layoutKey.length && key.every((value, i) => value === this.layoutKey[i])) return;
    this.layoutKey = key;
    this.layoutVersion++;
    const t = this.strings;
    const partView = (part: RaciPart) =>
      html`<span class="part ${part}"><span class="letter" aria-hidden="true">${t.partLetters[part]}</span><span class="part-text">${t.parts[part]}</span></span>`;
    // The dot is decoration; "No part" is the text assistive technology reads.
    this.partViews = {
      accountable: partView('accountable'),
      responsible: partView('responsible'),
      consulted: partView('consulted'),
      informed: partView('informed'),
    };
    this.noneView = html`<span class="none-mark" aria-hidden="true">·</span><span class="visually-hidden">${t.noPart}</span>`;
  }

  private failureOf(id: string): RowFailure | undefined {
    const stored = this.snapshot?.failures.get(entityKey('responsibility', id));
    if (!stored || !this.store) return this.localFailures.get(id);
    let failure = this.storedFailures.get(stored);
    if (!failure) this.storedFailures.set(stored, (failure = { error: stored.error, retry: () => this.retryStored(id) }));
    return failure;
  }

  private isPending(id: string): boolean {
    return this.inFlight.has(id) || !!this.snapshot?.pending.has(entityKey('responsibility', id));
  }

  private nameOf(memberId: string): string {
    return this.memberById.get(memberId)?.name ?? memberId;
  }

  private roleOf(member: Member): string | undefined {
    if (!member.role) return undefined;
    return this.audience === 'service-user' ? member.role.label : (member.role.professionalLabel ?? member.role.label);
  }

  private formatDay(iso: string): string {
    return this.localize.date(iso);
  }

  private flagView(flag: ResponsibilityFlag): { text: string; icon: IconName; info: boolean } {
    const f = this.strings.flags;
    const names = (ids: string[]) => ids.map((id) => this.nameOf(id)).join(', ');
    switch (flag.kind) {
      case 'no-accountable':
        return { text: f.noAccountable, icon: 'warning', info: false };
      case 'several-accountable':
        return { text: f.severalAccountable(names(flag.memberIds)), icon: 'warning', info: false };
      case 'accountable-left':
        return { text: f.accountableLeft(this.nameOf(flag.memberId)), icon: 'left', info: false };
      case 'assigned-member-left':
        return { text: f.assignedMemberLeft(names(flag.memberIds)), icon: 'left', info: false };
      case 'unknown-member':
        return { text: f.unknownMember(flag.memberIds.join(', ')), icon: 'warning', info: false };
      case 'disputed':
        return { text: f.disputed(this.nameOf(flag.memberId), flag.reason), icon: 'dispute', info: false };
      case 'handover-pending':
        return {
          text: flag.toMemberId === this.me ? this.strings.handoverAnswer : f.handoverPending(this.nameOf(flag.toMemberId)),
          icon: 'handover',
          info: true,
        };
      case 'review-overdue':
        return { text: f.reviewOverdue(this.formatDay(flag.reviewDate)), icon: 'clock', info: false };
    }
  }

  // ---------------------------------------------------------------- rendering

  override render() {
    switch (this.status) {
      case 'loading':
        return this.renderLoading();
      case 'load-error':
        return this.renderLoadError(() => void this.store?.load());
      case 'invalid':
        return this.renderDataError(this.issues);
    }
    const t = this.strings;
    const empty = this.list.length === 0;
    return html`
      ${this.heading(0, 'title', 'matrix-title', t.title)}
      ${empty ? nothing : html`<p class="meta summary">${t.count(this.visible.length)}</p>`}
      ${empty
        ? html`<div class="state" part="state empty">
            <p>${t.empty}</p>
            ${this.editable ? html`<button type="button" class="primary" @click=${this.openAdd}>${t.add}</button>` : nothing}
          </div>`
        : html`${this.renderToolbar()} ${this.renderLegend()}
          ${this.visible.length === 0
            ? html`<p class="state" part="state empty-filter">${t.emptyFiltered}</p>`
            : this.effectiveView === 'grid'
              ? this.renderGrid()
              : this.renderPersonView()}`}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.renderDialog()}
    `;
  }

  /** A heading `offset` levels below the title, whose level the host sets with `heading-level`. */
  private heading(offset: number, id: string | undefined, className: string, content: unknown) {
    const tag = headingTag(headingLevel(this.headingLevel, 2, offset));
    return staticHtml`<${tag} id=${id ?? nothing} class=${className}>${content}</${tag}>`;
  }

  private renderToolbar() {
    const t = this.strings;
    const view = this.effectiveView;
    const filters = MATRIX_FILTERS.filter((f) => f !== 'mine' || this.me);
    return html`<div class="toolbar" part="toolbar">
      <fieldset>
        <legend>${t.view}</legend>
        <div class="segmented" @change=${this.onViewChange}>
          <label><input type="radio" name="view" value="grid" .checked=${view === 'grid'} />${t.viewGrid}</label>
          <label><input type="radio" name="view" value="person" .checked=${view === 'person'} />${t.viewPerson}</label>
        </div>
      </fieldset>
      <fieldset>
        <legend>${t.filter}</legend>
        <div class="segmented" @change=${this.onFilterChange}>
          ${filters.map(
            (f) => html`<label><input type="radio" name="filter" .value=${f} .checked=${this.filter === f} />${t.filters[f]}</label>`,
          )}
        </div>
      </fieldset>
      <label class="check"><input type="checkbox" .checked=${this.showEnded} @change=${this.onShowEndedChange} />${t.showEnded}</label>
      ${this.editable
        ? html`<label class="reason"
              ><span class="field-label">${t.changeReasonLabel}</span><input type="text" id="change-reason" maxlength="2000" autocomplete="off"
            /></label>
            <button type="button" class="primary" @click=${this.openAdd}>${t.add}</button>`
        : nothing}
    </div>`;
  }

  private renderLegend() {
    const t = this.strings;
    return html`<div class="legend" part="legend" id="legend">
      ${this.heading(1, undefined, 'subheading', t.legendTitle)}
      <ul>
        ${RACI_PARTS.map(
          (part) =>
            html`<li class=${part}><span class="letter" aria-hidden="true">${t.partLetters[part]}</span><span><strong>${t.parts[part]}</strong>: ${t.partHelp[part]}</span></li>`,
        )}
      </ul>
    </div>`;
  }

  private renderGrid() {
    const t = this.strings;
    const grid = this.editable;
    const columnCount = FIRST_MEMBER_COL + this.columns.length;
    // Rows arrive in chunks (see `updated`), so the first frame is painted quickly.
    const shown = this.rows.length <= SMALL_PLAN ? this.rows : this.rows.slice(0, this.renderLimit);
    const groups: GridRow[][] = [];
    for (const row of shown) {
      if (row.kind === 'group' || groups.length === 0) groups.push([]);
      groups[groups.length - 1].push(row);
    }
    // Rows are CSS grids (fixed column widths, layout contained, skipped off screen), so the
    // table semantics are stated explicitly with ARIA roles as well.
    return html`<div
      class="scroller"
      role=${grid ? nothing : 'region'}
      aria-labelledby=${grid ? nothing : 'title'}
      tabindex=${grid ? nothing : '0'}
    >
      <table
        part="grid"
        role=${grid ? 'grid' : 'table'}
        aria-labelledby="title"
        aria-describedby=${grid ? 'grid-hint' : nothing}
        aria-rowcount=${this.rows.length + 1}
        aria-colcount=${columnCount}
        @keydown=${this.onGridKeydown}
        @focusin=${this.onGridFocusin}
        @focusout=${this.onGridFocusout}
        @pointerdown=${this.onGridPointerdown}
        @click=${this.onGridClick}
        @dblclick=${this.onGridDblclick}
      >
        <thead role="rowgroup">
          <tr role="row" part="row" aria-rowindex="1">
            <th role="columnheader" scope="col" part="header">${t.responsibilityHeader}</th>
            <th role="columnheader" scope="col" part="header">${t.flagsHeader}</th>
            ${guard([this.layoutVersion], () => this.columns.map((m) => this.renderColumnHeader(m)))}
          </tr>
        </thead>
        ${groups.map(
          (rows) =>
            html`<tbody role="rowgroup">
              ${repeat(
                rows,
                (row) => row.key,
                (row) => (row.kind === 'group' ? this.renderGroupRow(row, grid, columnCount) : this.renderRow(row.responsibility, grid)),
              )}
            </tbody>`,
        )}
      </table>
    </div>
    ${grid ? html`<p class="visually-hidden" id="grid-hint">${t.editHint}</p>` : nothing}`;
  }

  private renderGroupRow(row: GridRow & { kind: 'group' }, grid: boolean, columnCount: number) {
    const index = this.rowIndex.get(row.key)! + 2;
    return html`<tr role="row" class="group" data-row=${row.key} aria-rowindex=${index}>
      <th role="rowheader" scope="rowgroup" colspan=${columnCount} aria-colspan=${columnCount} tabindex=${grid ? '-1' : nothing}>
        <span class="group-label">${row.label}</span>
      </th>
    </tr>`;
  }

  private renderColumnHeader(m: Member) {
    const t = this.strings;
    const left = m.status === 'ended';
    const role = this.roleOf(m);
    return html`<th role="columnheader" scope="col" part="header" class=${left ? 'left' : ''}>
      <span class="member-name">${m.name}${m.id === this.me ? ` (${t.you})` : nothing}</span>
      ${role ? html`<span class="member-role">${role}</span>` : nothing}
      ${left ? html`<span class="left-mark">${t.hasLeft}</span>` : nothing}
    </th>`;
  }

  private renderRow(r: Responsibility, grid: boolean) {
    const editing = this.editing?.rowId === r.id ? this.editing : undefined;
    const pending = this.isPending(r.id);
    const failure = this.failureOf(r.id);
    return guard([r, this.layoutVersion, pending, failure, editing, grid, this.rowIndex.get(rowKey(r.id))], () =>
      this.renderRowContent(r, grid, pending, failure, editing),
    );
  }

  private renderRowContent(
    r: Responsibility,
    grid: boolean,
    pending: boolean,
    failure: RowFailure | undefined,
    editing: { memberId: string; index: number } | undefined,
  ) {
    const { parts } = this.derivedOf(r);
    const cls = `${pending ? 'pending' : ''}${r.status === 'ended' ? ' ended' : ''}${editing ? ' editing' : ''}`;
    // Member cells are the bulk of the DOM: one binding each, from fixed templates per mode.
    const cell = grid ? gridCell : tableCell;
    const cells = this.columns.map((m) => {
      const part = parts.get(m.id);
      const content = part ? this.partViews[part] : this.noneView;
      return cell(editing?.memberId === m.id ? [content, this.renderEditor(r, m, editing.index)] : content, m.status === 'ended');
    });
    return html`<tr role="row" part="row" class=${cls} data-row=${rowKey(r.id)} aria-rowindex=${this.rowIndex.get(rowKey(r.id))! + 2}>
      ${grid
        ? html`<th role="rowheader" scope="row" part="header">
            <button type="button" class="title-button" data-widget tabindex="-1" aria-haspopup="dialog">${r.title}</button>${this.renderMeta(r)}
          </th>`
        : html`<th role="rowheader" scope="row" part="header"><span class="title">${r.title}</span>${this.renderMeta(r)}</th>`}
      ${grid
        ? html`<td role="gridcell" tabindex="-1" class="flag-cell" part="flag-cell">${this.renderRowState(r, pending, failure, grid)}</td>`
        : html`<td role="cell" class="flag-cell" part="flag-cell">${this.renderRowState(r, pending, failure, grid)}</td>`}
      ${cells}
    </tr>`;
  }

  private renderMeta(r: Responsibility) {
    const t = this.strings;
    const bits = [t.areas[r.area]];
    if (r.status !== 'agreed') bits.push(t.statuses[r.status]);
    if (r.reviewDate) bits.push(t.reviewOn(this.formatDay(r.reviewDate)));
    if (r.due) bits.push(t.dueOn(this.formatDay(r.due)));
    return html`<span class="meta">${bits.join(' · ')}</span>${r.steps?.length ? this.renderSteps(r) : nothing}`;
  }

  private renderSteps(r: Responsibility) {
    const t = this.strings;
    const steps = r.steps ?? [];
    const done = steps.filter((s) => s.done).length;
    return html`<span class="meta">${t.stepsProgress(done, steps.length)}</span>
      <ul class="steps" aria-label=${t.steps}>
        ${steps.map(
          (s) =>
            html`<li class=${s.done ? 'step-done' : ''}>
              <span class="step-mark" aria-hidden="true">${s.done ? '✓' : '○'}</span>
              <span><span class="step-title" dir="auto">${s.title}</span><span class="visually-hidden"> (${s.done ? t.stepDone : t.stepNotDone})</span></span>
            </li>`,
        )}
      </ul>`;
  }

  /** The "needs attention" cell: saving, a failed save with Retry, or the flags. */
  private renderRowState(r: Responsibility, pending: boolean, failure: RowFailure | undefined, grid: boolean) {
    const t = this.strings;
    return html`${pending ? html`<span class="row-status">${t.savingRow}</span>` : nothing}
    ${failure
      ? html`<div class="row-error" part="flag error">
          <span><strong>${t.saveFailed}</strong> ${this.describeError(failure.error)}</span>
          <button type="button" data-widget data-retry=${r.id} tabindex=${grid ? '-1' : nothing}>${t.retry}</button>
        </div>`
      : nothing}
    ${this.renderFlags(r)}`;
  }

  private renderFlags(r: Responsibility) {
    const flags = this.flagsOf(r);
    if (flags.length === 0) return html`<span class="ok">${this.strings.noFlags}</span>`;
    return html`<ul class="flags">
      ${flags.map((flag) => {
        const view = this.flagView(flag);
        return html`<li class="flag ${view.info ? 'info' : ''}" part="flag">${icon(view.icon)}<span class="flag-text">${view.text}</span></li>`;
      })}
    </ul>`;
  }

  private renderEditor(r: Responsibility, m: Member, index: number) {
    const t = this.strings;
    return html`<ul class="editor" part="editor" role="listbox" aria-label=${t.partFor(m.name, r.title)}>
      ${EDITOR_CHOICES.map(
        (choice, i) =>
          html`<li role="option" data-option=${choice} class=${choice} aria-selected=${i === index ? 'true' : 'false'} tabindex=${i === index ? '0' : '-1'}>
            ${choice === 'none'
              ? html`<span class="letter" aria-hidden="true">–</span>${t.noPart}`
              : html`<span class="letter" aria-hidden="true">${t.partLetters[choice]}</span>${t.parts[choice]}`}
          </li>`,
      )}
    </ul>`;
  }

  private renderPersonView() {
    const t = this.strings;
    const byMember = new Map<string, Map<RaciPart, Responsibility[]>>();
    const unowned: Responsibility[] = [];
    for (const r of this.visible) {
      const { parts, flags } = this.derivedOf(r);
      if (isUnowned(flags)) unowned.push(r);
      for (const [memberId, part] of parts) {
        let groups = byMember.get(memberId);
        if (!groups) byMember.set(memberId, (groups = new Map()));
        const items = groups.get(part);
        if (items) items.push(r);
        else groups.set(part, [r]);
      }
    }
    let people = this.columns;
    if (this.me) {
      const me = people.find((m) => m.id === this.me);
      people = this.filter === 'mine' ? (me ? [me] : []) : me ? [me, ...people.filter((m) => m !== me)] : people;
    }
    const unownedSection =
      unowned.length && this.filter !== 'mine'
        ? html`<section class="person unowned" aria-labelledby="person-unowned">
            ${this.heading(1, 'person-unowned', 'subheading', html`${icon('warning')} ${t.unowned}`)}
            <ul class="person-items">
              ${unowned.map((r) => this.renderPersonItem(r))}
            </ul>
          </section>`
        : nothing;
    const section = (m: Member, i: number) => {
      const groups = byMember.get(m.id);
      const id = `person-${i}`;
      const isMe = m.id === this.me;
      const role = this.roleOf(m);
      return html`<section class="person${isMe ? ' me' : ''}" aria-labelledby=${id}>
        ${this.heading(1, id, 'subheading', isMe ? t.mineHeading : m.name)}
        <span class="member-role">${isMe ? m.name : nothing}${isMe && role ? ' · ' : nothing}${role ?? nothing}</span>
        ${m.status === 'ended' ? html`<span class="left-mark">${t.hasLeft}</span>` : nothing}
        ${groups
          ? RACI_PARTS.filter((part) => groups.has(part)).map(
              (part) =>
                html`${this.heading(2, undefined, `part-heading ${part}`, html`<span class="letter" aria-hidden="true">${t.partLetters[part]}</span>${t.parts[part]}`)}
                  <ul class="person-items">
                    ${groups.get(part)!.map((r) => this.renderPersonItem(r))}
                  </ul>`,
            )
          : html`<p class="nothing">${t.personNothing}</p>`}
      </section>`;
    };
    // The viewer's own section first, then what nobody owns, then everyone else.
    const mine = people[0]?.id === this.me ? people[0] : undefined;
    return html`<div class="person-view" part="person-view" @click=${this.onPersonClick}>
      ${mine ? section(mine, 0) : nothing} ${unownedSection}
      ${people.map((m, i) => (m === mine ? nothing : section(m, i)))}
    </div>`;
  }

  private renderPersonItem(r: Responsibility) {
    const t = this.strings;
    const pending = this.isPending(r.id);
    const failure = this.failureOf(r.id);
    return html`<li>
      <div class="item-head">
        <span class="title">${r.title}</span>
        ${this.editable
          ? html`<button type="button" data-details=${r.id} aria-label=${t.change(r.title)}>${t.edit}</button>`
          : nothing}
      </div>
      ${this.renderMeta(r)} ${r.description ? html`<p class="description">${r.description}</p>` : nothing}
      ${this.renderRowState(r, pending, failure, false)}
    </li>`;
  }

  // ---------------------------------------------------------------- dialogs

  private renderDialog() {
    const dialog = this.dialog;
    if (!dialog) return nothing;
    if (dialog.kind === 'add') return this.renderAddDialog();
    const r = this.byId.get(dialog.id);
    return r ? this.renderDetailsDialog(r) : nothing;
  }

  private renderAddDialog() {
    const t = this.strings;
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose}>
      <div class="dialog-head">
        <h2 id="dialog-title">${t.addTitle}</h2>
        <button type="button" @click=${this.closeDialog}>${t.close}</button>
      </div>
      <form data-form="add" novalidate @submit=${this.onDialogSubmit}>
        <label class="form-row"
          ><span class="field-label">${t.titleLabel}</span
          ><input
            type="text"
            name="title"
            required
            maxlength="500"
            autocomplete="off"
            aria-invalid=${this.formError ? 'true' : 'false'}
            aria-describedby=${this.formError ? 'form-error' : nothing}
        /></label>
        ${this.formError ? html`<p class="field-error" id="form-error">${t.errorPrefix} ${this.formError}</p>` : nothing}
        <label class="form-row"
          ><span class="field-label">${t.areaLabel}</span
          ><select name="area">
            ${RESPONSIBILITY_AREAS.map((area) => html`<option value=${area} ?selected=${area === 'other'}>${t.areas[area]}</option>`)}
          </select></label
        >
        <label class="form-row"><span class="field-label">${t.reasonLabel}</span><input type="text" name="reason" maxlength="2000" autocomplete="off" /></label>
        <div class="actions"><button type="submit" class="primary">${t.add}</button></div>
      </form>
    </dialog>`;
  }

  private renderDetailsDialog(r: Responsibility) {
    const t = this.strings;
    const handover = r.handover;
    const owner = ownerOf(r);
    const { parts } = this.derivedOf(r);
    const canAnswer = handover?.status === 'proposed' && !!this.me && handover.toMemberId === this.me;
    const candidates = this.columns.filter((m) => m.status === 'active' && m.id !== owner);
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose}>
      <div class="dialog-head">
        <h2 id="dialog-title">${r.title}</h2>
        <button type="button" @click=${this.closeDialog}>${t.close}</button>
      </div>
      ${this.renderMeta(r)} ${r.description ? html`<p class="description">${r.description}</p>` : nothing}
      ${this.renderFlags(r)}
      ${handover
        ? html`<p>
            ${handover.status === 'proposed'
              ? t.handoverProposed(handover.proposedBy.name, this.nameOf(handover.toMemberId))
              : handover.status === 'agreed'
                ? t.handoverAgreed(this.nameOf(handover.toMemberId))
                : t.handoverDisputed(this.nameOf(handover.toMemberId))}
            ${handover.comment ? html`<br /><q>${handover.comment}</q>` : nothing}
          </p>`
        : nothing}
      <form data-form="reason" @submit=${this.onDialogSubmit}>
        <label class="form-row"
          ><span class="field-label">${t.reasonLabel}</span><input type="text" name="reason" id="dialog-reason" maxlength="2000" autocomplete="off"
        /></label>
      </form>
      ${canAnswer
        ? html`<section aria-labelledby="answer-title">
            <h3 id="answer-title">${t.handoverAnswer}</h3>
            <div class="actions"><button type="button" class="primary" data-action="accept" @click=${this.onDialogAction}>${t.accept}</button></div>
            <form data-form="dispute" novalidate @submit=${this.onDialogSubmit}>
              <label class="form-row"
                ><span class="field-label">${t.disputeReason}</span
                ><textarea
                  name="comment"
                  maxlength="2000"
                  aria-invalid=${this.formError ? 'true' : 'false'}
                  aria-describedby=${this.formError ? 'form-error' : nothing}
                ></textarea
              ></label>
              ${this.formError ? html`<p class="field-error" id="form-error">${t.errorPrefix} ${this.formError}</p>` : nothing}
              <div class="actions"><button type="submit">${t.dispute}</button></div>
            </form>
          </section>`
        : nothing}
      <form data-form="parts" @submit=${this.onDialogSubmit}>
        <fieldset>
          <legend>${t.whoDoesWhat}</legend>
          <div class="parts-fields">
            ${this.columns.map(
              (m) =>
                html`<label
                  ><span>${m.name}${m.status === 'ended' ? ` (${t.hasLeft})` : nothing}</span
                  ><select name="part" data-member=${m.id}>
                    ${EDITOR_CHOICES.map(
                      (choice) =>
                        html`<option value=${choice} ?selected=${(parts.get(m.id) ?? 'none') === choice}>
                          ${choice === 'none' ? t.noPart : `${t.parts[choice]} (${t.partLetters[choice]})`}
                        </option>`,
                    )}
                  </select></label
                >`,
            )}
          </div>
        </fieldset>
        <div class="actions"><button type="submit" class="primary">${t.saveParts}</button></div>
      </form>
      <form data-form="rename" @submit=${this.onDialogSubmit}>
        <label class="form-row"
          ><span class="field-label">${t.renameLabel}</span><input type="text" name="title" .value=${r.title} required maxlength="500" autocomplete="off"
        /></label>
        <div class="actions"><button type="submit">${t.rename}</button></div>
      </form>
      <form data-form="review" @submit=${this.onDialogSubmit}>
        <label class="form-row"
          ><span class="field-label">${t.reviewDateLabel}</span><input type="date" name="date" .value=${r.reviewDate ?? ''}
        /></label>
        <div class="actions"><button type="submit">${t.saveReviewDate}</button></div>
      </form>
      ${handover?.status !== 'proposed' && candidates.length
        ? html`<form data-form="handover" @submit=${this.onDialogSubmit}>
            <fieldset>
              <legend>${t.handover}</legend>
              <label class="form-row"
                ><span class="field-label">${t.handoverTo}</span
                ><select name="to">
                  ${candidates.map((m) => html`<option value=${m.id}>${m.name}</option>`)}
                </select></label
              >
              <label class="form-row"
                ><span class="field-label">${t.handoverMessage}</span><input type="text" name="comment" maxlength="2000" autocomplete="off"
              /></label>
              <div class="actions"><button type="submit">${t.proposeHandover}</button></div>
            </fieldset>
          </form>`
        : nothing}
      ${r.status !== 'ended'
        ? html`<section aria-labelledby="end-title">
            <h3 id="end-title" class="visually-hidden">${t.end}</h3>
            <p class="hint" id="end-hint">${t.endHint}</p>
            <div class="actions">
              <button type="button" data-action="end" aria-describedby="end-hint" @click=${this.onDialogAction}>${t.end}</button>
            </div>
          </section>`
        : nothing}
    </dialog>`;
  }

  // ---------------------------------------------------------------- lifecycle after render

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The column count goes in through the CSSOM, not a style attribute: a strict CSP
    // (style-src without 'unsafe-inline') blocks style attributes, even ones Lit sets.
    this.renderRoot
      .querySelector<HTMLElement>('table[part="grid"]')
      ?.style.setProperty('--_columns', String(Math.max(1, this.columns.length)));
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && !dialog.open) dialog.showModal();
    if (this.rows.length > SMALL_PLAN && this.renderLimit < this.rows.length && !this.chunkScheduled && this.effectiveView === 'grid' && this.status === 'ready') {
      this.chunkScheduled = true;
      // The next rows come when the browser is idle after painting, so they never delay a frame
      // or the person's input.
      whenIdle(() => {
        this.chunkScheduled = false;
        this.renderLimit += ROWS_PER_FRAME;
      });
    }
    if (this.effectiveView !== 'grid' || !this.editable || this.status !== 'ready') {
      this.tabStop = undefined;
      return;
    }
    if (this.editing) {
      const option = this.renderRoot.querySelector<HTMLElement>('.editor [tabindex="0"]');
      if (option && this.root.activeElement !== option) option.focus();
      return;
    }
    // Focus comes back to a cell the person is looking at: no need to scroll (or lay out) for it.
    this.syncTabStop(this.restoreFocus || this.focusLost(), true);
    this.restoreFocus = false;
  }

  /** True when focus was in the grid before the update and the element holding it is gone. */
  private focusLost(): boolean {
    if (!this.gridHadFocus) return false;
    const active = this.root.activeElement;
    return !active || !this.renderRoot.querySelector('table')?.contains(active);
  }

  private rowElement(key: string): HTMLTableRowElement | undefined {
    const index = this.rowIndex.get(key);
    const row = index === undefined ? undefined : this.renderRoot.querySelector('table')?.rows[index + 1];
    return row?.dataset.row === key ? row : undefined;
  }

  private cellTarget(cell: HTMLTableCellElement): HTMLElement {
    return cell.querySelector<HTMLElement>('[data-widget]') ?? cell;
  }

  /** Puts the single tab stop where the focus position is (or the first cell), optionally focusing it. */
  private syncTabStop(focus: boolean, preventScroll = false) {
    if (!this.rows.length) return;
    let key = this.focusKey;
    if (!key || !this.rowIndex.has(key.row)) {
      const first = this.rows.find((row) => row.kind === 'data') ?? this.rows[0];
      key = this.focusKey = { row: first.key, col: key?.col ?? 0 };
    }
    const rowEl = this.rowElement(key.row);
    if (!rowEl) return;
    const cell = rowEl.cells[Math.min(key.col, rowEl.cells.length - 1)];
    const target = this.cellTarget(cell);
    if (this.tabStop !== target) {
      if (this.tabStop) this.tabStop.tabIndex = -1;
      target.tabIndex = 0;
      this.tabStop = target;
    }
    if (focus) target.focus({ preventScroll });
  }

  /** Moves the focus position to a row and column and focuses that cell. */
  private focusCell(rowIndex: number, col: number) {
    const index = Math.max(0, Math.min(rowIndex, this.rows.length - 1));
    this.focusKey = { row: this.rows[index].key, col };
    if (this.rows.length > SMALL_PLAN && index >= this.renderLimit) {
      // Not rendered yet: render every row, then focus (in `updated`).
      this.renderLimit = this.rows.length;
      this.restoreFocus = true;
      return;
    }
    this.syncTabStop(true);
  }

  // ---------------------------------------------------------------- grid events (one delegated handler each)

  private cellFrom(event: Event): { cell: HTMLTableCellElement; key: string; id?: string } | undefined {
    const cell = (event.target as HTMLElement).closest<HTMLTableCellElement>('td, th');
    const key = (cell?.parentElement as HTMLElement | null)?.dataset.row;
    return cell && key !== undefined ? { cell, key, id: idOfKey(key) } : undefined;
  }

  /** The member whose part a cell holds, if it is a member cell of a responsibility row. */
  private memberCell(cell: HTMLTableCellElement, key: string): { r: Responsibility; member: Member } | undefined {
    const id = idOfKey(key);
    const r = id === undefined ? undefined : this.byId.get(id);
    const member = this.columns[cell.cellIndex - FIRST_MEMBER_COL];
    return r && member && cell.cellIndex >= FIRST_MEMBER_COL ? { r, member } : undefined;
  }

  private onGridKeydown(event: KeyboardEvent) {
    if (!this.editable) return;
    const target = event.target as HTMLElement;
    if (target.closest('.editor')) {
      this.onEditorKeydown(event);
      return;
    }
    const at = this.cellFrom(event);
    if (!at) return;
    const rowIndex = this.rowIndex.get(at.key);
    if (rowIndex === undefined) return;
    const isGroup = this.rows[rowIndex].kind === 'group';
    const col = isGroup ? (this.focusKey?.col ?? 0) : at.cell.cellIndex;
    const lastCol = FIRST_MEMBER_COL + this.columns.length - 1;
    const lastRow = this.rows.length - 1;
    const ctrl = event.ctrlKey || event.metaKey;
    let next: [number, number] | undefined;
    switch (event.key) {
      case 'ArrowRight':
        if (!isGroup) next = [rowIndex, Math.min(col + 1, lastCol)];
        break;
      case 'ArrowLeft':
        if (!isGroup) next = [rowIndex, Math.max(col - 1, 0)];
        break;
      case 'ArrowDown':
        next = [Math.min(rowIndex + 1, lastRow), col];
        break;
      case 'ArrowUp':
        next = [Math.max(rowIndex - 1, 0), col];
        break;
      case 'PageDown':
        next = [Math.min(rowIndex + PAGE_ROWS, lastRow), col];
        break;
      case 'PageUp':
        next = [Math.max(rowIndex - PAGE_ROWS, 0), col];
        break;
      case 'Home':
        next = ctrl ? [0, 0] : isGroup ? undefined : [rowIndex, 0];
        break;
      case 'End':
        next = ctrl ? [lastRow, lastCol] : isGroup ? undefined : [rowIndex, lastCol];
        break;
      case 'Enter':
      case 'F2': {
        const member = this.memberCell(at.cell, at.key);
        if (member) {
          event.preventDefault();
          this.openEditor(member.r, member.member);
        } else if (event.key === 'F2' && at.cell.cellIndex === 0 && at.id !== undefined && this.byId.has(at.id)) {
          event.preventDefault();
          this.openDetails(at.id, this.cellTarget(at.cell));
        }
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    if (next) this.focusCell(next[0], next[1]);
  }

  private onEditorKeydown(event: KeyboardEvent) {
    const editing = this.editing;
    if (!editing) return;
    const last = EDITOR_CHOICES.length - 1;
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
        this.commitEditor(EDITOR_CHOICES[index]);
        return;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.cancelEditor();
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
    if (index !== editing.index) this.editing = { ...editing, index };
  }

  /**
   * APG listbox type-ahead over the visible labels ("Owns it", "Is asked", "No part"): typed
   * characters within half a second add up, a repeated first character cycles through the matches.
   * The letters in the cells (A, R, C, I, n or - for none) still work when no label matches.
   */
  private typeAhead(key: string, current: number, at: number): number {
    const typed = key.toLocaleLowerCase(this.locale);
    this.typed = at - this.typedAt < 500 ? this.typed + typed : typed;
    this.typedAt = at;
    const labels = EDITOR_CHOICES.map((choice) => (choice === 'none' ? this.strings.noPart : this.strings.parts[choice]).toLocaleLowerCase(this.locale));
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
    return EDITOR_CHOICES.findIndex((choice) =>
      choice === 'none' ? typed === 'n' || typed === '-' : this.strings.partLetters[choice].toLocaleLowerCase(this.locale) === typed,
    );
  }

  private onGridFocusin(event: FocusEvent) {
    const target = event.target as HTMLElement;
    if (!this.editable || target.closest('.editor')) return;
    const at = this.cellFrom(event);
    if (!at) return;
    const isGroup = this.rows[this.rowIndex.get(at.key) ?? 0]?.kind === 'group';
    this.focusKey = { row: at.key, col: isGroup ? (this.focusKey?.col ?? 0) : at.cell.cellIndex };
    const stop = this.cellTarget(at.cell);
    if (this.tabStop !== stop) {
      if (this.tabStop) this.tabStop.tabIndex = -1;
      stop.tabIndex = 0;
      this.tabStop = stop;
    }
  }

  private onGridFocusout(event: FocusEvent) {
    const editor = (event.target as HTMLElement).closest('.editor');
    if (!editor || !this.editing) return;
    const next = event.relatedTarget as Node | null;
    if (next && editor.contains(next)) return;
    // Leaving the editor any other way than choosing cancels it.
    this.editing = undefined;
  }

  private onGridPointerdown(event: PointerEvent) {
    const at = this.cellFrom(event);
    this.pointerOnActive = !!at && at.cell === this.root.activeElement;
  }

  private onGridClick(event: MouseEvent) {
    const target = event.target as HTMLElement;
    const option = target.closest<HTMLElement>('[data-option]');
    if (option) {
      this.commitEditor(option.dataset.option as RaciPart | 'none');
      return;
    }
    const retry = target.closest<HTMLElement>('[data-retry]');
    if (retry) {
      void this.failureOf(retry.dataset.retry!)?.retry();
      return;
    }
    const at = this.cellFrom(event);
    if (!at || !this.editable) return;
    if (target.closest('.title-button') && at.id !== undefined) {
      this.openDetails(at.id, target.closest<HTMLElement>('.title-button')!);
      return;
    }
    const member = this.memberCell(at.cell, at.key);
    if (member && this.pointerOnActive && !target.closest('.editor')) this.openEditor(member.r, member.member);
  }

  private onGridDblclick(event: MouseEvent) {
    const at = this.cellFrom(event);
    if (!at || !this.editable || (event.target as HTMLElement).closest('.editor')) return;
    const member = this.memberCell(at.cell, at.key);
    if (member && this.editing?.rowId !== member.r.id) this.openEditor(member.r, member.member);
  }

  private openEditor(r: Responsibility, member: Member) {
    const current = this.derivedOf(r).parts.get(member.id) ?? 'none';
    this.editing = { rowId: r.id, memberId: member.id, index: EDITOR_CHOICES.indexOf(current) };
  }

  private cancelEditor() {
    this.editing = undefined;
    this.restoreFocus = true;
  }

  private commitEditor(choice: RaciPart | 'none') {
    const editing = this.editing;
    if (!editing) return;
    this.editing = undefined;
    this.restoreFocus = true;
    const r = this.byId.get(editing.rowId);
    if (!r) return;
    const part = choice === 'none' ? undefined : choice;
    if (this.derivedOf(r).parts.get(editing.memberId) === part) return;
    void this.carry('assign', withParts(r, new Map([[editing.memberId, part]])), r, this.toolbarReason());
  }

  private toolbarReason(): string | undefined {
    return this.renderRoot.querySelector<HTMLInputElement>('#change-reason')?.value || undefined;
  }

  // ---------------------------------------------------------------- toolbar events

  private onViewChange(event: Event) {
    this.view = (event.target as HTMLInputElement).value as MatrixView;
  }

  private onFilterChange(event: Event) {
    this.filter = (event.target as HTMLInputElement).value as MatrixFilter;
  }

  private onShowEndedChange(event: Event) {
    this.showEnded = (event.target as HTMLInputElement).checked;
  }

  private readonly onBeforePrint = () => {
    this.printing = true;
    this.renderLimit = Number.MAX_SAFE_INTEGER;
    this.performUpdate();
  };

  private readonly onAfterPrint = () => {
    this.printing = false;
  };

  // ---------------------------------------------------------------- dialog events

  private openAdd(event: Event) {
    this.dialogReturn = event.currentTarget as HTMLElement;
    this.formError = '';
    this.dialog = { kind: 'add' };
  }

  private openDetails(id: string, returnTo: HTMLElement) {
    this.dialogReturn = returnTo;
    this.formError = '';
    this.dialog = { kind: 'details', id };
  }

  private onPersonClick(event: Event) {
    const target = event.target as HTMLElement;
    const details = target.closest<HTMLElement>('[data-details]');
    if (details) this.openDetails(details.dataset.details!, details);
    const retry = target.closest<HTMLElement>('[data-retry]');
    if (retry) void this.failureOf(retry.dataset.retry!)?.retry();
  }

  private closeDialog() {
    this.renderRoot.querySelector('dialog')?.close();
  }

  private onDialogClose() {
    this.dialog = undefined;
    this.formError = '';
    const back = this.dialogReturn;
    this.dialogReturn = undefined;
    void this.updateComplete.then(() => {
      if (back?.isConnected) back.focus();
      else this.syncTabStop(true);
    });
  }

  private dialogReason(): string | undefined {
    return this.renderRoot.querySelector<HTMLInputElement>('#dialog-reason')?.value || undefined;
  }

  private onDialogSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const dialog = this.dialog;
    if (!dialog) return;
    if (dialog.kind === 'add') {
      const title = text('title');
      if (!title) {
        this.formError = this.strings.titleRequired;
        void this.updateComplete.then(() => form.querySelector<HTMLInputElement>('[name=title]')?.focus());
        return;
      }
      const team = this.currentTeam!;
      const area = text('area') as ResponsibilityArea;
      const next = newResponsibility({
        title,
        area: (RESPONSIBILITY_AREAS as readonly string[]).includes(area) ? area : 'other',
        teamId: team.id,
        serviceUserId: team.serviceUserId,
      });
      this.closeDialog();
      void this.carry('add', next, undefined, text('reason'));
      return;
    }
    const r = this.byId.get(dialog.id);
    if (!r) return;
    const reason = this.dialogReason();
    switch (form.dataset.form) {
      case 'parts': {
        const parts = new Map<string, RaciPart | undefined>();
        for (const select of form.querySelectorAll<HTMLSelectElement>('select[data-member]')) {
          const value = select.value === 'none' ? undefined : (select.value as RaciPart);
          if (this.derivedOf(r).parts.get(select.dataset.member!) !== value) parts.set(select.dataset.member!, value);
        }
        this.closeDialog();
        if (parts.size) void this.carry('assign', withParts(r, parts), r, reason);
        return;
      }
      case 'rename': {
        const title = text('title');
        if (!title) return;
        this.closeDialog();
        if (title !== r.title) void this.carry('rename', renamed(r, title), r, reason);
        return;
      }
      case 'review': {
        const date = text('date');
        this.closeDialog();
        if (date !== (r.reviewDate ?? '')) void this.carry('set-review-date', withReviewDate(r, date || undefined), r, reason);
        return;
      }
      case 'handover': {
        const to = text('to');
        if (!this.memberById.has(to)) return;
        this.closeDialog();
        {
          const actor = this.actingPerson;
          // Without an actor carry() refuses the change before anything is sent.
          void this.carry('propose-handover', actor ? withHandoverProposal(r, to, actor, new Date().toISOString(), text('comment') || undefined) : r, r, reason);
        }
        return;
      }
      case 'dispute': {
        const comment = text('comment');
        if (!comment) {
          this.formError = this.strings.disputeReasonRequired;
          void this.updateComplete.then(() => form.querySelector<HTMLTextAreaElement>('textarea')?.focus());
          return;
        }
        this.closeDialog();
        void this.carry('dispute-handover', withHandoverDisputed(r, this.me!, comment, new Date().toISOString()), r, reason ?? comment);
        return;
      }
    }
  }

  private onDialogAction(event: Event) {
    const dialog = this.dialog;
    const r = dialog?.kind === 'details' ? this.byId.get(dialog.id) : undefined;
    if (!r) return;
    const reason = this.dialogReason();
    const action = (event.currentTarget as HTMLElement).dataset.action;
    this.closeDialog();
    if (action === 'accept') void this.carry('accept-handover', withHandoverAccepted(r, new Date().toISOString()), r, reason);
    if (action === 'end') void this.carry('end', ended(r), r, reason);
  }

  // ---------------------------------------------------------------- carrying a change

  /**
   * One change, the same way every time: request event (veto, waitUntil), shown at once as
   * "saving", saved through the store or taken into the element's own copy, then the change event;
   * or rolled back with the reason and a Retry button.
   */
  private async carry(
    action: ResponsibilityAction,
    next: Responsibility,
    previous: Responsibility | undefined,
    reason?: string,
  ): Promise<void> {
    const t = this.strings;
    const why = reason?.trim() || undefined;
    const detail: ResponsibilityChangeDetail = { responsibility: next, previous, action, ...(why ? { reason: why } : {}) };
    const token = Symbol(action);
    let flagNews = '';
    const request = new CareResponsibilityRequestEvent(detail);
    const outcome = carryIntent(this, {
      request,
      change: { entity: 'responsibility', action, value: next, ...(why ? { reason: why } : {}) },
      store: this.store,
      // A handover proposal names who proposed it; other changes name the actor only in the store's audit.
      ...(action === 'propose-handover' ? { actor: this.actingPerson } : {}),
      committed: (value) => {
        // Everything a saved change shows happens here, so it reaches the screen in one update.
        if (!this.store) this.commitLocal(value);
        this.settle(next.id, token);
        this.announce(`${t.changeSaved(next.title)}${flagNews ? ` ${flagNews}` : ''}`);
        return new CareResponsibilityChangeEvent({ ...detail, responsibility: value });
      },
    });
    // The request has been dispatched synchronously: a veto is known now, before anything shows.
    if (request.defaultPrevented) {
      await outcome;
      this.announce(t.vetoed);
      return;
    }
    this.inFlight.set(next.id, { value: next, token });
    this.localFailures.delete(next.id);
    this.dataVersion++;
    flagNews = this.flagNews(previous, next);
    if (flagNews) this.announce(flagNews);
    const result = await outcome;
    if (result.status === 'saved') return;
    if (result.status === 'vetoed') {
      this.settle(next.id, token);
      this.announce(t.vetoed);
      return;
    }
    this.settle(next.id, token);
    const stored = this.store?.failureOf('responsibility', next.id);
    if (!stored || stored.error !== result.error) {
      this.localFailures.set(next.id, { error: result.error, retry: () => this.carry(action, next, previous, reason) });
    }
    this.announce(t.changeFailed(next.title, this.describeError(result.error)));
  }

  /** Ends the optimistic display of a change, unless a newer change to the same row is on its way. */
  private settle(id: string, token: symbol) {
    if (this.inFlight.get(id)?.token !== token) return;
    this.inFlight.delete(id);
    this.dataVersion++;
  }

  /** Controlled mode: the element keeps its own copy up to date after a change the host let through. */
  private commitLocal(value: Responsibility) {
    const base = this.baseList;
    const index = base.findIndex((r) => r.id === value.id);
    const next = index === -1 ? [...base, value] : base.map((r, i) => (i === index ? value : r));
    this.trusted.add(next);
    this.responsibilities = next;
  }

  private async retryStored(id: string) {
    const store = this.store;
    const failure = store?.failureOf('responsibility', id);
    if (!store || !failure) return;
    const previous = this.byId.get(id);
    const outcome = await store.retry('responsibility', id);
    if (!outcome) return;
    const request = failure.request;
    if (outcome.ok) {
      const value = outcome.value as Responsibility;
      const changed = new CareResponsibilityChangeEvent({
        responsibility: value,
        previous,
        action: request.action as ResponsibilityAction,
        ...(request.reason ? { reason: request.reason } : {}),
      });
      this.dispatchEvent(changed);
      this.announce(this.strings.changeSaved(value.title));
    } else {
      this.announce(this.strings.changeFailed((request.value as Responsibility).title, this.describeError(outcome.error)));
    }
  }

  /** What an edit changed in the rules, in words: new problems first, then solved ones. */
  private flagNews(previous: Responsibility | undefined, next: Responsibility): string {
    const t = this.strings;
    const before = previous ? this.flagsOf(previous) : [];
    const after = this.flagsOf(next);
    const keys = (flags: ResponsibilityFlag[]) => new Set(flags.map((f) => JSON.stringify(f)));
    const beforeKeys = keys(before);
    const afterKeys = keys(after);
    const raised = after.filter((f) => !beforeKeys.has(JSON.stringify(f))).map((f) => t.flagRaised(next.title, this.flagView(f).text));
    const cleared = before.filter((f) => !afterKeys.has(JSON.stringify(f))).map((f) => t.flagCleared(next.title, this.flagView(f).text));
    return [...raised, ...cleared].join(' ');
  }

  private announce(text: string) {
    // A trailing no-break space alternates so the same sentence twice is still announced.
    this.announceFlip = !this.announceFlip;
    this.announcement = this.announceFlip ? text : `${text}\u00a0`;
  }
}
