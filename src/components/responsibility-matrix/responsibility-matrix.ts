import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { Kept } from '../base/kept.js';
import { html as staticHtml } from 'lit/static-html.js';
import type { Responsibility, ResponsibilityInput } from '../../contract/responsibility.js';
import { CareTeam, type CareTeamInput } from '../../contract/team.js';
import type { ContractIssue } from '../../contract/validate.js';
import { AUDIENCES, type Audience } from '../../contract/values.js';
import type { MergeChoice } from '../../data/merge.js';
import type { CareStore } from '../../data/store.js';
import { calendarDate } from '../../i18n/format.js';
import type { MatrixMessages } from '../../i18n/types.js';
import { matrix } from '../../i18n/catalogues/en/matrix.js';
import { matrixTranslations } from '../../i18n/translations.js';
import { AfterPaint } from '../base/after-paint.js';
import { CareElement } from '../base/care-element.js';
import { headingLevel, headingTag, type HeadingLevel } from '../base/heading-level.js';
import type { IntentOutcome } from '../base/intent.js';
import { IntentController } from '../base/intent-controller.js';
import {
  CareResponsibilityChangeEvent,
  CareResponsibilityRequestEvent,
  type ResponsibilityAction,
} from './events.js';
import { changeDetail } from './change-detail.js';
import { describeResponsibilityConflicts } from './conflicts.js';
import { ChunkedRows } from './chunked-rows.js';
import { ViewChoice } from './view-choice.js';
import { GridKeyboardController } from './grid-keyboard.js';
import { partViews, renderGrid, type PartViews } from './grid-view.js';
import { MatrixData, ResponsibilityList } from './matrix-data.js';
import { MatrixDialogs } from './matrix-dialogs.js';
import { MATRIX_FILTERS, MATRIX_VIEWS, withParts, type MatrixFilter, type MatrixView } from './model.js';
import { renderPersonView } from './person-view.js';
import { renderLegend, renderToolbar } from './toolbar-view.js';
import { matrixStyles } from './responsibility-matrix.styles.js';
import { flagNews, PART_CHOICES, type MatrixContext, type RowFailure, type Strings } from './responsibility-view.js';
import { sameKey } from '../base/same-key.js';

