import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { Kept, KeyedKept } from '../base/kept.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';
import { isTimeZone } from '../../contract/common.js';
import type { ContractIssue } from '../../contract/validate.js';
import { CareTeam, type CareTeamInput } from '../../contract/team.js';
import { AUDIENCES, SECTORS, type Audience, type Sector } from '../../contract/values.js';
import { calendarDate } from '../../i18n/format.js';
import type { CommonMessages, RosterMessages } from '../../i18n/types.js';
import { CareElement } from '../base/care-element.js';
import { headingLevel, headingTag, type HeadingLevel } from '../base/heading-level.js';
import { CareContactEvent, CareMemberSelectEvent } from './events.js';
import {
  allowed,
  arrangeTeam,
  firstMembers,
  isIsoDate,
  isLargeTeam,
  prepareTeam,
  ROSTER_GROUPINGS,
  ROSTER_LAYOUTS,
  TEAM_TIME_ZONE,
  type PreparedTeam,
  type RosterArrangement,
  type RosterGrouping,
  type RosterLayout,
} from './roster-model.js';
import type { RosterContext, RosterListMessages } from './member-view.js';
import { renderEmpty, renderFilters, renderGroup, renderTeamHeader } from './roster-sections.js';
import { rosterStyles } from './team-roster.styles.js';
import { rosterList } from '../../i18n/catalogues/en/roster-list.js';
import { rosterTranslations } from '../../i18n/translations.js';
import { RosterTeamCheck } from './team-check.js';
import { RosterPaging } from './roster-paging.js';
import { RosterPace } from './roster-pace.js';
import { MemberDetails } from './member-details.js';
import { sameKey } from '../base/same-key.js';

export { CareContactEvent, CareMemberSelectEvent, type CareContactDetail } from './events.js';

type Messages = RosterListMessages & CommonMessages;

type DataState =
  | { kind: 'ready'; team: CareTeam }
  | { kind: 'invalid'; issues: ContractIssue[] }
  | { kind: 'loading' }
  | { kind: 'load-error' }
  | { kind: 'empty' };

/**
 * Members rendered in the first frame (more than a screenful of cards at 1280 × 900, where 12
 * detailed cards show); the rest follow frame by frame, so 1,000 members never block input.
 */
const FIRST_BATCH = 16;

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
 * @csspart status - The status line that says when the details dialog could not be opened (its code did not arrive).
 * @csspart state - The loading, empty, error and no-match states.
 * @csspart page-status - "Showing 100 of 5,000 members" on a roster of more than 200 (shown in pages of 100).
 * @csspart show-more - The "Show more members" button of a roster shown in pages.
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
export class CareTeamRoster extends CareElement<'roster', Omit<RosterMessages, 'details'>> {
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    team: { attribute: false },
    audience: { reflect: true },
    groupBy: { attribute: 'group-by', reflect: true },
    layout: { reflect: true },
    showEnded: { type: Boolean, attribute: 'show-ended', reflect: true },
    confirmWithinDays: { type: Number, attribute: 'confirm-within-days' },
    filter: {},
    sectorFilter: { attribute: 'sector-filter' },
    today: {},
    timeZone: { attribute: 'time-zone' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    renderLimit: { state: true },
  };

  static override styles = [...CareElement.styles, rosterStyles];

  protected readonly namespace = 'roster' as const;
  /** English: what the list shows; the dialog's strings arrive with the dialog, before anything shows them. */
  protected get english(): Omit<RosterMessages, 'details'> {
    return this.details.module?.english ?? rosterList;
  }
  protected readonly translations = rosterTranslations;

  /** The care team to show (controlled mode). Checked against the data contract once per object. When unset, the team comes from the store of an enclosing `<care-context>`. */
  team?: CareTeamInput;

  /** Who is reading: `service-user` (plain words, large targets, fewer details) or `professional` (role codes, organisations, periods, confirmations). Decides which private contacts are shown. */
  audience: Audience = 'service-user';

