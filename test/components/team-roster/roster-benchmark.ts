/**
 * Benchmark: `<care-team-roster>` with 1,000 members next to a plain Lit list of the same names,
 * in the same page and run. Used by `npm run bench`; never asserts timings.
 *
 * - firstPaintMs: from adding the element until the first frame showing members has been painted
 *   (the roster checks and prepares a large team in tasks of their own, showing "Loading…" first).
 * - allRenderedMs: until every member is in the DOM and painted (the roster renders large teams
 *   over several frames so input is never blocked for long).
 * - longestTaskMs: the longest task the browser reported as a long task (≥ 50 ms) in that window;
 *   0 means none reached 50 ms.
 * - longestFrameMs: the longest gap between two animation frames in that window, a finer view
 *   of the same thing for tasks under 50 ms.
 * - filterMs (roster only): from typing a filter until the narrowed list has been painted.
 */
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import '../../../src/components/team-roster/define.js';
import type { CareTeamRoster } from '../../../src/components/team-roster/team-roster.js';
import type { CareTeamInput } from '../../../src/contract/team.js';
import { SECTORS, WEEKDAYS } from '../../../src/contract/values.js';

export type RenderMeasurement = {
  firstPaintMs: number;
  allRenderedMs: number;
  longestTaskMs: number;
  longestFrameMs: number;
};

export interface RosterBenchResult {
  n: number;
  /** Runs the medians are taken over. */
  rounds: number;
  /** Time of a fixed arithmetic loop (2 million square roots) before the runs; high values mean a busy machine. */
  calibrationMs: number;
  /** The roster's first paint (same as `roster.firstPaintMs`). */
  firstPaintMs: number;
  /** The roster's longest task (same as `roster.longestTaskMs`). */
  longestTaskMs: number;
  roster: RenderMeasurement & { filterMs: number };
  plainList: RenderMeasurement;
}

/** The simplest Lit list of the same names: the baseline. */
class BenchPlainList extends LitElement {
  @property({ attribute: false }) names: string[] = [];
  override render() {
    return html`<ul>
      ${repeat(
        this.names,
        (name) => name,
        (name) => html`<li>${name}</li>`,
      )}
    </ul>`;
  }
}
if (!customElements.get('bench-plain-list')) customElements.define('bench-plain-list', BenchPlainList);

const FIRST = ['Kari', 'Lars', 'Amina', 'Ola', 'Sofie', 'Erik', 'Hanne', 'Tor', 'Ingrid', 'Åse', 'Jonas', 'Maja', 'Noor', 'Emil'];
const LAST = ['Nilsen', 'Haugen', 'Rahimi', 'Berg', 'Lund', 'Solberg', 'Dahl', 'Eide', 'Ødegård', 'Larsen', 'Hansen', 'Johansen'];

/** A valid team of `n` members: a service user, one coordinator, professionals in six sectors, some ended. */
export const generateTeam = (n: number): CareTeamInput => {
  const organisations = SECTORS.map((sector, i) => ({ id: `org-${i}`, name: `Organisation ${i} (${sector})`, sector }));
  const members: CareTeamInput['members'] = [
    { id: 'm-0', name: 'Ingrid Solberg', kind: 'service-user', status: 'active', contacts: [] },
  ];
  for (let i = 1; i < n; i += 1) {
    const days = WEEKDAYS.slice(0, 1 + (i % 7));
    members.push({
      id: `m-${i}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`,
      kind: i % 11 === 0 ? 'next-of-kin' : 'professional',
      status: i % 17 === 0 ? 'ended' : 'active',
      coordinator: i === 1,
      organisationId: i % 11 === 0 ? undefined : organisations[i % organisations.length].id,
      role: { code: `role-${i % 9}`, label: `Helps with ${['medicines', 'housing', 'money', 'work', 'daily life'][i % 5]}`, professionalLabel: `Role ${i % 9}` },
      contacts: [
        { channel: 'phone', value: `+47 55 ${String(10_000 + i).slice(0, 2)} ${String(i % 100).padStart(2, '0')} 00`, preferred: i % 2 === 0, hours: [{ days, opens: '08:00', closes: '15:30' }] },
        { channel: i % 3 === 0 ? 'video' : 'secure-message', value: `https://care.example/m/${i}`, preferred: i % 2 === 1 },
      ],
      period: { start: '2025-01-01' },
      lastConfirmed: i % 5 === 0 ? '2026-01-10' : '2026-09-14',
    });
  }
  return { id: 'team-bench', name: 'Benchmark team', serviceUserId: 'm-0', members, organisations, expectedSectors: [...SECTORS], lastConfirmed: '2026-09-14' };
};

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** Resolves just after the next frame has been painted. */
const afterPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));

interface Watch {
  start: number;
  stop(): Promise<{ longestTaskMs: number; longestFrameMs: number }>;
}

