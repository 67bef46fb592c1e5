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
   * Failed loads since the last one that worked. Each try asks the browser again, but a browser may
   * keep a failed module load for the life of the page (Chromium 150 did; 156 asks the network
   * again), so after a second failure the element says to reload the page.
   */
  failures = 0;
  private loading?: Promise<T | undefined>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly loader: () => Promise<T>,
    /** What the part is, for the console when it does not arrive ("the editing forms"). */
    private readonly what = 'a part of the element',
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
        console.warn(`${(this.host as unknown as Element).localName}: ${this.what} could not be loaded`, error);
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
