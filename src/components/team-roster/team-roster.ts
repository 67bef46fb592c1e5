import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';
import { isTimeZone } from '../../contract/common.js';
import type { ContractIssue } from '../../contract/validate.js';
import { teamFlags } from '../../contract/rules.js';
import { CareTeam, type CareTeamInput } from '../../contract/team.js';
import { AUDIENCES, SECTORS, type Audience, type ContactChannel, type Sector, type Weekday } from '../../contract/values.js';
import { calendarDate } from '../../i18n/format.js';
import type { CommonMessages, RosterMessages } from '../../i18n/types.js';
import { CareElement } from '../base/care-element.js';
import { headingLevel, headingTag } from '../base/heading-level.js';
import { CareContactEvent, CareMemberSelectEvent } from './events.js';
import {
  arrangeTeam,
  dayRuns,
  isIsoDate,
  prepareTeam,
  ROSTER_GROUPINGS,
  ROSTER_LAYOUTS,
  TEAM_TIME_ZONE,
  type ContactView,
  type GroupView,
  type MemberView,
  type PreparedTeam,
  type RosterArrangement,
  type RosterGrouping,
  type RosterLayout,
} from './roster-model.js';
import { rosterStyles } from './team-roster.styles.js';
import { roster } from '../../i18n/catalogues/en/roster.js';

export { CareContactEvent, CareMemberSelectEvent, type CareContactDetail } from './events.js';

type Messages = RosterMessages & CommonMessages;

type DataState =
  | { kind: 'ready'; team: CareTeam }
  | { kind: 'invalid'; issues: ContractIssue[] }
  | { kind: 'loading' }
  | { kind: 'load-error' }
  | { kind: 'empty' };

/** Teams larger than this are checked, prepared and rendered in separate tasks. */
const LARGE_TEAM = 150;
/** Members rendered in the first frame; the rest follow frame by frame, so 1,000 members never block input. */
const FIRST_BATCH = 60;
/** Rendering time aimed at per following frame (well under the 50 ms of a long task); batch sizes adapt to the device. */
const BATCH_BUDGET_MS = 30;
const MIN_BATCH = 20;
const MAX_BATCH = 400;


const icon = (path: ReturnType<typeof svg>) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;

const ICONS = {
  coordinator: icon(svg`<path d="M12 2l2.9 6.6 7.1.6-5.4 4.7 1.6 7-6.2-3.7-6.2 3.7 1.6-7L2 9.2l7.1-.6z"/>`),
  warning: icon(svg`<path d="M12 2 1 21h22L12 2zm1 15h-2v2h2v-2zm0-7h-2v5h2v-5z"/>`),
  phone: icon(
    svg`<path d="M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z"/>`,
  ),
  sms: icon(svg`<path d="M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2zM7 9h10v2H7V9zm6 5H7v-2h6v2zm4-6H7V6h10v2z"/>`),
  video: icon(svg`<path d="M17 10.5V7a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-3.5l4 4v-11l-4 4z"/>`),
  'secure-message': icon(
    svg`<path d="M18 8h-1V6A5 5 0 0 0 7 6v2H6a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2zM9 6a3 3 0 0 1 6 0v2H9V6zm3 11a2 2 0 1 1 0-4 2 2 0 0 1 0 4z"/>`,
  ),
  email: icon(svg`<path d="M20 4H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2zm0 4-8 5-8-5V6l8 5 8-5v2z"/>`),
} satisfies Record<ContactChannel | 'coordinator' | 'warning', TemplateResult>;

