import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import * as v from 'valibot';
import { ConsentDirective, isInForce, type ConsentDirectiveInput, type Decider } from '../../contract/consent.js';
import { localDay } from '../../contract/rules.js';
import { CareTeam, type CareTeamInput, type Member } from '../../contract/team.js';
import type { ContractIssue } from '../../contract/validate.js';
import { RECIPIENT_KINDS, type Audience, type ConsentMethod } from '../../contract/values.js';
import type { ConsentMessages } from '../../i18n/types.js';
import { CareElement } from '../base/care-element.js';
import { headingLevel, type HeadingLevel } from '../base/heading-level.js';
import type { CareConsentChangeEvent } from '../consent-toggle/events.js';
import { consentListStyles } from './consent-list.styles.js';
import { uncoveredMembers } from './coverage.js';
import { entityKey } from '../../data/types.js';
import { consent } from '../../i18n/catalogues/en/consent.js';
import { consentTranslations } from '../../i18n/translations.js';
import { AfterPaint } from '../base/after-paint.js';
import { roleLabel } from '../base/role-label.js';

const ConsentList = v.array(ConsentDirective);

/**
 * Toggles rendered in the first frame: about a screenful (a toggle is about 450 px high in a
 * 1280 px wide window, taller when narrow); the rest follow frame by frame, so a long list never
 * blocks input for long.
 */
const FIRST_BATCH = 3;
/** Rendering time aimed at per following frame (well under the 50 ms of a long task); batch sizes adapt to the device. */
const BATCH_BUDGET_MS = 30;
const MIN_BATCH = 4;
const MAX_BATCH = 100;

type View =
  | { kind: 'loading' }
  | { kind: 'load-error' }
  | { kind: 'invalid'; issues: ContractIssue[] }
  | { kind: 'ready'; consents: ConsentDirective[]; team?: CareTeam; connected: boolean };

type ReadyView = Extract<View, { kind: 'ready' }>;


/** The toggle's parts, renamed with a `toggle-` prefix so the list's own parts keep their names. */

const TOGGLE_PARTS = 'base:toggle, heading:toggle-heading, control:toggle-control, label:toggle-label, switch:toggle-switch, track:toggle-track, thumb:toggle-thumb, choice:toggle-choice, state:toggle-state, status:toggle-status, error:toggle-error, retry:toggle-retry, details:toggle-details, history:toggle-history';

/**
 * @summary Every consent to share the person's information, grouped by who receives it, each with
 * its own `<care-consent-toggle>`, and the team members no active consent reaches.
 *
 * Feed it `consents` and `team` (controlled), or put it inside `<care-context>` (connected): then
 * it reads the care record and each toggle saves through the store. The summary and the list of
 * members not covered count saved decisions only, never one still being saved.
 *
 * @csspart base - The whole overview.
 * @csspart heading - The overview's title.
 * @csspart summary - "3 of 6 agreements allow sharing".
 * @csspart group - One group of consents (organisations, whole team, people).
 * @csspart uncovered - The team members not covered by any active consent.
 * @csspart toggle - Each consent's box (the `base` part of its `<care-consent-toggle>`); every part of
 * the toggle is reachable with a `toggle-` prefix: `toggle-heading`, `toggle-control`, `toggle-label`,
 * `toggle-switch`, `toggle-track`, `toggle-thumb`, `toggle-choice`, `toggle-state`, `toggle-status`,
 * `toggle-error`, `toggle-retry`, `toggle-details`, `toggle-history`.
 *
 * @cssprop [--care-consent-list-gap=var(--care-space-4)] - Space between groups.
 *
 * @fires care-consent-request - From a toggle inside, before a decision is saved (cancelable).
 * @fires care-consent-change - From a toggle inside, after a decision has been saved.
 * @fires care-error - From a toggle inside, when a decision could not be saved.
 * @fires care-data-error - When `consents` or `team` break the data contract.
 */
