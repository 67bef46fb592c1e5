import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { Kept, keep } from '../base/kept.js';
import type { ConsentDirectiveInput } from '../../contract/consent.js';
import type { MeetingInput } from '../../contract/meeting.js';
import { MeetingOutcome, type MeetingOutcomeInput } from '../../contract/meeting-outcome.js';
import type { ResponsibilityInput } from '../../contract/responsibility.js';
import { coordinatorOf, localDay } from '../../contract/rules.js';
import type { CareTeamInput } from '../../contract/team.js';
import type { Audience } from '../../contract/values.js';
import { mergeEntity } from '../../data/merge.js';
import { formatList, formatTime } from '../../i18n/format.js';
import { outcomes } from '../../i18n/catalogues/en/outcomes.js';
import { outcomesTranslations } from '../../i18n/translations.js';
import type { OutcomesMessages } from '../../i18n/types.js';
import { CareElement } from '../base/care-element.js';
import { headingLevel, type HeadingLevel } from '../base/heading-level.js';
import { IntentController } from '../base/intent-controller.js';
import type { IntentOutcome } from '../base/intent.js';
import { CareMeetingOutcomeChangeEvent, CareMeetingOutcomeRequestEvent, type MeetingOutcomeAction } from './events.js';
import { MatrixProposals } from './matrix-proposals.js';
import { documentStyles } from '../../styles/document.js';
import { meetingOutcomesStyles } from './meeting-outcomes.styles.js';
import { renderOutcomeAlert } from './failure-view.js';
import {
  actionComplete,
  actionStarted,
  confirmationOfEarlier,
  draftOf,
  newOutcome,
  outcomeFromDraft,
  sharedOutcome,
  withAnswer,
  withConfirmation,
  withQuestion,
  type OutcomeDraft,
} from './outcome-model.js';
import { renderCoordinatorSummary } from './coordinator-view.js';
import { isolated } from './isolated.js';
import { renderReaderPanel } from './panels-view.js';
import { renderRecordForm } from './record-view.js';
import { accessOfParts, renderParts, type SummaryContext } from './summary-view.js';
import { outcomeView, type Ready, type View } from './outcome-view.js';


/**
 * @summary What a meeting agreed, per agenda part, and who has read it: the coordinator writes it
 * down after the meeting and shares it; each participant reads the parts they were invited to, in
 * plain words, says "I have read this" or asks the coordinator a question.
 *
 * Give it a `meeting` (controlled: the host saves; a `team`, `outcome` or `consents` it leaves unset
 * are read from an enclosing `<care-context>`), or, inside `<care-context>`, a `meeting-id`
 * (connected: the outcome is the record's for that meeting, saved through the store). The coordinator (the
 * team's coordinator, as the acting person) records notes, decisions and tasks with an owner and a
 * due date once the meeting has ended; a task may propose a new responsibility or a handover of
 * one, which goes to the owner through the responsibility matrix's handover. Everyone else sees a
 * shared outcome only: the parts they were invited to, as far as the person's consents cover their
 * organisation; a withheld part says so and why. The coordinator sees who has read it and answers
 * questions. Every change goes request → save → change; a confirmation or question saved while
 * someone else saved is merged onto their version at once, never lost.
 *
 * @csspart base - The box around the outcome.
 * @csspart outcome-part - One agenda part.
 * @csspart decision - One decision.
 * @csspart action - One task.
 * @csspart withheld - The notice in place of a part the reader may not see.
 * @csspart record - The button that starts writing down the outcome.
 * @csspart edit - The button that opens the form again.
 * @csspart share - The button that shares the outcome with the participants.
 * @csspart edit-form - The coordinator's form.
 * @csspart edit-part - One part in the form.
 * @csspart edit-action - One task in the form.
 * @csspart add-decision - The button that adds a decision.
 * @csspart add-action - The button that adds a task.
 * @csspart save - The button that saves the form.
 * @csspart cancel - The button that leaves the form without saving.
 * @csspart confirm - The "I have read this" button.
 * @csspart confirmed - The sentence saying when the reader confirmed.
 * @csspart confirmed-earlier - The sentence saying the reader confirmed an earlier version, above the button to confirm again.
 * @csspart ask - The form for a question to the coordinator.
 * @csspart send-question - The button that sends it.
 * @csspart question - One question.
 * @csspart confirmations - The coordinator's list of who has read it.
 * @csspart questions - The coordinator's list of questions.
 * @csspart status - The live message while saving and after a save.
 * @csspart error - The message shown when a save failed.
 * @csspart retry - The button that tries a failed save again.
 *
 * @cssprop [--care-meeting-outcomes-gap=var(--care-space-4)] - Space between sections.
 * @cssprop [--care-meeting-outcomes-surface=var(--care-color-surface)] - Background of the outcome.
 * @cssprop [--care-meeting-outcomes-withheld-border=var(--care-color-warning)] - Edge of a withheld part's notice.
 *
 * @fires care-meeting-outcome-request - Before a change of the outcome is saved. Cancelable; `waitUntil(promise)` makes the element wait for the host.
 * @fires care-meeting-outcome-change - After a change of the outcome has been saved.
 * @fires care-responsibility-request - Before a task's proposed responsibility or handover is saved (as the matrix fires it).
 * @fires care-responsibility-change - After it has been saved.
 * @fires care-error - When a change could not be saved; the element shows why and offers Try again.
 * @fires care-data-error - When `meeting`, `team`, `outcome`, `consents` or `responsibilities` break the data contract.
 */
