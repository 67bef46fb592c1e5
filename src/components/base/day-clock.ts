import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * What an element shows can depend on the day: whether an agreement is still in force, whether a
 * plan's review is overdue, which meetings are still to come. A page can stay open past midnight
 * (a ward's screen, a phone left on the table), and an element rendered yesterday would go on
 * showing yesterday's truth. One timer for the whole page looks at the clock every quarter hour
 * (time zones differ from UTC by whole hours, half and quarter hours), and again when the page
 * comes back into view (a computer waking from sleep runs its timers late). Each element says
 * what of the clock it shows as a key; only an element whose key changed renders again.
 */

const QUARTER_HOUR = 15 * 60_000;
const watchers = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

const checkAll = () => {
  for (const check of watchers) check();
};

const onVisible = () => {
  if (document.visibilityState === 'visible') checkAll();
};

/** Milliseconds from `now` to just after the next quarter hour. */
export const untilNextQuarter = (now: number): number => QUARTER_HOUR - (now % QUARTER_HOUR) + 1_000;

const arm = () => {
  timer = setTimeout(() => {
    checkAll();
    arm();
  }, untilNextQuarter(Date.now()));
};

const watch = (check: () => void): (() => void) => {
  watchers.add(check);
  if (watchers.size === 1) {
    arm();
    document.addEventListener('visibilitychange', onVisible);
  }
  return () => {
    watchers.delete(check);
    if (watchers.size) return;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
};

/**
 * Renders the host again when `key()` (for example today's date in the reader's calendar) is no
 * longer what it was at the host's last render. A key that does not follow the clock (a date the
 * host was given) never changes, and nothing is rendered.
 */
export class DayClock implements ReactiveController {
  private shown?: string;
  private stop?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly key: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stop ??= watch(() => {
      if (this.shown !== undefined && this.key() !== this.shown) this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.stop?.();
    this.stop = undefined;
  }

  hostUpdated(): void {
    this.shown = this.key();
  }
}
