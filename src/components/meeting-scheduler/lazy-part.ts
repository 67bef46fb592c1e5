import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A part of the element whose code loads on first use (a separate chunk in the bundles): the
 * module once it is in, whether the last try failed, and the load under way for `updateComplete`.
 */
export class LazyPart<T> implements ReactiveController {
  module?: T;
  /** The last load failed (offline, a deploy removed the chunk): the element offers Try again. */
  failed = false;
  /**
   * Failed loads since the last one that worked. A browser may keep a failed module load for the
   * life of the page (Chromium does), so after a second failure the element says to reload the page.
   */
  failures = 0;
  private loading?: Promise<T | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly loader: () => Promise<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The module, loading it if needed; undefined when the load failed. Never rejects. */
  load(): Promise<T | undefined> {
    if (this.module) return Promise.resolve(this.module);
    this.loading ??= this.loader().then(
      (module) => {
        this.module = module;
        this.failed = false;
        this.failures = 0;
        this.loading = undefined;
        this.host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        console.warn('care-meeting-scheduler: a part of the element could not be loaded', error);
        this.failed = true;
        this.failures++;
        this.loading = undefined;
        this.host.requestUpdate();
        return undefined;
      },
    );
    return this.loading;
  }

  /** The load under way, if any. */
  get pending(): Promise<unknown> | undefined {
    return this.loading;
  }
}

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
