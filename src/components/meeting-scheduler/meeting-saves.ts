import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Meeting } from '../../contract/meeting.js';
import type { CareStore } from '../../data/store.js';
import type { FieldConflict, StoreError } from '../../data/types.js';
import { IntentController } from '../base/intent-controller.js';
import type { IntentOutcome } from '../base/intent.js';
import { CareMeetingChangeEvent, CareMeetingRequestEvent, type MeetingAction } from './events.js';
import type { FailureView } from './status.js';
import type { Messages } from './view.js';

export interface MeetingSavesOptions {
  /** The store meetings are saved through now (by the connection rule), or undefined when the host saves. */
  store: () => CareStore | undefined;
  /** The id of the meeting on screen, if one is. */
  shownMeetingId: () => string | undefined;
  t: () => Messages;
  describeError: (error: StoreError) => string;
  /** Both versions in sentences, after someone else changed the same things. */
  conflictSentences: (conflicts: readonly FieldConflict[], meeting: Meeting) => string[];
  /** Sends the planning form again (Try again on a meeting the contract refused before sending). */
  resubmit: () => void;
  /** A failed save: focus goes to its first button. */
  failed: () => void;
  /** A saved change, for the form and the meeting shown. */
  saved: (action: MeetingAction, value: Meeting) => void;
}

/**
 * The scheduler's saves: every change on the intent road (request, store or host, change, Try
 * again), the sentence the status region says, and the failure to show for the meeting on screen.
 * Pending and failed saves are read from the store; only what it cannot know is kept here.
 */
export class MeetingSaves implements ReactiveController {
  private readonly intents: IntentController<'meeting'>;
  private noticeText = '';
  /** The id of the new meeting last sent, to find its failure while the form is still open. */
  private attemptedId = '';
  /** A meeting the contract refuses before anything is sent (should not happen; said plainly if it does). */
  private formFailure = '';
  /** A failure the person left by opening or closing the form: still kept by the store, not shown here. */
  private setAside?: unknown;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: MeetingSavesOptions,
  ) {
    host.addController(this);
    this.intents = new IntentController(host, {
      kind: 'meeting',
      store: options.store,
      events: {
        request: (meeting, action, previous) => new CareMeetingRequestEvent({ meeting, previous, action: action as MeetingAction }),
        committed: (meeting, action, previous) => new CareMeetingChangeEvent({ meeting, previous, action: action as MeetingAction }),
      },
    });
  }

  hostConnected(): void {}

  /** The meeting whose saves are shown: the one on screen, else the new one last sent. */
  private get shownId(): string {
    return this.options.shownMeetingId() ?? this.attemptedId;
  }

  /** A save of the shown meeting is under way: this element's, or one the store has pending (also from before a remount). */
  get saving(): boolean {
    const id = this.shownId;
    return this.intents.busy || (id !== '' && this.intents.isPending(id));
  }

  /** What the status region says: "Saving…", or the outcome of the last change. */
  get statusText(): string {
    return this.saving ? this.options.t().saving : this.noticeText;
  }

  /** Sets (or, with '', clears) the outcome sentence. */
  set notice(text: string) {
    this.noticeText = text;
    this.host.requestUpdate();
  }

  /** The failed save of the shown meeting, as the store (or, in controlled mode, the element) keeps it. */
  get failure(): FailureView | undefined {
    if (this.formFailure) {
      const clear = () => this.refuse('');
      return { message: this.formFailure, retry: this.options.resubmit, choose: clear, close: clear };
    }
    const id = this.shownId;
    const failure = id ? this.intents.failureOf(id) : undefined;
    if (!failure || failure.error === this.setAside || this.saving) return undefined;
    return {
      message: this.options.describeError(failure.error),
      conflicts: failure.conflicts.length ? this.options.conflictSentences(failure.conflicts, failure.request.value as Meeting) : undefined,
      retry: () => void this.retry(id),
      choose: (choice) => void this.retry(id, choice),
      close: () => this.intents.dismiss(id),
    };
  }

  /** Says why a meeting could not be sent at all ('' clears it). */
  refuse(message: string): void {
    this.formFailure = message;
    this.host.requestUpdate();
  }

  /** Stops showing the current failure of `id` (the store keeps it) when the person opens or closes the form. */
  setAsideFailureOf(id: string = this.shownId): void {
    this.setAside = this.intents.failureOf(id)?.error;
    this.host.requestUpdate();
  }

  /** Carries one change on the intent road: the request event, the store (or the host), then the change event. */
  async commit(action: MeetingAction, meeting: Meeting, previous: Meeting | undefined): Promise<void> {
    this.noticeText = '';
    this.formFailure = '';
    this.setAside = undefined;
    if (!previous) this.attemptedId = meeting.id;
    this.settle(action, await this.intents.carry(action, meeting, previous));
  }

  /** Try again, or keep one version after a conflict: the same road, request event included. */
  private async retry(id: string, choice?: 'mine' | 'theirs') {
    const action = this.intents.failureOf(id)?.request.action as MeetingAction | undefined;
    this.notice = '';
    const outcome = await this.intents.retry(id, choice);
    if (outcome && action) this.settle(action, outcome);
  }

  private settle(action: MeetingAction, outcome: IntentOutcome<'meeting'>) {
    if (outcome.status === 'vetoed') this.notice = this.options.t().vetoed;
    else if (outcome.status === 'failed') this.options.failed();
    else {
      this.notice = this.options.t().savedNotice[action];
      this.options.saved(action, outcome.value);
    }
  }
}
