import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ConsentDirective,
  Decider,
  type ConsentDirectiveInput,
  type ConsentHistoryEntry,
} from '../../contract/consent.js';
import { CareTeam, type CareTeamInput, type Member } from '../../contract/team.js';
import type { ContractIssue } from '../../contract/validate.js';
import {
  CONSENT_STATES,
  type Audience,
  type ConsentMethod,
  type ConsentModel,
  type ConsentState,
} from '../../contract/values.js';
import { NO_ACTOR } from '../../data/store.js';
import { entityKey, StoreError } from '../../data/types.js';
import type { Actor } from '../../contract/common.js';
import { calendarDate, formatDate, formatList, formatTime } from '../../i18n/format.js';
import type { ConsentMessages } from '../../i18n/types.js';
import { CareElement } from '../base/care-element.js';
import { headingLevel } from '../base/heading-level.js';
import { CareErrorEvent } from '../base/events.js';
import { carryIntent } from '../base/intent.js';
import { consentToggleStyles } from './consent-toggle.styles.js';
import { actionFor, allowsSharing, newestFirst, nextConsentState, recordDecision } from './decision.js';
import { CareConsentChangeEvent, CareConsentRequestEvent } from './events.js';
import { consent } from '../../i18n/catalogues/en/consent.js';

/** A save that did not go through, kept until it is retried or dismissed. */
interface Failure {
  error: StoreError;
  state: ConsentState;
  /** After a conflict where both decided differently: the other person's decision. */
  theirs?: ConsentState;
}

/** What the element has to show, worked out once per update. */
type View =
  | { kind: 'loading' }
  | { kind: 'load-error' }
  | { kind: 'invalid'; issues: ContractIssue[] }
  | { kind: 'not-found'; id: string }
  | {
      kind: 'ready';
      /** The directive as saved: the only state ever shown as current. */
      saved: ConsentDirective;
      team?: CareTeam;
      /** The state asked for while a save is under way. */
      pending?: ConsentState;
      failure?: Failure;
    };

type ReadyView = Extract<View, { kind: 'ready' }>;

const isConsentState = (value: unknown): value is ConsentState =>
  typeof value === 'string' && (CONSENT_STATES as readonly string[]).includes(value);

const capitalise = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/**
 * @summary One consent to share information (this person → this recipient, for these purposes),
 * given, refused and withdrawn with equal ease, and never shown as changed before it is saved.
 *
 * Feed it a `directive` (controlled) or, inside `<care-context>`, a `directive-id` (connected).
 * Under the opt-in model nothing is shared until the person says yes; under the objection model
 * sharing is allowed until they say no. A directive with no recorded choice shows two equal
 * buttons and no pre-selected answer; once a choice exists, a switch (WAI-ARIA switch pattern)
 * changes it with one activation either way. While a save is under way the saved state stays on
 * screen with "Saving your choice…"; a failed save keeps the saved state, explains what went wrong
 * and offers to try again. It takes part in a native `<form>`: its value is the saved state.
 *
 * @csspart base - The box around one consent.
 * @csspart heading - The recipient's name.
 * @csspart control - The row with the switch or the two choice buttons.
 * @csspart label - The visible name of the switch: what is shared with whom.
 * @csspart switch - The switch button (role switch).
 * @csspart track - The switch's track.
 * @csspart thumb - The switch's thumb.
 * @csspart choice - Each of the two buttons shown while no choice is recorded.
 * @csspart state - The sentence that says the current state and since when.
 * @csspart status - The live message while saving and after a save.
 * @csspart error - The message shown when a save failed.
 * @csspart retry - The button that tries a failed save again.
 * @csspart details - What is shared, why, and what happens if not.
 * @csspart history - The history disclosure.
 *
 * @cssprop [--care-consent-toggle-gap=var(--care-space-3)] - Space between the parts.
 * @cssprop [--care-consent-toggle-track-on=var(--care-color-accent)] - Track colour when sharing is allowed.
 * @cssprop [--care-consent-toggle-track-off=var(--care-color-surface)] - Track colour when it is not.
 * @cssprop [--care-consent-toggle-track-border=var(--care-color-border)] - Track border (always visible, also in forced colours).
 * @cssprop [--care-consent-toggle-thumb-on=var(--care-color-accent-text)] - Thumb colour when sharing is allowed.
 * @cssprop [--care-consent-toggle-thumb-off=var(--care-color-text-muted)] - Thumb colour when it is not.
 * @cssprop [--care-consent-toggle-surface=var(--care-color-surface)] - Background of the box.
 *
 * @fires care-consent-request - Before a decision is saved. Cancelable; `waitUntil(promise)` makes the element wait for the host.
 * @fires care-consent-change - After a decision has been saved.
 * @fires care-error - When a decision could not be saved; the element shows why and offers retry.
 * @fires care-data-error - When `directive`, `team` or `decidedBy` break the data contract.
 */
