import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { Actor } from '../../contract/common.js';
import { Meeting } from '../../contract/meeting.js';
import { check } from '../../contract/validate.js';
import type { FocusController } from '../base/focus.js';
import type { LazyPart } from '../base/lazy-part.js';
import type { Draft } from './draft.js';
import type { FirstUseParts } from './lazy-part.js';
import type { MeetingSaves } from './meeting-saves.js';
import type { PlannerActions } from './planner.js';
import type { FreeTimes } from './planning-model.js';
import type * as PlanningPart from './planning-part.js';
import type { DataState, ReadyData } from './scheduler-data.js';
import type { FailureView } from './status.js';
import type { Messages, SchedulerRefs, SchedulerView } from './view.js';

const SLOTS_PER_PAGE = 6;

let meetingSequence = 0;
const newMeetingId = () => `mt-${Date.now().toString(36)}-${(meetingSequence++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** What the planning form needs from the scheduler around it. */
export interface PlanningHost {
  data: () => DataState;
  t: () => Messages;
  today: () => string;
  teamZone: () => string;
  /** Who is using the page, when the page said so. */
  knownActor: () => Actor | undefined;
  shortDate: (date: string) => string;
  /** What the polite region says now. */
  status: () => string;
  parts: FirstUseParts<'form' | 'ics'>;
  /** The form's code, loaded when a form first opens. */
  part: LazyPart<typeof PlanningPart>;
  saves: MeetingSaves;
  focusing: FocusController;
  refs: SchedulerRefs;
}

/**
 * The planning form of a new meeting or of a change: its draft, whether the person asked for free
 * times, and the road from Change to a booked meeting (open, edit, check, save, close). The
 * scheduler shows the form while `editing` (or while there is no meeting); the booked view otherwise.
 */
export class PlanningSession {
  draft?: Draft;
  /** A booked meeting is being changed. */
  editing = false;
  /** The meeting the change form was opened on: someone else may save a newer one while it is open. */
  private base?: Meeting;
  private submitted = false;
  private findRequested = false;
  private slotLimit = SLOTS_PER_PAGE;
  private freeTimes?: FreeTimes;
  private actions?: PlannerActions;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly on: PlanningHost,
  ) {}

  /** Before each render: the form's code asked for, its draft made, the free times kept current. */
  prepare(data: ReadyData): void {
    const planning = !data.meeting || this.editing;
    const part = this.on.part.module;
    // A new meeting needs the form at once; after a failed load the person decides when to try again.
    if (planning && !part && !this.on.part.failed) void this.on.part.load();
    if (planning && part && !this.draft) this.draft = this.startDraft(part, data);
    // Cheap enough to keep current: it marks free days in the picker and lists the chosen day's times.
    if (planning && part && this.draft) (this.freeTimes ??= new part.FreeTimes()).update(data.availability, this.draft, this.on.today());
  }

  /** The form, once its code and a draft are there. */
  render(v: SchedulerView, data: ReadyData, failure: FailureView | undefined): TemplateResult | undefined {
    const part = this.on.part.module;
    const draft = this.draft;
    if (!part || !draft) return undefined;
    const freeTimes = this.freeTimes!;
    return part.renderPlanner(
      v,
      data,
      {
        draft,
        problems: this.submitted ? part.draftProblems(draft) : {},
        editing: this.editing,
        slots: freeTimes.slots,
        suggestions: freeTimes.suggestions,
        freeDays: freeTimes.freeDays(draft.timeZone),
        findRequested: this.findRequested,
        slotLimit: this.slotLimit,
        warnings: part.draftWarnings(data, draft, this.on.today(), this.on.knownActor()),
        status: this.on.status(),
        failure,
      },
      this.actionsOf(part),
    );
  }

  /** Change: the form opens with focus on its first field, once its code is in (loaded on first use). */
  start(): void {
    const data = this.on.data();
    if (data.kind !== 'ready' || !data.meeting) return;
    const part = this.on.part.module;
    if (!part) {
      this.on.parts.track(this.openFormPart());
      return;
    }
    this.on.parts.recovered();
    this.draft = part.draftFromMeeting(data.meeting, data.team, this.on.shortDate);
    this.base = data.meeting;
    this.editing = true;
    this.submitted = false;
    this.on.saves.setAsideFailureOf(data.meeting.id);
    this.on.saves.notice = '';
    this.on.focusing.after(this.on.refs.fields.get('title'));
  }

  /** Checks the draft and books or updates the meeting; the problems are listed (and focused) first. */
  submit(event: Event): void {
    event.preventDefault();
    const data = this.on.data();
    const draft = this.draft;
    const part = this.on.part.module;
    if (data.kind !== 'ready' || !draft || !part || this.on.saves.saving) return;
    this.submitted = true;
    this.host.requestUpdate();
    if (Object.keys(part.draftProblems(draft)).length) {
      this.on.focusing.after(this.on.refs.errorSummary);
      return;
    }
    const previous = this.editing ? data.meeting : undefined;
    const base = this.editing ? (this.base ?? previous) : undefined;
    let candidate: unknown = part.meetingFromDraft(draft, { team: data.team, previous: base, organiser: this.on.knownActor(), newId: newMeetingId });
    if (base && previous && previous !== base && previous.meta?.version !== base.meta?.version) {
      // Someone saved the meeting while the form was open: what only one of them changed is kept. Where
      // both changed the same thing, the change goes as made on its copy and the store asks which to keep.
      const merged = part.mergeEntity('meeting', base, candidate, previous);
      if (!merged.conflicts.length) candidate = merged.value;
    }
    const result = check(Meeting, candidate);
    if (!result.ok) {
      this.on.saves.refuse(result.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
      return;
    }
    void this.on.saves.commit(previous ? 'update' : 'book', result.value, previous);
  }

  /** The meeting was booked or changed: the form closes and focus goes to the heading. */
  saved(): void {
    this.close();
    this.findRequested = false;
  }

  /** Try again on a new meeting's form: focus goes to the heading of the form that arrived, or back to Try again. */
  async retryNewForm(): Promise<void> {
    const part = await this.on.part.load();
    this.on.focusing.after(part ? this.on.refs.title : this.on.refs.partRetry);
  }

  private close(): void {
    this.editing = false;
    this.draft = undefined;
    this.base = undefined;
    this.submitted = false;
    this.on.focusing.after(this.on.refs.title);
  }

  /** Loads the form's code with a polite "Opening the form…", then opens it; focus stays on the button pressed meanwhile. */
  private async openFormPart() {
    const parts = this.on.parts;
    if (parts.status) return;
    parts.say(this.on.t().openingForm);
    const part = await this.on.part.load();
    parts.say('');
    if (!part) return parts.fail('form');
    this.start();
  }

  private startDraft(part: typeof PlanningPart, data: ReadyData): Draft {
    const t = this.on.t();
    if (data.meeting) return part.draftFromMeeting(data.meeting, data.team, this.on.shortDate);
    return part.newDraft(data.team, { timeZone: this.on.teamZone(), kindTitle: (kind) => t.kinds[kind], templateTitle: (template) => t.templates[template] });
  }

  private patch(changes: Partial<Draft>) {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...changes };
    this.on.saves.notice = '';
    this.host.requestUpdate();
  }

  /** The form's actions, made once its code is in. */
  private actionsOf(part: typeof PlanningPart): PlannerActions {
    return (this.actions ??= {
      ...part.draftEdits({
        draft: () => this.draft!,
        patch: (changes) => this.patch(changes),
        t: this.on.t,
        shortDate: this.on.shortDate,
        focusing: this.on.focusing,
        refs: this.on.refs,
      }),
      findTimes: () => {
        this.findRequested = true;
        this.slotLimit = SLOTS_PER_PAGE;
        this.freeTimes?.forget();
        this.on.focusing.cancel();
        this.host.requestUpdate();
      },
      showMoreTimes: () => {
        this.slotLimit += SLOTS_PER_PAGE;
        this.host.requestUpdate();
      },
      submit: (event) => this.submit(event),
      stopEditing: () => {
        this.close();
        this.on.saves.setAsideFailureOf();
      },
    });
  }
}
