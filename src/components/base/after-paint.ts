import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Work spread over frames: one step at a time, each after the next frame has painted and in a
 * task of its own, so a long list or a large team never blocks the page in one task. The host's
 * `updateComplete` waits for the steps still to come (`settle`), so "rendered" means all of it.
 */
export class AfterPaint implements ReactiveController {
  private next?: { promise: Promise<void>; run: () => void; frame: number; timer: number };
  /** Waits handed out by `painted()` that have not ended yet. */
  private readonly waits = new Set<Promise<void>>();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /**
   * Runs `step` once after the next painted frame, or with `soon` in the next task without waiting
   * for a frame (work that shows nothing new, such as preparing data); nothing new while a step is waiting.
   *
   * After a painted frame, `step` gets the milliseconds the browser spent on that frame from its
   * animation callbacks until after its paint (style, layout and paint of what was rendered before
   * it): work that a script's own clock never sees, and often the larger part of a batch of new DOM.
   */
  schedule(step: (frameMs?: number) => void, soon = false): void {
    if (this.next) return;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    let frameStart: number | undefined;
    // Any task after the frame's animation callbacks runs after that frame has painted: the frame is
    // counted whichever comes first, the task the callback queued or (on a busy main thread, when
    // the frame came late) the fallback timer.
    const run = () => {
      if (this.next?.promise !== promise) return;
      cancelAnimationFrame(this.next.frame);
      clearTimeout(this.next.timer);
      this.next = undefined;
      if (this.host.isConnected) step(frameStart === undefined ? undefined : performance.now() - frameStart);
      resolve();
    };
    const frame = soon
      ? 0
      : requestAnimationFrame(() => {
          frameStart = performance.now();
          setTimeout(run);
        });
    // The timer keeps things going when frames are throttled (a hidden tab).
    this.next = { promise, run, frame, timer: window.setTimeout(run, soon ? 0 : 100) };
  }

  /**
   * Resolves once the frame after now has painted (or after 100 ms when frames are throttled),
   * so what was rendered before it is on screen before the work that follows: a pending state
   * before its save. Connected or not, it always resolves; `settle` waits for it.
   */
  painted(): Promise<void> {
    return this.wait(false);
  }

  /** Resolves in a task of its own, without waiting for a frame: long work split so input is never blocked for long. `settle` waits for it. */
  nextTask(): Promise<void> {
    return this.wait(true);
  }

  private wait(soon: boolean): Promise<void> {
    const wait = new Promise<void>((resolve) => {
      let frame = 0;
      let timer = 0;
      const done = () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        this.waits.delete(wait);
        resolve();
      };
      if (!soon) frame = requestAnimationFrame(() => setTimeout(done));
      timer = window.setTimeout(done, soon ? 0 : 100);
    });
    this.waits.add(wait);
    return wait;
  }

  /** The host's own completion, again after each waiting step (a step requests the next update). */
  async settle(complete: () => Promise<boolean>): Promise<boolean> {
    let done = await complete();
    while (this.next || this.waits.size) {
      await (this.next ? this.next.promise : Promise.all(this.waits));
      done = await complete();
    }
    return done;
  }

  /** Off the page nothing more is done; whoever waits is released. */
  hostDisconnected(): void {
    this.next?.run();
  }
}