/**
 * Who is on a care team, what each person does, and how and when to reach them. The coordinator
 * comes first and is marked; the service user is a member of their own team; expected sectors
 * with nobody on the team show as "none recorded". Feed it a `team` (controlled) or place it in a
 * `<care-context>` (connected), where it reads `record.team` from the store.
 *
 * @summary The care team: members, roles, organisations, and how and when to reach each of them.
 *
 * @fires care-member-select - `CareMemberSelectEvent`, detail `{ member }`: the user chose a member. Cancelable: `preventDefault()` keeps the built-in details dialog closed.
 * @fires care-contact - `CareContactEvent`, detail `{ member?, contact, href }`: the user opened a contact link. Cancelable: `preventDefault()` stops the navigation.
 * @fires care-data-error - `CareDataErrorEvent`, detail `{ entity, issues }`: the `team` property breaks the data contract; the element shows what is wrong.
 *
 * @csspart base - The whole roster (a section labelled by its title).
 * @csspart title - The element's heading.
 * @csspart summary - The line with the number of people and when the list was last checked.
 * @csspart notice - The warning shown when the list has not been checked within `confirm-within-days`; also `team-note` for "No coordinator recorded" and "This team is inactive".
 * @csspart team-contacts - The block with the team's own contacts.
 * @csspart filters - The search box, sector filter and "show people who have left" toggle.
 * @csspart group - One group of members (a sector, an organisation, the network).
 * @csspart group-title - A group's heading.
 * @csspart list - The list of members of one group.
 * @csspart member - One member (a list item); also `member-coordinator` and `member-ended`.
 * @csspart missing - The "none recorded" entry of an expected sector with nobody on the team.
 * @csspart name - The member's name: a button that opens the details dialog.
 * @csspart role - The member's role.
 * @csspart badge - A badge (coordinator, kind, status, not confirmed); also `badge-coordinator`, `badge-warning`.
 * @csspart contacts - A list of contact points.
 * @csspart contact - One contact point: the link, its label and hours.
 * @csspart dialog - The details dialog (a native modal `<dialog>`).
 * @csspart details - The content of the details dialog.
 * @csspart state - The loading, empty, error and no-match states.
 *
 * @cssprop [--care-team-roster-card-background=var(--care-color-surface)] - Background of a member card.
 * @cssprop [--care-team-roster-card-border-color=var(--care-color-border-subtle)] - Border of a member card.
 * @cssprop [--care-team-roster-card-radius=var(--care-radius)] - Corner radius of a member card.
 * @cssprop [--care-team-roster-card-padding=var(--care-space-4)] - Padding inside a member card.
 * @cssprop [--care-team-roster-card-min-width=17rem] - Narrowest a card gets before the grid uses fewer columns.
 * @cssprop [--care-team-roster-gap=var(--care-space-3)] - Space between member cards.
 * @cssprop [--care-team-roster-heading-color=var(--care-color-text)] - Colour of the title and group headings.
 * @cssprop [--care-team-roster-coordinator-background=var(--care-color-accent-surface)] - Background of the coordinator badge.
 * @cssprop [--care-team-roster-coordinator-color=var(--care-color-accent)] - Text of the coordinator badge.
 * @cssprop [--care-team-roster-coordinator-border-color=var(--care-color-accent)] - Border of the coordinator badge and card.
 * @cssprop [--care-team-roster-badge-background=var(--care-color-surface-raised)] - Background of other badges.
 * @cssprop [--care-team-roster-badge-color=var(--care-color-text)] - Text of other badges.
 * @cssprop [--care-team-roster-badge-border-color=var(--care-color-border-subtle)] - Border of other badges.
 * @cssprop [--care-team-roster-professional-target-size=1.75rem] - Minimum size of buttons and links in the professional audience (the service-user audience uses `--care-target-size`, 44 px).
 */
export class CareTeamRoster extends CareElement<'roster'> {
  static override styles = [...CareElement.styles, rosterStyles];

  protected readonly namespace = 'roster' as const;
  protected readonly english: RosterMessages = roster;

  /** The care team to show (controlled mode). Checked against the data contract once per object. When unset, the team comes from the store of an enclosing `<care-context>`. */
  @property({ attribute: false }) team?: CareTeamInput;

  /** Who is reading: `service-user` (plain words, large targets, fewer details) or `professional` (role codes, organisations, periods, confirmations). Decides which private contacts are shown. */
  @property({ reflect: true }) audience: Audience = 'service-user';

  /** Group members by `sector`, by `organisation`, or `none` (one list). */
  @property({ attribute: 'group-by', reflect: true }) groupBy: RosterGrouping = 'sector';

  /** `detailed` cards with every contact and hours, or `compact` rows with the preferred contact only. */
  @property({ reflect: true }) layout: RosterLayout = 'detailed';

  /** Show members who have left the team, marked as ended. The user can also toggle this. */
  @property({ type: Boolean, attribute: 'show-ended', reflect: true }) showEnded = false;

  /** Mark the team and members whose last confirmation is older than this many days. */
  @property({ type: Number, attribute: 'confirm-within-days' }) confirmWithinDays?: number;

  /** Text filter over names, roles and organisations. The search box edits it. */
  @property() filter = '';

  /** Show only members of this sector (`municipal`, `specialist`, …). The sector filter edits it. */
  @property({ attribute: 'sector-filter' }) sectorFilter = '';

  /** Today as `YYYY-MM-DD`, for "today 08:00–15:30" and confirmation marks. Defaults to the current date in `time-zone`. */
  @property() today?: string;

