import { html, LitElement, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ConsentDirective, Decider, type ConsentDirectiveInput } from '../../contract/consent.js';
import { CareTeam, type CareTeamInput } from '../../contract/team.js';
import type { ContractIssue } from '../../contract/validate.js';
import { CONSENT_STATES, type Audience, type ConsentMethod, type ConsentState } from '../../contract/values.js';
import { entityKey } from '../../data/types.js';
import type { ConsentToggleMessages } from '../../i18n/types.js';
import { AfterPaint } from '../base/after-paint.js';
import { CareElement } from '../base/care-element.js';
import { headingLevel, type HeadingLevel } from '../base/heading-level.js';
import type { IntentOutcome } from '../base/intent.js';
import { IntentController } from '../base/intent-controller.js';
import { consentToggleStyles } from './consent-toggle.styles.js';
import { actionFor, allowsSharing, deciderFor, hasEnded, methodFor, nextConsentState, recordDecision, renewedValidity, toggleStates } from './decision.js';
import { renderActingFor, renderControl, renderDetails, renderFacts, renderFailure, renderHistory } from './sections.js';
import { ConsentWording, type Failure } from './wording.js';
import { Kept } from '../base/kept.js';
import { CareConsentChangeEvent, CareConsentRequestEvent } from './events.js';
import { localDay } from '../../contract/rules.js';
import { consentToggle } from '../../i18n/catalogues/en/consent.js';
import { consentTranslations } from '../../i18n/translations.js';

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
export class CareConsentToggle extends CareElement<'consent', ConsentToggleMessages> {
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    directive: { attribute: false },
    directiveId: { attribute: 'directive-id' },
    team: { attribute: false },
    audience: { reflect: true },
    decidedBy: { attribute: false },
    method: {},
    name: { reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    historyOpen: { type: Boolean, reflect: true, attribute: 'history-open' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    now: { attribute: false },
    chosen: { state: true },
    formDisabled: { state: true },
    savedJustNow: { state: true },
  };

  /** Takes part in native forms through ElementInternals. */
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [...CareElement.styles, consentToggleStyles];

  protected readonly namespace = 'consent' as const;
  // The consent strings but the list's own (title, groups, summary), which no toggle reads: they stay out of its bundle.
  protected readonly english: ConsentToggleMessages = consentToggle;
  protected readonly translations = consentTranslations;

  /** The consent directive to show (controlled mode). Checked against the data contract. */
  directive?: ConsentDirectiveInput;

  /** Id of the directive in the care record (connected mode, inside `<care-context>`). */
  directiveId?: string;

  /** The care team, to name the person, the people who decided and the members at the recipient. */
  team?: CareTeamInput;

  /** Who reads it: `service-user` ("you", plain words) or `professional` (the person's name, legal basis). */
  audience: Audience = 'service-user';

  /**
   * Who makes the decision when it is not the person themselves, for example
   * `{ name: 'Marit Ås', relation: 'legal-representative' }`. The element says so before and after.
   */
  decidedBy?: Decider | { name: string; memberId?: string; relation?: Decider['relation'] };

  /** How the decision is given when recorded here: `digital` (default), `verbal` or `written`. */
  method: ConsentMethod = 'digital';

  /** Form field name; the submitted value is the saved state (granted, refused, withdrawn, not-recorded). */
  name = '';

  /** In a form, a directive with no recorded choice makes the form invalid. */
  required = false;

  /** Makes the element inert: nothing can be changed. */
  disabled = false;

  /** Whether the history of changes is shown. */
  historyOpen = false;

  /** Level of the recipient heading (1–6), to fit the page's outline. */
  headingLevel: HeadingLevel = 3;

  /** The moment review and end dates are compared with. Defaults to now; set it for stable stories and tests. */
  now?: Date | string;

  /** The decision saved through this element in controlled mode, until the host gives a new directive. */
  private chosen?: ConsentDirective;
  private formDisabled = false;
  private savedJustNow = false;

  private view: View = { kind: 'loading' };
  /** The decider given in `decidedBy`, as checked. */
  private proxy?: Decider;
  /** A state the browser restored (back/forward), and the directive it was restored over. */
  private restored?: { state: ConsentState; over: ConsentDirectiveInput | undefined };
  /** The switch, or the two buttons shown while nothing is recorded: where focus goes back to. */
  private readonly controlRef = new Kept<HTMLButtonElement>();
  private readonly yesRef = new Kept<HTMLButtonElement>();
  private readonly noRef = new Kept<HTMLButtonElement>();
  /** Where focus goes after the next render, when the focused control has gone away. */
  private focusAfterUpdate?: 'control' | ConsentState;
  /** Waits for the frame that shows a decision as pending. */
  private readonly afterPaint = new AfterPaint(this);

  /** Also waits until a decision's pending state has painted and its request has started. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.afterPaint.settle(() => super.getUpdateComplete());
  }

  /** The intent road: what is being decided and what failed, read from the store when connected. */
  private readonly intents = new IntentController(this, {
    kind: 'consent',
    store: () => (this.connected ? this.store : undefined),
    actor: () => this.actingPerson,
    // "Saving your choice…" reaches the screen in the frame after the key press; the request to the
    // host and the save (contract checks, the source, the audit) start once it has painted.
    beforeRequest: () => this.afterPaint.painted(),
    events: {
      request: (directive, _action, previous) =>
        new CareConsentRequestEvent({ directive, previous: previous ?? directive, state: directive.state, decidedBy: directive.decidedBy as Decider }),
      committed: (directive, _action, previous) => new CareConsentChangeEvent({ directive, previous: previous ?? directive, state: directive.state }),
    },
  });

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
    // The browser's restored value applies to the directive it was restored over; one the host gives later wins.
    const restored = this.restored;
    if (restored && restored.over === this.directive) {
      const base = checked.value;
      if (base.state !== restored.state) this.chosen = { ...base, state: restored.state, since: base.since ?? new Date().toISOString() };
    }
    this.restored = undefined;
    const saved = this.chosen ?? checked.value;
    return { kind: 'ready', saved, team, pending: this.intents.carriedValue(saved.id)?.state, failure: this.failureOf(saved.id) };
  }

