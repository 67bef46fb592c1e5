import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import * as v from 'valibot';
import { ConsentDirective, type ConsentDirectiveInput } from '../../contract/consent.js';
import { coordinatorOf, localDay } from '../../contract/rules.js';
import { CrisisPlan, crisisPlanAccess, crisisPlanAgreed, crisisPlanFlags, type CrisisPlanInput } from '../../contract/crisis-plan.js';
import { Responsibility, type ResponsibilityInput } from '../../contract/responsibility.js';
import { CareTeam, type CareTeamInput } from '../../contract/team.js';
import type { ContractIssue } from '../../contract/validate.js';
import { CRISIS_STAGES, type Audience, type CrisisStage } from '../../contract/values.js';
import type { CrisisReadingMessages } from '../../i18n/types.js';
import type { Strings } from '../base/localize.js';
import { crisisReading } from '../../i18n/catalogues/en/crisis-reading.js';
import { crisisTranslations } from '../../i18n/translations.js';
import { CareElement } from '../base/care-element.js';
import { headingLevel, type HeadingLevel } from '../base/heading-level.js';
import { documentStyles } from '../../styles/document.js';
import { crisisPlanStyles } from './crisis-plan.styles.js';
import type * as Editing from './editing.js';
import { LazyPart } from '../base/lazy-part.js';
import { Kept, keep } from '../base/kept.js';
import type * as PlanText from './plan-text.js';
import type { PlanEditor, PlanFailure } from './plan-editor.js';
import { servicesOf, telHref, type ShownPlan } from './plan-model.js';
import { renderOwnWords, renderProposals, renderServices, renderStages, renderStageSwitcher, renderStatus, type ReadContext } from './read-view.js';

type View =
  | { kind: 'loading' }
  | { kind: 'load-error' }
  | { kind: 'invalid'; issues: ContractIssue[] }
  | { kind: 'none'; id?: string }
  | ({ kind: 'ready' } & ShownPlan);

type Ready = Extract<View, { kind: 'ready' }>;

const ResponsibilityList = v.array(Responsibility);
const ConsentList = v.array(ConsentDirective);

const isStage = (value: unknown): value is CrisisStage => typeof value === 'string' && (CRISIS_STAGES as readonly string[]).includes(value);