  /** IANA zone of the team's hours and dates. */
  @property({ attribute: 'time-zone' }) timeZone = TEAM_TIME_ZONE;

  /** Level of the element's heading (1–5), so it fits the host page; group headings are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private selectedId?: string;
  @state() private renderLimit = FIRST_BATCH;

  @query('dialog') private dialog?: HTMLDialogElement;

  private dataState: DataState = { kind: 'empty' };
  private prepared?: PreparedTeam;
  private preparedKey: unknown[] = [];
  private arrangement?: RosterArrangement;
  private arrangementKey: unknown[] = [];
  private renderedCount = 0;
  private renderStart?: { at: number; rendered: number };
  private msPerMember = 0.25;
  private opener?: HTMLElement;
  /** Inputs already checked against the contract (the check itself is cached by the base class). */
  private readonly checkedInputs = new WeakSet<object>();
  /** A large team's next heavy step (contract check or preparation) is waiting for its own task. */
  private stepWaiting = false;
  /** This update was started by a follow-up task and may do one heavy step. */
  private followUpTurn = false;
  private followUp?: { promise: Promise<void>; run: () => void; frame: number; timer: number };

  /** Resolves when every member is rendered (large teams are checked, prepared and rendered over several frames). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.followUp) {
      await this.followUp.promise;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.followUp?.run();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A large team does at most one heavy step per task, so no single task blocks input for long.
    let heavySteps = this.followUpTurn ? 1 : 0;
    this.followUpTurn = false;
    this.stepWaiting = false;

    const source = this.resolveSource();
    if ('kind' in source) return this.showState(source);
    const large = isLargeTeam(source.input);
    const mayWork = () => !large || heavySteps-- > 0;
    const waitForNextStep = () => {
      // Keep the team already on screen (and the focus in it) until the new one is ready.
      this.stepWaiting = true;
      if (this.dataState.kind !== 'ready') this.showState({ kind: 'loading' });
    };

    let team: CareTeam;
    if (source.trusted) {
      team = source.input as CareTeam;
    } else {
      const input = source.input;
      const known = typeof input === 'object' && input !== null && this.checkedInputs.has(input);
      if (!known && !mayWork()) return waitForNextStep();
      const result = this.checkInput('team', CareTeam, input);
      if (typeof input === 'object' && input !== null) this.checkedInputs.add(input);
      if (!('value' in result)) return this.showState({ kind: 'invalid', issues: result.issues });
      team = result.value;
    }

    const audience = this.currentAudience;
    const preparedKey = [team, audience, this.todayDate, this.confirmWithinDays];
    if (!sameKey(preparedKey, this.preparedKey)) {
      if (!mayWork()) return waitForNextStep();
      this.preparedKey = preparedKey;
      this.prepared = prepareTeam(team, {
        audience,
        today: this.todayDate,
        confirmWithinDays: Number.isFinite(this.confirmWithinDays) ? this.confirmWithinDays : undefined,
      });
    }
    this.dataState = { kind: 'ready', team };
    const prepared = this.prepared!;
    const sector = (SECTORS as readonly string[]).includes(this.sectorFilter) ? (this.sectorFilter as Sector) : undefined;
    const arrangementKey = [prepared, this.currentGrouping, this.showEnded, this.filter, sector];
    if (!sameKey(arrangementKey, this.arrangementKey)) {
      this.arrangementKey = arrangementKey;
      this.arrangement = arrangeTeam(prepared, {
        groupBy: this.currentGrouping,
        showEnded: this.showEnded,
        text: this.filter ?? '',
        sector,
      });
      // Keep what is already on screen; add the rest over the next frames.
      this.renderLimit = Math.max(FIRST_BATCH, Math.min(this.renderedCount, this.arrangement.shownCount));
    }
    if (this.selectedId && !prepared.byId.has(this.selectedId)) this.selectedId = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.renderStart) {
      const added = this.renderedCount - this.renderStart.rendered;
      // Smoothed cost of rendering one member here, to size the next batch.
      if (added >= MIN_BATCH) this.msPerMember = (this.msPerMember + (performance.now() - this.renderStart.at) / added) / 2;
      this.renderStart = undefined;
    }
    const membersLeft = this.dataState.kind === 'ready' && this.renderLimit < (this.arrangement?.shownCount ?? 0);
    if (this.stepWaiting || membersLeft) this.scheduleFollowUp();
    const dialog = this.dialog;
    if (dialog && this.selectedId && !dialog.open && this.isConnected) dialog.showModal();
    if (dialog && !this.selectedId && dialog.open) dialog.close();
  }

  override render(): TemplateResult {
    const state = this.dataState;
    switch (state.kind) {
      case 'ready':
        return this.renderRoster(this.prepared!, this.arrangement!);
      case 'invalid':
        return this.renderFrame(this.renderDataError(state.issues));
      case 'loading':
        return this.renderFrame(this.renderLoading());
      case 'load-error':
        return this.renderFrame(this.renderLoadError(() => void this.store?.load()));
      case 'empty':
        return this.renderFrame(this.renderEmpty());
    }
  }

  // ----- data -----

  /** Where the team comes from: the `team` property, the store, or a state without a team. */
  private resolveSource(): { input: unknown; trusted: boolean } | Exclude<DataState, { kind: 'ready' | 'invalid' }> {
    if (this.team !== undefined && this.team !== null) return { input: this.team, trusted: false };
    if (!this.store) return { kind: 'empty' };
    const snapshot = this.snapshot ?? this.store.snapshot;
    if (snapshot.status === 'error') return { kind: 'load-error' };
    // The store's record was checked by its source; a reload keeps the known team on screen.
    if (snapshot.record?.team) return { input: snapshot.record.team, trusted: true };
    if (snapshot.status === 'ready') return { kind: 'empty' };
    return { kind: 'loading' };
  }

