import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { OVERVIEW_GAPS, type OverviewGap, type OverviewPage, type OverviewQuery, type OverviewRow } from '../../contract/overview.js';
import { SECTORS, type Sector } from '../../contract/values.js';
import type { ContractIssue } from '../../contract/validate.js';
import { loadFailureReason } from '../../data/load-failure.js';
import { HttpOverviewSource, overviewQuery, OverviewContractError, type OverviewSource } from '../../data/overview/source.js';
import { StoreError } from '../../data/types.js';
import { formatCalendarDate } from '../../i18n/format.js';
import { overview } from '../../i18n/catalogues/en/overview.js';
import { overviewTranslations } from '../../i18n/translations.js';
import type { OverviewMessages } from '../../i18n/types.js';
import { CareElement } from '../base/care-element.js';
import { CareLoadErrorEvent } from '../base/events.js';
import { headingLevel, type HeadingLevel } from '../base/heading-level.js';
import { overviewStyles } from './coordination-overview.styles.js';
import { CareOverviewExportEvent, CareOverviewQueryEvent } from './events.js';
import { columnsOf, csvText, personLink, type OverviewColumn } from './overview-model.js';

type View = { kind: 'loading' } | { kind: 'no-source' } | { kind: 'error'; error: StoreError } | { kind: 'ready'; page: OverviewPage };

const isGap = (value: unknown): value is OverviewGap => typeof value === 'string' && (OVERVIEW_GAPS as readonly string[]).includes(value);
const isSector = (value: unknown): value is Sector => typeof value === 'string' && (SECTORS as readonly string[]).includes(value);
/** The largest page the contract lets a client ask for, used to fetch a whole list for the download. */
const EXPORT_PAGE = 100;

/**
 * @summary Where coordination fails across a caseload: how many teams have no coordinator, which
 * tasks nobody or two services own, where a handover waits, who needs information without
 * consent, which teams have not met, which plans are past review; with the list for each.
 *
 * The server counts: the element asks for the counts of every gap and one page of one gap's list
 * (`GET /overview`, docs/openapi.yaml, through `src` or a `source`), never whole records. Filters
 * by sector, organisation and coordinator; each person links to the portal's page for them through
 * `person-href`; the list downloads as CSV. Nothing is kept beyond the page shown. A source that
 * cannot count a gap (some FHIR servers) gets the rest shown and that gap named.
 *
 * @csspart base - The box around the overview.
 * @csspart counts - The list of gaps with their counts.
 * @csspart gap - Each gap's button.
 * @csspart filters - The filters.
 * @csspart table - The table of the chosen gap.
 * @csspart paging - Previous and next page.
 * @csspart export - The download button.
 * @csspart status - The live message (what was found, loading, failures).
 * @csspart state - The loading, empty and error boxes.
 *
 * @cssprop [--care-coordination-overview-gap=var(--care-space-4)] - Space between sections.
 * @cssprop [--care-coordination-overview-pressed=var(--care-color-accent)] - Background of the chosen gap.
 * @cssprop [--care-coordination-overview-pressed-text=var(--care-color-accent-text)] - Text of the chosen gap.
 *
 * @fires care-overview-query - After the person changed the gap, a filter, the months or the page.
 * @fires care-overview-export - Before the list is downloaded. Cancelable; `detail.csv` holds the file.
 * @fires care-load-error - When the server could not give the overview; `detail.reason` says why.
 */
export class CareCoordinationOverview extends CareElement<'overview'> {
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    source: { attribute: false },
    src: {},
    gap: { reflect: true },
    sector: {},
    organisationId: { attribute: 'organisation-id' },
    coordinatorId: { attribute: 'coordinator-id' },
    months: { type: Number },
    pageSize: { type: Number, attribute: 'page-size' },
    personHref: { attribute: 'person-href' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    view: { state: true },
    page: { state: true },
    message: { state: true },
    exporting: { state: true },
  };

  static override styles = [...CareElement.styles, overviewStyles];

  protected readonly namespace = 'overview' as const;
  protected readonly english: OverviewMessages = overview;
  protected readonly translations = overviewTranslations;

  /** Where the counts come from: any OverviewSource (HTTP, FHIR). Wins over `src`. */
  source?: OverviewSource;

  /** The base address of a REST API with `GET /overview` (docs/openapi.yaml), for an HttpOverviewSource. */
  src?: string;

  /** The gap whose list is shown. */
  gap: OverviewGap = 'no-coordinator';

  /** Only teams whose organisation is in this sector; empty for all. */
  sector: Sector | '' = '';

  /** Only teams held by this organisation; empty for all. */
  organisationId = '';

  /** Only teams of this coordinator; empty for all. */
  coordinatorId = '';