/**
 * @summary The person's plan for bad periods: their own words first, then one stage at a time
 * (early signs, getting worse, crisis) with what is done, by whom, and whom to call in order.
 *
 * Give it a `plan` (controlled: the host saves; a `team`, `consents` and `responsibilities` it
 * leaves unset are read from an enclosing `<care-context>`), or, inside `<care-context>`, nothing
 * (the team's first plan) or a `plan-id` (connected: it saves through the store). Who may see the content follows consent: the person always, the
 * coordinator, and professionals whose organisation the person has agreed to share the care plan
 * with (`consents`, or the record's). Anyone else sees that the plan exists and whom to ask; the
 * element says which rule applies. The person and the coordinator change the plan and confirm a
 * version; a plan still a draft (`draft`) says it is not agreed yet, and the confirmation that
 * completes the agreement ends the draft. Other professionals with access propose measures, which the person accepts or declines.
 * Every change goes request → save → change, with conflicts and failures explained and Try again.
 * On paper every stage prints, with the date and version.
 *
 * @csspart base - The box around the plan.
 * @csspart access - The sentence that says why the reader sees what they see.
 * @csspart plan-status - Version, dates, who agreed and plain notes (draft, stale plan, not confirmed).
 * @csspart draft - The note shown when the plan is a draft, not agreed yet.
 * @csspart stale - The note shown when the review date has passed.
 * @csspart own-words - The person's own words.
 * @csspart stage-switcher - The group of stage buttons.
 * @csspart stage-button - Each stage button.
 * @csspart stage - One stage's section.
 * @csspart stage-heading - A stage's heading.
 * @csspart measure - One measure.
 * @csspart contact - One contact.
 * @csspart call - A "Call …" link (tel:).
 * @csspart services - The services the person has, taken from the team and the responsibility matrix.
 * @csspart service - One service: the organisation, its people on the team and what it does.
 * @csspart proposals - Proposed changes.
 * @csspart proposal - One proposal.
 * @csspart accept - The button that accepts a proposal.
 * @csspart decline - The button that declines a proposal.
 * @csspart edit - The button that opens the editing form.
 * @csspart edit-form - The editing form.
 * @csspart edit-contact - One person to call in the editing form, with their fields and Move up, Move down and Remove.
 * @csspart propose-missing - In place of the proposal form when its code could not be loaded: what happened and Try again.
 * @csspart error-summary - The list of problems shown (and focused) when the form cannot be saved yet.
 * @csspart save - The button that saves the plan.
 * @csspart cancel - The button that leaves the form without saving.
 * @csspart agree - The button that confirms the current version.
 * @csspart status - The live message while saving and after a save.
 * @csspart error - The message shown when a save failed.
 * @csspart retry - The button that tries a failed save again.
 * @csspart limited - The box shown instead of the content to a reader without consent.
 * @csspart print - The button that prints the plan.
 * @csspart save-copy - The button that saves the plan as a text file to keep offline.
 *
 * @cssprop [--care-crisis-plan-gap=var(--care-space-4)] - Space between sections.
 * @cssprop [--care-crisis-plan-surface=var(--care-color-surface)] - Background of the plan.
 * @cssprop [--care-crisis-plan-call=var(--care-color-accent)] - Background of the call links.
 * @cssprop [--care-crisis-plan-call-text=var(--care-color-accent-text)] - Text of the call links.
 * @cssprop [--care-crisis-plan-stage-pressed=var(--care-color-accent)] - Background of the chosen stage.
 * @cssprop [--care-crisis-plan-stage-pressed-text=var(--care-color-accent-text)] - Text of the chosen stage.
 *
 * @fires care-crisis-plan-request - Before a change is saved. Cancelable; `waitUntil(promise)` makes the element wait for the host.
 * @fires care-crisis-plan-change - After a change has been saved.
 * @fires care-error - When a change could not be saved; the element shows why and offers Try again.
 * @fires care-data-error - When `plan`, `team`, `responsibilities` or `consents` break the data contract.
 */
