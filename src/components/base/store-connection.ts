import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CareStore } from '../../data/store.js';
import type { ChangeKind, EntityState, StoreSnapshot } from '../../data/types.js';

/**
 * Controlled versus connected, one rule for every element:
 *
 * - A value the host gives through a property (`team`, `meeting`, `directive`, `consents`, …) is
 *   the controlled value and wins, field by field. The host owns it: the element fires the request
 *   and change events, and saves of it are left to the host.
 * - A value the host leaves unset (`undefined` or `null`) is read from the store of the enclosing
 *   `<care-context>`, when there is one, and saved through that store.
 *
 * This is what the roster, the consent toggle and list and the scheduler already did, so it breaks
 * the fewest documented behaviours; `connectedFor` is the rule in code.
 */
export const connectedFor = (hostValue: unknown, store: CareStore | undefined): CareStore | undefined =>
  hostValue === undefined || hostValue === null ? store : undefined;

export interface StoreConnectionOptions {
  /** The store the element is connected to now (from `<care-context>`), if any. */
  store: () => CareStore | undefined;
  /** Called with every new snapshot, and with `undefined` when the store goes away. */
  onSnapshot?: (snapshot: StoreSnapshot | undefined) => void;
}

/**
 * Keeps an element subscribed to its store while it is on the page: every new snapshot updates the
 * element, and what the store holds for an entity (confirmed value, pending change, failure) is read
 * from it, never mirrored in the element. Unsubscribes on removal and subscribes again on return, so
 * a failure that happened in between is shown as soon as the element is back.
 */
export class StoreConnection implements ReactiveController {
  private subscribedTo?: CareStore;
  private unsubscribe?: () => void;
  private current?: StoreSnapshot;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: StoreConnectionOptions,
  ) {
    host.addController(this);
  }

  /** The store in use, if any. */
  get store(): CareStore | undefined {
    return this.options.store();
  }

  /** The latest snapshot of the store, or undefined without one. */
  get snapshot(): StoreSnapshot | undefined {
    return this.current;
  }

  /** The store to read and save a value through, by the rule above (`connectedFor`). */
  storeFor(hostValue: unknown): CareStore | undefined {
    return connectedFor(hostValue, this.store);
  }

  /** One entity as the store holds it: confirmed value, pending change and failure. Undefined without a store. */
  entity<K extends ChangeKind>(kind: K, id: string): EntityState<K> | undefined {
    return this.store?.stateOf(kind, id);
  }

  /** Subscribes to the store now in use when it changed; call from `willUpdate` so the snapshot is current before rendering. */
  sync(): void {
    const store = this.store;
    if (store === this.subscribedTo && (this.unsubscribe || !store)) return;
    this.stop();
    this.subscribedTo = store;
    if (!store) {
      this.receive(undefined);
      return;
    }
    this.unsubscribe = store.subscribe((snapshot) => this.receive(snapshot));
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private stop() {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.subscribedTo = undefined;
  }

  private receive(snapshot: StoreSnapshot | undefined) {
    if (snapshot === this.current) return;
    this.current = snapshot;
    this.options.onSnapshot?.(snapshot);
    this.host.requestUpdate();
  }
}
