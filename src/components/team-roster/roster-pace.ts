import type { ReactiveControllerHost } from 'lit';
import { AfterPaint } from '../base/after-paint.js';
import { BatchSizer } from '../base/batch-sizer.js';

/**
 * How much of a large team the roster does per task: at most one heavy step (the contract check or
 * preparing the members) in a task of its own, and the members in batches, each after the frame
 * before it has painted, sized so a batch and its frame stay well under a long task.
 */
export class RosterPace {
  readonly afterPaint: AfterPaint;
  /** Later batches aim at 30 ms of script and frame each (well under the 50 ms of a long task). */
  private readonly batches = new BatchSizer({ budgetMs: 30, min: 8, max: 400, firstGuessMs: 1 });
  /** A large team's next heavy step is waiting for its own task. */
  private stepWaiting = false;
  /** This update was started by a follow-up task and may do one heavy step. */
  private followUpTurn = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Adds `size` members to what the next render shows. */
    private readonly more: (size: number) => void,
  ) {
    this.afterPaint = new AfterPaint(host);
  }

  /** At the start of an update: how many heavy steps it may do (one when a follow-up task started it). */
  begin(): number {
    const steps = this.followUpTurn ? 1 : 0;
    this.followUpTurn = false;
    this.stepWaiting = false;
    return steps;
  }

  /** A heavy step is left for a task of its own. */
  waitForStep(): void {
    this.stepWaiting = true;
  }

  /** Before a render of `count` members. */
  rendering(count: number): void {
    this.batches.rendering(count);
  }

  /** After a render of `count` members (call first in `updated`, so the batch's time is the render's alone). */
  rendered(count: number): void {
    this.batches.rendered(count);
  }

  /** Then the next heavy step (at once) or batch (after the next frame has painted), if any is left. */
  followUp(membersLeft: boolean): void {
    if (!this.stepWaiting && !membersLeft) return;
    this.afterPaint.schedule((frameMs) => {
      const size = this.batches.next(frameMs);
      if (this.stepWaiting) {
        this.followUpTurn = true;
        this.host.requestUpdate();
      } else {
        this.more(size);
      }
    }, this.stepWaiting);
  }
}