  private connectedView(team: CareTeam | undefined): View {
    const snapshot = this.snapshot;
    const id = this.directiveId!;
    const record = snapshot?.record;
    if (!snapshot || !record) return snapshot?.status === 'error' ? { kind: 'load-error' } : { kind: 'loading' };
    const current = record.consents.find((c) => c.id === id);
    if (!current) return { kind: 'not-found', id };
    // The store shows a save at once; this element shows what the source holds until it is confirmed.
    const key = entityKey('consent', id);
    const savingElsewhere = snapshot.pending.has(key);
    const saved = (savingElsewhere ? (snapshot.entities.get(key)?.confirmed as ConsentDirective | undefined) : undefined) ?? current;
    const pending = this.intents.carriedValue(id)?.state ?? (savingElsewhere ? current.state : undefined);
    const failure = pending ? undefined : this.failureOf(id);
    return { kind: 'ready', saved, team: team ?? record.team, pending, failure };
  }

  /** The failed decision as the toggle words it: the store's (with the other person's decision after a conflict), or its own. */
  private failureOf(id: string): Failure | undefined {
    const failure = this.intents.failureOf(id);
    if (!failure) return undefined;
    const both = failure.conflicts.find((c) => c.path.length === 1 && c.path[0] === 'state');
    return { error: failure.error, state: failure.request.value.state, ...(both && isConsentState(both.theirs) ? { theirs: both.theirs } : {}) };
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.syncForm();
    const focus = this.focusAfterUpdate;
    if (focus) {
      this.focusAfterUpdate = undefined;
      const choices = [this.yesRef.value, this.noRef.value];
      const target = this.controlRef.value ?? choices.find((button) => focus !== 'control' && button?.dataset.state === focus) ?? choices[0];
      target?.focus();
    }
  }