export class CareMeetingOutcomes extends CareElement<'outcomes'> {
  /** @internal Lit's reactive properties: the fields below, their attributes and reflection. */
  static override properties: PropertyDeclarations = {
    meeting: { attribute: false },
    meetingId: { attribute: 'meeting-id' },
    outcome: { attribute: false },
    team: { attribute: false },
    consents: { attribute: false },
    responsibilities: { attribute: false },
    audience: { reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    now: { attribute: false },
    draft: { state: true },
    problem: { state: true },
    both: { state: true },
    message: { state: true },
    question: { state: true },
    questionProblem: { state: true },
    answers: { state: true },
    savedHere: { state: true },
  };

  static override styles = [...CareElement.styles, documentStyles, meetingOutcomesStyles];

  protected readonly namespace = 'outcomes' as const;
  protected readonly english: OutcomesMessages = outcomes;
  protected readonly translations = outcomesTranslations;

  /** The meeting (controlled mode). Checked against the data contract. */
  meeting?: MeetingInput;

  /** Id of the meeting in the care record (connected mode). */
  meetingId?: string;

  /** The meeting's outcome, if one has been recorded (controlled mode). */
  outcome?: MeetingOutcomeInput;

  /** The care team, for names, organisations and the coordinator (controlled mode). */
  team?: CareTeamInput;

  /** The person's consents, which decide who reads which part (controlled mode). */
  consents?: ConsentDirectiveInput[];

  /** The team's responsibilities, for tasks that hand one over (controlled mode). */
  responsibilities?: ResponsibilityInput[];

  /** Who reads it: `service-user` ("you", plain words) or `professional`. */
  audience: Audience = 'service-user';

  /** Level of the outcome's heading (1–6), to fit the page's outline. */
  headingLevel: HeadingLevel = 2;

  /** The moment "has the meeting ended" and the validity of consents are judged by. Defaults to now; set it for stable stories and tests. */
  now?: Date | string;

  private draft?: OutcomeDraft;
  private draftBase?: MeetingOutcome;
  private problem?: string;
  private both?: { mine: MeetingOutcome; base: MeetingOutcome; action: MeetingOutcomeAction };
  private message = '';
  private question = { text: '', partId: '' };
  private questionProblem = false;
  private answers: Record<string, string> = {};
  /** An outcome saved in controlled mode, shown until the host gives a new one. */
  private savedHere?: MeetingOutcome;

  private view: View = { kind: 'loading' };
  private readonly formHeadingRef = new Kept<HTMLElement>();
  /** The end of the meeting shown as not over yet, in ms: once it has passed, recording opens. */
  private notEndedUntil?: number;
  private readonly problemRef = new Kept<HTMLElement>();
  private readonly editRef = new Kept<HTMLButtonElement>();
  private readonly confirmedRef = new Kept<HTMLElement>();
  private readonly questionRef = new Kept<HTMLTextAreaElement>();
  private focusAfterUpdate?: 'form' | 'edit' | 'problem' | 'confirmed' | 'question';

  private readonly intents = new IntentController(this, {
    kind: 'meeting-outcome',
    store: () => this.connection.storeFor(this.meeting),
    actor: () => this.actingPerson,
    events: {
      request: (outcome, action, previous) => new CareMeetingOutcomeRequestEvent({ outcome, previous, action: action as MeetingOutcomeAction }),
      committed: (outcome, action, previous) => new CareMeetingOutcomeChangeEvent({ outcome, previous, action: action as MeetingOutcomeAction }),
    },
  });

  private readonly matrix = new MatrixProposals(this, () => this.connection.storeFor(this.meeting), () => this.actingPerson);

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('outcome')) this.savedHere = undefined;
    this.view = this.computeView();
  }

  private computeView(): View {
    return outcomeView({
      check: (entity, schema, input) => this.checkOptionalInput(entity, schema as never, input),
      inputs: { team: this.team, consents: this.consents, responsibilities: this.responsibilities, meeting: this.meeting, outcome: this.outcome },
      store: this.connection.storeFor(this.meeting),
      snapshot: this.snapshot,
      meetingId: this.meetingId,
      savedHere: this.savedHere,
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const focus = this.focusAfterUpdate;
    this.focusAfterUpdate = undefined;
    const target = { form: this.formHeadingRef, edit: this.editRef, problem: this.problemRef, confirmed: this.confirmedRef, question: this.questionRef }[focus ?? 'form'];
    if (focus) target.value?.focus();
  }

  /** A new day, or the end of the meeting shown as not over yet, is shown when it comes. */
  protected override dayKey(): string {
    return `${localDay(this.now)} ${this.notEndedUntil !== undefined && Date.now() >= this.notEndedUntil}`;
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
        return html`<div class="state" part="state">${view.id ? this.t.noMeeting(view.id) : this.t.chooseMeeting}</div>
          ${this.renderLeftOut('Meeting')}`;
      default:
        return this.renderReady(view);
    }
  }

  private dateTime = (iso: string, timeZone?: string): string => `${this.localize.date(iso, 'long', timeZone)} ${formatTime(iso, this.dates(timeZone))}`;

  private summaryContext(view: Ready, outcome: MeetingOutcome, level: number): SummaryContext {
    return {
      t: this.t,
      outcome,
      meeting: view.meeting,
      team: view.team,
      consents: view.consents,
      reader: this.actingPerson,
      today: localDay(this.now),
      level,
      date: (iso) => this.localize.date(iso),
      list: (items) => formatList(items, this.catalogue.intlLocale),
      responsibilityTitles: this.responsibilityTitles(view),
    };
  }

  /** The responsibilities' titles; one a task names that the load left out is named as stored with a mistake, not as missing. */
  private responsibilityTitles(view: Ready): Map<string, string> {
    const named = (view.outcome?.parts ?? []).flatMap((p) => p.actions.map((a) => a.responsibilityId ?? ''));
    return this.withLeftOutTitles('Responsibility', new Map(view.responsibilities.map((r) => [r.id, r.title])), named);
  }

  private renderReady(view: Ready): TemplateResult {
    const t = this.t;
    const level = headingLevel(this.headingLevel, 2);
    const id = view.outcome?.id ?? `mo-${view.meeting.id}`;
    const busy = this.intents.isPending(id) || this.matrix.busy;
    const live = busy ? t.saving : this.message;
    const title = isolated((name) => t.titleFor(name, this.localize.date(view.meeting.start, 'long', view.meeting.timeZone)), view.meeting.title);
    const readerId = this.actingPerson?.id;
    return html`<article class="outcome" part="base" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <div role="heading" aria-level=${level} class="heading title" id="title">${title}</div>
      ${this.renderLeftOut('MeetingOutcome')}
      ${readerId && coordinatorOf(view.team)?.id === readerId ? this.renderForCoordinator(view, level + 1, busy) : this.renderForReader(view, level + 1, busy)}
      <p class="live-region" role="status" part="status">${live}</p>
      ${renderOutcomeAlert(
        t,
        { failure: this.intents.failureOf(id), both: Boolean(this.both), matrixFailure: this.matrix.failure() },
        { busy, describeError: (error) => this.describeError(error), retry: (choice) => void this.retry(view, id, choice), dismiss: () => this.dismiss(id) },
      )}
    </article>`;
  }

  private renderForCoordinator(view: Ready, level: number, busy: boolean): TemplateResult {
    const t = this.t;
    const outcome = view.outcome;
    if (this.draft) {
      return renderRecordForm({
        t,
        draft: this.draft,
        meeting: view.meeting,
        team: view.team,
        responsibilities: view.responsibilities,
        responsibilityTitles: this.responsibilityTitles(view),
        level,
        busy,
        shared: outcome?.status === 'shared',
        problem: this.problem,
        headingRef: this.formHeadingRef,
        problemRef: this.problemRef,
        change: (update) => ((this.draft = update(this.draft!)), (this.problem = undefined)),
        save: (share) => void this.saveDraft(view, share),
        cancel: () => this.stopEditing(),
      });
    }
    const end = Date.parse(view.meeting.end);
    this.notEndedUntil = this.now ? undefined : end;
    if (end > (this.now ? new Date(this.now).getTime() : Date.now())) {
      return html`<p class="notice">${t.notEnded(this.dateTime(view.meeting.end, view.meeting.timeZone))}</p>`;
    }
    if (!outcome) {
      return html`<p>${t.nothingRecorded}</p>
        <div class="tools"><button type="button" class="primary" part="record" ${keep(this.editRef)} @click=${() => this.startEditing(view)}>${t.recordOutcome}</button></div>`;
    }
    const summary = this.summaryContext(view, outcome, level);
    return renderCoordinatorSummary({
      t,
      outcome,
      meeting: view.meeting,
      team: view.team,
      level,
      busy,
      date: summary.date,
      dateTime: (iso) => this.dateTime(iso, view.meeting.timeZone),
      answers: this.answers,
      editAnswer: (qid, text) => (this.answers = { ...this.answers, [qid]: text }),
      answer: (qid) => void this.answer(view, outcome, qid),
      summary,
      responsibilityIds: [...summary.responsibilityTitles.keys()],
      editRef: this.editRef,
      edit: () => this.startEditing(view),
      share: () => void this.share(view, outcome),
    });
  }

  private renderForReader(view: Ready, level: number, busy: boolean): TemplateResult {
    const t = this.t;
    const outcome = view.outcome;
    const reader = this.actingPerson;
    if (!outcome || outcome.status !== 'shared') return html`<p>${t.nothingShared}</p>`;
    const ctx = this.summaryContext(view, outcome, level);
    const coordinator = coordinatorOf(view.team);
    const readable = accessOfParts(ctx).filter((p) => p.access.shown).map((p) => p.part);
    return html`${renderParts(ctx, coordinator?.name)}
    ${reader?.id && view.meeting.participants.some((p) => p.memberId === reader.id)
      ? renderReaderPanel({
          t,
          outcome,
          meeting: view.meeting,
          team: view.team,
          level,
          busy,
          date: ctx.date,
          dateTime: (iso) => this.dateTime(iso, view.meeting.timeZone),
          readerId: reader.id,
          readable,
          question: this.question,
          questionProblem: this.questionProblem,
          confirmedRef: this.confirmedRef,
          questionRef: this.questionRef,
          confirm: () => void this.confirm(view, outcome),
          editQuestion: (next) => ((this.question = next), (this.questionProblem = false)),
          ask: () => void this.ask(view, outcome),
        })
      : nothing}`;
  }

  // ---- user intents -----------------------------------------------------------------------

  private startEditing(view: Ready) {
    const reader = this.actingPerson;
    if (!reader) return;
    const base = view.outcome ?? newOutcome(view.meeting, view.team.id, reader);
    if (view.outcome && this.intents.isPending(base.id)) return;
    this.draft = draftOf(base);
    this.draftBase = base;
    this.problem = undefined;
    this.message = '';
    this.focusAfterUpdate = 'form';
  }

  private stopEditing() {
    this.draft = undefined;
    this.draftBase = undefined;
    this.problem = undefined;
    this.focusAfterUpdate = 'edit';
  }

  private async saveDraft(view: Ready, share: boolean) {
    const draft = this.draft;
    const base = this.draftBase;
    if (!draft || !base || this.intents.isPending(base.id) || this.matrix.busy) return;
    const unfinished = draft.parts.flatMap((p) => p.actions).findIndex((a) => actionStarted(a) && !actionComplete(a));
    if (unfinished !== -1) {
      this.problem = this.t.actionIncomplete(unfinished + 1);
      this.focusAfterUpdate = 'problem';
      return;
    }
    let mine = outcomeFromDraft(base, draft);
    if (view.outcome && view.outcome !== base && view.outcome.meta?.version !== base.meta?.version) {
      // Someone saved meanwhile (a confirmation, a question): what only one side changed is kept.
      const merged = mergeEntity('meeting-outcome', base, mine, view.outcome);
      if (merged.conflicts.length) {
        this.both = { mine, base, action: share ? 'share' : 'record' };
        return;
      }
      mine = merged.value as MeetingOutcome;
    }
    if (share) mine = sharedOutcome(mine, new Date().toISOString());
    // Saved, the form closes even when a task's proposal did not reach the matrix: that failure says so on its own.
    if ((await this.carryWithMatrix(view, share ? 'share' : 'record', mine)) === 'saved') this.stopEditing();
  }

  private share(view: Ready, outcome: MeetingOutcome) {
    if (this.intents.isPending(outcome.id)) return;
    return this.carryWithMatrix(view, 'share', sharedOutcome(outcome, new Date().toISOString()));
  }

  /**
   * The outcome is saved first and its tasks are proposed to the matrix after, so no proposal in
   * the matrix stands for an outcome that was never saved. Returns how the outcome's save went.
   */
  private async carryWithMatrix(view: Ready, action: MeetingOutcomeAction, next: MeetingOutcome): Promise<string> {
    const outcome = await this.carry(view, action, next);
    if (outcome.status === 'saved') await this.proposeTasks(view, outcome.value);
    return outcome.status;
  }

  /** Proposes what the saved outcome's tasks ask of the matrix and it does not hold yet (nothing is asked twice). */
  private async proposeTasks(view: Ready, saved: MeetingOutcome) {
    const comment = this.t.handoverComment(view.meeting.title, this.localize.date(view.meeting.start, 'long', view.meeting.timeZone));
    // A responsibility the load left out exists: it is never proposed again as new.
    const leftOut = new Set(saved.parts.flatMap((p) => p.actions.map((a) => a.responsibilityId ?? '')).filter((id) => this.isLeftOut('Responsibility', id)));
    const result = await this.matrix.proposeFrom(saved, view.responsibilities, comment, view.team.id, leftOut);
    // A host that stopped a proposal: the outcome is saved, and the status says the task is not in the responsibilities.
    if (result.status === 'vetoed' && result.task) this.message = this.t.taskNotInResponsibilities(result.task);
  }

  private confirm(view: Ready, outcome: MeetingOutcome) {
    const reader = this.actingPerson;
    if (!reader?.id || this.intents.isPending(outcome.id)) return;
    return this.carry(view, 'confirm', withConfirmation(outcome, { id: reader.id, name: reader.name }, new Date().toISOString()));
  }

  private async ask(view: Ready, outcome: MeetingOutcome) {
    const reader = this.actingPerson;
    if (!reader?.id || this.intents.isPending(outcome.id)) return;
    if (!this.question.text.trim()) {
      this.questionProblem = true;
      this.focusAfterUpdate = 'question';
      return;
    }
    const { status } = await this.carry(view, 'ask', withQuestion(outcome, { id: reader.id, name: reader.name }, this.question.text, this.question.partId || undefined, new Date().toISOString()));
    if (status === 'saved') this.question = { text: '', partId: '' };
  }

  private answer(view: Ready, outcome: MeetingOutcome, questionId: string) {
    const reader = this.actingPerson;
    const text = this.answers[questionId]?.trim();
    if (!reader || !text || this.intents.isPending(outcome.id)) return;
    return this.carry(view, 'answer', withAnswer(outcome, questionId, text, reader, new Date().toISOString())).then(({ status }) => {
      if (status === 'saved') this.answers = { ...this.answers, [questionId]: '' };
    });
  }

  private async carry(view: Ready, action: MeetingOutcomeAction, next: MeetingOutcome): Promise<IntentOutcome<'meeting-outcome'>> {
    this.message = '';
    let outcome = await this.intents.carry(action, next, view.outcome);
    // A confirmation or question made while someone else saved touches nothing they changed: it is
    // merged onto their version at once rather than asking the reader to try again.
    const failure = this.intents.failureOf(next.id);
    if (outcome.status === 'failed' && (action === 'confirm' || action === 'ask') && failure?.error.kind === 'conflict' && failure.kept && !failure.conflicts.length) {
      outcome = (await this.intents.retry(next.id)) ?? outcome;
    }
    this.afterOutcome(view, action, outcome.status, outcome.status === 'saved' ? outcome.value : undefined);
    return outcome;
  }

  private afterOutcome(view: Ready, action: MeetingOutcomeAction, status: string | undefined, value: MeetingOutcome | undefined) {
    if (status !== 'saved') return;
    if (!this.connection.storeFor(this.meeting) && value) this.savedHere = value;
    const t = this.t;
    this.message = { record: t.savedOutcome, share: t.sharedNow, confirm: t.confirmedNow, ask: t.questionSent, answer: t.answerSaved }[action];
    const earlier = action === 'confirm' && value ? confirmationOfEarlier(value, this.actingPerson?.id) : undefined;
    if (earlier) this.message = t.youConfirmedEarlier(this.dateTime(earlier.at, view.meeting.timeZone));
    else if (action === 'confirm') this.focusAfterUpdate = 'confirmed';
  }

  private async retry(view: Ready, id: string, choice?: 'mine' | 'theirs') {
    const both = this.both;
    if (both && choice) {
      this.both = undefined;
      const merged = mergeEntity('meeting-outcome', both.base, both.mine, view.outcome, choice).value as MeetingOutcome;
      const next = both.action === 'share' ? sharedOutcome(merged, new Date().toISOString()) : merged;
      if ((await this.carryWithMatrix(view, both.action, next)) === 'saved') this.stopEditing();
      return;
    }
    const failure = this.intents.failureOf(id);
    if (!failure && this.matrix.failure()) {
      const saved = this.matrix.from;
      if (!(await this.matrix.retry()) || !saved) return;
      // The other tasks are proposed from the record as it is now, with that responsibility in it.
      await this.updateComplete;
      await this.proposeTasks(this.view.kind === 'ready' ? this.view : view, saved);
      return;
    }
    const action = (failure?.request.action ?? 'record') as MeetingOutcomeAction;
    const outcome = await this.intents.retry(id, choice);
    this.afterOutcome(view, action, outcome?.status, outcome?.status === 'saved' ? outcome.value : undefined);
    if (outcome?.status !== 'saved') return;
    if (this.draft) this.stopEditing();
    if (action === 'record' || action === 'share') await this.proposeTasks(view, outcome.value);
  }

  private dismiss(id: string) {
    this.both = undefined;
    this.intents.dismiss(id);
    this.matrix.dismiss();
  }
}
