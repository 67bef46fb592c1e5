/**
 * Sizes the batches of a long list rendered over several frames: each batch aims at a time
 * budget, counting what rendering one item cost last time, both the script's render and the
 * browser's style, layout and paint of the frame after it (`AfterPaint.schedule` hands that
 * frame's time to its step). A slow device gets smaller batches, a fast one larger.
 */
export class BatchSizer {
  private start?: { at: number; count: number };
  private last?: { added: number; scriptMs: number };
  /** Smoothed cost of one item, once a batch has been measured. */
  private msPerItem?: number;

  constructor(private readonly options: { budgetMs: number; min: number; max: number; firstGuessMs: number }) {}

  /** A render begins with `count` items on the page. */
  rendering(count: number): void {
    this.start = { at: performance.now(), count };
  }

  /** That render is done with `count` items on the page (call from `updated`). */
  rendered(count: number): void {
    if (!this.start) return;
    const added = count - this.start.count;
    this.last = added > 0 ? { added, scriptMs: performance.now() - this.start.at } : undefined;
    this.start = undefined;
  }

  /** Counts the frame that followed the last batch (its time, when it was painted) and returns the next batch's size. */
  next(frameMs?: number): number {
    const batch = this.last;
    this.last = undefined;
    if (batch) {
      const measured = (batch.scriptMs + (frameMs ?? 0)) / batch.added;
      this.msPerItem = this.msPerItem === undefined ? measured : (this.msPerItem + measured) / 2;
    }
    const { budgetMs, min, max, firstGuessMs } = this.options;
    return Math.min(max, Math.max(min, Math.round(budgetMs / Math.max(this.msPerItem ?? firstGuessMs, 0.001))));
  }
}
