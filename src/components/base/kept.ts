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
  render(_kept: Kept<Element>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [kept]: [Kept<Element>]): typeof noChange {
    kept.set(part.element);
    return noChange;
  }
}

/** `<button ${keep(this.button)}>`: keeps the element in `this.button`. */
export const keep = directive(KeepDirective);