  /** How many months without a responsibility-group meeting count as a gap (1–36). */
  months = 6;

  /** Rows per page (1–100). */
  pageSize = 25;

  /**
   * The link to a person's page, with `{personId}` and `{teamId}` filled in percent-encoded, for
   * example `/people/{personId}`. Only http(s) and relative links are made; without it, names are text.
   */
  personHref?: string;

  /** Level of the overview's heading (1–6), to fit the page's outline. */
  headingLevel: HeadingLevel = 2;

  /** Who reads it: coordinators and leaders, so always `professional`. */
  readonly audience = 'professional';

  private view: View = { kind: 'loading' };
  private page = 1;
  private message = '';
  private exporting = false;

  private request?: AbortController;
  private ownSource?: { src: string; source: HttpOverviewSource };
  /** Whether the next answer is announced: after the person asked for it, not on first load. */
  private announce = false;

  /** Asks the server again with the current gap, filters and page. */
  reload(): void {
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.request?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const asked = ['source', 'src', 'gap', 'sector', 'organisationId', 'coordinatorId', 'months', 'pageSize'] as const;
    if (asked.some((key) => changed.has(key))) {
      // A new gap or filter starts at its first page (a page the person chose travels with it).
      if (!changed.has('page')) this.page = 1;
      void this.load();
    }
  }

  private get activeSource(): OverviewSource | undefined {
    if (this.source) return this.source;
    if (!this.src) return undefined;
    if (this.ownSource?.src !== this.src) this.ownSource = { src: this.src, source: new HttpOverviewSource({ baseUrl: this.src }) };
    return this.ownSource.source;
  }

  /** The query for the current state, or undefined when a property breaks the contract. */
  private query(page = this.page, pageSize = this.pageSize): OverviewQuery | { issues: ContractIssue[] } {
    try {
      return overviewQuery({
        gap: isGap(this.gap) ? this.gap : 'no-coordinator',
        ...(isSector(this.sector) ? { sector: this.sector } : {}),
        ...(this.organisationId ? { organisationId: this.organisationId } : {}),
        ...(this.coordinatorId ? { coordinatorId: this.coordinatorId } : {}),
        months: Math.round(Number(this.months)) || 6,
        page,
        pageSize: Math.round(Number(pageSize)) || 25,
      });
    } catch (error) {
      return { issues: error instanceof OverviewContractError ? error.issues : [{ path: '', message: String(error) }] };
    }
  }

  private async load(): Promise<void> {
    this.request?.abort();
    const source = this.activeSource;
    if (!source) {
      this.view = { kind: 'no-source' };
      return;
    }
    const query = this.query();
    if ('issues' in query) {
      this.fail(new OverviewContractError(query.issues));
      return;
    }
    const controller = (this.request = new AbortController());
    if (this.view.kind !== 'ready') this.view = { kind: 'loading' };
    else this.message = this.catalogue.common.loading;
    try {
      const page = await source.overview(query, controller.signal);
      if (controller.signal.aborted) return;
      this.view = { kind: 'ready', page };
      const t = this.t;
      if (this.announce) {
        const total = page.counts.find((c) => c.gap === page.gap)?.count ?? page.total;
        this.message = `${t.updated(t.gaps[page.gap], total)} ${page.total > 0 ? this.showing(page) : t.empty}`;
      } else this.message = '';
      this.announce = false;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.fail(error instanceof StoreError ? error : new StoreError('network', String(error)));
    }
  }

  private fail(error: StoreError) {
    this.view = { kind: 'error', error };
    const reason = loadFailureReason(error);
    this.message = `${this.t.loadErrorTitle}. ${this.describeLoadFailure(reason)}`;
    console.warn(`care-elements: <care-coordination-overview> could not load the overview: ${error.message}`);
    this.dispatchEvent(new CareLoadErrorEvent({ teamId: '', reason, ...(error.status !== undefined ? { status: error.status } : {}), message: error.message, error }));
  }

  private showing(page: OverviewPage): string {
    const from = (page.page - 1) * page.pageSize + 1;
    return this.t.showing(Math.min(from, page.total), Math.min(page.total, from + page.items.length - 1), page.total);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const level = headingLevel(this.headingLevel, 2);
    const ready = this.view.kind === 'ready' ? this.view.page : undefined;
    return html`<section class="overview" part="base" aria-labelledby="title">
      <div role="heading" aria-level=${level} class="heading title" id="title">${t.title}</div>
      <p>${t.intro}${ready?.asOf ? html` ${t.asOf(formatCalendarDate(ready.asOf, this.catalogue))}` : nothing}</p>
      <p class="live-region" role="status" part="status">${this.message}</p>
      ${this.renderBody(level)}
    </section>`;
  }

