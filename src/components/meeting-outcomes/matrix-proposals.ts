import type { ReactiveControllerHost } from 'lit';
import type { Actor } from '../../contract/common.js';
import type { CareStore } from '../../data/store.js';
import type { StoreError } from '../../data/types.js';
import { IntentController } from '../base/intent-controller.js';
import { changeDetail } from '../responsibility-matrix/change-detail.js';
import { CareResponsibilityChangeEvent, CareResponsibilityRequestEvent } from '../responsibility-matrix/events.js';
import type { MeetingOutcome } from '../../contract/meeting-outcome.js';
import type { Responsibility } from '../../contract/responsibility.js';
import { matrixChanges, type MatrixChange } from './outcome-model.js';

/**
 * The responsibilities an outcome's tasks propose, carried on the matrix's own road (its request
 * and change events, its audit actions `add` and `propose-handover`), so a host that listens to
 * the matrix sees them, and the owner answers them in the matrix. They are proposed once the
 * outcome they come from is saved, never before.
 */
export class MatrixProposals {
  private readonly intents: IntentController<'responsibility'>;
  /** Responsibilities proposed from here, to find a failed one, with the task each comes from. */
  private readonly tasks = new Map<string, string>();
  /** The saved outcome whose tasks were proposed last, so Try again after a failed proposal can finish them. */
  from?: MeetingOutcome;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    store: () => CareStore | undefined,
    private readonly actor: () => Actor | undefined,
  ) {
    this.intents = new IntentController(host, {
      kind: 'responsibility',
      store,
      actor,
      events: {
        request: (value, action, previous, reason) => new CareResponsibilityRequestEvent(changeDetail(value, action, previous, reason)),
        committed: (value, action, previous, reason) => new CareResponsibilityChangeEvent(changeDetail(value, action, previous, reason)),
      },
    });
  }

  /** Whether a proposal is being saved. */
  get busy(): boolean {
    return this.intents.busy;
  }

  /** Proposes what the saved outcome's tasks ask of the matrix and it does not hold yet (nothing is asked twice). */
  proposeFrom(saved: MeetingOutcome, responsibilities: readonly Responsibility[], comment: string, teamId: string, leftOut?: ReadonlySet<string>): Promise<{ status: string; task?: string }> {
    const actor = this.actor();
    if (!actor) return Promise.resolve({ status: 'saved' });
    this.from = saved;
    return this.propose(matrixChanges(saved, responsibilities, actor, comment, new Date().toISOString(), teamId, leftOut));
  }

  /** Saves each change in turn: `saved` when all were, else the outcome of the first that was not, with its task. */
  async propose(changes: readonly MatrixChange[]): Promise<{ status: string; task?: string }> {
    for (const change of changes) {
      this.tasks.set(change.value.id, change.task);
      const outcome = await this.intents.carry(change.action, change.value, change.previous);
      if (outcome.status !== 'saved') return { status: outcome.status, task: change.task };
    }
    return { status: 'saved' };
  }

  /** The first proposal that failed, if any, with the task it comes from. */
  failure(): { id: string; task: string; error: StoreError } | undefined {
    if (this.intents.busy) return undefined;
    for (const [id, task] of this.tasks) {
      const failure = this.intents.failureOf(id);
      if (failure) return { id, task, error: failure.error };
    }
    return undefined;
  }

  /** Try again for the failed proposal: true when it is saved now. */
  async retry(): Promise<boolean> {
    const failed = this.failure();
    if (!failed) return true;
    return (await this.intents.retry(failed.id))?.status === 'saved';
  }

  /** Forgets the failed proposal the person closed. */
  dismiss(): void {
    const failed = this.failure();
    if (failed) this.intents.dismiss(failed.id);
  }
}
