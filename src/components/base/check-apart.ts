import type { ReactiveControllerHost } from 'lit';
import type { Schema } from '../../contract/validate.js';
import { hasVerdict, verdictFor } from './care-element.js';

/**
 * Checks of inputs so large that their contract check and the first render with them would block
 * the page together (the scheduler's busy times for 50 people over 12 weeks: 50–80 ms to check on
 * a slow machine). The check runs in a task of its own and the render with its outcome in the next
 * one; the element shows loading meanwhile and its `updateComplete` waits for `pending`. For data
 * that arrives before anything is shown: an element showing a form checks new data at once, so
 * nothing the person is working in is swapped for "loading".
 */
export class CheckApart {
  private readonly waiting = new Map<object, Promise<void>>();

  constructor(private readonly host: ReactiveControllerHost) {}

  /**
   * Whether `input` can be checked now: it is not `large`, or its outcome is known. Otherwise its
   * check starts (once) in a task of its own, and the element updates again when it is done.
   */
  ready(schema: Schema<unknown>, input: unknown, large: boolean): boolean {
    if (!large || input === null || typeof input !== 'object' || hasVerdict(schema, input)) return true;
    if (!this.waiting.has(input)) {
      const apart = nextTask()
        .then(() => verdictFor(schema, input))
        // The render with the outcome in a task of its own too: an update asked for here would run in this one.
        .then(nextTask)
        .then(() => {
          this.waiting.delete(input);
          this.host.requestUpdate();
        });
      this.waiting.set(input, apart);
    }
    return false;
  }

  /** The checks under way. */
  get pending(): Promise<void>[] {
    return [...this.waiting.values()];
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));