const EMPTY: readonly ResponsibilityInput[] = [];

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
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    team: { attribute: false },
    responsibilities: { attribute: false },
    editable: { type: Boolean, reflect: true },
    view: { reflect: true },
    filter: { reflect: true },
    me: {},
    showEnded: { type: Boolean, attribute: 'show-ended' },
    audience: {},
    compact: { type: Boolean, reflect: true },
    today: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    announcement: { state: true },
  };

  static override styles = [...CareElement.styles, ...matrixStyles];

  protected readonly namespace = 'matrix' as const;
  protected readonly english: MatrixMessages = matrix;
  protected readonly translations = matrixTranslations;

  /** The care team (controlled mode). Its members become the columns. Checked against the contract. */
  team?: CareTeam | CareTeamInput;

  /** The responsibilities (controlled mode). Checked against the contract; ids must be unique. */
  responsibilities?: readonly (Responsibility | ResponsibilityInput)[];

  /** Lets the viewer change parts and responsibilities. Without it the matrix is a read-only table. */
  editable = false;

  /** `grid` (by responsibility), `person` (what each person is responsible for), or `auto`: person view when narrower than 40rem. */
  view: MatrixView = 'auto';

  /** Which responsibilities to show: `all`, `unassigned` (nobody owns it), `disputed`, or `mine` (needs `me`). */
  filter: MatrixFilter = 'all';

  /** Member id of the person looking: for "mine", "(you)", and answering a handover meant for them. */
  me?: string;

  /** Also show responsibilities that have ended. */
  showEnded = false;

  /** Who is looking: `service-user` uses everyday role names ("Your GP"), `professional` the professional ones. */
  audience: Audience = 'professional';

  /** Shows only the letters in the cells (the full text stays available to assistive technology). */
  compact = false;

  /** The viewer's date, `YYYY-MM-DD`, for overdue reviews. Defaults to today. */
  today?: string;

  /** Level of the title (1–6, default 2), so the matrix fits the host page's outline; the legend and the person view's headings are one level below, never deeper than 6. */
  headingLevel: HeadingLevel = 2;

  private announcement = '';

  // Derived once per data change, never in render.
  private status: 'loading' | 'load-error' | 'invalid' | 'ready' = 'loading';
  private issues: ContractIssue[] = [];
  private readonly data = new MatrixData();
  private baseList: readonly Responsibility[] = [];
  private strings!: Strings;
  private ctx!: MatrixContext;
  private views!: PartViews;
  private layoutVersion = 0;
  private layoutKey: unknown[] = [];
  private dataKey: unknown[] = [];

  /** Lists this element handed back to the host after a save: already checked. */
  private readonly trusted = new WeakSet<object>();
  /** Each failure as the row shows it, once per failure. */
  private readonly failureViews = new WeakMap<object, RowFailure>();

  /** Waits for the frame that shows a change as pending. */
  private readonly afterPaint = new AfterPaint(this);

  /** Also waits until a change's pending state has painted and its request has started. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.afterPaint.settle(() => super.getUpdateComplete());
  }

  /** The road of every change: request, save (store or host), change; failures with Try again. Pending and failed are read from it. */
  private readonly intents = new IntentController(this, {
    kind: 'responsibility',
    store: () => this.connectedStore,
    actor: () => this.actingPerson,
    // The row's "Saving…" (and, controlled, the part chosen) reaches the screen in the frame after
    // the key press; the request to the host and the save start once that frame has painted.
    beforeRequest: () => this.afterPaint.painted(),
    events: {
      request: (value, action, previous, reason) => new CareResponsibilityRequestEvent(changeDetail(value, action, previous, reason)),
      committed: (value, action, previous, reason) => {
        // Everything a saved change shows happens here, so it reaches the screen in one update.
        if (!this.connectedStore) this.keepHostCopy(value);
        const news = flagNews(this.ctx, previous, value);
        this.announce(`${this.strings.changeSaved(value.title)}${news ? ` ${news}` : ''}`);
        return new CareResponsibilityChangeEvent(changeDetail(value, action, previous, reason));
      },
    },
  });

  private readonly table = new Kept<HTMLTableElement>();
  private readonly editor = new Kept<HTMLElement>();
  private readonly reasonInput = new Kept<HTMLInputElement>();
  private announceFlip = false;

  private readonly chunks = new ChunkedRows(this, {
    total: () => this.data.rows.length,
    active: () => this.effectiveView === 'grid' && this.status === 'ready',
  });

  private readonly keyboard = new GridKeyboardController(this, {
    table: this.table,
    editor: this.editor,
    active: () => this.editable && this.effectiveView === 'grid' && this.status === 'ready',
    data: () => this.data,
    locale: () => this.locale,
    choiceWords: () => ({
      labels: PART_CHOICES.map((choice) => (choice === 'none' ? this.strings.noPart : this.strings.parts[choice])),
      letters: PART_CHOICES.map((choice) => (choice === 'none' ? '' : this.strings.partLetters[choice])),
    }),
    renderedRows: () => this.chunks.rendered,
    renderAllRows: () => this.chunks.showAll(),
    openDetails: (id, returnTo) => this.dialogs.openDetails(id, returnTo),
    choosePart: (r, memberId, part) => void this.carry('assign', withParts(r, new Map([[memberId, part]])), r, this.reasonInput.value?.value || undefined),
  });

  private readonly dialogs = new MatrixDialogs(this, {
    carry: (action, next, previous, reason) => void this.carry(action, next, previous, reason),
    actor: () => this.actingPerson,
    fallbackFocus: () => this.keyboard.syncTabStop(true),
  });

  /** What `view="auto"` means now (narrow or not), and the grid with every row on paper. */
  /** `auto` has been decided once, before the first render with data. */
  private viewDecided = false;
  private readonly viewChoice = new ViewChoice(this, () => {
    this.chunks.showAll();
    this.performUpdate();
  });

  /** The view in use after `auto` has been decided. */
  get effectiveView(): 'grid' | 'person' {
    return this.viewChoice.effective(this.view);
  }

  // ---------------------------------------------------------------- derived state

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!(MATRIX_VIEWS as readonly string[]).includes(this.view)) this.view = 'auto';
    if (!(MATRIX_FILTERS as readonly string[]).includes(this.filter)) this.filter = 'all';
    if (!(AUDIENCES as readonly string[]).includes(this.audience)) this.audience = 'professional';
    this.strings = this.t as Strings;
    this.resolveData();
    if (!this.viewDecided && this.view === 'auto' && this.status === 'ready') {
      this.viewDecided = true;
      this.viewChoice.decide();
    }
    this.deriveLayout();
    this.ctx = {
      t: this.strings,
      data: this.data,
      editable: this.editable,
      me: this.me,
      audience: this.audience,
      heading: (offset, id, className, content) => this.heading(offset, id, className, content),
      formatDay: (iso) => this.localize.date(iso),
      describeError: (error) => this.describeError(error),
      isPending: (id) => this.isPending(id),
      failureOf: (id) => this.failureOf(id),
    };
  }

  /** Where the data comes from (store or properties) and whether it can be shown. */
  private resolveData() {
    let team: CareTeam | undefined;
    let list: readonly Responsibility[] = [];
    if (this.connectedStore) {
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
    // A change this element is carrying shows as "saving" from the frame after the key press: without
    // a store nobody else knows it while the host decides, and with one the store learns of it only
    // once that frame has painted (the save starts after it).
    const carried = this.intents.carried;
    // The day shown, so a review that became overdue at midnight is flagged (see dayKey).
    const today = this.dayKey();
    const key = [team, list, today, this.showEnded, this.filter, this.me, this.strings, this.audience, ...carried];
    if (sameKey(key, this.dataKey)) return;
    this.dataKey = key;
    const byId = new Map(carried.map((r) => [r.id, r]));
    const shown = list.map((r) => byId.get(r.id) ?? r);
    for (const r of carried) if (!list.some((item) => item.id === r.id)) shown.push(r);
    const t = this.strings;
    this.data.update({
      team: team!,
      list: shown,
      today,
      showEnded: this.showEnded,
      filter: this.filter,
      me: this.me,
      audience: this.audience,
      labels: { ownGoals: t.ownGoals, ownGoalsOf: t.ownGoalsOf, sharedTasks: t.sharedTasks },
    });
  }

  /** Everything every row depends on besides its own data; a change re-renders all rows. */
  private deriveLayout() {
    const key = [this.data.columns, this.strings, this.editable, this.me, this.audience, this.locale, this.effectiveView, this.data.team, this.dayKey()];
    if (sameKey(key, this.layoutKey)) return;
    this.layoutKey = key;
    this.layoutVersion++;
    this.views = partViews(this.strings);
  }

  /** The store this matrix reads and saves through: the one rule, the host's value wins (`team` or `responsibilities` given). */
  private get connectedStore(): CareStore | undefined {
    return this.connection.storeFor(this.team ?? this.responsibilities);
  }

  /** A failed save of the row (the store's when it keeps it), with Try again, or both versions and a choice. */
  private failureOf(id: string): RowFailure | undefined {
    const failure = this.intents.failureOf(id);
    if (!failure) return undefined;
    const identity: object = (failure.kept && this.connectedStore?.failureOf('responsibility', id)) || failure;
    let view = this.failureViews.get(identity);
    if (!view) {
      const conflicts = failure.conflicts.length
        ? describeResponsibilityConflicts(failure.conflicts, this.strings, (member) => this.data.nameOf(member), (iso) => this.localize.date(iso))
        : undefined;
      view = { error: failure.error, retry: () => this.retry(id), conflicts, choose: (choice) => this.retry(id, choice) };
      this.failureViews.set(identity, view);
    }
    return view;
  }

  private isPending(id: string): boolean {
    return this.intents.isPending(id);
  }

  // ---------------------------------------------------------------- rendering

  /** Reviews that became overdue at midnight are shown on the new day. */
  protected override dayKey(): string {
    return this.today ?? calendarDate(new Date());
  }

  override render() {
    switch (this.status) {
      case 'loading':
        return this.renderLoading();
      case 'load-error':
        return this.renderLoadError(() => void this.connectedStore?.load());
      case 'invalid':
        return this.renderDataError(this.issues);
    }
    const t = this.strings;
    const { data } = this;
    const empty = data.list.length === 0;
    return html`
      ${this.heading(0, 'title', 'matrix-title', t.title)}
      ${empty ? nothing : html`<p class="meta summary">${t.count(data.visible.length)}</p>`}
      ${this.connectedStore ? this.renderLeftOut('Responsibility') : nothing}
      ${empty
        ? html`<div class="state" part="state empty">
            <p>${t.empty}</p>
            ${this.editable ? html`<button type="button" class="primary" @click=${this.openAdd}>${t.add}</button>` : nothing}
          </div>`
        : html`${renderToolbar(this.ctx, {
              view: this.effectiveView,
              filter: this.filter,
              showEnded: this.showEnded,
              reason: this.reasonInput,
              onView: this.onViewChange,
              onFilter: this.onFilterChange,
              onShowEnded: this.onShowEndedChange,
              onAdd: this.openAdd,
            })}
          ${renderLegend(this.ctx)}
          ${data.visible.length === 0
            ? html`<p class="state" part="state empty-filter">${t.emptyFiltered}</p>`
            : this.effectiveView === 'grid'
              ? renderGrid(this.ctx, {
                  shown: this.chunks.shown(data.rows),
                  layoutVersion: this.layoutVersion,
                  views: this.views,
                  keyboard: this.keyboard,
                  table: this.table,
                  editor: this.editor,
                  onRowAction: this.onRowAction,
                })
              : renderPersonView(this.ctx, this.filter, this.onPersonClick)}`}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      ${this.dialogs.render(this.ctx)}
    `;
  }

  /** A heading `offset` levels below the title, whose level the host sets with `heading-level`. */
  private heading(offset: number, id: string | undefined, className: string, content: unknown) {
    const tag = headingTag(headingLevel(this.headingLevel, 2, offset));
    return staticHtml`<${tag} id=${id ?? nothing} class=${className}>${content}</${tag}>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The column count goes in through the CSSOM, not a style attribute: a strict CSP
    // (style-src without 'unsafe-inline') blocks style attributes, even ones Lit sets.
    this.table.value?.style.setProperty('--_columns', String(Math.max(1, this.data.columns.length)));
  }

  // ---------------------------------------------------------------- events

  private readonly onViewChange = (event: Event) => {
    this.view = (event.target as HTMLInputElement).value as MatrixView;
  };

  private readonly onFilterChange = (event: Event) => {
    this.filter = (event.target as HTMLInputElement).value as MatrixFilter;
  };

  private readonly onShowEndedChange = (event: Event) => {
    this.showEnded = (event.target as HTMLInputElement).checked;
  };

  private readonly openAdd = (event: Event) => {
    this.dialogs.openAdd(event.currentTarget as HTMLElement);
  };

  /** Try again, or the choice between two versions, after a failed save; true when the click was one. */
  private readonly onRowAction = (event: Event): boolean => {
    const target = event.target as HTMLElement;
    const retry = target.closest<HTMLElement>('[data-retry]');
    if (retry) void this.failureOf(retry.dataset.retry!)?.retry();
    const choose = target.closest<HTMLElement>('[data-choose]');
    if (choose) void this.failureOf(choose.dataset.rowId!)?.choose?.(choose.dataset.choose as MergeChoice);
    return !!(retry || choose);
  };

  private readonly onPersonClick = (event: Event) => {
    const details = (event.target as HTMLElement).closest<HTMLElement>('[data-details]');
    if (details) this.dialogs.openDetails(details.dataset.details!, details);
    this.onRowAction(event);
  };

  // ---------------------------------------------------------------- carrying a change
  /** One change, the same road every time (see IntentController); the outcome is said in the live region. */
  private async carry(action: ResponsibilityAction, next: Responsibility, previous: Responsibility | undefined, reason?: string): Promise<void> {
    this.announceOutcome(next, await this.intents.carry(action, next, previous, reason));
  }

  /** Try again (the same change, request event first) or, after both changed the same thing, keep one version. */
  private async retry(id: string, choice?: MergeChoice) {
    const failure = this.intents.failureOf(id);
    const outcome = await this.intents.retry(id, choice);
    if (failure && outcome) this.announceOutcome(failure.request.value, outcome);
  }

  /** Vetoed or failed in words (saved is said with the change event); after a conflict, that nothing is saved yet. */
  private announceOutcome(change: Responsibility, outcome: IntentOutcome<'responsibility'>) {
    const t = this.strings;
    if (outcome.status === 'vetoed') this.announce(t.vetoed);
    if (outcome.status !== 'failed') return;
    const both = !!this.intents.failureOf(change.id)?.conflicts.length;
    this.announce(t.changeFailed(change.title, both ? t.bothChanged : this.describeError(outcome.error)));
  }

  /** Controlled mode: the host's list with the saved change, handed back so the element shows what was saved. */
  private keepHostCopy(value: Responsibility) {
    const base = this.baseList;
    const index = base.findIndex((r) => r.id === value.id);
    const next = index === -1 ? [...base, value] : base.map((r, i) => (i === index ? value : r));
    this.trusted.add(next);
    this.responsibilities = next;
  }

  private announce(text: string) {
    // A trailing no-break space alternates so the same sentence twice is still announced.
    this.announceFlip = !this.announceFlip;
    this.announcement = this.announceFlip ? text : `${text}\u00a0`;
  }
}