  private showState(state: Exclude<DataState, { kind: 'ready' }>) {
    this.dataState = state;
    this.prepared = undefined;
    this.arrangement = undefined;
    this.preparedKey = [];
    this.arrangementKey = [];
    this.selectedId = undefined;
  }

  private get currentAudience(): Audience {
    return (AUDIENCES as readonly string[]).includes(this.audience) ? this.audience : 'service-user';
  }

  private get currentGrouping(): RosterGrouping {
    return (ROSTER_GROUPINGS as readonly string[]).includes(this.groupBy) ? this.groupBy : 'sector';
  }

  private get currentLayout(): RosterLayout {
    return (ROSTER_LAYOUTS as readonly string[]).includes(this.layout) ? this.layout : 'detailed';
  }

  private get zone(): string {
    return isTimeZone(this.timeZone) ? this.timeZone : TEAM_TIME_ZONE;
  }

  private get todayDate(): string {
    return isIsoDate(this.today) ? this.today : calendarDate(new Date(), this.zone);
  }

  private get level(): number {
    return headingLevel(this.headingLevel, 2);
  }

  private get messages(): Messages {
    return this.t as Messages;
  }

  private formatDay(isoDate: string): string {
    return this.localize.date(isoDate);
  }

  // ----- work spread over frames -----

  /** After the next frame has painted, in a task of its own: one heavy step, or the next batch of members. */
  private scheduleFollowUp() {
    if (this.followUp) return;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    const run = () => {
      if (this.followUp?.promise !== promise) return;
      cancelAnimationFrame(this.followUp.frame);
      clearTimeout(this.followUp.timer);
      this.followUp = undefined;
      if (this.isConnected) {
        if (this.stepWaiting) {
          this.followUpTurn = true;
          this.requestUpdate();
        } else {
          const size = Math.round(BATCH_BUDGET_MS / Math.max(this.msPerMember, 0.001));
          this.renderLimit += Math.min(MAX_BATCH, Math.max(MIN_BATCH, size));
        }
      }
      resolve();
    };
    // The timer keeps things going when frames are throttled (a hidden tab).
    this.followUp = {
      promise,
      run,
      frame: requestAnimationFrame(() => setTimeout(run)),
      timer: window.setTimeout(run, 100),
    };
  }

  // ----- rendering -----

  private heading(level: number, id: string, className: string, part: string, content: unknown) {
    const tag = headingTag(level);
    return staticHtml`<${tag} id=${id} class=${className} part=${part}>${content}</${tag}>`;
  }

  private titleText(team?: CareTeam): string {
    const m = this.messages;
    return this.currentAudience === 'professional' ? team?.name || m.titleProfessional : m.title;
  }

  private renderFrame(content: unknown, team?: CareTeam): TemplateResult {
    return html`<section class="roster" part="base" aria-labelledby="roster-title">
      ${this.heading(this.level, 'roster-title', 'title', 'title', html`<span dir="auto">${this.titleText(team)}</span>`)}
      ${content}
    </section>`;
  }

  private renderEmpty(): TemplateResult {
    const m = this.messages;
    return html`<div class="state" part="state empty">
      <p><strong>${m.empty}</strong></p>
      <p>${m.emptyHint}</p>
    </div>`;
  }