  private renderBody(level: number): TemplateResult {
    const t = this.t;
    switch (this.view.kind) {
      case 'no-source':
        return html`<div class="state" part="state">${t.noSource}</div>`;
      case 'loading':
        return html`<div class="state" part="state" aria-busy="true">${this.catalogue.common.loading}</div>`;
      case 'error':
        return html`<div class="state error" part="state error">
          <div role="heading" aria-level=${headingLevel(level + 1, 3)} class="heading">${t.loadErrorTitle}</div>
          <p>${this.describeLoadFailure(loadFailureReason(this.view.error))}</p>
          <button type="button" @click=${() => this.reload()}>${t.retry}</button>
        </div>`;
      case 'ready':
        return this.renderReady(this.view.page, level);
    }
  }

  private renderReady(page: OverviewPage, level: number): TemplateResult {
    const t = this.t;
    const uncounted = page.counts.filter((c) => c.count === undefined).map((c) => t.gaps[c.gap]);
    return html`${this.renderFilters(page)}
      <div role="heading" aria-level=${headingLevel(level + 1, 3)} class="heading" id="gaps-heading">${t.gapsLabel}</div>
      <ul class="counts" part="counts" aria-labelledby="gaps-heading">
        ${page.counts.map((c) => this.renderCount(c.gap, c.count))}
      </ul>
      ${uncounted.length ? html`<p class="note">${t.notCountedNote(uncounted.join(', '))}</p>` : nothing}
      <p class="help">${this.gapHelp(page.gap)}</p>
      ${this.renderList(page)}`;
  }

  private renderList(page: OverviewPage): TemplateResult {
    const t = this.t;
    // A gap the source cannot count has no list either: "nothing here" would be untrue.
    if (page.counts.find((c) => c.gap === page.gap)?.count === undefined && page.total === 0) return html`<div class="state" part="state">${t.notCounted}</div>`;
    return page.total === 0 ? html`<div class="state" part="state empty">${t.empty}</div>` : this.renderTable(page);
  }

  private gapHelp(gap: OverviewGap): string {
    const help = this.t.gapHelp[gap];
    return typeof help === 'function' ? help(Math.round(Number(this.months)) || 6) : help;
  }

  private renderCount(gap: OverviewGap, count: number | undefined): TemplateResult {
    const t = this.t;
    const chosen = gap === this.gap;
    return html`<li>
      <button type="button" part="gap" class="gap" aria-pressed=${chosen ? 'true' : 'false'} ?disabled=${count === undefined} @click=${() => this.choose({ gap })}>
        <span class="count">${count === undefined ? '\u2013' : count}</span>
        <span class="gap-label">${t.gaps[gap]}</span>
        ${count === undefined ? html`<span class="muted">${t.notCounted}</span>` : nothing}
      </button>
    </li>`;
  }

  private renderFilters(page: OverviewPage): TemplateResult {
    const t = this.t;
    const sectors = SECTORS.filter((s) => page.organisations.some((o) => o.sector === s) || s === this.sector);
    return html`<fieldset class="filters" part="filters">
      <legend>${t.filters}</legend>
      <label>
        <span>${t.sector}</span>
        <select @change=${(e: Event) => this.choose({ sector: (e.target as HTMLSelectElement).value as Sector | '' })}>
          <option value="" ?selected=${!this.sector}>${t.allSectors}</option>
          ${sectors.map((s) => html`<option value=${s} ?selected=${s === this.sector}>${this.catalogue.common.sectors[s]}</option>`)}
        </select>
      </label>
      <label>
        <span>${t.organisation}</span>
        <select @change=${(e: Event) => this.choose({ organisationId: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!this.organisationId}>${t.allOrganisations}</option>
          ${page.organisations.map((o) => html`<option dir="auto" value=${o.id} ?selected=${o.id === this.organisationId}>${o.name}</option>`)}
        </select>
      </label>
      <label>
        <span>${t.coordinator}</span>
        <select @change=${(e: Event) => this.choose({ coordinatorId: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!this.coordinatorId}>${t.allCoordinators}</option>
          ${page.coordinators.map((c) => html`<option dir="auto" value=${c.id} ?selected=${c.id === this.coordinatorId}>${c.name}</option>`)}
        </select>
      </label>
      <label>
        <span>${t.months}</span>
        <input type="number" min="1" max="36" inputmode="numeric" .value=${String(this.months)} @change=${this.changeMonths} />
      </label>
    </fieldset>`;
  }