  /** Group members by `sector`, by `organisation`, or `none` (one list). */
  groupBy: RosterGrouping = 'sector';

  /** `detailed` cards with every contact and hours, or `compact` rows with the preferred contact only. */
  layout: RosterLayout = 'detailed';

  /** Show members who have left the team, marked as ended. The user can also toggle this. */
  showEnded = false;

  /** Mark the team and members whose last confirmation is older than this many days. */
  confirmWithinDays?: number;

  /** Text filter over names, roles and organisations. The search box edits it. */
  filter = '';

  /** Show only members of this sector (`municipal`, `specialist`, …). The sector filter edits it. */
  sectorFilter: Sector | '' = '';

  /** Today as `YYYY-MM-DD`, for "today 08:00–15:30" and confirmation marks. Defaults to the current date in `time-zone`. */
  today?: string;

  /** IANA zone of the team's hours and dates. */
  timeZone = TEAM_TIME_ZONE;

  /** Level of the element's heading (1–6, default 2), so it fits the host page; group headings are one level below, never deeper than 6. */
  headingLevel: HeadingLevel = 2;

  private renderLimit = FIRST_BATCH;

  /** The search box, by reference: focus never depends on a selector. */
  private readonly searchRef = new Kept<HTMLInputElement>();
  /** Each member's name button, by member id: focus returns to it when the details dialog closes. */
  private readonly nameButtons = new KeyedKept<string>();
  /** The member details dialog, its code loaded when a person first chooses a name. */
  private readonly details = new MemberDetails(this, (id) => this.nameButtons.get(id).value);
  private ctx!: RosterContext;

  private dataState: DataState = { kind: 'empty' };
  private prepared?: PreparedTeam;
  private preparedKey: unknown[] = [];
  private arrangement?: RosterArrangement;
  private arrangementKey: unknown[] = [];
  private renderedCount = 0;
  /** Changes when the person filters, groups or shows people who have left: the lists are then built afresh. */
  private listVersion = 0;
  /** Heavy steps in tasks of their own, members in batches after painted frames. */
  private readonly pace = new RosterPace(this, (size) => (this.renderLimit += size));
  private readonly paging = new RosterPaging();
  private readonly teamCheck = new RosterTeamCheck(
    () => this.pace.afterPaint.nextTask(),
    (input, result) => this.rememberCheck(CareTeam, input, result),
    () => this.requestUpdate(),
  );