  private renderRoster(prepared: PreparedTeam, arrangement: RosterArrangement): TemplateResult {
    const m = this.messages;
    const { team } = prepared;
    const level = this.level;
    const checked = team.lastConfirmed
      ? team.confirmedBy?.name
        ? m.lastCheckedBy(this.formatDay(team.lastConfirmed), team.confirmedBy.name)
        : m.lastChecked(this.formatDay(team.lastConfirmed))
      : '';

    this.renderStart = { at: performance.now(), rendered: this.renderedCount };
    // Render up to `renderLimit` members; later groups follow in the next frames.
    let budget = this.renderLimit;
    const visible: { group: GroupView; members: MemberView[] }[] = [];
    for (const group of arrangement.groups) {
      if (budget <= 0 && group.members.length > 0) break;
      const members = group.members.length <= budget ? group.members : group.members.slice(0, budget);
      budget -= members.length;
      visible.push({ group, members });
      if (members.length < group.members.length) break;
    }
    this.renderedCount = this.renderLimit - Math.max(0, budget);

    return html`<section class="roster" part="base" aria-labelledby="roster-title" @click=${this.onRosterClick}>
      <div class="header">
        ${this.heading(level, 'roster-title', 'title', 'title', html`<span dir="auto">${this.titleText(team)}</span>`)}
        <p class="summary" part="summary">
          ${m.memberCount(prepared.activeCount)}${checked ? html`. <span dir="auto">${checked}</span>` : nothing}
        </p>
      </div>
      ${prepared.teamUnconfirmedSince
        ? html`<p class="notice" part="notice">${ICONS.warning}<span>${m.notCheckedSince(this.formatDay(prepared.teamUnconfirmedSince))}</span></p>`
        : nothing}
      ${teamFlags(team).map((flag) => html`<p class="notice" part="notice team-note">${ICONS.warning}<span>${flag.kind === 'inactive' ? m.teamInactive : m.noCoordinator}</span></p>`)}
      ${prepared.teamContacts.length
        ? html`<section class="team-contacts" part="team-contacts" aria-labelledby="team-contacts-title">
            ${this.heading(level + 1, 'team-contacts-title', 'subheading', 'group-title', m.teamContacts)}
            <ul class="contacts" part="contacts" role="list">
              ${prepared.teamContacts.map((c) => this.renderContact(c, undefined, prepared.teamContacts.length > 1, true))}
            </ul>
          </section>`
        : nothing}
      ${this.renderFilters(prepared)}
      <p class="result-count live-region" role="status">${arrangement.filtered ? m.resultCount(arrangement.shownCount, arrangement.filterableCount) : ''}</p>
      ${arrangement.filtered && arrangement.shownCount === 0 && arrangement.groups.length === 0
        ? html`<div class="state" part="state no-matches">
            <p>${m.noMatches}</p>
            <button type="button" @click=${this.clearFilters}>${m.clearFilters}</button>
          </div>`
        : nothing}
      <div class="groups">
        ${repeat(
          visible,
          ({ group }) => group.id,
          ({ group, members }, index) => this.renderGroup(group, members, index, level + 1),
        )}
      </div>
      ${this.renderDialog(prepared)}
    </section>`;
  }

  private renderFilters(prepared: PreparedTeam): TemplateResult {
    const m = this.messages;
    return html`<div class="filters" part="filters" role="search" aria-label=${m.filtersLabel}>
      <div class="field">
        <label for="search">${m.searchLabel}</label>
        <input id="search" type="search" autocomplete="off" .value=${live(this.filter ?? '')} @input=${this.onSearchInput} />
      </div>
      ${prepared.sectors.length > 1
        ? html`<div class="field">
            <label for="sector">${m.sectorLabel}</label>
            <select id="sector" @change=${this.onSectorChange}>
              <option value="" ?selected=${!this.sectorFilter}>${m.allSectors}</option>
              ${prepared.sectors.map((s) => html`<option value=${s} ?selected=${s === this.sectorFilter}>${m.sectors[s]}</option>`)}
            </select>
          </div>`
        : nothing}
      ${prepared.endedCount > 0
        ? html`<button type="button" class="toggle-ended" aria-pressed=${this.showEnded ? 'true' : 'false'} @click=${this.toggleEnded}>
            ${m.showEnded(prepared.endedCount)}
          </button>`
        : nothing}
    </div>`;
  }

  private groupTitle(group: GroupView): TemplateResult | string {
    const m = this.messages;
    const key = group.key;
    switch (key.kind) {
      case 'sector':
        return m.sectors[key.sector];
      case 'organisation':
        return html`<span dir="auto">${key.organisation.name}</span>`;
      case 'self':
        return this.currentAudience === 'professional' ? m.groups.selfProfessional : m.groups.self;
      default:
        return m.groups[key.kind];
    }
  }