export class CareCrisisPlan extends CareElement<'crisis', CrisisReadingMessages> {
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    plan: { attribute: false },
    planId: { attribute: 'plan-id' },
    team: { attribute: false },
    responsibilities: { attribute: false },
    consents: { attribute: false },
    audience: { reflect: true },
    stage: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    now: { attribute: false },
    message: { state: true },
    savedHere: { state: true },
  };

  static override styles = [...CareElement.styles, documentStyles, crisisPlanStyles];

  protected readonly namespace = 'crisis' as const;
  /** English: what reading shows; the strings of the forms arrive with the forms, before anything shows them. */
  protected get english(): CrisisReadingMessages {
    return this.editingPart.module?.english ?? crisisReading;
  }
  protected readonly translations = crisisTranslations;

  /** The plan to show (controlled mode). Checked against the data contract. */
  plan?: CrisisPlanInput;

  /** Id of the plan in the care record (connected mode); without it, the team's first plan. */
  planId?: string;

  /** The care team, for names, phone numbers and the coordinator (controlled mode). */
  team?: CareTeamInput;

  /** The team's responsibilities, so measures can name the ones they carry out (controlled mode). */
  responsibilities?: ResponsibilityInput[];

  /** The person's consents, which decide who sees the content (controlled mode). */
  consents?: ConsentDirectiveInput[];

  /** Who reads it: `service-user` ("you", plain words) or `professional` (the person's name). */
  audience: Audience = 'service-user';

  /** The stage shown: `early-signs` (default), `getting-worse` or `crisis`. */
  stage: CrisisStage = 'early-signs';

  /** Level of the plan's heading (1–6), to fit the page's outline. */
  headingLevel: HeadingLevel = 2;

  /** The moment review dates and the validity of consents are compared with. Defaults to now; set it for stable stories and tests. */
  now?: Date | string;

  private message = '';
  /** A plan saved in controlled mode, shown until the host gives a new one. */
  private savedHere?: CrisisPlan;

  private view: View = { kind: 'loading' };
  private readonly editButton = new Kept<HTMLButtonElement>();
  /** The form has closed: focus goes back to "Change the plan". */
  private focusEdit = false;
  /**
   * The editing forms, loaded on first use or as soon as the reader may edit. A browser may keep a
   * failed module load until the page is reloaded (Chromium does), so after a second failure the
   * person is told to reload.
   */
  private readonly editingPart = new LazyPart<typeof Editing>(this, () => import('./editing.js'), 'the editing forms');
  /** The text maker of "Save a copy": fetched after the plan is shown, so the click can start the download at once. */
  private readonly planTextPart = new LazyPart<typeof PlanText>(this, () => import('./plan-text.js'), 'the text maker for the copy');

  private planEditor?: PlanEditor;

  /** Changing the plan, once its code is in. */
  private get editor(): PlanEditor | undefined {
    const editing = this.editingPart.module;
    return editing
      ? (this.planEditor ??= new editing.PlanEditor({
          element: this,
          // The editor exists once the editing chunk is in, and with it the forms' English strings (the other languages hold them all).
          strings: () => this.t as Strings<'crisis'>,
          reader: () => this.actingPerson,
          store: () => this.connection.storeFor(this.plan),
          saved: (value) => {
            if (!this.connection.storeFor(this.plan)) this.savedHere = value;
          },
          say: (message) => (this.message = message),
          closed: () => ((this.focusEdit = true), this.requestUpdate()),
        }))
      : undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('plan')) this.savedHere = undefined;
    if (changed.has('stage') && !isStage(this.stage)) this.stage = 'early-signs';
    this.view = this.computeView();
  }

  private computeView(): View {
    const checkedTeam = this.checkOptionalInput('team', CareTeam, this.team);
    if ('issues' in checkedTeam) return { kind: 'invalid', issues: checkedTeam.issues };
    const checkedResponsibilities = this.checkOptionalInput('responsibilities', ResponsibilityList, this.responsibilities);
    if ('issues' in checkedResponsibilities) return { kind: 'invalid', issues: checkedResponsibilities.issues };
    const checkedConsents = this.checkOptionalInput('consents', ConsentList, this.consents);
    if ('issues' in checkedConsents) return { kind: 'invalid', issues: checkedConsents.issues };
    const reader = this.actingPerson;
    const store = this.connection.storeFor(this.plan);
    if (!store) {
      // The host's plan: the host saves it. What the host leaves unset is read from a store around it, if any.
      const around = this.snapshot?.record;
      const team = checkedTeam.value ?? around?.team;
      if (this.plan === undefined || !team) return { kind: 'loading' };
      const checked = this.checkInput('crisis plan', CrisisPlan, this.plan);
      if ('issues' in checked) return { kind: 'invalid', issues: checked.issues };
      const plan = this.savedHere ?? checked.value;
      const consents = checkedConsents.value ?? around?.consents ?? [];
      const responsibilities = checkedResponsibilities.value ?? around?.responsibilities ?? [];
      return { kind: 'ready', plan, team, responsibilities, responsibilityTitles: this.titlesFor(plan, responsibilities), access: crisisPlanAccess(plan, team, consents, reader, this.today) };
    }
    const snapshot = this.snapshot;
    const record = snapshot?.record;
    if (!snapshot || !record) return snapshot?.status === 'error' ? { kind: 'load-error' } : { kind: 'loading' };
    const plans = record.crisisPlans ?? [];
    const current = this.planId ? plans.find((p) => p.id === this.planId) : plans[0];
    if (!current) return { kind: 'none', id: this.planId };
    // What the source holds is shown until a save is confirmed; the store shows it at once.
    const state = store.stateOf('crisis-plan', current.id);
    const plan = (store.isPending('crisis-plan', current.id) ? state.confirmed : undefined) ?? current;
    const team = checkedTeam.value ?? record.team;
    const consents = checkedConsents.value ?? record.consents;
    const responsibilities = checkedResponsibilities.value ?? record.responsibilities;
    return { kind: 'ready', plan, team, responsibilities, responsibilityTitles: this.titlesFor(plan, responsibilities), access: crisisPlanAccess(plan, team, consents, reader, this.today) };
  }

  /** The responsibilities' titles; one a measure names that the load left out is named as stored with a mistake, not dropped. */
  private titlesFor(plan: CrisisPlan, responsibilities: readonly Responsibility[]): Map<string, string> {
    const named = plan.stages.flatMap((stage) => stage.measures.flatMap((m) => m.responsibilityIds));
    return this.withLeftOutTitles('Responsibility', new Map(responsibilities.map((r) => [r.id, r.title])), named);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusEdit) this.editButton.value?.focus();
    this.focusEdit = false;
  }

  /** A review date passed at midnight, or a consent that ended, is shown on the new day. */
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
      case 'none':
        // A plan left out by the load (stored with a mistake) is not "no plan": the notice says so.
        return html`<div class="state" part="state">${view.id ? this.t.notFound(view.id) : this.t.noPlan}</div>
          ${this.renderLeftOut('CrisisPlan')}`;
      case 'ready':
        return this.renderPlan(view);
    }
  }

  /** Today as `YYYY-MM-DD` in the reader's calendar, or the day of `now`. */
  private get today(): string {
    return localDay(this.now);
  }

  private personName(view: Ready): string {
    return view.team.members.find((m) => m.id === view.team.serviceUserId)?.name ?? this.t.unknownPerson;
  }

  private renderPlan(view: Ready): TemplateResult {
    const t = this.t;
    const level = headingLevel(this.headingLevel, 2);
    const name = this.personName(view);
    // Before the code for changes is in, a failure or a save under way is read from the store (one kept from before, or another element's).
    const editor = this.editor;
    const failure: PlanFailure | undefined = editor ? editor.failureOf(view.plan.id) : this.connection.storeFor(this.plan)?.failureOf('crisis-plan', view.plan.id);
    const busy = this.pending(view.plan.id);
    const live = busy ? t.savingPlan : this.message;
    const title = this.audience === 'service-user' && view.access.because === 'own-plan' ? t.title : t.titleFor(name);
    return html`<article class="plan" part="base" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <div role="heading" aria-level=${level} class="heading title" id="title">${title}</div>
      ${view.access.full ? this.renderContent(view, level, busy) : this.renderLimited(view, name)}
      <p class="live-region" role="status" part="status">${live}</p>
      <p class="visually-hidden" role="alert">${failure ? `${t.errorPrefix} ${t.notSaved} ${failure.error ? this.describeError(failure.error) : t.bothChanged}` : ''}</p>
      ${failure ? this.renderFailure(view, failure, busy) : nothing}
    </article>`;
  }

  /** Someone without consent: that the plan exists and whom to ask, and why. */
  private renderLimited(view: Ready, name: string): TemplateResult {
    const t = this.t;
    const coordinator = coordinatorOf(view.team);
    const access = view.access;
    const why =
      access.because === 'consent-ended'
        ? t.limitedEnded(name, this.localize.date(access.ended))
        : access.because === 'withheld'
          ? t.limitedWithheld(name)
          : access.because === 'unknown-reader'
            ? t.limitedUnknown(name)
            : t.limitedNoConsent(name);
    const phone = coordinator?.contacts.find((c) => c.channel === 'phone' && !c.private);
    return html`<div class="access limited" part="limited">
      <div role="heading" aria-level=${headingLevel(this.headingLevel + 1, 3)} class="heading">${t.limitedTitle}</div>
      <p>${why}</p>
      <p>${coordinator ? t.limitedAsk(coordinator.name, name) : t.limitedAskNoCoordinator(name)}</p>
      ${coordinator && phone ? html`<p><a href=${telHref(phone.value)}>${t.coordinatorContact(coordinator.name)}: ${phone.value}</a></p>` : nothing}
    </div>`;
  }

  private readContext(view: Ready, level: number): ReadContext {
    return {
      t: this.t,
      plan: view.plan,
      team: view.team,
      audience: this.audience,
      personName: this.personName(view),
      responsibilityTitles: view.responsibilityTitles,
      date: (iso) => this.localize.date(iso),
      level,
      stage: isStage(this.stage) ? this.stage : 'early-signs',
    };
  }

  private renderContent(view: Ready, level: number, busy: boolean): TemplateResult {
    const t = this.t;
    const ctx = this.readContext(view, level);
    const access = view.access.because;
    const accessText = access === 'own-plan' ? t.accessOwn : access === 'coordinator' ? t.accessCoordinator : t.accessConsent(ctx.personName);
    const editor = this.editor;
    if (editor?.draft) return editor.renderForm(view, level + 1, busy);
    const flags = crisisPlanFlags(view.plan, view.team, view.responsibilities.map((r) => r.id), this.today);
    const reader = this.actingPerson;
    const isPerson = access === 'own-plan';
    const mayEdit = Boolean(reader) && (isPerson || access === 'coordinator');
    // Loaded ahead of a press; after a failed load only a press tries again.
    if ((mayEdit || (access === 'consent' && reader)) && this.editingPart.failures === 0) void this.editingPart.load();
    // Loaded ahead of a press, so a copy can be saved after the connection goes; after a failure only a press tries again.
    if (this.planTextPart.failures === 0) void this.planTextPart.load();
    // A draft both have confirmed (its source did not end it) is ended by confirming again.
    const mine = view.plan.agreedBy.some((a) => a.memberId === reader?.id && a.version === view.plan.version) && !(view.plan.draft && crisisPlanAgreed(view.plan, view.team));
    const open = view.plan.proposals.filter((p) => p.status === 'proposed');
    return html`<p class="access" part="access">${accessText}</p>
      ${this.plan === undefined ? this.renderLeftOut('CrisisPlan') : nothing} ${renderStatus(ctx, flags)} ${isPerson ? html`<p class="intro">${t.youIntro}</p>` : nothing} ${renderOwnWords(ctx)}
      ${renderStageSwitcher(ctx, (stage) => this.selectStage(stage))} ${renderStages(ctx)} ${renderServices(ctx, servicesOf(view.team, view.responsibilities))}
      ${renderProposals(ctx, open, isPerson && reader ? (p, accept) => void this.change((editor) => editor.answer(view, p, accept)) : undefined, busy)}
      ${access === 'consent' && reader
        ? editor
          ? editor.renderProposeForm(view, busy)
          : this.renderProposeMissing()
        : nothing}
      <div class="tools">
        <button type="button" part="print" @click=${() => window.print()}>${t.print}</button>
        <button type="button" part="save-copy" aria-describedby="copy-note" @click=${() => void this.saveCopy(view)}>${t.saveCopy}</button>
        ${mayEdit ? html`<button type="button" part="edit" ${keep(this.editButton)} aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.startEditing(view)}>${t.editPlan}</button>` : nothing}
        ${mayEdit && !mine
          ? html`<button type="button" class="primary" part="agree" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.change((editor) => editor.agree(view))}>${isPerson ? t.agreeYou : t.agreeCoordinator}</button>`
          : nothing}
      </div>
      <p class="muted copy-note" id="copy-note">${t.copyNote}</p>
      <p class="printed">${t.printedOn(this.localize.date(this.today), view.plan.version)}</p>`;
  }

  /** In place of the proposal form when its code did not arrive: says so, and offers Try again. */
  private renderProposeMissing() {
    if (this.editingPart.failures === 0) return nothing;
    return html`<div class="propose-missing" part="propose-missing">
      <p>${this.editingMissing(this.t.proposeUnavailable)}</p>
      <button type="button" @click=${() => void this.retryProposeForm()}>${this.t.retry}</button>
    </div>`;
  }

  private async retryProposeForm() {
    await this.editingPart.load();
    // Said in the status region too (the block's own text changes with no announcement); the focus
    // stays on Try again while the form is missing, and moves to the form once it is there.
    if (!this.editor) this.message = this.editingMissing(this.t.proposeUnavailable);
    else {
      await this.updateComplete;
      (this.renderRoot as ShadowRoot).querySelector<HTMLElement>('#propose-stage')?.focus();
    }
  }

  private renderFailure(view: Ready, failure: PlanFailure, busy: boolean): TemplateResult {
    const t = this.t;
    const both = failure.conflicts.length > 0;
    const disabled = busy ? 'true' : 'false';
    return html`<div class="state error" part="error">
      <p><span class="visually-hidden">${t.errorPrefix} </span>${t.notSaved} ${both || !failure.error ? t.bothChanged : this.describeError(failure.error)}</p>
      <div class="actions">
        ${both
          ? html`<button type="button" part="retry keep-mine" aria-disabled=${disabled} @click=${() => void this.change((editor) => editor.retry(view, 'mine'))}>${t.keepMine}</button>
              <button type="button" part="keep-theirs" aria-disabled=${disabled} @click=${() => void this.change((editor) => editor.retry(view, 'theirs'))}>${t.keepTheirs}</button>`
          : html`<button type="button" part="retry" aria-disabled=${disabled} @click=${() => void this.change((editor) => editor.retry(view))}>${t.retry}</button>`}
        <button type="button" @click=${() => this.closeFailure(view)}>${t.close}</button>
      </div>
    </div>`;
  }

  // ---- user intents -----------------------------------------------------------------------

  /** Downloads the whole plan as a text file the person can keep and read offline; the text maker loads on first use. */
  private async saveCopy(view: Ready) {
    const module = await this.planTextPart.load();
    if (!module) {
      this.message = this.planTextPart.failures > 1 ? this.t.copyStillUnavailable : this.t.copyUnavailable;
      return;
    }
    this.message = '';
    module.downloadPlanText(view, this.t, { audience: this.audience, today: this.today, date: (iso) => this.localize.date(iso) });
  }

  private selectStage(stage: CrisisStage) {
    this.stage = stage;
  }

  /** What to say when the editing forms did not arrive: `first` after one failure, `still` ("reload") after more. */
  private editingMissing(first: string, still = this.t.editingStillUnavailable): string {
    return this.editingPart.failures > 1 ? still : first;
  }

  /** Whether a change of the plan is on its way: this element's, or a save the store has pending. */
  private pending(id: string): boolean {
    return this.editor ? this.editor.isPending(id) : Boolean(this.connection.storeFor(this.plan)?.isPending('crisis-plan', id));
  }

  /**
   * Runs a change once the code for changes is in. When it did not arrive nothing changes but the
   * message; focus stays on the button, so pressing it again tries again.
   */
  private async change(run: (editor: PlanEditor) => unknown, first = this.t.changeUnavailable, still = this.t.changeStillUnavailable): Promise<void> {
    if (!this.editor) await this.editingPart.load();
    const editor = this.editor;
    if (editor) await run(editor);
    else this.message = this.editingMissing(first, still);
  }

  /**
   * Settled only when the parts on their way are in (or failed) too, so "click, then wait for the
   * element" sees the form, and a press after it finds the copy maker's fate known.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const loading = [this.editingPart.pending, this.planTextPart.pending].filter(Boolean);
    if (!loading.length) return done;
    await Promise.all(loading);
    return (await super.getUpdateComplete()) && done;
  }

  private async startEditing(view: Ready) {
    if (this.pending(view.plan.id)) return;
    await this.change((editor) => ((this.message = ''), editor.start(view.plan)), this.t.editingUnavailable, this.t.editingStillUnavailable);
  }

  private closeFailure(view: Ready) {
    const editor = this.editor;
    if (editor) editor.dismiss(view.plan.id);
    else this.connection.storeFor(this.plan)?.dismiss('crisis-plan', view.plan.id);
    this.requestUpdate();
  }
}
