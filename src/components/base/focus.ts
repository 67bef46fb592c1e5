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
  /** Resolves once the focus move asked for last has been made (or dropped); the host's `updateComplete` waits for it. */
  moved: Promise<void> = Promise.resolve();

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
    this.moved = Promise.resolve();
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
    const moved: Promise<void> = (this.moved = new Promise((done) => {
      const run = () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        // Dropped when cancelled or replaced meanwhile (a move asked for again waits for its own render).
        if (this.moved === moved && !this.pending) this.now(target);
        done();
      };
      const frame = requestAnimationFrame(run);
      // The timer moves focus when frames are throttled (a hidden tab).
      const timer = setTimeout(run, 100);
    }));
  }
}