  private renderGroup(group: GroupView, members: MemberView[], index: number, level: number): TemplateResult {
    const m = this.messages;
    const titleId = `group-${index}`;
    const layout = this.currentLayout;
    const audience = this.currentAudience;
    const professional = audience === 'professional';
    const zone = this.zone;
    return html`<section class="group" part="group" aria-labelledby=${titleId}>
      ${this.heading(level, titleId, 'group-title', 'group-title', this.groupTitle(group))}
      ${group.key.kind === 'organisation' && professional
        ? html`<p class="group-sector">${m.sectors[group.key.organisation.sector]}</p>`
        : nothing}
      <ul class="members" part="list" role="list">
        ${repeat(
          members,
          (view) => view.member.id,
          (view) => guard([view, layout, audience, m, zone], () => this.renderMember(view)),
        )}
        ${group.missingSectors.map((sector) =>
          group.key.kind === 'missing'
            ? html`<li class="missing" part="missing">${m.missingSector(m.sectors[sector])}</li>`
            : html`<li class="missing" part="missing">
                <strong>${m.noneRecorded}</strong>
                <span>${professional ? m.noneRecordedHintProfessional : m.noneRecordedHint}</span>
              </li>`,
        )}
      </ul>
    </section>`;
  }

  private roleText(view: MemberView): string {
    const { member } = view;
    const m = this.messages;
    if (!member.role) return member.kind === 'professional' ? '' : m.memberKinds[member.kind];
    return this.currentAudience === 'professional' ? member.role.professionalLabel || member.role.label : member.role.label;
  }

  private renderBadges(view: MemberView): TemplateResult {
    const m = this.messages;
    const { member } = view;
    const professional = this.currentAudience === 'professional';
    const kind = view.isServiceUser
      ? professional
        ? m.badges.serviceUser
        : m.badges.you
      : member.kind !== 'professional'
        ? m.memberKinds[member.kind]
        : '';
    return html`<span class="badges">
      ${view.isCoordinator
        ? html`<span class="badge coordinator" part="badge badge-coordinator">${ICONS.coordinator}${m.badges.coordinator}</span>`
        : nothing}
      ${kind ? html`<span class="badge" part="badge">${kind}</span>` : nothing}
      ${member.status === 'proposed'
        ? html`<span class="badge" part="badge">${professional ? m.badges.proposedProfessional : m.badges.proposed}</span>`
        : nothing}
      ${view.ended
        ? html`<span class="badge ended" part="badge"
            >${member.period?.end ? m.period.left(this.formatDay(member.period.end)) : m.badges.ended}</span
          >`
        : nothing}
      ${view.unconfirmedSince
        ? html`<span class="badge warning" part="badge badge-warning"
            >${ICONS.warning}${m.memberNotConfirmed(this.formatDay(view.unconfirmedSince))}</span
          >`
        : nothing}
    </span>`;
  }

  private periodText(view: MemberView): string {
    const m = this.messages;
    const period = view.member.period;
    if (!period?.start) return period?.end ? m.period.left(this.formatDay(period.end)) : '';
    return period.end
      ? m.period.between(this.formatDay(period.start), this.formatDay(period.end))
      : m.period.since(this.formatDay(period.start));
  }

  private renderMember(view: MemberView): TemplateResult {
    const { member } = view;
    const m = this.messages;
    const professional = this.currentAudience === 'professional';
    const compact = this.currentLayout === 'compact';
    const role = this.roleText(view);
    const contacts = compact ? view.contacts.slice(0, 1) : view.contacts;
    const period = professional && !compact ? this.periodText(view) : '';
    const confirmed = professional && !compact && member.lastConfirmed ? m.confirmed(this.formatDay(member.lastConfirmed)) : '';
    const parts = `member${view.isCoordinator ? ' member-coordinator' : ''}${view.ended ? ' member-ended' : ''}`;
    return html`<li class="member${view.isCoordinator ? ' coordinator' : ''}${view.ended ? ' ended' : ''}" part=${parts}>
      <div class="member-head">
        <button type="button" class="name" part="name" aria-haspopup="dialog" data-select=${member.id}>
          <span dir="auto">${member.name}</span>
        </button>
        ${this.renderBadges(view)}
      </div>
      ${role
        ? html`<p class="role" part="role">
            <span dir="auto">${role}</span>${professional && member.role ? html`${' '}<span class="code">(${member.role.code})</span>` : nothing}
          </p>`
        : nothing}
      ${view.organisation && !compact ? html`<p class="organisation" dir="auto">${view.organisation.name}</p>` : nothing}
      ${period || confirmed
        ? html`<p class="meta">${period}${period && confirmed ? ' · ' : ''}${confirmed}</p>`
        : nothing}
      ${contacts.length
        ? html`<ul class="contacts" part="contacts" role="list">
            ${contacts.map((c) => this.renderContact(c, view, view.contacts.length > 1, !compact))}
          </ul>`
        : nothing}
    </li>`;
  }

