import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Work spread over frames: one step at a time, each after the next frame has painted and in a
 * task of its own, so a long list or a large team never blocks the page in one task. The host's
 * `updateComplete` waits for the steps still to come (`settle`), so "rendered" means all of it.
 */
export class AfterPaint implements ReactiveController {
  private next?: { promise: Promise<void>; run: () => void; frame: number; timer: number };

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Runs `step` once after the next painted frame; nothing new while a step is waiting. */
  schedule(step: () => void): void {
    if (this.next) return;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    const run = () => {
      if (this.next?.promise !== promise) return;
      cancelAnimationFrame(this.next.frame);
      clearTimeout(this.next.timer);
      this.next = undefined;
      if (this.host.isConnected) step();
      resolve();
    };
    // The timer keeps things going when frames are throttled (a hidden tab).
    this.next = { promise, run, frame: requestAnimationFrame(() => setTimeout(run)), timer: window.setTimeout(run, 100) };
  }

  /** The host's own completion, again after each waiting step (a step requests the next update). */
  async settle(complete: () => Promise<boolean>): Promise<boolean> {
    let done = await complete();
    while (this.next) {
      await this.next.promise;
      done = await complete();
    }
    return done;
  }

  /** Off the page nothing more is done; whoever waits is released. */
  hostDisconnected(): void {
    this.next?.run();
  }
}
