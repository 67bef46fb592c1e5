import { adoptStyles, supportsAdoptingStyleSheets, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { createRef } from 'lit/directives/ref.js';
import type { Actor } from '../../contract/common.js';
import type { CrisisPlan, CrisisProposal } from '../../contract/crisis-plan.js';
import type { CareStore } from '../../data/store.js';
import type { StoreError } from '../../data/types.js';
import { mergeEntity } from '../../data/merge.js';
import { IntentController } from '../base/intent-controller.js';
import type { Strings } from '../base/localize.js';
import { editFormStyles } from './edit-form.styles.js';
import { renderEditForm, SUMMARY_KEY } from './edit-view.js';
import { CareCrisisPlanChangeEvent, CareCrisisPlanRequestEvent, type CrisisPlanAction } from './events.js';
import { draftOf, draftProblems, planFromDraft, withAgreement, withAnswer, withProposal, type PlanDraft } from './plan-draft.js';
import type { ShownPlan } from './plan-model.js';
import { renderProposeForm, type ProposalDraft } from './propose-form.js';

/** What the editor needs from the element. */
export interface EditorHost {
  /** The element, rendered into its shadow root already. */
  element: ReactiveElement;
  strings: () => Strings<'crisis'>;
  reader: () => Actor | undefined;
  /** The store the element saves through now, or undefined when the host saves. */
  store: () => CareStore | undefined;
  /** A change was saved (`value`: the plan as saved); the editor says so in the status region. */
  saved: (value: CrisisPlan) => void;
  /** Says something in the element's status region. */
  say: (message: string) => void;
  /** The form has closed: focus goes back to the button that opened it. */
  closed: () => void;
}

/** A change that did not go through: the store's reason, or a conflict the person settles here (no reason). */
export interface PlanFailure {
  error?: StoreError;
  conflicts: readonly unknown[];
}

const FORM = Symbol('form');

/**
 * Changing the plan: the editing form and its draft, a conflict with a newer plan saved while the
 * form was open, the proposal form of a professional, confirming a version, answering a proposal,
 * and the one road every change takes (request → save → change, Try again). It arrives with the
 * editing forms, so a page that only reads the plan does not carry it.
 */
export class PlanEditor implements ReactiveController {
  /** The form's values while it is open. */
  draft?: PlanDraft;
  /** The plan the draft was made from: someone else may save a newer one while the form is open. */
  private base?: CrisisPlan;
  /** The person's edit and the newer plan, when both changed the same values: nothing is saved until they choose. */
  both?: { mine: CrisisPlan; base: CrisisPlan };
  private proposal: ProposalDraft = { stage: 'getting-worse', text: '', note: '' };
  /** Plans the reader is confirming, by id: the version they read and confirmed. */
  private readonly confirming = new Map<string, number>();
  private readonly headingRef = createRef<HTMLElement>();
  /** Fields and buttons of the form that focus may go to (a contact's first field, Move up, Add), by key. */
  private readonly kept = new Map<string, HTMLElement>();
  private focusNext?: typeof FORM | string;
  private readonly intents: IntentController<'crisis-plan'>;

  constructor(private readonly host: EditorHost) {
    host.element.addController(this);
    this.intents = new IntentController(host.element, {
      kind: 'crisis-plan',
      store: host.store,
      actor: host.reader,
      events: {
        request: (plan, action, previous) => new CareCrisisPlanRequestEvent({ plan, previous, action: action as CrisisPlanAction }),
        committed: (plan, action, previous) => new CareCrisisPlanChangeEvent({ plan, previous, action: action as CrisisPlanAction }),
      },
    });
    // The forms' styles come with their code: added after the element's own, as a constructed sheet (no inline style, for CSP).
    const root = host.element.renderRoot as ShadowRoot;
    if (supportsAdoptingStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, editFormStyles.styleSheet!];
    else adoptStyles(root, [editFormStyles]);
  }

  hostUpdated(): void {
    const focus = this.focusNext;
    this.focusNext = undefined;
    if (focus === FORM) this.headingRef.value?.focus();
    else if (focus) this.kept.get(focus)?.focus();
  }

  /** Whether a change of the plan is on its way (this element's, or any save the store has pending): nothing new starts until it has ended. */
  isPending(id: string): boolean {
    return this.intents.isPending(id);
  }

  /** The failed change of the plan, with a conflict the person is still to settle. */
  failureOf(id: string): PlanFailure | undefined {
    return this.intents.failureOf(id) ?? (this.both ? { conflicts: [true] } : undefined);
  }

  /** Forgets a failure the person has closed. */
  dismiss(id: string): void {
    this.both = undefined;
    this.intents.dismiss(id);
  }

  private update(): void {
    this.host.element.requestUpdate();
  }

  /** Opens the form with the plan's values; focus goes to its heading. */
  start(plan: CrisisPlan): void {
    this.draft = draftOf(plan);
    this.base = plan;
    this.both = undefined;
    this.focusNext = FORM;
    this.update();
  }

  /** Closes the form without saving what is in it. */
  stop(): void {
    this.draft = this.base = this.both = undefined;
    this.update();
    this.host.closed();
  }

  renderForm(view: ShownPlan, level: number, busy: boolean): TemplateResult {
    return renderEditForm({
      t: this.host.strings(),
      draft: this.draft!,
      plan: this.base ?? view.plan,
      team: view.team,
      responsibilities: view.responsibilities,
      responsibilityTitles: view.responsibilityTitles,
      level,
      busy,
      headingRef: this.headingRef,
      change: (update, after) => {
        this.draft = update(this.draft!);
        if (after?.focus) this.focusNext = after.focus;
        if (after?.message) this.host.say(after.message);
        this.update();
      },
      // A key may move to another element of a reused row before the old row lets go of it: only a detached element is forgotten.
      keep: (key) => (element) => void (element instanceof HTMLElement ? this.kept.set(key, element) : !this.kept.get(key)?.isConnected && this.kept.delete(key)),
      focus: (key) => this.kept.get(key)?.focus(),
      save: () => void this.save(view),
      cancel: () => this.stop(),
    });
  }

  renderProposeForm(view: ShownPlan, busy: boolean): TemplateResult {
    return renderProposeForm(
      this.host.strings(),
      this.proposal,
      busy,
      (next) => ((this.proposal = next), this.update()),
      () => void this.propose(view),
    );
  }

  private async save(view: ShownPlan) {
    const draft = this.draft;
    if (!draft || this.isPending(view.plan.id)) return;
    if (draftProblems(draft).length) {
      // Nothing is saved and nothing typed is lost: every problem is shown, and focus goes to their summary.
      this.draft = { ...draft, checked: true };
      this.focusNext = SUMMARY_KEY;
      return this.update();
    }
    const base = this.base ?? view.plan;
    const mine = planFromDraft(base, draft);
    if (mine === base) return this.stop();
    let next = mine;
    if (view.plan !== base && view.plan.meta?.version !== base.meta?.version) {
      // Someone saved a newer plan while the form was open: what only one of them changed is kept.
      const merged = mergeEntity('crisis-plan', base, mine, view.plan);
      if (merged.conflicts.length) {
        this.both = { mine, base };
        return this.update();
      }
      next = merged.value as CrisisPlan;
    }
    if ((await this.carry(view, 'edit', next)) === 'saved') this.stop();
  }

  /**
   * Try again; after a conflict, saves the person's choice: their version or the newer one, merged
   * with what only one side changed.
   */
  async retry(view: ShownPlan, choice?: 'mine' | 'theirs'): Promise<void> {
    if (this.isPending(view.plan.id)) return;
    const both = this.both;
    if (both && choice) {
      this.both = undefined;
      const merged = mergeEntity('crisis-plan', both.base, both.mine, view.plan, choice).value as CrisisPlan;
      if ((await this.carry(view, 'edit', merged)) === 'saved') this.stop();
      return;
    }
    const outcome = await this.intents.retry(view.plan.id, choice);
    if (outcome?.status === 'saved') {
      this.saved(outcome.value);
      if (this.draft) this.stop();
    }
  }

  /** The reader confirms the current version. */
  agree(view: ShownPlan): Promise<string> | undefined {
    const reader = this.host.reader();
    if (!reader?.id || this.isPending(view.plan.id)) return;
    const carried = this.carry(view, 'agree', withAgreement(view.plan, { id: reader.id, name: reader.name }, new Date().toISOString(), view.team));
    this.confirming.set(view.plan.id, view.plan.version);
    return carried;
  }

  /** The person accepts or declines a proposal. */
  answer(view: ShownPlan, proposal: CrisisProposal, accept: boolean): Promise<string> | undefined {
    const reader = this.host.reader();
    if (!reader || this.isPending(view.plan.id)) return;
    return this.carry(view, accept ? 'accept-proposal' : 'decline-proposal', withAnswer(view.plan, proposal.id, accept, reader, new Date().toISOString()));
  }

  private saved(value: CrisisPlan): void {
    this.host.saved(value);
    // A confirmation merged onto a version someone else made meanwhile holds for the version read,
    // not for this one: the reader is told so, never only that the plan is saved.
    const confirmed = this.confirming.get(value.id);
    this.confirming.delete(value.id);
    const reader = this.host.reader();
    const current = value.agreedBy.some((a) => a.memberId === reader?.id && a.version === value.version);
    this.host.say(confirmed !== undefined && !current ? this.host.strings().confirmedEarlierVersion(confirmed, value.version) : this.host.strings().savedPlan);
  }

  private async carry(view: ShownPlan, action: CrisisPlanAction, next: CrisisPlan): Promise<string> {
    this.host.say('');
    this.confirming.delete(view.plan.id);
    const outcome = await this.intents.carry(action, next, view.plan);
    if (outcome.status === 'saved') this.saved(outcome.value);
    return outcome.status;
  }

  private async propose(view: ShownPlan) {
    const reader = this.host.reader();
    if (!reader || this.isPending(view.plan.id)) return;
    const p = this.proposal;
    const outcome = await this.carry(view, 'propose', withProposal(view.plan, reader, p.stage, p.text, p.note, new Date().toISOString()));
    if (outcome === 'saved') {
      this.proposal = { ...p, text: '', note: '' };
      this.update();
    }
  }
}
