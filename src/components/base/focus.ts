import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRef, type Ref } from 'lit/directives/ref.js';

/** Something focus can go to: a `ref()` reference, or a function that finds the element (from other refs). */
export type FocusTarget = Ref<Element> | (() => Element | null | undefined);

const resolve = (target: FocusTarget): Element | null | undefined => (typeof target === 'function' ? target() : target.value);

/**
 * Moves focus by reference after the element has rendered: keyboard users land where they were
 * working, and a renamed class or a reordered list cannot send focus astray as a selector could.
 */
export class FocusController implements ReactiveController {
  private pending?: FocusTarget;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Focuses `target` once the next render is done (the last call before it wins). */
  after(target: FocusTarget): void {
    this.pending = target;
    this.host.requestUpdate();
  }

  /** Forgets a focus move asked for but not yet done. */
  cancel(): void {
    this.pending = undefined;
  }

  /** Focuses `target` now, when it is rendered. Returns whether it was there. */
  now(target: FocusTarget): boolean {
    const element = resolve(target);
    if (!(element instanceof HTMLElement || element instanceof SVGElement)) return false;
    element.focus();
    return true;
  }

  hostUpdated(): void {
    const target = this.pending;
    if (!target) return;
    this.pending = undefined;
    this.now(target);
  }
}

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
