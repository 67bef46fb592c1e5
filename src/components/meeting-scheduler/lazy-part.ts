import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LazyPart } from '../base/lazy-part.js';

/**
 * The element's parts that load on first use, together: what the polite region says while one
 * arrives, which one did not arrive (the element offers Try again), and the work started by a press
 * that `updateComplete` waits for.
 */
export class FirstUseParts<Name extends string> implements ReactiveController {
  status = '';
  failed?: Name;
  private readonly parts: LazyPart<unknown>[] = [];
  private readonly works = new Set<Promise<void>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    /** A part did not arrive: focus goes to Try again. */
    private readonly onFailed: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** A part whose module `loader` fetches on first use. */
  part<T>(loader: () => Promise<T>): LazyPart<T> {
    const part = new LazyPart(this.host, loader);
    this.parts.push(part);
    return part;
  }

  say(status: string): void {
    this.status = status;
    this.host.requestUpdate();
  }

  fail(name: Name): void {
    this.failed = name;
    this.host.requestUpdate();
    this.onFailed();
  }

  /** The part that failed arrived after all. */
  recovered(): void {
    this.failed = undefined;
    this.host.requestUpdate();
  }

  /** Keeps `work` for `updateComplete` until it settles. */
  track(work: Promise<void>): void {
    const settled = work.finally(() => this.works.delete(settled));
    this.works.add(settled);
  }

  /** Loads and tracked work under way (none rejects). */
  get pending(): Promise<unknown>[] {
    return [...this.works, ...this.parts.map((part) => part.pending)].filter((p): p is Promise<unknown> => Boolean(p));
  }
}
