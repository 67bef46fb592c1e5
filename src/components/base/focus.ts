import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Something focus can go to: a kept element (`keep`, or lit's `ref()`), or a function that finds the element. */
export type FocusTarget = { readonly value?: Element } | (() => Element | null | undefined);

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