export class CareConsentToggle extends CareElement<'consent'> {
  /** Takes part in native forms through ElementInternals. */
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [...CareElement.styles, consentToggleStyles];

  protected readonly namespace = 'consent' as const;
  protected readonly english: ConsentMessages = consent;
  private readonly internals: ElementInternals = this.attachInternals();

  /** The consent directive to show (controlled mode). Checked against the data contract. */
  @property({ attribute: false }) directive?: ConsentDirectiveInput;

  /** Id of the directive in the care record (connected mode, inside `<care-context>`). */
  @property({ attribute: 'directive-id' }) directiveId?: string;

  /** The care team, to name the person, the people who decided and the members at the recipient. */
  @property({ attribute: false }) team?: CareTeamInput;

  /** Who reads it: `service-user` ("you", plain words) or `professional` (the person's name, legal basis). */
  @property({ reflect: true }) audience: Audience = 'service-user';

  /**
   * Who makes the decision when it is not the person themselves, for example
   * `{ name: 'Marit Ås', relation: 'legal-representative' }`. The element says so before and after.
   */
  @property({ attribute: false }) decidedBy?: Decider | { name: string; memberId?: string; relation?: Decider['relation'] };

  /** How the decision is given when recorded here: `digital` (default), `verbal` or `written`. */
  @property() method: ConsentMethod = 'digital';

  /** Form field name; the submitted value is the saved state (granted, refused, withdrawn, not-recorded). */
  @property({ reflect: true }) name = '';

  /** In a form, a directive with no recorded choice makes the form invalid. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Makes the element inert: nothing can be changed. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Whether the history of changes is shown. */
  @property({ type: Boolean, reflect: true, attribute: 'history-open' }) historyOpen = false;

  /** Level of the recipient heading (1–6), to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** The moment review and end dates are compared with. Defaults to now; set it for stable stories and tests. */
  @property({ attribute: false }) now?: Date | string;

  /** The decision saved through this element in controlled mode, until the host gives a new directive. */
  @state() private chosen?: ConsentDirective;
  @state() private requested?: ConsentState;
  @state() private failure?: Failure;
  @state() private formDisabled = false;
  @state() private savedJustNow = false;

  private view: View = { kind: 'loading' };
  /** The decider given in `decidedBy`, as checked. */
  private proxy?: Decider;
  /** The saved directive a decision under way started from. */
  private savingFrom?: ConsentDirective;
  /** The last directive the store held with no save under way. */
  private lastSettled?: ConsentDirective;
  /** A state restored by the browser before the directive was there. */
  private restoredState?: ConsentState;
  /** Where focus goes after the next render, when the focused control has gone away. */
  private focusAfterUpdate?: 'control' | ConsentState;

  /** The form this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The form value: the saved state, or null while nothing is shown. */
  get value(): ConsentState | null {
    return this.view.kind === 'ready' ? this.view.saved.state : null;
  }