  private renderTable(page: OverviewPage): TemplateResult {
    const t = this.t;
    const columns = columnsOf(page.gap);
    const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
    return html`<div class="table-wrap" role="region" aria-labelledby="caption" tabindex="0">
        <table part="table">
          <caption id="caption">${t.caption(t.gaps[page.gap], page.total)} \u2014 ${t.page(page.page, pages)}</caption>
          <thead>
            <tr>
              <th scope="col">${t.columns.person}</th>
              ${columns.map((c) => html`<th scope="col">${t.columns[c]}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${page.items.map((row) => this.renderRow(row, columns))}
          </tbody>
        </table>
      </div>
      <p>${this.showing(page)}</p>
      <nav class="paging" part="paging" aria-label=${t.paging}>
        <button type="button" ?disabled=${page.page <= 1} @click=${() => this.choose({ page: page.page - 1 })}>${t.previous}</button>
        <span>${t.page(page.page, pages)}</span>
        <button type="button" ?disabled=${page.page >= pages} @click=${() => this.choose({ page: page.page + 1 })}>${t.next}</button>
      </nav>
      <button type="button" part="export" ?disabled=${this.exporting} @click=${this.exportList}>${this.exporting ? t.exporting : t.exportCsv}</button>`;
  }

  private personLabel(row: OverviewRow): string {
    return row.name ?? this.t.personReference(row.personId);
  }

  private renderRow(row: OverviewRow, columns: readonly OverviewColumn[]): TemplateResult {
    const href = personLink(this.personHref, row, document.baseURI);
    const label = this.personLabel(row);
    return html`<tr>
      <th scope="row">${href ? html`<a href=${href}>${label}</a>` : label}</th>
      ${columns.map((c) => html`<td>${this.cell(row, c)}</td>`)}
    </tr>`;
  }

  /** One cell's text, as shown and as written to the CSV. */
  private cell(row: OverviewRow, column: OverviewColumn): string {
    const t = this.t;
    switch (column) {
      case 'about':
        return row.subject ?? '';
      case 'why':
        return row.reason ? t.reasons[row.reason] : '';
      case 'date':
        return row.date ? formatCalendarDate(row.date, this.catalogue) : '';
      case 'coordinator':
        return row.coordinatorName ?? t.noCoordinator;
      case 'organisation':
        return row.organisationName ?? '';
    }
  }

  private changeMonths = (event: Event) => {
    const value = Math.round(Number((event.target as HTMLInputElement).value));
    if (Number.isFinite(value) && value >= 1 && value <= 36) this.choose({ months: value });
  };

  /** A change the person made: ask the server, then tell the host. */
  private choose(change: { gap?: OverviewGap; sector?: Sector | ''; organisationId?: string; coordinatorId?: string; months?: number; page?: number }) {
    this.announce = true;
    if (change.gap !== undefined) this.gap = change.gap;
    if (change.sector !== undefined) this.sector = change.sector;
    if (change.organisationId !== undefined) this.organisationId = change.organisationId;
    if (change.coordinatorId !== undefined) this.coordinatorId = change.coordinatorId;
    if (change.months !== undefined) this.months = change.months;
    this.page = change.page ?? 1;
    if (change.page !== undefined) void this.load();
    void this.updateComplete.then(() => {
      const query = this.query();
      if (!('issues' in query)) this.dispatchEvent(new CareOverviewQueryEvent(query));
    });
  }

  /** Fetches the gap's whole list page by page, writes it as CSV, and offers it as a download. */
  private exportList = async () => {
    const source = this.activeSource;
    if (!source || this.view.kind !== 'ready') return;
    const t = this.t;
    this.exporting = true;
    this.message = t.exporting;
    try {
      const rows: OverviewRow[] = [];
      for (let page = 1; ; page++) {
        const query = this.query(page, EXPORT_PAGE);
        if ('issues' in query) throw new OverviewContractError(query.issues);
        const answer = await source.overview(query);
        rows.push(...answer.items);
        if (answer.items.length === 0 || rows.length >= answer.total) break;
      }
      const columns = columnsOf(this.view.page.gap);
      const header = [t.columns.person, t.columns.reference, ...columns.map((c) => t.columns[c])];
      const csv = csvText(header, rows.map((row) => [this.personLabel(row), row.personId, ...columns.map((c) => this.cell(row, c))]));
      const filename = `${t.csvFile}-${this.view.page.gap}.csv`;
      const event = new CareOverviewExportEvent({ csv, filename, rows: rows.length });
      if (this.dispatchEvent(event)) this.download(csv, filename);
      this.message = t.exported(rows.length);
    } catch (error) {
      console.warn(`care-elements: <care-coordination-overview> could not fetch the list to download: ${String(error)}`);
      this.message = t.exportFailed;
    } finally {
      this.exporting = false;
    }
  };

  private download(csv: string, filename: string) {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