  /** Resolves when every member is rendered (large teams are checked, prepared and rendered over several frames). */
  protected override getUpdateComplete(): Promise<boolean> {
    // Settled only when the dialog's code on its way is in (or failed) too.
    return this.pace.afterPaint.settle(async () => (await this.details.pending, super.getUpdateComplete()));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A large team does at most one heavy step per task, so no single task blocks input for long.
    let heavySteps = this.pace.begin();

    const source = this.resolveSource();
    if ('kind' in source) return this.showState(source);
    const large = isLargeTeam(source.input);
    const mayWork = () => !large || heavySteps-- > 0;
    const waitForNextStep = () => {
      // Keep the team already on screen (and the focus in it) until the new one is ready.
      this.pace.waitForStep();
      if (this.dataState.kind !== 'ready') this.showState({ kind: 'loading' });
    };

    let team: CareTeam;
    if (source.trusted) {
      team = source.input as CareTeam;
    } else {
      const input = source.input;
      const known = this.teamCheck.known(input);
      if (!known && large) {
        // Thousands of members are checked in steps of their own between frames; this update
        // shows what is on screen (or loading) and the check asks for the next one when done.
        if (!this.teamCheck.stepsDone(input as object)) {
          if (this.dataState.kind !== 'ready') this.showState({ kind: 'loading' });
          return;
        }
      } else if (!known && !mayWork()) return waitForNextStep();
      const result = this.checkInput('team', CareTeam, input);
      this.teamCheck.mark(input);
      if (!('value' in result)) return this.showState({ kind: 'invalid', issues: result.issues });
      team = result.value;
    }

    const audience = this.currentAudience;
    const preparedKey = [team, audience, this.todayDate, this.confirmWithinDays];
    if (!sameKey(preparedKey, this.preparedKey)) {
      if (!mayWork()) return waitForNextStep();
      this.preparedKey = preparedKey;
      this.nameButtons.prune();
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
      // A new filter on the same team: building the first members afresh is quicker than taking
      // thousands out of the lists one by one (and bounded, however large the team); the rest
      // follow frame by frame, as on first render.
      const before = this.arrangementKey[0] as PreparedTeam | undefined;
      const refiltered = before === prepared && this.renderedCount > FIRST_BATCH;
      // Another search, grouping or team starts on the first page; fresher data of the same team keeps the page.
      if (before === prepared || before?.team.id !== prepared.team.id) this.paging.reset();
      this.arrangementKey = arrangementKey;
      this.arrangement = arrangeTeam(prepared, {
        groupBy: this.currentGrouping,
        showEnded: this.showEnded,
        text: this.filter ?? '',
        sector,
      });
      if (refiltered) {
        this.listVersion += 1;
        this.renderLimit = FIRST_BATCH;
      } else {
        // The same filter on changed data: keep what is already on screen; add the rest over the next frames.
        this.renderLimit = Math.max(FIRST_BATCH, Math.min(this.renderedCount, this.arrangement.shownCount));
      }
    }
    this.details.dialog?.keepOnly(prepared);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.pace.rendered(this.renderedCount);
    this.paging.focusFirstNew((id) => this.nameButtons.get(id).value);
    this.pace.followUp(this.dataState.kind === 'ready' && this.renderLimit < this.paging.shown(this.arrangement?.shownCount ?? 0));
  }

  /** Today's hours and confirmation marks are shown as they stand on the new day. */
  protected override dayKey(): string {
    return this.todayDate;
  }

