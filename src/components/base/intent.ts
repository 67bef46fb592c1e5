import type { CareStore } from '../../data/store.js';
import { StoreError, type ChangeKind, type ChangeRequest, type EntityByKind } from '../../data/types.js';
import { CareErrorEvent, type CareEvent, type CareRequestEvent } from './events.js';

/** How a user's intent ended. */
export type IntentOutcome<K extends ChangeKind> =
  | { status: 'saved'; value: EntityByKind[K] }
  | { status: 'vetoed' }
  | { status: 'failed'; error: StoreError };

/**
 * Carries one user intent through the same path in every element:
 * 1. fire the cancelable request event (the host may veto, or `waitUntil` its own save);
 * 2. save through the store when the element is connected to one, else wait for the host;
 * 3. fire the committed change event, or `care-error` with the reason.
 */
export const carryIntent = async <K extends ChangeKind>(
  host: HTMLElement,
  options: {
    request: CareRequestEvent<unknown>;
    change: ChangeRequest<K>;
    store?: CareStore;
    committed: (value: EntityByKind[K]) => CareEvent<unknown>;
  },
): Promise<IntentOutcome<K>> => {
  const { request, change, store, committed } = options;
  host.dispatchEvent(request);
  if (request.defaultPrevented) {
    store?.recordVeto(change as ChangeRequest);
    return { status: 'vetoed' };
  }
  let value: EntityByKind[K];
  try {
    await Promise.all(request.pendingWork);
  } catch (reason) {
    const error = reason instanceof StoreError ? reason : new StoreError('rejected', String(reason));
    host.dispatchEvent(new CareErrorEvent(change.entity, (change.value as { id: string }).id, error));
    return { status: 'failed', error };
  }
  if (store) {
    const outcome = await store.save(change);
    if (!outcome.ok) {
      host.dispatchEvent(new CareErrorEvent(change.entity, (change.value as { id: string }).id, outcome.error));
      return { status: 'failed', error: outcome.error };
    }
    value = outcome.value;
  } else {
    value = change.value;
  }
  host.dispatchEvent(committed(value));
  return { status: 'saved', value };
};