  /** Validity in the form (value missing when `required` and no choice is recorded). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message the browser shows when the element is not valid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Checks validity like a native control. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity and shows the browser's message if it fails. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Connected when inside a store and given an id, and no directive of its own. */
  private get connected(): boolean {
    return Boolean(this.store && this.directiveId && this.directive === undefined);
  }

  private get inert_(): boolean {
    return this.disabled || this.formDisabled;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('directive')) this.chosen = undefined;
    this.view = this.computeView();
  }

  private computeView(): View {
    const checkedTeam = this.checkOptionalInput('team', CareTeam, this.team);
    if ('issues' in checkedTeam) return { kind: 'invalid', issues: checkedTeam.issues };
    const team = checkedTeam.value;
    this.proxy = undefined;
    if (this.decidedBy !== undefined) {
      const checkedDecider = this.checkInput('decider', Decider, this.decidedBy);
      if ('issues' in checkedDecider) return { kind: 'invalid', issues: checkedDecider.issues };
      this.proxy = checkedDecider.value;
    }
    if (this.connected) return this.connectedView(team);
    if (this.directive === undefined) return { kind: 'loading' };
    const checked = this.checkInput('consent', ConsentDirective, this.directive);
    if ('issues' in checked) return { kind: 'invalid', issues: checked.issues };
    if (this.restoredState) {
      const base = checked.value;
      if (base.state !== this.restoredState) {
        this.chosen = { ...base, state: this.restoredState, since: base.since ?? new Date().toISOString() };
      }
      this.restoredState = undefined;
    }
    return { kind: 'ready', saved: this.chosen ?? checked.value, team, pending: this.requested, failure: this.failure };
  }

  private connectedView(team: CareTeam | undefined): View {
    const snapshot = this.snapshot;
    const id = this.directiveId!;
    const record = snapshot?.record;
    if (!snapshot || !record) return snapshot?.status === 'error' ? { kind: 'load-error' } : { kind: 'loading' };
    const current = record.consents.find((c) => c.id === id);
    if (!current) return { kind: 'not-found', id };
    // The store shows a save at once; this element shows the last saved value until it is confirmed.
    const savingElsewhere = snapshot.pending.has(entityKey('consent', id));
    if (!savingElsewhere) this.lastSettled = current;
    const saved =
      this.requested && this.savingFrom?.id === id
        ? this.savingFrom
        : savingElsewhere && this.lastSettled?.id === id
          ? this.lastSettled
          : current;
    const pending = this.requested ?? (savingElsewhere ? current.state : undefined);
    const stored = snapshot.failures.get(entityKey('consent', id));
    const both = stored?.conflicts.find((c) => c.path.length === 1 && c.path[0] === 'state');
    const storedFailure =
      stored && stored.request.entity === 'consent'
        ? { error: stored.error, state: stored.request.value.state, ...(both && isConsentState(both.theirs) ? { theirs: both.theirs } : {}) }
        : undefined;
    // The store's failure knows about conflicts; the element's own is for controlled mode.
    const failure = pending ? undefined : (storedFailure ?? this.failure);
    return { kind: 'ready', saved, team: team ?? record.team, pending, failure };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncForm();
    const focus = this.focusAfterUpdate;
    if (focus) {
      this.focusAfterUpdate = undefined;
      const root = this.renderRoot;
      const target =
        root.querySelector<HTMLElement>('[role="switch"]') ??
        (focus === 'control' ? null : root.querySelector<HTMLElement>(`.choices [data-state="${focus}"]`)) ??
        root.querySelector<HTMLElement>('.choices button');
      target?.focus();
    }
  }

  private syncForm() {
    const value = this.value;
    this.internals.setFormValue(value, value);
    if (this.required && (value === null || value === 'not-recorded')) {
      const anchor = this.renderRoot.querySelector<HTMLElement>('[role="switch"], .choices button') ?? undefined;
      this.internals.setValidity({ valueMissing: true }, this.t.requiredMessage, anchor);
    } else {
      this.internals.setValidity({});
    }
  }

  /** Form reset: back to the directive the host gave (a decision saved to a store stays saved). */
  formResetCallback(): void {
    this.chosen = undefined;
    this.failure = undefined;
    this.savedJustNow = false;
  }

  /** Back/forward navigation: restores the chosen state when the element is not backed by a store. */
  formStateRestoreCallback(restored: string | File | FormData | null): void {
    if (this.connected || !isConsentState(restored)) return;
    this.restoredState = restored;
    this.requestUpdate();
  }

  /** Called by the browser when a surrounding fieldset or the element itself is disabled. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.view;
    switch (view.kind) {
      case 'loading':
        return this.renderLoading();
      case 'load-error':
        return this.renderLoadError(() => void this.store?.load());
      case 'invalid':
        return this.renderDataError(view.issues);
      case 'not-found':
        return html`<div class="state error" role="alert" part="state error">
          <h2>${this.t.notFoundTitle}</h2>
          <p>${this.t.notFound(view.id)}</p>
        </div>`;
      case 'ready':
        return this.renderDirective(view);
    }
  }

  // ---- wording -------------------------------------------------------------------------------

  private subjectOf(view: ReadyView): Member | undefined {
    return view.team?.members.find((m) => m.id === view.saved.subjectId);
  }

  /** The person whose consent it is, as professionals read it. */
  private personName(view: ReadyView): string {
    return this.subjectOf(view)?.name ?? this.t.thePerson;
  }

  private choiceWord(model: ConsentModel, state: ConsentState): string {
    return allowsSharing(model, state) ? this.t.yes : this.t.no;
  }

  private list(items: readonly string[], type: 'conjunction' | 'unit' = 'conjunction'): string {
    // British English, like the dates: "a, b and c".
    return formatList(items, this.locale === 'en' ? 'en-GB' : this.locale, type);
  }

  private day(value: string): string {
    return this.localize.date(value);
  }

  private stateSentence(view: ReadyView): string {
    const { saved } = view;
    const t = this.t;
    const since = saved.since ? this.day(saved.since) : '';
    let sentence: string;
    let effect: string;
    if (this.audience === 'professional') {
      const person = this.personName(view);
      sentence = saved.state === 'not-recorded' ? t.person.state['not-recorded'](person) : t.person.state[saved.state](person, since);
      effect =
        saved.state === 'not-recorded'
          ? t.person.effectUnset[saved.model](person)
          : allowsSharing(saved.model, saved.state)
            ? t.person.effectSharing
            : t.person.effectNotSharing;
    } else {
      sentence = saved.state === 'not-recorded' ? t.you.state['not-recorded']() : t.you.state[saved.state](since);
      effect =
        saved.state === 'not-recorded'
          ? t.you.effectUnset[saved.model]
          : allowsSharing(saved.model, saved.state)
            ? t.you.effectSharing
            : t.you.effectNotSharing;
    }
    return `${capitalise(sentence, this.locale)} ${effect}`;
  }

  private deciderSentence(decider: Decider | undefined, view: ReadyView): string | undefined {
    if (!decider) return undefined;
    const t = this.t;
    const relation = t.relations[decider.relation ?? 'self'];
    const self = (decider.relation ?? 'self') === 'self';
    if (this.audience === 'professional') {
      return self ? t.person.decidedSelf(decider.name) : t.person.decidedProxy(decider.name, relation, this.personName(view));
    }
    return self ? t.you.decidedSelf : t.you.decidedProxy(decider.name, relation);
  }

  private recordedSentence(entry: Pick<ConsentHistoryEntry, 'recordedBy' | 'method'>): string | undefined {
    if (!entry.recordedBy) return undefined;
    return this.t.recordedBy(entry.recordedBy.name, entry.method ? this.t.methods[entry.method] : undefined);
  }

  /** Who is deciding now: the `decidedBy` property, or the person themselves (named by data, never by UI text). */
  private currentDecider(view: ReadyView, actor: Actor): Decider {
    if (this.proxy) return this.proxy;
    const subjectId = view.saved.subjectId;
    const name = this.subjectOf(view)?.name ?? (actor.id === subjectId ? actor.name : subjectId);
    return { name, memberId: subjectId, relation: 'self' };
  }

  /**
   * How the decision reached the record: the person's own click is `digital`; someone else's click
   * records what the person said (`verbal`, or `written` when the host says so), never as the
   * person's own digital decision.
   */
  private methodFor(view: ReadyView, actor: Actor): ConsentMethod {
    const own = actor.id !== undefined && actor.id === view.saved.subjectId && !this.proxy;
    return own || this.method !== 'digital' ? this.method : 'verbal';
  }

  // ---- rendering ---------------------------------------------------------------------------

  private renderDirective(view: ReadyView): TemplateResult {
    const { saved, pending, failure } = view;
    const t = this.t;
    const professional = this.audience === 'professional';
    const recipient = saved.recipient.name;
    const question = professional
      ? t.person.question[saved.model](this.personName(view), recipient)
      : t.you.question[saved.model](recipient);
    const level = headingLevel(this.headingLevel, 3);
    const live = pending
      ? t.saving(this.choiceWord(saved.model, pending))
      : this.savedJustNow
        ? t.savedNow
        : '';
    return html`<div class="consent" part="base" aria-busy=${pending ? 'true' : 'false'}>
      <div>
        <div class="heading" part="heading" role="heading" aria-level=${level} id="heading">${recipient}</div>
        <p class="kind">${t.recipientKinds[saved.recipient.kind]}</p>
      </div>
      <p class="question">${question}</p>
      ${this.renderDetails(view)} ${this.renderActingFor(view)}
      <div class="control" part="control">${this.renderControl(view)}</div>
      <p class="state-text" part="state" id="state">${this.stateSentence(view)}</p>
      <p class="live live-region" part="status" role="status">${live}</p>
      <p class="visually-hidden" role="alert">${failure ? `${this.t.errorPrefix} ${this.failureSentence(saved.model, failure)}` : ''}</p>
      ${failure ? this.renderFailure(saved.model, failure) : nothing} ${this.renderFacts(view)} ${this.renderHistory(view)}
    </div>`;
  }

  private renderControl(view: ReadyView): TemplateResult {
    const { saved, pending } = view;
    const t = this.t;
    const what = this.list(saved.categories.map((c) => t.categories[c]));
    const label = t.switchLabel[saved.model](what, saved.recipient.name);
    const busy = pending ? 'true' : nothing;
    if (saved.state === 'not-recorded') {
      return html`<div class="choices" role="group" aria-labelledby="switch-label" aria-describedby="state">
        <span class="switch-label" part="label" id="switch-label">${label}</span>
        <button
          type="button"
          part="choice choice-yes"
          data-state=${nextConsentState(saved, true)}
          ?disabled=${this.inert_}
          aria-disabled=${busy}
          @click=${() => this.choose(view, true)}
        >
          ${t.choiceYes[saved.model]}
        </button>
        <button
          type="button"
          part="choice choice-no"
          data-state=${nextConsentState(saved, false)}
          ?disabled=${this.inert_}
          aria-disabled=${busy}
          @click=${() => this.choose(view, false)}
        >
          ${t.choiceNo[saved.model]}
        </button>
      </div>`;
    }
    const on = allowsSharing(saved.model, saved.state);
    return html`<span class="switch-label" part="label" id="switch-label">${label}</span>
      <button
        type="button"
        role="switch"
        part="switch"
        aria-checked=${on ? 'true' : 'false'}
        aria-labelledby="switch-label"
        aria-describedby="state"
        aria-disabled=${busy}
        ?disabled=${this.inert_}
        @click=${() => this.choose(view, !on)}
      >
        <span class="option" aria-hidden="true">${t.no}</span>
        <span class="track" part="track"><span class="thumb" part="thumb"></span></span>
        <span class="option" aria-hidden="true">${t.yes}</span>
      </button>`;
  }

  private renderActingFor(view: ReadyView): TemplateResult | typeof nothing {
    const decider = this.proxy;
    if (!decider || decider.relation === 'self') return nothing;
    const t = this.t;
    const relation = t.relations[decider.relation ?? 'self'];
    const text =
      this.audience === 'professional'
        ? t.person.actingFor(decider.name, relation, this.personName(view))
        : t.you.actingFor(decider.name, relation);
    return html`<p class="notice acting">${text}</p>`;
  }

  private renderFailure(model: ConsentModel, failure: Failure): TemplateResult {
    const t = this.t;
    if (failure.theirs) {
      // Both decided differently at once: nothing is saved until the person chooses.
      return html`<div class="state error failure" part="error">
        <p><span class="visually-hidden">${t.errorPrefix} </span>${this.failureSentence(model, failure)}</p>
        <div class="actions">
          <button type="button" part="retry keep-mine" ?disabled=${this.inert_} @click=${() => this.resolveConflict('mine')}>${t.keepMine}</button>
          <button type="button" part="keep-theirs" ?disabled=${this.inert_} @click=${() => this.resolveConflict('theirs')}>${t.keepTheirs}</button>
        </div>
      </div>`;
    }
    // Announced by the alert region that was already there (renderDirective); a new alert node is often not read.
    return html`<div class="state error failure" part="error">
      <p><span class="visually-hidden">${t.errorPrefix} </span>${this.failureSentence(model, failure)}</p>
      <div class="actions">
        <button type="button" part="retry" ?disabled=${this.inert_} @click=${this.retry}>${t.retry}</button>
        <button type="button" @click=${this.dismiss}>${t.dismiss}</button>
      </div>
    </div>`;
  }

  private failureSentence(model: ConsentModel, failure: Failure): string {
    const t = this.t;
    if (failure.theirs) return `${t.bothChanged} ${t.conflictChoice(t.stateNames[failure.theirs], t.stateNames[failure.state])}`;
    return `${this.t.notSaved(this.choiceWord(model, failure.state))} ${this.describeError(failure.error)}`;
  }

  private renderDetails(view: ReadyView): TemplateResult {
    const { saved } = view;
    const t = this.t;
    const professional = this.audience === 'professional';
    const person = this.personName(view);
    const recipient = saved.recipient.name;
    const consequence =
      saved.consequence ??
      capitalise(
        professional ? t.person.consequence[saved.model](person, recipient) : t.you.consequence[saved.model](recipient),
        this.locale,
      );
    const members =
      saved.recipient.kind === 'organisation' && saved.recipient.id
        ? (view.team?.members.filter((m) => m.status === 'active' && m.organisationId === saved.recipient.id) ?? [])
        : [];
    const purposes = this.list(saved.purposes.map((p) => t.purposes[p]));
    return html`<dl class="details" part="details">
      <dt>${t.whatLabel}</dt>
      <dd>${capitalise(this.list(saved.categories.map((c) => t.categories[c])), this.locale)}</dd>
      <dt>${t.whyLabel}</dt>
      <dd>${capitalise(purposes, this.locale)}</dd>
      ${members.length > 0
        ? html`<dt>${professional ? t.person.membersThere : t.you.membersThere}</dt>
            <dd>${this.list(members.map((m) => this.memberLabel(m)), 'unit')}</dd>`
        : nothing}
      <dt>${t.ifNotLabel}</dt>
      <dd>${consequence}</dd>
      ${professional && saved.legalBasis
        ? html`<dt>${t.legalBasisLabel}</dt>
            <dd>${saved.legalBasis}</dd>`
        : nothing}
      ${professional
        ? html`<dt>${t.modelLabel}</dt>
            <dd>${t.models[saved.model]}</dd>`
        : nothing}
    </dl>`;
  }

  private memberLabel(member: Member): string {
    const role = this.audience === 'professional' ? (member.role?.professionalLabel ?? member.role?.label) : member.role?.label;
    return role ? `${member.name} (${role})` : member.name;
  }

  private renderFacts(view: ReadyView): TemplateResult {
    const { saved } = view;
    const t = this.t;
    const today = calendarDate(this.now ?? new Date());
    const decided = saved.state === 'not-recorded' ? undefined : this.deciderSentence(saved.decidedBy, view);
    const recorded = saved.state === 'not-recorded' ? undefined : this.recordedSentence(saved);
    const validity =
      saved.validFrom || saved.validUntil
        ? t.validity(saved.validFrom ? this.day(saved.validFrom) : undefined, saved.validUntil ? this.day(saved.validUntil) : undefined)
        : undefined;
    const ended = saved.validUntil && saved.validUntil < today;
    const notStarted = saved.validFrom && saved.validFrom > today;
    const reviewPassed = saved.reviewDate && saved.reviewDate < today;
    return html`<ul class="facts">
        ${decided ? html`<li>${decided}</li>` : nothing} ${recorded ? html`<li>${recorded}</li>` : nothing}
        ${validity ? html`<li>${t.validLabel}: ${validity}</li>` : nothing}
        ${saved.reviewDate && !reviewPassed ? html`<li>${t.reviewBy(this.day(saved.reviewDate))}</li>` : nothing}
      </ul>
      ${ended ? html`<p class="notice">${t.ended(this.day(saved.validUntil!))}</p>` : nothing}
      ${notStarted ? html`<p class="notice">${t.notStarted(this.day(saved.validFrom!))}</p>` : nothing}
      ${reviewPassed
        ? html`<p class="notice">
            ${this.audience === 'professional'
              ? t.person.reviewPassed(this.day(saved.reviewDate!))
              : t.you.reviewPassed(this.day(saved.reviewDate!))}
          </p>`
        : nothing}`;
  }

  private renderHistory(view: ReadyView): TemplateResult {
    const t = this.t;
    const entries = newestFirst(view.saved.history ?? []);
    const dates = this.dates();
    return html`<div class="history" part="history">
      <button
        type="button"
        class="history-toggle"
        id="history-button"
        aria-expanded=${this.historyOpen ? 'true' : 'false'}
        aria-controls="history-panel"
        ?disabled=${this.inert_}
        @click=${this.toggleHistory}
      >
        ${t.history} (${t.historyCount(entries.length)})
      </button>
      <div
        id="history-panel"
        role="region"
        aria-label=${`${t.history}: ${view.saved.recipient.name}`}
        ?hidden=${!this.historyOpen}
      >
        ${entries.length === 0
          ? html`<p>${t.historyEmpty}</p>`
          : html`<ol class="history-list">
              ${entries.map((entry) => {
                const decided = this.deciderSentence(entry.decidedBy, view);
                const recorded = this.recordedSentence(entry);
                return html`<li>
                  <span class="entry-state">${t.stateNames[entry.state]}</span>,
                  <time datetime=${entry.at}>${t.historyWhen(formatDate(entry.at, dates, 'long'), formatTime(entry.at, dates))}</time>
                  ${decided ? html`<div>${decided}</div>` : nothing} ${recorded ? html`<div>${recorded}</div>` : nothing}
                  ${entry.note ? html`<div class="note">${entry.note}</div>` : nothing}
                </li>`;
              })}
            </ol>`}
      </div>
    </div>`;
  }

  // ---- user intents -----------------------------------------------------------------------

  private toggleHistory = () => {
    this.historyOpen = !this.historyOpen;
  };

  private choose(view: ReadyView, share: boolean) {
    if (view.pending || this.inert_) return;
    const state = nextConsentState(view.saved, share);
    if (state === view.saved.state) return;
    void this.decide(view, state);
  }

  private retry = () => {
    const view = this.view;
    if (view.kind !== 'ready' || !view.failure || view.pending || this.inert_) return;
    // The retry button goes away while saving; focus moves to the control it is about.
    this.focusAfterUpdate = view.failure.state;
    const id = this.directiveId;
    if (this.connected && id && this.store?.failureOf('consent', id)) void this.retryStored(view, id, view.failure.state);
    else void this.decide(view, view.failure.state);
  };

  /**
   * Try again on a save the store kept: the same decision, as it was made, sent again. The store
   * recognises it if its answer was lost but it got through, and merges it onto a newer version
   * after a conflict.
   */
  private resolveConflict(choice: 'mine' | 'theirs') {
    const view = this.view;
    const id = this.directiveId;
    if (view.kind !== 'ready' || !view.failure?.theirs || view.pending || this.inert_ || !id) return;
    this.focusAfterUpdate = 'control';
    void this.retryStored(view, id, choice === 'mine' ? view.failure.state : view.failure.theirs, choice);
  }

  private async retryStored(view: ReadyView, id: string, state: ConsentState, choice?: 'mine' | 'theirs'): Promise<void> {
    const previous = view.saved;
    this.savingFrom = previous;
    this.requested = state;
    this.failure = undefined;
    this.savedJustNow = false;
    const outcome = choice ? await this.store!.resolve('consent', id, choice) : await this.store!.retry('consent', id);
    this.requested = undefined;
    this.savingFrom = undefined;
    if (!outcome) return;
    if (outcome.ok) {
      const directive = outcome.value as ConsentDirective;
      this.savedJustNow = true;
      this.dispatchEvent(new CareConsentChangeEvent({ directive, previous, state: directive.state }));
    } else {
      this.dispatchEvent(new CareErrorEvent('consent', id, outcome.error));
      this.failure = { error: outcome.error, state };
    }
  }

  private dismiss = () => {
    if (this.connected && this.directiveId) this.store?.dismiss('consent', this.directiveId);
    this.failure = undefined;
    this.focusAfterUpdate = 'control';
  };

  /** Carries one decision through request → save → change, showing the saved state throughout. */
  private async decide(view: ReadyView, state: ConsentState): Promise<void> {
    const previous = view.saved;
    const actor = this.actingPerson;
    if (!actor) {
      const error = new StoreError('no-actor', NO_ACTOR);
      this.failure = { error, state };
      this.dispatchEvent(new CareErrorEvent('consent', previous.id, error));
      return;
    }
    const decidedBy = this.currentDecider(view, actor);
    const after = recordDecision(previous, {
      state,
      at: new Date().toISOString(),
      decidedBy,
      recordedBy: actor,
      method: this.methodFor(view, actor),
    });
    const connected = this.connected;
    this.savingFrom = previous;
    this.requested = state;
    this.failure = undefined;
    this.savedJustNow = false;
    const outcome = await carryIntent(this, {
      request: new CareConsentRequestEvent({ directive: after, previous, state, decidedBy }),
      change: { entity: 'consent', action: actionFor(state), value: after },
      store: connected ? this.store : undefined,
      committed: (value) => new CareConsentChangeEvent({ directive: value, previous, state: value.state }),
    });
    // Choosing from the two buttons replaces them with the switch: keep focus on the control.
    const hadFocus = previous.state === 'not-recorded' && this.shadowRoot?.activeElement != null;
    this.requested = undefined;
    this.savingFrom = undefined;
    if (outcome.status === 'saved') {
      if (!connected) this.chosen = outcome.value;
      this.savedJustNow = true;
      if (hadFocus && outcome.value.state !== 'not-recorded') this.focusAfterUpdate = 'control';
    } else if (outcome.status === 'failed') {
      this.failure = { error: outcome.error, state };
    }
  }
}