  private hoursRange(opens: string, closes: string): string {
    return opens === '00:00' && closes === '23:59' ? this.messages.hours.allDay : `${opens}\u2013${closes}`;
  }

  private daysText(days: readonly Weekday[]): string {
    const m = this.messages;
    if (days.length === 7) return m.hours.everyDay;
    return dayRuns(days)
      .map((run) => run.map((d) => m.weekdays[d]).join('\u2013'))
      .join(', ');
  }

  private weeklyText({ days, opens, closes }: ContactView['weekly'][number]): string {
    if (days.length === 7 && opens === '00:00' && closes === '23:59') return this.messages.hours.alwaysOpen;
    return `${this.daysText(days)} ${this.hoursRange(opens, closes)}`;
  }

  private renderContact(view: ContactView, owner: MemberView | undefined, markPreferred: boolean, weekly: boolean): TemplateResult {
    const m = this.messages;
    const { contact } = view;
    const action = m.contactActions[contact.channel](contact.value);
    const ownerName = owner?.member.name;
    const preferredLabel = this.currentAudience === 'professional' ? m.badges.preferredProfessional : m.badges.preferred;
    const today = view.today;
    return html`<li class="contact" part="contact">
      ${view.href
        ? html`<a
            class="contact-link"
            href=${view.href}
            data-contact=${view.ref}
            data-owner=${owner?.member.id ?? ''}
            target=${view.external ? '_blank' : nothing}
            rel=${view.external ? 'noopener noreferrer' : nothing}
            >${ICONS[contact.channel]}<span
              >${action}${view.host ? html` <span class="contact-host" dir="ltr">(${view.host})</span>` : nothing}${ownerName
                ? html`<span class="visually-hidden" dir="auto">${m.contactOwner(ownerName)}</span>`
                : nothing}${view.external
                ? html`<span class="visually-hidden"> ${m.opensInNewTab}</span>`
                : nothing}</span
            ></a
          >`
        : html`<span class="contact-text">${action}: <span dir="auto">${contact.value}</span></span>`}
      <span class="contact-meta">
        ${markPreferred && contact.preferred ? html`<span class="badge" part="badge">${preferredLabel}</span>` : nothing}
        ${contact.label ? html`<span dir="auto">${contact.label}</span>` : nothing}
        ${today
          ? html`<span class="hours today${today.open ? '' : ' closed'}"
              >${today.open ? m.hours.today(this.hoursRange(today.opens, today.closes)) : m.hours.closedToday}</span
            >`
          : nothing}
        ${weekly && view.weekly.length
          ? html`<span class="hours weekly"
              >${view.weekly.map((w) => this.weeklyText(w)).join('; ')}</span
            >`
          : nothing}
      </span>
    </li>`;
  }

  private renderDialog(prepared: PreparedTeam): TemplateResult {
    const view = this.selectedId ? prepared.byId.get(this.selectedId) : undefined;
    return html`<dialog
      part="dialog"
      aria-labelledby="details-title"
      @close=${this.onDialogClose}
      @click=${this.onDialogClick}
    >
      ${view ? this.renderDetails(view) : nothing}
    </dialog>`;
  }

