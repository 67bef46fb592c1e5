import type { ReactiveControllerHost } from 'lit';
import type { Actor } from '../../contract/common.js';
import type { CareStore } from '../../data/store.js';
import type { StoreError } from '../../data/types.js';
import { IntentController } from '../base/intent-controller.js';
import { changeDetail } from '../responsibility-matrix/change-detail.js';
import { CareResponsibilityChangeEvent, CareResponsibilityRequestEvent } from '../responsibility-matrix/events.js';
import type { MatrixChange } from './outcome-model.js';

/**
 * The responsibilities an outcome's tasks propose, carried on the matrix's own road (its request
 * and change events, its audit actions `add` and `propose-handover`), so a host that listens to
 * the matrix sees them, and the owner answers them in the matrix.
 */
export class MatrixProposals {
  private readonly intents: IntentController<'responsibility'>;
  /** Responsibilities proposed from here, to find a failed one. */
  private readonly ids = new Set<string>();

  constructor(host: ReactiveControllerHost & HTMLElement, store: () => CareStore | undefined, actor: () => Actor | undefined) {
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

  /** Saves each change in turn: `saved` when all were, else the outcome of the first that was not. */
  async propose(changes: readonly MatrixChange[]): Promise<string> {
    for (const change of changes) {
      this.ids.add(change.value.id);
      const outcome = await this.intents.carry(change.action, change.value, change.previous);
      if (outcome.status !== 'saved') return outcome.status;
    }
    return 'saved';
  }

  /** The first proposal that failed, if any. */
  failure(): { id: string; error: StoreError } | undefined {
    if (this.intents.busy) return undefined;
    for (const id of this.ids) {
      const failure = this.intents.failureOf(id);
      if (failure) return { id, error: failure.error };
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