/** Watches long tasks and frame gaps from now until `stop()`. */
const watch = (): Watch => {
  const tasks: PerformanceEntry[] = [];
  let observer: PerformanceObserver | undefined;
  try {
    observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
    observer.observe({ type: 'longtask', buffered: false });
  } catch {
    observer = undefined; // longtask is Chromium-only
  }
  const start = performance.now();
  let last = start;
  let longestFrame = 0;
  let running = true;
  const tick = (now: number) => {
    longestFrame = Math.max(longestFrame, now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    start,
    async stop() {
      await nextFrame();
      running = false;
      // Long-task entries arrive after the task; give them a moment.
      await new Promise((resolve) => setTimeout(resolve, 50));
      tasks.push(...(observer?.takeRecords() ?? []));
      observer?.disconnect();
      const longestTaskMs = tasks.filter((t) => t.startTime + t.duration >= start).reduce((max, t) => Math.max(max, t.duration), 0);
      return { longestTaskMs: round(longestTaskMs), longestFrameMs: round(longestFrame) };
    },
  };
};

const round = (ms: number) => Math.round(ms * 10) / 10;

const measure = async (
  host: HTMLElement,
  create: () => HTMLElement & { updateComplete: Promise<boolean> },
): Promise<{ measurement: RenderMeasurement; element: HTMLElement & { updateComplete: Promise<boolean> } }> => {
  await afterPaint();
  const watcher = watch();
  const element = create();
  host.append(element);
  // The first painted frame that shows people (a large roster may paint "Loading…" before that).
  let firstPaint = await afterPaint();
  while (!element.shadowRoot?.querySelector('li') && performance.now() - watcher.start < 60_000) firstPaint = await afterPaint();
  await element.updateComplete;
  const allRendered = await afterPaint();
  const { longestTaskMs, longestFrameMs } = await watcher.stop();
  return {
    element,
    measurement: {
      firstPaintMs: round(firstPaint - watcher.start),
      allRenderedMs: round(allRendered - watcher.start),
      longestTaskMs,
      longestFrameMs,
    },
  };
};

/** A fixed amount of arithmetic, timed: tells a quiet machine from a busy one when reading the figures. */
const calibrate = (): number => {
  const start = performance.now();
  let sum = 0;
  for (let i = 0; i < 2_000_000; i += 1) sum += Math.sqrt(i);
  return sum > 0 ? round(performance.now() - start) : 0;
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : round((sorted[middle - 1] + sorted[middle]) / 2);
};

const medianOf = <T extends Record<string, number>>(runs: T[]): T =>
  Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(runs.map((run) => run[key]))])) as T;

/** One run: the plain list, then the roster, in the same page. */
const runOnce = async (host: HTMLElement, team: CareTeamInput): Promise<{ roster: RosterBenchResult['roster']; plainList: RenderMeasurement }> => {
  const names = team.members.map((m) => m.name);
  const plain = await measure(host, () => Object.assign(document.createElement('bench-plain-list'), { names }) as BenchPlainList);
  plain.element.remove();

  // The copy is made before the clock starts, as the plain list's names are: neither pays for
  // making its input inside the timed window.
  const copy = structuredClone(team);
  const roster = await measure(host, () => Object.assign(document.createElement('care-team-roster'), { team: copy, lang: 'en', today: '2026-12-07' }));
  const el = roster.element as CareTeamRoster;
  await afterPaint();
  const filterStart = performance.now();
  el.filter = 'Kari';
  await el.updateComplete;
  const filterMs = round((await afterPaint()) - filterStart);
  el.remove();
  return { roster: { ...roster.measurement, filterMs }, plainList: plain.measurement };
};

/**
 * Renders `n` generated members in `<care-team-roster>` and the same names in a plain Lit list,
 * one after the other in the same page, and reports both: the median of `rounds` runs. Cleans up
 * after itself.
 */
export async function benchRoster(n = 1000, { rounds = 1 }: { rounds?: number } = {}): Promise<RosterBenchResult> {
  const team = generateTeam(n);
  const host = document.createElement('div');
  host.style.cssText = 'inline-size: 1024px; block-size: 768px; overflow: auto; position: relative;';
  document.body.append(host);
  try {
    // Warm up both code paths (template preparation, style sheets) so neither pays it in the run.
    const warmTeam = generateTeam(20);
    const warmRoster = Object.assign(document.createElement('care-team-roster'), { team: warmTeam, lang: 'en', today: '2026-12-07' });
    const warmList = Object.assign(document.createElement('bench-plain-list'), { names: warmTeam.members.map((m) => m.name) });
    host.append(warmRoster, warmList);
    await warmRoster.updateComplete;
    await (warmList as BenchPlainList).updateComplete;
    host.replaceChildren();

    const calibrationMs = calibrate();
    const runs = [];
    for (let round = 0; round < Math.max(1, rounds); round += 1) runs.push(await runOnce(host, team));
    const roster = medianOf(runs.map((run) => run.roster));
    const plainList = medianOf(runs.map((run) => run.plainList));
    return { n, rounds: runs.length, calibrationMs, firstPaintMs: roster.firstPaintMs, longestTaskMs: roster.longestTaskMs, roster, plainList };
  } finally {
    host.remove();
  }
}
