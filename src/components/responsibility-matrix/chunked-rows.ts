import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Plans up to this many rows render at once; larger ones start with a screenful and add ROWS_PER_CHUNK. */
const SMALL_PLAN = 40;
const ROWS_PER_CHUNK = 24;
/** The shortest a row can be: its title button (the 44 px target) and the cell padding. */
const SHORTEST_ROW_PX = 60;
/** The grid scrolls within 75 % of the window (`--care-responsibility-matrix-max-height`). */
const SCROLLER_SHARE = 0.75;

/**
 * Rows for the first frame: as many as the grid's scroller can show at once at their shortest
 * (9 in a 720 px window, 14 in 1,080 px), at least 6. The rest follow in the next frames.
 */
export const firstRows = (windowHeight = globalThis.innerHeight || 800): number =>
  Math.max(6, Math.ceil((SCROLLER_SHARE * windowHeight) / SHORTEST_ROW_PX));

/** Runs `work` when the main thread is idle (within 100 ms at the latest); a timer where idle callbacks are missing. */
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 100 }) : setTimeout(work, 16);

/**
 * Renders a long list in chunks, so the first frame is painted quickly: the first rows at once,
 * the next ones whenever the browser is idle after painting, so they never delay a frame or the
 * person's input. Every row is in the DOM (and the accessibility tree) soon after.
 */
export class ChunkedRows implements ReactiveController {
  private limit = firstRows();
  private scheduled = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: { total: () => number; active: () => boolean },
  ) {
    host.addController(this);
  }

  /** The rows to render now. */
  shown<T>(rows: readonly T[]): readonly T[] {
    return rows.length <= SMALL_PLAN ? rows : rows.slice(0, this.limit);
  }

  /** How many rows are rendered now. */
  get rendered(): number {
    const total = this.options.total();
    return total <= SMALL_PLAN ? total : Math.min(total, this.limit);
  }

  /** Renders every row at the next update (to focus a row further down, or to print). */
  showAll(): void {
    this.limit = Number.MAX_SAFE_INTEGER;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const total = this.options.total();
    if (total <= SMALL_PLAN || this.limit >= total || this.scheduled || !this.options.active()) return;
    this.scheduled = true;
    whenIdle(() => {
      this.scheduled = false;
      this.limit += ROWS_PER_CHUNK;
      this.host.requestUpdate();
    });
  }
}