export class CareConsentList extends CareElement<'consent'> {
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    consents: { attribute: false },
    team: { attribute: false },
    audience: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    decidedBy: { attribute: false },
    disabled: { type: Boolean, reflect: true },
    method: {},
    now: { attribute: false },
    savedHere: { state: true },
    renderLimit: { state: true },
  };

  static override styles = [...CareElement.styles, consentListStyles];

  protected readonly namespace = 'consent' as const;
  protected readonly english: ConsentMessages = consent;
  protected readonly translations = consentTranslations;

  /** The person's consent directives (controlled mode). Checked against the data contract. */
  consents?: ConsentDirectiveInput[];

  /** The care team: names the person and finds the members no consent covers. */
  team?: CareTeamInput;

  /** Who reads it: `service-user` ("you", plain words) or `professional`. */
  audience: Audience = 'service-user';

  /** Level of the overview's heading (1–6); groups and consents take the levels below it. */
  headingLevel: HeadingLevel = 2;

  /** Passed to every toggle: who decides when it is not the person themselves. */
  decidedBy?: Decider | { name: string; memberId?: string; relation?: Decider['relation'] };

  /**
   * Read-only: every decision is shown with its history, and no toggle can be changed. For a
   * reader who may see the person's decisions but not record them.
   */
  disabled = false;

  /** Passed to every toggle: how decisions made here are given (`digital` by default). */
  method: ConsentMethod = 'digital';

  /** The moment review and end dates are compared with. Defaults to now. */
  now?: Date | string;

  /** Decisions saved through the toggles in controlled mode, by directive id. */
  private savedHere = new Map<string, ConsentDirective>();

  private view: View = { kind: 'loading' };

  /** How many toggles are rendered now: every one of them soon after the first frame. */
  private renderLimit = FIRST_BATCH;
  private renderStart?: { at: number; rendered: number };
  private renderedCount = 0;
  private msPerToggle = 2;
  private readonly afterPaint = new AfterPaint(this);

  /** Resolves when every toggle is rendered (a long list is rendered over several frames). */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.afterPaint.settle(() => super.getUpdateComplete());
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const start = this.renderStart;
    this.renderStart = undefined;
    const added = start ? this.renderedCount - start.rendered : 0;
    if (start && added >= MIN_BATCH) {
      // Smoothed cost of one toggle here, its own first render included (the toggles render after
      // this, in the same task; the last one finishes last), to size the next batch.
      const toggles = this.renderRoot.querySelectorAll<CareElement<'consent'>>('care-consent-toggle');
      void toggles[toggles.length - 1]?.updateComplete.then(() => {
        this.msPerToggle = (this.msPerToggle + (performance.now() - start.at) / added) / 2;
      });
    }
    const total = this.view.kind === 'ready' ? this.view.consents.length : 0;
    if (this.renderLimit < total) this.scheduleFollowUp();
  }

  /** After the next frame has painted, in a task of its own: the next batch of toggles. */
  private scheduleFollowUp() {
    this.afterPaint.schedule(() => {
      const size = Math.round(BATCH_BUDGET_MS / Math.max(this.msPerToggle, 0.01));
      this.renderLimit += Math.min(MAX_BATCH, Math.max(MIN_BATCH, size));
    });
  }

  private get connected(): boolean {
    return Boolean(this.store) && this.consents === undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('consents')) this.savedHere = new Map();
    this.view = this.computeView();
  }

  private computeView(): View {
    const checkedTeam = this.checkOptionalInput('team', CareTeam, this.team);
    if ('issues' in checkedTeam) return { kind: 'invalid', issues: checkedTeam.issues };
    let team = checkedTeam.value;
    if (this.connected) {
      const snapshot = this.snapshot;
      const record = snapshot?.record;
      if (!snapshot || !record) return snapshot?.status === 'error' ? { kind: 'load-error' } : { kind: 'loading' };
      // Count a directive by what the source holds while a save of it is under way.
      const consents = record.consents.map((c) => {
        const key = entityKey('consent', c.id);
        return (snapshot.pending.has(key) ? (snapshot.entities.get(key)?.confirmed as ConsentDirective | undefined) : undefined) ?? c;
      });
      team ??= record.team;
      return { kind: 'ready', consents: this.ofServiceUser(consents, team), team, connected: true };
    }
    if (this.consents === undefined) return { kind: 'loading' };
    const checked = this.checkInput('consents', ConsentList, this.consents);
    if ('issues' in checked) return { kind: 'invalid', issues: checked.issues };
    // Each directive passed the list's check: its toggle need not check it again.
    for (const directive of checked.value) this.rememberCheck(ConsentDirective, directive, { ok: true, value: directive });
    const consents = checked.value.map((c) => this.savedHere.get(c.id) ?? c);
    return { kind: 'ready', consents: this.ofServiceUser(consents, team), team, connected: false };
  }

  private ofServiceUser(consents: ConsentDirective[], team: CareTeam | undefined): ConsentDirective[] {
    return team ? consents.filter((c) => c.subjectId === team.serviceUserId) : consents;
  }

  /** An agreement that ends or begins at midnight is shown as it stands on the new day. */
  protected override dayKey(): string {
    return this.today;
  }

  override render(): TemplateResult {
    const view = this.view;
    switch (view.kind) {
      case 'loading':
        return this.renderLoading();
      case 'load-error':
        return this.renderLoadError(() => void this.store?.load());
      case 'invalid':
        return this.renderDataError(view.issues);
      case 'ready':
        return this.renderOverview(view);
    }
  }

  /** The reader's calendar day, `YYYY-MM-DD`, or the day of `now`. */
  private get today(): string {
    return localDay(this.now);
  }

  private get words() {
    return this.audience === 'professional' ? this.t.person : this.t.you;
  }

  private renderOverview(view: ReadyView): TemplateResult {
    const t = this.t;
    const level = headingLevel(this.headingLevel, 2);
    // An agreement that has ended, or has not begun, does not count as allowing sharing.
    const allowed = view.consents.filter((c) => isInForce(c, this.today)).length;
    // Render up to `renderLimit` toggles, group by group; the rest follow in the next frames. The
    // summary and the members not covered count every consent from the start.
    let budget = Math.max(this.renderLimit, this.renderedCount);
    const shown = new Map<(typeof RECIPIENT_KINDS)[number], ConsentDirective[]>();
    for (const kind of RECIPIENT_KINDS) {
      const items = view.consents.filter((c) => c.recipient.kind === kind);
      const taken = items.length <= budget ? items : items.slice(0, Math.max(0, budget));
      budget -= taken.length;
      shown.set(kind, taken);
    }
    this.renderStart = { at: performance.now(), rendered: this.renderedCount };
    this.renderedCount = [...shown.values()].reduce((n, items) => n + items.length, 0);
    return html`<section class="list" part="base" aria-labelledby="title">
      <div class="title" part="heading" role="heading" aria-level=${level} id="title">${this.words.listTitle}</div>
      ${view.consents.length === 0
        ? html`<p class="state" part="state empty">${this.words.empty}</p>`
        : html`<p class="summary" part="summary">${t.summary(allowed, view.consents.length)}</p>
            ${RECIPIENT_KINDS.map((kind) => this.renderGroup(view, kind, shown.get(kind) ?? [], level))}`}
      ${view.connected ? this.renderLeftOut('ConsentDirective') : nothing}
      ${view.team ? this.renderUncovered(view, view.team, level) : nothing}
    </section>`;
  }

  private renderGroup(view: ReadyView, kind: (typeof RECIPIENT_KINDS)[number], items: ConsentDirective[], level: number): TemplateResult | typeof nothing {
    if (items.length === 0) return nothing;
    const headingId = `group-${kind}`;
    return html`<div class="group" part="group">
      <div class="group-title" role="heading" aria-level=${headingLevel(level, 2, 1)} id=${headingId}>${this.t.groups[kind]}</div>
      <ul class="toggles" aria-labelledby=${headingId} @care-consent-change=${this.rememberSaved}>
        ${repeat(
          items,
          (c) => c.id,
          (c) =>
            html`<li>
              <care-consent-toggle
                directive-id=${view.connected ? c.id : nothing}
                audience=${this.audience}
                lang=${this.locale}
                method=${this.method}
                ?disabled=${this.disabled}
                heading-level=${headingLevel(level, 2, 2)}
                exportparts="${TOGGLE_PARTS}"
                .labels=${this.labels}
                .decidedBy=${this.decidedBy}
                .now=${this.now}
                .team=${this.team}
                .actor=${view.connected ? undefined : this.actor}
                .directive=${view.connected ? undefined : c}
              ></care-consent-toggle>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderUncovered(view: ReadyView, team: CareTeam, level: number): TemplateResult {
    const members = uncoveredMembers(team, view.consents, this.today);
    const words = this.words;
    return html`<div class="uncovered ${members.length === 0 ? 'none' : ''}" part="uncovered">
      <div class="group-title" role="heading" aria-level=${headingLevel(level, 2, 1)}>${words.uncoveredTitle}</div>
      ${members.length === 0
        ? html`<p>${words.uncoveredNone}</p>`
        : html`<p id="uncovered-intro">${words.uncoveredIntro}</p>
            <ul class="members" aria-labelledby="uncovered-intro">
              ${members.map((m) => html`<li>${m.name}${this.memberDetail(m, team)}</li>`)}
            </ul>`}
    </div>`;
  }

  private memberDetail(member: Member, team: CareTeam): TemplateResult | typeof nothing {
    const role = roleLabel(member, this.audience === 'professional');
    const organisation = team.organisations.find((o) => o.id === member.organisationId)?.name;
    const parts = [role, organisation].filter((p): p is string => Boolean(p));
    return parts.length ? html`<span class="member-role">, ${parts.join(', ')}</span>` : nothing;
  }

  /** Controlled mode: counts a decision once a toggle inside has saved it. */
  private rememberSaved = (event: CareConsentChangeEvent) => {
    if (this.connected) return;
    const next = new Map(this.savedHere);
    next.set(event.detail.directive.id, event.detail.directive);
    this.savedHere = next;
  };
}
