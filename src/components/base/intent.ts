import type { Actor } from '../../contract/common.js';
import { NO_ACTOR, type CareStore } from '../../data/store.js';
import { StoreError, type ChangeKind, type ChangeRequest, type EntityByKind, type SaveOutcome } from '../../data/types.js';
import { CareErrorEvent, type CareEvent, type CareRequestEvent } from './events.js';

/** How a user's intent ended. */
export type IntentOutcome<K extends ChangeKind> =
  | { status: 'saved'; value: EntityByKind[K] }
  | { status: 'vetoed' }
  | { status: 'failed'; error: StoreError };

/**
 * Carries one user intent through the same path in every element:
 * 0. refuse it (`care-error`, kind `no-actor`, nothing fired or saved) when nobody valid is acting;
 * 1. fire the cancelable request event (the host may veto, or `waitUntil` its own save); its
 *    detail is a frozen copy, so what is saved is what the person chose, whatever a listener does;
 * 2. save through the store when the element is connected to one, else wait for the host;
 * 3. fire the committed change event, or `care-error` with the reason. Vetoed and host-rejected
 *    intents are audited by the store.
 */
export const carryIntent = async <K extends ChangeKind>(
  host: HTMLElement,
  options: {
    request: CareRequestEvent<unknown>;
    change: ChangeRequest<K>;
    store?: CareStore;
    committed: (value: EntityByKind[K]) => CareEvent<unknown>;
    /** Who is acting; undefined refuses the intent. Omit only when the store alone decides (it refuses without one too). */
    actor?: Actor;
    /** How the store step sends the change; a retry sends the kept change again (same change id) instead of a new one. */
    send?: () => Promise<SaveOutcome<K> | undefined>;
  },
): Promise<IntentOutcome<K>> => {
  const { request, store, committed } = options;
  const id = (options.change.value as { id: string }).id;
  if ('actor' in options && !options.actor) {
    const error = new StoreError('no-actor', NO_ACTOR);
    host.dispatchEvent(new CareErrorEvent(options.change.entity, id, error));
    return { status: 'failed', error };
  }
  // What is saved is this copy, taken before any listener sees the request.
  const change = { ...options.change, value: structuredClone(options.change.value) } as ChangeRequest<K>;
  host.dispatchEvent(request);
  if (request.defaultPrevented) {
    store?.recordVeto(change as ChangeRequest);
    return { status: 'vetoed' };
  }
  let value: EntityByKind[K];
  try {
    const hostStep = Promise.all(request.pendingWork);
    await (store ? store.track(hostStep) : hostStep);
  } catch (reason) {
    const error = reason instanceof StoreError ? reason : new StoreError('rejected', String(reason));
    store?.recordVeto(change as ChangeRequest, 'rejected', error.kind);
    host.dispatchEvent(new CareErrorEvent(change.entity, id, error));
    return { status: 'failed', error };
  }
  if (store) {
    const outcome = (await (options.send ? options.send() : store.save(change, { origin: host }))) ?? { ok: false as const, error: new StoreError('rejected', 'nothing to try again') };
    if (!outcome.ok) {
      host.dispatchEvent(new CareErrorEvent(change.entity, id, outcome.error));
      return { status: 'failed', error: outcome.error };
    }
    value = outcome.value;
  } else {
    value = change.value;
  }
  host.dispatchEvent(committed(value));
  return { status: 'saved', value };
};