  private syncForm() {
    const value = this.value;
    this.internals.setFormValue(value, value);
    if (this.required && (value === null || value === 'not-recorded')) {
      const anchor = this.controlRef.value ?? this.yesRef.value;
      this.internals.setValidity({ valueMissing: true }, this.t.requiredMessage, anchor);
    } else {
      this.internals.setValidity({});
    }
  }

  /** Form reset: back to the directive the host gave (a decision saved to a store stays saved). */
  formResetCallback(): void {
    this.chosen = undefined;
    // Only the element's own failure goes: one the store keeps is about a saved record, not the form.
    if (!this.connected && this.view.kind === 'ready') this.intents.dismiss(this.view.saved.id);
    this.savedJustNow = false;
  }

  /**
   * Back/forward navigation: the browser gives back the value the form had. It is shown only over
   * the directive the element had then (not backed by a store); a directive the host gives after it
   * is what the person decided last, and wins, so the form never submits an outdated decision.
   */
  formStateRestoreCallback(restored: string | File | FormData | null, _mode?: 'restore' | 'autocomplete'): void {
    if (this.connected || !isConsentState(restored)) return;
    this.restored = { state: restored, over: this.directive };
    this.requestUpdate();
  }

  /** Called by the browser when a surrounding fieldset or the element itself is disabled. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** An agreement that ends or begins at midnight is shown as it stands on the new day. */
  protected override dayKey(): string {
    return localDay(this.now);
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
        </div>
        ${this.renderLeftOut('ConsentDirective', view.id)}`;
      case 'ready':
        return this.renderDirective(view);
    }
  }

  // ---- rendering ---------------------------------------------------------------------------

  private renderDirective(view: ReadyView): TemplateResult {
    const { saved, pending, failure } = view;
    const t = this.t;
    const today = localDay(this.now);
    for (const name of toggleStates(saved, Boolean(pending), Boolean(failure), today)) this.markState(name);
    const w = new ConsentWording(t, this.locale, this.audience, saved, view.team, (iso) => this.localize.date(iso), (e) => this.describeError(e));
    const recipient = saved.recipient.name;
    const question = w.professional ? t.person.question[saved.model](w.personName, recipient) : t.you.question[saved.model](recipient);
    const level = headingLevel(this.headingLevel, 3);
    const live = pending ? t.saving(w.choiceWord(saved.model, pending)) : this.savedJustNow ? t.savedNow : '';
    // The status sits in the control row, beside the switch: "Saving your choice…" appearing there
    // moves nothing below it, so a long list is not laid out and painted again on every change.
    return html`<div class="consent" part="base" aria-busy=${pending ? 'true' : 'false'}>
      <div>
        <div class="heading" part="heading" role="heading" aria-level=${level} id="heading">${recipient}</div>
        <p class="kind">${t.recipientKinds[saved.recipient.kind]}</p>
      </div>
      <p class="question">${question}</p>
      ${renderDetails(w, saved, view.team)} ${renderActingFor(w, this.proxy)}
      <div class="control" part="control">
        ${renderControl(w, saved, {
          pending: Boolean(pending),
          today,
          disabled: this.inert_,
          refs: { control: this.controlRef, yes: this.yesRef, no: this.noRef },
          choose: (share) => this.choose(view, share),
        })}
        <p class="live live-region" part="status" role="status">${live}</p>
      </div>
      <p class="state-text" part="state" id="state">${w.stateSentence(today)}</p>
      <p class="visually-hidden" role="alert">${failure ? `${t.errorPrefix} ${w.failureSentence(failure)}` : ''}</p>
      ${failure
        ? renderFailure(w, failure, { disabled: this.inert_, retry: this.retry, dismiss: this.dismiss, resolve: (choice) => this.resolveConflict(choice) })
        : nothing}
      ${renderFacts(w, saved, today)}
      ${renderHistory(w, saved, { open: this.historyOpen, disabled: this.inert_, toggle: this.toggleHistory, dates: this.dates() })}
    </div>`;
  }

  // ---- user intents -----------------------------------------------------------------------

  private toggleHistory = () => {
    this.historyOpen = !this.historyOpen;
  };

  private choose(view: ReadyView, share: boolean) {
    if (view.pending || this.inert_) return;
    const state = nextConsentState(view.saved, share);
    // A yes whose agreement has ended shows as off: yes again is a new decision, not the same one.
    if (state === view.saved.state && !(share && hasEnded(view.saved, localDay(this.now)))) return;
    void this.decide(view, state);
  }

  private retry = () => {
    const view = this.view;
    if (view.kind !== 'ready' || !view.failure || view.pending || this.inert_) return;
    // The retry button goes away while saving; focus moves to the control it is about.
    this.focusAfterUpdate = view.failure.state;
    const id = view.saved.id;
    // A change the store kept is sent again as it was made (same change id); any other is decided anew.
    if (this.intents.failureOf(id)?.kept) void this.finish(view, this.intents.retry(id));
    else void this.decide(view, view.failure.state);
  };

  /** After a conflict: keep my decision (merged onto the newer version) or the other person's. */
  private resolveConflict(choice: 'mine' | 'theirs') {
    const view = this.view;
    const id = view.kind === 'ready' ? view.saved.id : undefined;
    const failure = id ? this.intents.failureOf(id) : undefined;
    if (view.kind !== 'ready' || !view.failure?.theirs || view.pending || this.inert_ || !id || !failure?.kept) return;
    this.focusAfterUpdate = 'control';
    const asked = choice === 'theirs' ? { ...(failure.request.value as ConsentDirective), state: view.failure.theirs } : undefined;
    void this.finish(view, this.intents.retry(id, choice, asked));
  }

  private dismiss = () => {
    if (this.view.kind === 'ready') this.intents.dismiss(this.view.saved.id);
    this.focusAfterUpdate = 'control';
  };

  /** Carries one decision through request → save → change (the intent road), showing the saved state throughout. */
  private decide(view: ReadyView, state: ConsentState): Promise<void> {
    const previous = view.saved;
    const actor = this.actingPerson;
    const today = localDay(this.now);
    // A decision that lets information flow, made after the agreement ended, starts a new one today.
    const validity = allowsSharing(previous.model, state) && hasEnded(previous, today) ? renewedValidity(previous, today) : undefined;
    // Without a valid person acting, the road refuses the change before anything is fired or saved.
    const after = actor
      ? recordDecision(previous, {
          state,
          at: new Date().toISOString(),
          decidedBy: deciderFor(view.saved, view.team, actor, this.proxy),
          recordedBy: actor,
          method: methodFor(view.saved, actor, this.proxy, this.method),
          validity,
        })
      : { ...previous, state };
    return this.finish(view, this.intents.carry(actionFor(state), after, previous));
  }

  /** What the toggle does when a decision's road ends: keep a controlled save, say it is saved, keep focus on the control. */
  private async finish(view: ReadyView, road: Promise<IntentOutcome<'consent'> | undefined>): Promise<void> {
    const previous = view.saved;
    const connected = this.connected;
    this.savedJustNow = false;
    const outcome = await road;
    if (outcome?.status !== 'saved') return;
    if (!connected) this.chosen = outcome.value;
    this.savedJustNow = true;
    // Choosing from the two buttons replaces them with the switch: keep focus on the control.
    const hadFocus = previous.state === 'not-recorded' && this.shadowRoot?.activeElement != null;
    if (hadFocus && outcome.value.state !== 'not-recorded') this.focusAfterUpdate = 'control';
  }
}
