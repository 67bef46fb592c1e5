import { noChange, type ElementPart } from 'lit';
import { Directive, directive } from 'lit/directive.js';

/**
 * An element of the template kept by reference (where focus goes back to, the form's validity
 * anchor). Lit's `ref()` does this through an async directive, code this bundle needs nowhere else;
 * an element that has left the shadow root is not handed out.
 */
export class Kept<T extends Element> {
  private element?: T;

  /** The element while it is on the page. */
  get value(): T | undefined {
    return this.element?.isConnected ? this.element : undefined;
  }

  set(element: T): void {
    this.element = element;
  }
}

class KeepDirective extends Directive {
  render(_kept: Kept<Element> | undefined): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [kept]: [Kept<Element> | undefined]): typeof noChange {
    kept?.set(part.element);
    return noChange;
  }
}

/** `<button ${keep(this.button)}>`: keeps the element in `this.button` (`keep(undefined)` keeps nothing). */
export const keep = directive(KeepDirective);

/**
 * One `Kept` per key (an agenda item, a date of a month), the same object on every render, for
 * focusing an element in a list whose order changes.
 */
export class KeyedKept<K = string> {
  private readonly kept = new Map<K, Kept<HTMLElement>>();

  /** The reference for `key`. */
  get(key: K): Kept<HTMLElement> {
    let kept = this.kept.get(key);
    if (!kept) this.kept.set(key, (kept = new Kept<HTMLElement>()));
    return kept;
  }

  /** Drops references whose element is gone, so the map does not grow with removed keys. */
  prune(): void {
    for (const [key, kept] of this.kept) if (!kept.value) this.kept.delete(key);
  }
}