  private renderDetails(view: MemberView): TemplateResult {
    const m = this.messages;
    const { member, organisation } = view;
    const professional = this.currentAudience === 'professional';
    const role = this.roleText(view);
    const period = this.periodText(view);
    const sector = view.sector ? m.sectors[view.sector] : '';
    const entry = (term: string, value: unknown) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;
    return html`<div class="details" part="details">
      <div class="details-head">
        <h2 id="details-title"><span dir="auto">${member.name}</span></h2>
        <button type="button" class="close" autofocus @click=${this.closeDetails}>${m.close}</button>
      </div>
      ${this.renderBadges(view)}
      <dl>
        ${role ? entry(m.details.role, html`<span dir="auto">${role}</span>`) : nothing}
        ${professional && member.role ? entry(m.details.code, member.role.code) : nothing}
        ${member.kind !== 'professional' && member.kind !== 'service-user' ? entry(m.details.kind, m.memberKinds[member.kind]) : nothing}
        ${organisation ? entry(m.details.organisation, html`<span dir="auto">${organisation.name}</span>`) : nothing}
        ${organisation?.offers ? entry(m.details.offers, html`<span dir="auto">${organisation.offers}</span>`) : nothing}
        ${professional && sector ? entry(m.details.sector, sector) : nothing}
        ${professional && period ? entry(m.details.period, period) : nothing}
        ${professional && member.lastConfirmed ? entry(m.details.lastConfirmed, this.formatDay(member.lastConfirmed)) : nothing}
      </dl>
      <h3 class="subheading">${m.details.contacts}</h3>
      ${view.contacts.length
        ? html`<ul class="contacts" part="contacts" role="list">
            ${view.contacts.map((c) => this.renderContact(c, view, view.contacts.length > 1, true))}
          </ul>`
        : html`<p>${m.details.noContacts}</p>`}
      ${organisation && view.organisationContacts.length
        ? html`<h3 class="subheading"><span dir="auto">${m.details.organisationContacts(organisation.name)}</span></h3>
            <ul class="contacts" part="contacts" role="list">
              ${view.organisationContacts.map((c) => this.renderContact(c, view, view.organisationContacts.length > 1, true))}
            </ul>`
        : nothing}
      ${member.note
        ? html`<h3 class="subheading">${m.details.note}</h3>
            <p class="note" dir="auto">${member.note}</p>`
        : nothing}
    </div>`;
  }

  // ----- user actions -----

  /** One listener for every contact link and name button, so a large team creates no closures per item. */
  private readonly onRosterClick = (event: MouseEvent) => {
    const target = event.target as Element | null;
    const link = target?.closest?.('a[data-contact]');
    if (link instanceof HTMLAnchorElement) {
      this.useContact(event, link);
      return;
    }
    const select = target?.closest?.('button[data-select]');
    if (select instanceof HTMLButtonElement) this.selectMember(select.dataset.select ?? '', select);
  };

  private useContact(event: MouseEvent, link: HTMLAnchorElement) {
    const prepared = this.prepared;
    if (!prepared) return;
    const owner = link.dataset.owner ? prepared.byId.get(link.dataset.owner) : undefined;
    const pool = owner ? [...owner.contacts, ...owner.organisationContacts] : prepared.teamContacts;
    const view = pool.find((c) => c.ref === link.dataset.contact);
    if (!view?.href) return;
    const notice = new CareContactEvent({ member: owner?.member, contact: view.contact, href: view.href });
    this.dispatchEvent(notice);
    if (notice.defaultPrevented) event.preventDefault();
  }

  private selectMember(id: string, opener: HTMLElement) {
    const view = this.prepared?.byId.get(id);
    if (!view) return;
    const notice = new CareMemberSelectEvent(view.member);
    this.dispatchEvent(notice);
    if (notice.defaultPrevented) return;
    this.opener = opener;
    this.selectedId = id;
  }

  private readonly closeDetails = () => {
    this.dialog?.close();
  };

  private readonly onDialogClick = (event: MouseEvent) => {
    // A click on the dialog box itself (not its content) is a click on the backdrop.
    if (event.target === this.dialog) this.dialog?.close();
  };

  private readonly onDialogClose = () => {
    const id = this.selectedId;
    this.selectedId = undefined;
    const opener =
      this.opener?.isConnected && this.renderRoot.contains(this.opener)
        ? this.opener
        : id
          ? (this.renderRoot.querySelector(`button[data-select="${CSS.escape(id)}"]`) as HTMLElement | null)
          : null;
    this.opener = undefined;
    opener?.focus();
  };

  private readonly onSearchInput = (event: Event) => {
    this.filter = (event.target as HTMLInputElement).value;
  };

  private readonly onSectorChange = (event: Event) => {
    this.sectorFilter = (event.target as HTMLSelectElement).value;
  };

  private readonly toggleEnded = () => {
    this.showEnded = !this.showEnded;
  };

  private readonly clearFilters = () => {
    this.filter = '';
    this.sectorFilter = '';
    void this.updateComplete.then(() => (this.renderRoot.querySelector('#search') as HTMLInputElement | null)?.focus());
  };
}

const isLargeTeam = (input: unknown): boolean => {
  const members = (input as { members?: unknown } | null)?.members;
  return Array.isArray(members) && members.length > LARGE_TEAM;
};

const sameKey = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);
