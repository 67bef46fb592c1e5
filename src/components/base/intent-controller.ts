import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Actor } from '../../contract/common.js';
import type { CareStore } from '../../data/store.js';
import type { ChangeKind, ChangeRequest, EntityByKind, FieldConflict, SaveOutcome, StoreError } from '../../data/types.js';
import type { CareEvent, CareRequestEvent } from './events.js';
import { carryIntent, type IntentOutcome } from './intent.js';

/** The element's own events for one kind of change, built from the value, the action and the value before. */
export interface IntentEvents<K extends ChangeKind> {
  request: (value: EntityByKind[K], action: string, previous: EntityByKind[K] | undefined, reason?: string) => CareRequestEvent<unknown>;
  committed: (value: EntityByKind[K], action: string, previous: EntityByKind[K] | undefined, reason?: string) => CareEvent<unknown>;
}

export interface IntentControllerOptions<K extends ChangeKind> {
  kind: K;
  /** The store this element saves through now (by the connection rule), or undefined when the host saves. */
  store: () => CareStore | undefined;
  /** Who is acting; when given, an intent without a valid person is refused before anything is fired. */
  actor?: () => Actor | undefined;
  events: IntentEvents<K>;
  /**
   * Awaited after the change shows as pending and before its request event and save, for an
   * element that paints the pending state first (the consent toggle: the next painted frame).
   * Not awaited when the change is refused for want of a person acting.
   */
  beforeRequest?: () => Promise<void>;
}

/** A change that did not go through, as the element shows it. */
export interface IntentFailure<K extends ChangeKind> {
  error: StoreError;
  /** The change Try again sends again. */
  request: ChangeRequest<K>;
  /** The value before the change, for the events. */
  previous?: EntityByKind[K];
  /** After a conflict, the values both people changed: the person chooses with `retry(id, 'mine' | 'theirs')`. */
  conflicts: readonly FieldConflict[];
  /** Kept by the store, so it outlives the element (removed and added again, it is still there). */
  kept: boolean;
}

/**
 * The intent road for one kind of entity: request → save → change, or a failure with Try again.
 * A first try and a Try again take the same road: both fire the cancelable request event (the host
 * may veto or `waitUntil`), and a retry of a change the store kept sends it again with the same
 * change id. What is pending or failed is read from the store when there is one; the element keeps
 * only what the store cannot know (a host's step under way, a failure in controlled mode).
 */
export class IntentController<K extends ChangeKind> implements ReactiveController {
  /** Changes this element is carrying now, by entity id: the action and the value asked for. */
  private readonly carrying = new Map<string, { action: string; value: EntityByKind[K] }>();
  /** Failures the store does not keep (controlled mode, a host's rejected step, no actor). */
  private readonly ownFailures = new Map<string, IntentFailure<K>>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: IntentControllerOptions<K>,
  ) {
    host.addController(this);
  }

  // Nothing to set up: what survives the element's removal is kept by the store, not here.
  hostConnected(): void {}

  /** The action this element is carrying for the entity (from the request to the answer), if any. */
  carryingFor(id: string): string | undefined {
    return this.carrying.get(id)?.action;
  }

  /**
   * The values this element is carrying now, from the request to the answer. Without a store
   * nobody else knows them: a controlled element shows them as "saving" while the host decides.
   */
  get carried(): EntityByKind[K][] {
    return [...this.carrying.values()].map((entry) => entry.value);
  }

  /** The value this element is carrying for the entity (from the request to the answer), if any. */
  carriedValue(id: string): EntityByKind[K] | undefined {
    return this.carrying.get(id)?.value;
  }

  /** Whether any change is being carried by this element. */
  get busy(): boolean {
    return this.carrying.size > 0;
  }

  /** Whether a change of the entity is under way: this element's, or any save the store has pending. */
  isPending(id: string): boolean {
    return this.carrying.has(id) || Boolean(this.options.store()?.isPending(this.options.kind, id));
  }

  /** The failed change of the entity, from the store when it keeps one, else the element's own. */
  failureOf(id: string): IntentFailure<K> | undefined {
    const store = this.options.store();
    const kept = store?.failureOf(this.options.kind, id);
    if (kept) {
      return {
        error: kept.error,
        request: kept.request as ChangeRequest<K>,
        previous: store!.stateOf(this.options.kind, id).confirmed,
        conflicts: kept.conflicts,
        kept: true,
      };
    }
    return this.ownFailures.get(id);
  }

  /** Carries a new change of `value` (`previous` is the value before it, for the events; `reason` in the person's words, for the audit). */
  carry(action: string, value: EntityByKind[K], previous?: EntityByKind[K], reason?: string): Promise<IntentOutcome<K>> {
    return this.run(action, value, previous, reason);
  }

  /**
   * Try again (or, after a conflict, keep one version): the same road as the first try, request event included.
   * `asked` is the value as the person chose it when it is not the kept change (the other person's
   * version, say): it is what the request event carries and what shows as pending.
   */
  async retry(id: string, choice?: 'mine' | 'theirs', asked?: EntityByKind[K]): Promise<IntentOutcome<K> | undefined> {
    const failure = this.failureOf(id);
    if (!failure) return undefined;
    const { request, previous } = failure;
    const value = asked ?? (request.value as EntityByKind[K]);
    if (!failure.kept) return this.run(request.action, value, previous, request.reason);
    const store = this.options.store()!;
    const kind = this.options.kind;
    const sendAgain = () => (choice ? store.resolve(kind, id, choice) : store.retry(kind, id)) as Promise<SaveOutcome<K>> | undefined;
    return this.run(request.action, value, previous, request.reason, sendAgain);
  }

  /** Forgets a failure the person has closed. */
  dismiss(id: string): void {
    this.ownFailures.delete(id);
    this.options.store()?.dismiss(this.options.kind, id);
    this.host.requestUpdate();
  }

  private async run(
    action: string,
    value: EntityByKind[K],
    previous: EntityByKind[K] | undefined,
    reason: string | undefined,
    send?: () => Promise<SaveOutcome<K>> | undefined,
  ): Promise<IntentOutcome<K>> {
    const { kind, events } = this.options;
    const id = (value as { id: string }).id;
    const store = this.options.store();
    const why = reason?.trim() || undefined;
    const change = { entity: kind, action, value, ...(why ? { reason: why } : {}) } as ChangeRequest<K>;
    const entry = { action, value };
    this.carrying.set(id, entry);
    this.ownFailures.delete(id);
    this.host.requestUpdate();
    try {
      const { beforeRequest, actor } = this.options;
      if (beforeRequest && (!actor || actor())) await beforeRequest();
      const outcome = await carryIntent(this.host, {
        request: events.request(value, action, previous, why),
        change,
        store,
        committed: (saved) => events.committed(saved, action, previous, why),
        ...(this.options.actor ? { actor: this.options.actor() } : {}),
        ...(send ? { send: () => send() ?? Promise.resolve(undefined) } : {}),
      });
      // A failure the store keeps is read from it; any other is the element's to show.
      if (outcome.status === 'failed' && store?.failureOf(kind, id)?.error !== outcome.error) {
        this.ownFailures.set(id, { error: outcome.error, request: change, previous, conflicts: [], kept: false });
      }
      return outcome;
    } finally {
      // A newer change of the same entity started meanwhile is still on its way.
      if (this.carrying.get(id) === entry) this.carrying.delete(id);
      this.host.requestUpdate();
    }
  }
}
