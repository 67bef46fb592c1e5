import type { ContractIssue } from '../../contract/validate.js';
import type { StorageProblem } from '../../data/memory-storage.js';
import type { LoadFailureReason } from '../../data/load-failure.js';
import type { StoreError } from '../../data/types.js';

/**
 * Base of every event the elements fire: bubbles and crosses shadow roots, so a portal can listen
 * on the element or anywhere above it. `detail` is typed per event.
 */
export class CareEvent<D> extends Event {
  constructor(
    type: string,
    readonly detail: D,
    init: { cancelable?: boolean } = {},
  ) {
    super(type, { bubbles: true, composed: true, cancelable: init.cancelable ?? false });
  }
}

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

/**
 * A user's intent, fired before anything is saved. Call `preventDefault()` to veto it, or pass a
 * promise to `waitUntil()` to make the element wait (showing "saving") until the host has saved
 * it, for example after a confirmation dialog or a signature. A rejected promise rolls back.
 * `detail` is a frozen copy: what is saved is what the person chose. A host that wants something
 * else saved vetoes the request and makes its own change.
 */
export class CareRequestEvent<D> extends CareEvent<D> {
  private readonly waits: Promise<unknown>[] = [];

  constructor(type: string, detail: D) {
    // A frozen copy: a listener can read it but cannot change what the element saves.
    super(type, deepFreeze(structuredClone(detail)), { cancelable: true });
  }

  /** Makes the element wait for the host's own save before it shows the change as done. */
  waitUntil(promise: Promise<unknown>): void {
    this.waits.push(promise);
  }

  /** The promises given to `waitUntil`, for the element to await. */
  get pendingWork(): readonly Promise<unknown>[] {
    return this.waits;
  }
}

/** Fired when data given to an element breaks the contract; the element shows what is wrong. */
export class CareDataErrorEvent extends CareEvent<{ entity: string; issues: ContractIssue[]; id?: string }> {
  static readonly eventName = 'care-data-error';
  /** @param id - the entity's id, for an item a load left out (fired by `<care-context>`) */
  constructor(entity: string, issues: ContractIssue[], id?: string) {
    super(CareDataErrorEvent.eventName, id === undefined ? { entity, issues } : { entity, issues, id });
  }
}

/** Tells `target`'s listeners that data it was given breaks the contract. */
export const reportDataError = (target: EventTarget, entity: string, issues: ContractIssue[]): boolean =>
  target.dispatchEvent(new CareDataErrorEvent(entity, issues));

/** Fired when a change the user made could not be saved; the element shows it and offers retry. */
export class CareErrorEvent extends CareEvent<{ entity: string; entityId: string; error: StoreError }> {
  static readonly eventName = 'care-error';
  constructor(entity: string, entityId: string, error: StoreError) {
    super(CareErrorEvent.eventName, { entity, entityId, error });
  }
}

/** What a portal needs to act on a failed load: the reason category, the HTTP status when there was one, and the error. */
export interface CareLoadErrorDetail {
  /** The care team that was being loaded (empty when none was named). */
  teamId: string;
  /** `unauthorised`, `forbidden`, `not-found`, `server`, `timeout`, `network`, `invalid-body` or `rejected`. */
  reason: LoadFailureReason;
  /** The HTTP status of the answer, when the source got one. */
  status?: number;
  /** The technical cause, for logs (also written to the console). */
  message: string;
  error: StoreError;
}

/**
 * Fired by `<care-context>` when its care team could not be loaded, once per failed load. The
 * elements inside show the failure in plain language; a portal can, for example, send the
 * person to sign in when `detail.reason` is `unauthorised`.
 */
export class CareLoadErrorEvent extends CareEvent<CareLoadErrorDetail> {
  static readonly eventName = 'care-load-error';
  constructor(detail: CareLoadErrorDetail) {
    super(CareLoadErrorEvent.eventName, detail);
  }
}

/**
 * Fired by `<care-context source="memory" persist="…">` for every problem with the browser storage
 * it keeps changes in: a stored record it could not use was kept aside (`quarantined`, the team does
 * not load until the host calls `discardStored()`), storage is blocked, or a save could not be
 * written. `detail` is the problem (`kind`, `key`, `teamId`, `quarantineKey`, `message`, `issues`).
 */
export class CareStorageProblemEvent extends CareEvent<StorageProblem> {
  static readonly eventName = 'care-storage-problem';
  constructor(problem: StorageProblem) {
    super(CareStorageProblemEvent.eventName, problem);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'care-data-error': CareDataErrorEvent;
    'care-error': CareErrorEvent;
    'care-load-error': CareLoadErrorEvent;
    'care-storage-problem': CareStorageProblemEvent;
  }
}