  override render(): TemplateResult {
    const state = this.dataState;
    this.ctx = {
      m: this.messages,
      professional: this.currentAudience === 'professional',
      compact: this.currentLayout === 'compact',
      formatDay: (isoDate) => this.localize.date(isoDate),
      nameButton: (id) => this.nameButtons.get(id),
    };
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
        return this.renderFrame(renderEmpty(this.ctx));
    }
  }

  // ----- data -----

  /** Where the team comes from: the `team` property, the store, or a state without a team. */
  private resolveSource(): { input: unknown; trusted: boolean } | Exclude<DataState, { kind: 'ready' | 'invalid' }> {
    // One rule for every element: the host's team wins; without one it comes from the store.
    const store = this.connection.storeFor(this.team);
    if (!store) return this.team === undefined || this.team === null ? { kind: 'empty' } : { input: this.team, trusted: false };
    const snapshot = this.snapshot ?? store.snapshot;
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
    this.details.dialog?.forget();
  }

  private get currentAudience(): Audience {
    return allowed(AUDIENCES, this.audience, 'service-user');
  }

  private get currentGrouping(): RosterGrouping {
    return allowed(ROSTER_GROUPINGS, this.groupBy, 'sector');
  }

  private get currentLayout(): RosterLayout {
    return allowed(ROSTER_LAYOUTS, this.layout, 'detailed');
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

  // ----- rendering -----

  private heading(level: number, id: string, className: string, part: string, content: unknown) {
    const tag = headingTag(level);
    return staticHtml`<${tag} id=${id} class=${className} part=${part}>${content}</${tag}>`;
  }

  /** The roster's heading: the team's name for a professional, the person's own title otherwise. */
  private renderTitle(team?: CareTeam) {
    const m = this.messages;
    const text = this.currentAudience === 'professional' ? team?.name || m.titleProfessional : m.title;
    return this.heading(this.level, 'roster-title', 'title', 'title', html`<span dir="auto">${text}</span>`);
  }

  private renderFrame(content: unknown): TemplateResult {
    return html`<section class="roster" part="base" aria-labelledby="roster-title">${this.renderTitle()} ${content}</section>`;
  }

  private renderRoster(prepared: PreparedTeam, arrangement: RosterArrangement): TemplateResult {
    const m = this.messages;
    const level = this.level;
    this.pace.rendering(this.renderedCount);
    // Render up to `renderLimit` members of the page; later groups follow in the next frames.
    const [visible, count] = firstMembers(arrangement.groups, Math.min(this.renderLimit, this.paging.shown(arrangement.shownCount)));
    this.renderedCount = count;

    return html`<section class="roster" part="base" aria-labelledby="roster-title" @click=${this.onRosterClick}>
      ${renderTeamHeader(this.ctx, prepared, {
        title: this.renderTitle(prepared.team),
        contactsTitle: this.heading(level + 1, 'team-contacts-title', 'subheading', 'group-title', m.teamContacts),
      })}
      ${renderFilters(this.ctx, prepared, {
        filter: this.filter ?? '',
        sectorFilter: this.sectorFilter,
        showEnded: this.showEnded,
        search: this.searchRef,
        onSearch: this.onSearchInput,
        onSector: this.onSectorChange,
        onToggleEnded: this.toggleEnded,
      })}
      <p class="result-count live-region" role="status">${arrangement.filtered ? m.resultCount(arrangement.shownCount, arrangement.filterableCount) : ''}</p>
      <p class="live-region" role="status" part="status">${this.details.message}</p>
      ${arrangement.filtered && arrangement.shownCount === 0 && arrangement.groups.length === 0
        ? html`<div class="state" part="state no-matches">
            <p>${m.noMatches}</p>
            <button type="button" @click=${this.clearFilters}>${m.clearFilters}</button>
          </div>`
        : nothing}
      <div class="groups">
        ${keyed(
          this.listVersion,
          repeat(
            visible,
            ({ group }) => group.id,
            ({ group, members }, index) =>
              renderGroup(this.ctx, { group, members, index, level: level + 1 }, (lvl, id, content) => this.heading(lvl, id, 'group-title', 'group-title', content), [
                this.currentLayout,
                this.currentAudience,
                this.messages,
                this.zone,
              ]),
          ),
        )}
      </div>
      ${this.paging.render(this.ctx, arrangement, this.showMore)}
      ${this.details.dialog?.render(this.ctx, prepared)}
    </section>`;
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
    if (select instanceof HTMLButtonElement) void this.selectMember(select.dataset.select ?? '', select);
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

  /**
   * Opens the member's details once the dialog's code is in. When it did not arrive the status
   * region says so; focus stays on the name, so choosing it again tries again.
   */
  private async selectMember(id: string, opener: HTMLElement) {
    const view = this.prepared?.byId.get(id);
    if (!view) return;
    const notice = new CareMemberSelectEvent(view.member);
    this.dispatchEvent(notice);
    if (notice.defaultPrevented) return;
    await this.details.open(id, opener, () => this.t);
  }

  private readonly onSearchInput = (event: Event) => {
    this.filter = (event.target as HTMLInputElement).value;
  };

  private readonly onSectorChange = (event: Event) => {
    this.sectorFilter = (event.target as HTMLSelectElement).value as Sector | '';
  };

  private readonly toggleEnded = () => {
    this.showEnded = !this.showEnded;
  };

  /** The next page of a long roster; the first new member takes the focus once it is on the page. */
  private readonly showMore = () => {
    if (!this.arrangement) return;
    const before = this.paging.more(this.arrangement);
    this.renderLimit = Math.max(this.renderLimit, before + FIRST_BATCH);
    this.requestUpdate();
  };

  private readonly clearFilters = () => {
    this.filter = '';
    this.sectorFilter = '';
    void this.updateComplete.then(() => this.searchRef.value?.focus());
  };
}
