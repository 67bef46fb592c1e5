import { createRef, type Ref } from 'lit/directives/ref.js';

/**
 * One `ref()` per key (an agenda item, a date of a series), kept while the key is rendered, for
 * focusing an element in a list whose order changes.
 */
export class KeyedRefs<K = string> {
  private readonly refs = new Map<K, Ref<HTMLElement>>();

  /** The reference for `key`, the same object on every render. */
  get(key: K): Ref<HTMLElement> {
    let ref = this.refs.get(key);
    if (!ref) this.refs.set(key, (ref = createRef<HTMLElement>()));
    return ref;
  }

  /** Drops references whose element is gone, so the map does not grow with removed keys. */
  prune(): void {
    for (const [key, ref] of this.refs) if (!ref.value?.isConnected) this.refs.delete(key);
  }
}
