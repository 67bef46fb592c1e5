import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Narrower than this many rem, `view="auto"` shows each person's responsibilities instead of the grid. */
const NARROW_REM = 40;

/**
 * Which view `auto` means now: the grid, or each person's list when the element is narrow (measured
 * with a resize observer, decided in the next frame). On paper the grid is always printed, with
 * every row: `beforePrint` asks the element to render them at once.
 */
export class ViewChoice implements ReactiveController {
  private narrow = false;
  private printing = false;
  private resizeObserver?: ResizeObserver;
  /** Whether the element is narrow, as measured or as the resize observer last said; unknown until either. */
  private known?: boolean;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly beforePrint: () => void,
  ) {
    host.addController(this);
  }

  /** The view in use for `view`, with `auto` decided. */
  effective(view: string): 'grid' | 'person' {
    if (this.printing) return 'grid';
    if (view === 'grid' || view === 'person') return view;
    return this.narrow ? 'person' : 'grid';
  }

  /**
   * Decides narrow or not before the first render with data, so a narrow page never shows the grid
   * first: from the resize observer when it has reported (no layout asked for), else measured now.
   * A loading state looks the same in both views, so nothing is measured for it: measuring while
   * the page's elements are first put on it would lay out the whole page inside that task.
   */
  decide(): void {
    if (this.known === undefined) {
      const width = this.host.getBoundingClientRect().width;
      this.known = width > 0 && width < this.narrowLimit();
    }
    this.narrow = this.known;
  }

  hostConnected(): void {
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver ??= new ResizeObserver((entries) => {
        const width = entries[entries.length - 1].contentRect.width;
        const narrow = width > 0 && width < this.narrowLimit();
        this.known = narrow;
        // Deciding in the next frame keeps the new layout out of this resize round.
        if (narrow !== this.narrow) requestAnimationFrame(() => this.set('narrow', narrow));
      });
      this.resizeObserver.observe(this.host);
    }
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
  }

  private set(key: 'narrow' | 'printing', value: boolean) {
    if (this[key] === value) return;
    this[key] = value;
    this.host.requestUpdate();
  }

  private narrowLimit(): number {
    return NARROW_REM * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
  }

  private readonly onBeforePrint = () => {
    this.printing = true;
    this.beforePrint();
  };

  private readonly onAfterPrint = () => this.set('printing', false);
}
