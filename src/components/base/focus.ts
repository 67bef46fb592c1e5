import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Something focus can go to: a kept element (`keep`, or lit's `ref()`), or a function that finds the element. */
export type FocusTarget = { readonly value?: Element } | (() => Element | null | undefined);

const resolve = (target: FocusTarget): Element | null | undefined => (typeof target === 'function' ? target() : target.value);

/**
 * Moves focus by reference after the element has rendered: keyboard users land where they were
 * working, and a renamed class or a reordered list cannot send focus astray as a selector could.
 *
 * The move happens in the frame that shows the render, not in the task that rendered it: `focus()`
 * makes the browser lay out the page at once, and a large form laid out inside the task that built
 * it would block input for both together. The host's `updateComplete` waits for the move (`moved`).
 */
export class FocusController implements ReactiveController {
  private pending?: FocusTarget;
  private scheduled?: { promise: Promise<void>; run: () => void; frame: number; timer: number };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Focuses `target` once the next render is done and about to be shown (the last call before it wins). */
  after(target: FocusTarget): void {
    this.pending = target;
    this.host.requestUpdate();
  }

  /** Forgets a focus move asked for but not yet done. */
  cancel(): void {
    this.pending = undefined;
    this.scheduled?.run();
  }

  /** Focuses `target` now, when it is rendered. Returns whether it was there. */
  now(target: FocusTarget): boolean {
    const element = resolve(target);
    if (!(element instanceof HTMLElement || element instanceof SVGElement)) return false;
    element.focus();
    return true;
  }

  /** Resolves once a focus move asked for has been made (or dropped); at once when none is waiting. */
  get moved(): Promise<void> {
    return this.scheduled?.promise ?? Promise.resolve();
  }

  hostUpdated(): void {
    const target = this.pending;
    if (!target) return;
    this.pending = undefined;
    this.scheduled?.run();
    let done!: () => void;
    const promise = new Promise<void>((r) => (done = r));
    const run = (focus = false) => {
      if (this.scheduled?.promise !== promise) return;
      cancelAnimationFrame(this.scheduled.frame);
      clearTimeout(this.scheduled.timer);
      this.scheduled = undefined;
      // A move asked for again in the meantime (`after`) replaces this one at the next render.
      if (focus && !this.pending) this.now(target);
      done();
    };
    // The timer moves focus when frames are throttled (a hidden tab).
    this.scheduled = { promise, run, frame: requestAnimationFrame(() => run(true)), timer: window.setTimeout(() => run(true), 100) };
  }

  /** Off the page there is nothing to focus; whoever waits is released. */
  hostDisconnected(): void {
    this.scheduled?.run();
  }
}
