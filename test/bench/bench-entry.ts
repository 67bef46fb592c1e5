import * as v from 'valibot';
/**
 * Browser side of `npm run bench`: each function renders our element and a peer doing the same
 * work in the same page, and returns raw timings. scripts/bench.mjs runs them repeatedly in fresh
 * pages, takes medians and prints ratios. Nothing here asserts a time.
 */
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import '../../src/define.js';
import { findFreeSlots } from '../../src/components/meeting-scheduler/free-time.js';
import type { ConsentDirectiveInput } from '../../src/contract/consent.js';
import { CareTeam } from '../../src/contract/team.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { benchAvailability } from '../components/meeting-scheduler/free-time-benchmark.js';
import { benchMatrix, frameShowing, generateMatrixData } from '../components/responsibility-matrix/matrix-benchmark.js';
import { benchRoster, generateTeam } from '../components/team-roster/roster-benchmark.js';

const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/**
 * Times until `ready()` holds and a frame showing it has painted. What is ready before the first
 * check (a peer that renders synchronously) is timed at the next frame's paint; otherwise `ready()`
 * is read in each frame's animation callback, before that frame paints, and the time is taken just
 * after that frame has painted. Reading it a frame late would charge an element that renders in
 * steps one frame, plus whatever runs after its paint, that the peer is not charged.
 */
const timeUntil = async (start: number, ready: () => boolean, limit = 20_000): Promise<number> => {
  if (ready()) {
    await painted();
    return performance.now() - start;
  }
  for (;;) {
    if (performance.now() - start > limit) throw new Error('timed out waiting for render');
    const shown = await new Promise<boolean>((resolve) =>
      requestAnimationFrame(() => {
        if (ready()) setTimeout(() => resolve(true), 0);
        else resolve(false);
      }),
    );
    if (shown) return performance.now() - start;
  }
};

/** Watches long tasks (≥ 50 ms, as Chromium reports them) from now until the returned function is called. */
const watchLongTasks = () => {
  let longest = 0;
  let observer: PerformanceObserver | undefined;
  const note = (entries: PerformanceEntryList) => {
    for (const entry of entries) longest = Math.max(longest, entry.duration);
  };
  try {
    observer = new PerformanceObserver((list) => note(list.getEntries()));
    observer.observe({ type: 'longtask' });
  } catch {
    observer = undefined;
  }
  return async (): Promise<number> => {
    // Entries arrive after their task; give them a moment.
    await new Promise((resolve) => setTimeout(resolve, 60));
    note(observer?.takeRecords() ?? []);
    observer?.disconnect();
    return longest;
  };
};

type GridElement = HTMLElement & { items: unknown[]; requestContentUpdate(): void };

/** vaadin-grid with the same rows and columns as the matrix: first paint and one cell update. */
async function vaadinMatrix(rows: number, cols: number) {
  const { team, responsibilities } = generateMatrixData(rows, cols);
  const members = team.members;
  const items = responsibilities.map((r) => {
    const row: Record<string, string> = { title: r.title };
    for (const a of r.assignments ?? []) row[a.memberId] = a.part;
    return row;
  });
  const host = document.createElement('div');
  host.style.cssText = 'inline-size:1200px;block-size:800px';
  document.body.append(host);
  await painted();
  const start = performance.now();
  render(
    html`<vaadin-grid style="block-size:800px" .items=${items}>
      <vaadin-grid-column path="title" header="Responsibility" frozen></vaadin-grid-column>
      ${members.map((m) => html`<vaadin-grid-column path=${m.id} header=${m.name}></vaadin-grid-column>`)}
    </vaadin-grid>`,
    host,
  );
  const grid = host.querySelector('vaadin-grid') as GridElement;
  const firstPaintMs = await timeUntil(start, () => (grid.querySelectorAll('vaadin-grid-cell-content').length > cols * 5));
  const target = items[Math.min(5, items.length - 1)];
  const column = members[Math.floor(cols / 2)].id;
  const changeStart = performance.now();
  const frame = frameShowing(() => true);
  target[column] = target[column] === 'informed' ? 'consulted' : 'informed';
  grid.requestContentUpdate();
  await painted();
  const cellChangeMs = performance.now() - changeStart;
  const cellChangeFrameMs = (await frame) - changeStart;
  host.remove();
  return { firstPaintMs, cellChangeMs, cellChangeFrameMs };
}

/** Our matrix and vaadin-grid, same data. */
export async function matrix(rows = 200, cols = 40) {
  const ours = await benchMatrix(rows, cols);
  const peer = await vaadinMatrix(rows, cols);
  return {
    firstPaint: { ours: ours.firstPaintMs, peer: peer.firstPaintMs },
    cellChange: { ours: ours.cellChangeMs, peer: peer.cellChangeMs },
    cellChangeFrame: { ours: ours.cellChangeFrameMs, peer: peer.cellChangeFrameMs },
    cellChangeScript: { ours: ours.cellChangeRenderMs },
    longestTask: { ours: ours.longestTaskMs },
    cellChangeLongestTask: { ours: ours.cellChangeLongestTaskMs },
  };
}

/** Our roster and a plain Lit list of the same 1,000 names. */
export async function roster(n = 1000) {
  const result = await benchRoster(n);
  return {
    firstPaint: { ours: result.roster.firstPaintMs, peer: result.plainList.firstPaintMs },
    longestTask: { ours: result.roster.longestTaskMs, peer: result.plainList.longestTaskMs },
  };
}

const DAY = 86_400_000;

/** The obvious way to find free times: test every 15-minute start against every busy interval. */
function naiveFreeSlots(availability: ReturnType<typeof benchAvailability>, requiredIds: string[], from: number, to: number, minutes: number) {
  const found: number[] = [];
  const length = minutes * 60_000;
  for (let start = from; start + length <= to; start += 15 * 60_000) {
    const hour = new Date(start).getUTCHours();
    if (hour < 7 || hour >= 17) continue;
    const free = requiredIds.every((id) =>
      (availability.find((a) => a.memberId === id)?.busy ?? []).every((b) => Date.parse(b.end) <= start || Date.parse(b.start) >= start + length),
    );
    if (free) found.push(start);
  }
  return found;
}

/** Free-time search, 20 participants × 4 weeks: ours against the naive scan. */
export async function freeTime() {
  const from = Date.parse('2027-03-01T00:00:00+01:00');
  const availability = benchAvailability(20, 4, from);
  const ids = availability.map((a) => a.memberId);
  const query = { availability, requiredIds: ids.slice(0, 6), optionalIds: ids.slice(6), from, to: from + 28 * DAY, durationMinutes: 30, timeZone: 'Europe/Oslo' };
  findFreeSlots(query);
  naiveFreeSlots(availability, query.requiredIds, from, query.to, 30);
  let start = performance.now();
  findFreeSlots(query);
  const ours = performance.now() - start;
  start = performance.now();
  naiveFreeSlots(availability, query.requiredIds, from, query.to, 30);
  const peer = performance.now() - start;
  return { search: { ours, peer } };
}

/** `n` consent directives over the Fjordvik team. */
function manyConsents(n = 50): ConsentDirectiveInput[] {
  const base = fjordvik.consents[2] as ConsentDirectiveInput;
  return Array.from({ length: n }, (_, i) => ({
    ...structuredClone(base),
    id: `c-${i}`,
    recipient: { kind: 'organisation', id: `org-${i}`, name: `Service number ${i + 1}` },
    state: i % 3 === 0 ? 'granted' : i % 3 === 1 ? 'refused' : 'withdrawn',
  })) as ConsentDirectiveInput[];
}

/** The consent overview with `n` toggles against `n` labelled native checkboxes: first paint, one toggle to screen, longest task. */
/** The peer of the consent list: one native checkbox per consent, in a fieldset. */
const renderCheckboxes = (consents: ConsentDirectiveInput[], host: HTMLElement) =>
  render(
    html`<fieldset>
      <legend>Sharing</legend>
      ${consents.map((c) => html`<label><input type="checkbox" name=${c.id} ?checked=${c.state === 'granted'} /> Share with ${c.recipient.name}</label>`)}
    </fieldset>`,
    host,
  );

export async function consentList(n = 50) {
  const consents = manyConsents(n);
  const host = document.createElement('div');
  document.body.append(host);
  await painted();
  let stopWatch = watchLongTasks();
  let start = performance.now();
  const list = document.createElement('care-consent-list') as HTMLElement & { consents: unknown; team: unknown; actor: unknown };
  list.setAttribute('lang', 'en');
  // Without an actor a decision is refused (nobody to record it as made by).
  list.actor = { id: 'm-ingrid', name: 'Ingrid Solberg' };
  list.consents = consents;
  list.team = structuredClone(fjordvik.team);
  host.append(list);
  const switches = () => [...(list.shadowRoot?.querySelectorAll('care-consent-toggle') ?? [])].map((t) => t.shadowRoot?.querySelector<HTMLElement>('[role="switch"]'));
  // A long list shows its first toggles first and the rest over the next frames: both are timed.
  const oursFirst = await timeUntil(start, () => switches().length > 0 && switches().every(Boolean), 120_000);
  const oursPaint = await timeUntil(start, () => switches().length === n && switches().every(Boolean), 120_000);
  const target = switches()[0]!;
  const before = target.getAttribute('aria-checked');
  const toggleRoot = list.shadowRoot!.querySelector('care-consent-toggle')!.shadowRoot!;
  // "Saving your choice…" first (the saved state stays), then the new state once it is saved. Each
  // is read in a frame's animation callback (before that frame paints) and timed when that frame
  // has painted, as the checkbox below is timed.
  const saved = () => switches()[0]!.getAttribute('aria-checked') !== before;
  const pending = () => saved() || toggleRoot.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'true';
  start = performance.now();
  // The same, with the frame asked for before the press: its timer runs before the save the toggle
  // starts after that paint (asked for after the press, as below, the save's script is charged too).
  const pendingFrame = frameShowing(pending);
  const toggleStart = start;
  target.click();
  let oursPending: number | undefined;
  let oursToggle: number | undefined;
  while (oursToggle === undefined) {
    if (performance.now() - start > 20_000) throw new Error('timed out waiting for the toggle');
    const [pendingShown, savedShown] = await new Promise<[boolean, boolean]>((resolve) => requestAnimationFrame(() => resolve([pending(), saved()])));
    await new Promise((resolve) => setTimeout(resolve));
    if (pendingShown) oursPending ??= performance.now() - start;
    if (savedShown) oursToggle = performance.now() - start;
  }
  const oursPendingFrame = (await pendingFrame) - toggleStart;
  const oursLongest = await stopWatch();
  host.replaceChildren();
  await painted();

  stopWatch = watchLongTasks();
  start = performance.now();
  renderCheckboxes(consents, host);
  const peerPaint = await timeUntil(start, () => host.querySelectorAll('input').length === n);
  const box = host.querySelector('input')!;
  start = performance.now();
  const boxFrame = frameShowing(() => true);
  box.click();
  await painted();
  const peerToggle = performance.now() - start;
  const peerToggleFrame = (await boxFrame) - start;
  const peerLongest = await stopWatch();
  host.remove();
  return { firstPaint: { ours: oursFirst, peer: peerPaint }, everyToggleShown: { ours: oursPaint, peer: peerPaint }, togglePending: { ours: oursPending!, peer: peerToggle }, togglePendingFrame: { ours: oursPendingFrame, peer: peerToggleFrame }, toggle: { ours: oursToggle, peer: peerToggle }, longestTask: { ours: oursLongest, peer: peerLongest } };
}

/** The simplest keyed Lit list of names with a filter on precomputed lower-case keys: the baseline for the roster's filter. */
function plainFilteredList(host: HTMLElement, names: { key: string; name: string; lower: string }[], filter: string) {
  const needle = filter.trim().toLowerCase();
  const shown = needle ? names.filter((n) => n.lower.includes(needle)) : names;
  render(
    html`<input type="search" aria-label="Search" .value=${filter} />
      <ul>
        ${repeat(
          shown,
          (n) => n.key,
          (n) => html`<li>${n.name}</li>`,
        )}
      </ul>`,
    host,
  );
}

const KEYSTROKES = ['K', 'Ka', 'Kar', 'Kari', 'Kar', 'Ka', 'K', ''];

/**
 * The roster of `n` members, every member on the page, then a person typing "Kari" into the search
 * box and deleting it again: per keystroke, the time from the input event to the next painted frame
 * (median and worst), and the longest task while typing. The peer is a plain keyed Lit list of the
 * same names filtered the same way.
 */
export async function rosterFilter(n = 5000) {
  const team = generateTeam(n);
  const host = document.createElement('div');
  host.style.cssText = 'inline-size: 1024px; block-size: 768px; overflow: auto;';
  document.body.append(host);
  const roster = Object.assign(document.createElement('care-team-roster'), { team: structuredClone(team), lang: 'en', today: '2026-12-07' }) as HTMLElement & {
    updateComplete: Promise<boolean>;
  };
  host.append(roster);
  await roster.updateComplete;
  await painted();
  const search = roster.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  let stopWatch = watchLongTasks();
  const ours: number[] = [];
  const oursSettled: number[] = [];
  for (const text of KEYSTROKES) {
    const start = performance.now();
    search.value = text;
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await painted();
    ours.push(performance.now() - start);
    await roster.updateComplete;
    await painted();
    oursSettled.push(performance.now() - start);
  }
  const oursLongest = await stopWatch();
  host.replaceChildren();
  await painted();

  const names = team.members.map((m) => ({ key: m.id, name: m.name, lower: m.name.toLowerCase() }));
  plainFilteredList(host, names, '');
  await painted();
  stopWatch = watchLongTasks();
  const peer: number[] = [];
  for (const text of KEYSTROKES) {
    const start = performance.now();
    plainFilteredList(host, names, text);
    await painted();
    peer.push(performance.now() - start);
  }
  const peerLongest = await stopWatch();
  host.remove();
  return {
    keystroke: { ours: middle(ours), peer: middle(peer) },
    worstKeystroke: { ours: Math.max(...ours), peer: Math.max(...peer) },
    keystrokeUntilEveryMatchShown: { ours: middle(oursSettled) },
    longestTask: { ours: oursLongest, peer: peerLongest },
  };
}

/**
 * The scheduler with `people` on the team and a weekly series of `weeks` meetings they are all
 * invited to, with `weeks` of busy times each: the booked view from setting the data to paint,
 * then "Change" and "Find times that suit everyone" to the suggestions on screen. No peer.
 */
export async function schedulerScale(people = 50, weeks = 12) {
  const team = generateTeam(people);
  const from = Date.parse('2026-11-30T00:00:00+01:00');
  const availability = benchAvailability(people, weeks, from).map((a) => ({ ...a, memberId: a.memberId.replace('p-', 'm-') }));
  const meeting = {
    id: 'mt-bench',
    title: 'Responsibility-group meeting',
    kind: 'responsibility-group',
    mode: 'in-person',
    location: { name: 'Health House, meeting room 2', timeZone: 'Europe/Oslo' },
    status: 'booked',
    start: '2026-12-08T10:00:00+01:00',
    end: '2026-12-08T11:30:00+01:00',
    timeZone: 'Europe/Oslo',
    recurrence: { frequency: 'weekly', interval: 1, count: weeks },
    organiser: { id: 'm-1', name: team.members[1].name },
    participants: team.members.map((m, i) => ({ memberId: m.id, required: i % 3 === 0, response: i % 4 === 0 ? 'accepted' : 'needs-action' })),
  };
  const host = document.createElement('div');
  document.body.append(host);
  await painted();
  const stopWatch = watchLongTasks();
  let start = performance.now();
  const el = document.createElement('care-meeting-scheduler');
  Object.assign(el, { team, availability, meeting, consents: [], today: '2026-12-01', audience: 'professional', me: 'm-1' });
  el.setAttribute('lang', 'en');
  host.append(el);
  const buttons = () => [...(el.shadowRoot?.querySelectorAll('button') ?? [])];
  const byText = (text: string) => buttons().find((b) => (b.textContent ?? '').trim().startsWith(text));
  const bookedView = await timeUntil(start, () => !!byText('Change'), 60_000);
  byText('Change')!.click();
  await el.updateComplete;
  await painted();
  start = performance.now();
  byText('Find times that suit everyone')!.click();
  const findTimes = await timeUntil(start, () => !!el.shadowRoot!.querySelector('#suggested') || !!el.shadowRoot!.querySelector('.none-found'), 60_000);
  const longest = await stopWatch();
  host.remove();
  return { bookedView: { ours: bookedView }, findTimes: { ours: findTimes }, longestTask: { ours: longest } };
}

/** A plain Lit month table: the same weeks, cells and labels, re-rendered on "next month". */
function plainMonth(host: HTMLElement, year: number, month: number, onNext: () => void) {
  const first = new Date(Date.UTC(year, month, 1, 12));
  const offset = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const long = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const cells = Array.from({ length: 42 }, (_, i) => (i >= offset && i < offset + days ? i - offset + 1 : 0));
  const weeks = Array.from({ length: 6 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  render(
    html`<div role="dialog" aria-labelledby="m">
      <button type="button" aria-label="Next month" @click=${onNext}>›</button>
      <h2 id="m">${new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(first)}</h2>
      <table role="grid">
        ${weeks.map(
          (week) =>
            html`<tr>
              ${week.map((day) => (day ? html`<td tabindex="-1">${day}<span hidden>${long.format(Date.UTC(year, month, day, 12))}</span></td>` : html`<td></td>`))}
            </tr>`,
        )}
      </table>
    </div>`,
    host,
  );
}

/** The date picker's month change (open dialog, "next month" clicked) against a plain Lit month table. */
export async function datePicker() {
  const host = document.createElement('div');
  document.body.append(host);
  const picker = document.createElement('care-date-picker') as HTMLElement & { value: string; today: string; updateComplete: Promise<boolean> };
  picker.setAttribute('lang', 'en');
  picker.value = '2027-03-15';
  picker.today = '2027-03-01';
  host.append(picker);
  await picker.updateComplete;
  picker.shadowRoot!.querySelector<HTMLButtonElement>('.opener')!.click();
  const heading = () => picker.shadowRoot!.querySelector('#month')?.textContent ?? '';
  await timeUntil(performance.now(), () => heading() !== '');
  const next = () => picker.shadowRoot!.querySelector<HTMLButtonElement>('.nav[aria-label="Next month"]')!;
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const before = heading();
    const start = performance.now();
    next().click();
    samples.push(await timeUntil(start, () => heading() !== before));
  }
  host.replaceChildren();

  const year = 2027;
  let month = 2;
  const advance = () => {
    month += 1;
    plainMonth(host, year, month, advance);
  };
  plainMonth(host, year, month, advance);
  await painted();
  const peerSamples: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const before = host.querySelector('h2')!.textContent;
    const start = performance.now();
    host.querySelector('button')!.click();
    peerSamples.push(await timeUntil(start, () => host.querySelector('h2')!.textContent !== before));
  }
  host.remove();
  const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { monthChange: { ours: middle(samples), peer: middle(peerSamples) } };
}

let probeRoster: (HTMLElement & { updateComplete: Promise<boolean> }) | undefined;
/** Profiling aid (not a benchmark row): a roster of `n` with every member on the page. */
export async function rosterSetup(n = 5000) {
  probeRoster = Object.assign(document.createElement('care-team-roster'), { team: generateTeam(n), lang: 'en', today: '2026-12-07' }) as HTMLElement & {
    updateComplete: Promise<boolean>;
  };
  document.body.append(probeRoster);
  await probeRoster.updateComplete;
  await painted();
  return {};
}
/** Profiling aid: types `keys` one after the other into the roster's search box; per key, the script time and the time to paint. */
export async function rosterKeys(...keys: string[]) {
  const search = probeRoster!.shadowRoot!.querySelector<HTMLInputElement>('#search')!;
  const result: Record<string, { ours: number; peer: number }> = {};
  for (const [i, text] of keys.entries()) {
    const start = performance.now();
    search.value = text;
    search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await Promise.resolve();
    const script = performance.now() - start;
    await painted();
    result[`${i}:${text}`] = { ours: performance.now() - start, peer: script };
    await probeRoster!.updateComplete;
    await painted();
  }
  return result;
}

let probeList: HTMLElement | undefined;
/** Profiling aid (not a benchmark row): the list of 50 on the page, then one toggle clicked. */
/** Resolves once the page is idle (or after a second at most), then after one more painted frame. */
const idle = async () => {
  await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));
  await painted();
};

/**
 * The usual road in a portal: the list is on the page before its data (a source's answer on its
 * way), and the page is idle while it waits. Timed from the data's arrival to the first toggles
 * painted; the native checkboxes' container is likewise on the page first.
 */
export async function consentListArriving(n = 50) {
  const consents = manyConsents(n);
  const host = document.createElement('div');
  document.body.append(host);
  const list = document.createElement('care-consent-list') as HTMLElement & { consents: unknown; team: unknown; actor: unknown };
  list.setAttribute('lang', 'en');
  list.actor = { id: 'm-ingrid', name: 'Ingrid Solberg' };
  host.append(list);
  await idle();
  let start = performance.now();
  list.consents = consents;
  list.team = structuredClone(fjordvik.team);
  const switches = () => [...(list.shadowRoot?.querySelectorAll('care-consent-toggle') ?? [])].map((t) => t.shadowRoot?.querySelector('[role="switch"]'));
  const ours = await timeUntil(start, () => switches().length > 0 && switches().every(Boolean), 120_000);
  host.replaceChildren();
  await idle();
  start = performance.now();
  renderCheckboxes(consents, host);
  const peer = await timeUntil(start, () => host.querySelectorAll('input').length === n);
  host.remove();
  return { firstPaint: { ours, peer } };
}

export async function consentListSetup(n = 50) {
  const list = document.createElement('care-consent-list') as HTMLElement & { consents: unknown; team: unknown; actor: unknown };
  list.actor = { id: 'm-ingrid', name: 'Ingrid Solberg' };
  list.setAttribute('lang', 'en');
  list.consents = manyConsents(n);
  list.team = structuredClone(fjordvik.team);
  document.body.append(list);
  probeList = list;
  await timeUntil(performance.now(), () => (list.shadowRoot?.querySelectorAll('care-consent-toggle').length ?? 0) === n);
  return {};
}
export async function consentListClick() {
  const target = probeList!.shadowRoot!.querySelector('care-consent-toggle')!.shadowRoot!.querySelector<HTMLElement>('[role="switch"]')!;
  const before = target.getAttribute('aria-checked');
  const start = performance.now();
  target.click();
  return { click: { ours: await timeUntil(start, () => probeList!.shadowRoot!.querySelector('care-consent-toggle')!.shadowRoot!.querySelector('[role="switch"]')!.getAttribute('aria-checked') !== before) } };
}

let probeMatrix: (HTMLElement & { updateComplete: Promise<boolean> }) | undefined;
/** Profiling aid (not a benchmark row): the editable matrix of `rows` × `cols` with every row on the page. */
export async function matrixSetup(rows = 200, cols = 40) {
  const { team, responsibilities } = generateMatrixData(rows, cols);
  const el = Object.assign(document.createElement('care-responsibility-matrix'), { view: 'grid', editable: true, today: '2026-11-20', team, responsibilities, actor: { id: 'm-1', name: team.members[1].name } });
  el.setAttribute('lang', 'en');
  probeMatrix = el as unknown as typeof probeMatrix;
  document.body.append(el);
  await timeUntil(performance.now(), () => (el.shadowRoot?.querySelector('table')?.rows.length ?? 0) > rows, 120_000);
  return {};
}
/** Profiling aid: opens the part list of a cell with F2 (not timed); `matrixChoose` then times choosing another part. */
export async function matrixOpen(row = 100, col = 20) {
  const cell = probeMatrix!.shadowRoot!.querySelector<HTMLTableRowElement>(`tr[data-row="r:r-${row}"]`)!.cells[2 + col];
  cell.focus();
  cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true, composed: true }));
  await probeMatrix!.updateComplete;
  await painted();
  return {};
}
export async function matrixChoose(row = 100, col = 20) {
  const cell = probeMatrix!.shadowRoot!.querySelector<HTMLTableRowElement>(`tr[data-row="r:r-${row}"]`)!.cells[2 + col];
  const choice = [...cell.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.getAttribute('aria-selected') !== 'true' && o.dataset.option !== 'none')!;
  const start = performance.now();
  choice.click();
  // Microtasks, not updateComplete: that also waits for the frame after the pending state and for the save.
  for (let round = 0; !cell.querySelector(`.part.${choice.dataset.option}`) || cell.querySelector('[role="listbox"]'); round += 1) {
    await (round < 100 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve)));
  }
  const script = performance.now() - start;
  await painted();
  return { choose: { ours: performance.now() - start, peer: script } };
}

let probeToggle: HTMLElement | undefined;
/** Profiling aid (not a benchmark row): one consent toggle inside `<care-context>` on the memory source, acting as the person. */
export async function consentToggleSetup() {
  const context = document.createElement('care-context');
  context.setAttribute('source', 'memory');
  context.setAttribute('care-team', 'team-ingrid');
  context.setAttribute('actor', JSON.stringify({ id: 'm-ingrid', name: 'Ingrid Solberg' }));
  (context as HTMLElement & { seed: unknown }).seed = structuredClone(fjordvik);
  const toggle = document.createElement('care-consent-toggle');
  toggle.setAttribute('lang', 'en');
  toggle.setAttribute('directive-id', 'c-gp');
  context.append(toggle);
  document.body.append(context);
  probeToggle = toggle;
  await timeUntil(performance.now(), () => !!toggle.shadowRoot?.querySelector('[role="switch"]'), 60_000);
  return {};
}
/** Profiling aid: one toggle by click; the time until the pending state is in the DOM and until the saved state is. */
export async function consentToggleClick() {
  const root = probeToggle!.shadowRoot!;
  const target = root.querySelector<HTMLElement>('[role="switch"]')!;
  const before = target.getAttribute('aria-checked');
  const start = performance.now();
  target.click();
  const pending = await timeUntil(start, () => root.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'true' || root.querySelector('[role="switch"]')!.getAttribute('aria-checked') !== before);
  const saved = await timeUntil(start, () => root.querySelector('[role="switch"]')!.getAttribute('aria-checked') !== before && root.querySelector('[part="base"]')?.getAttribute('aria-busy') !== 'true');
  return { pending: { ours: pending }, saved: { ours: saved } };
}

/**
 * Roster of `n`: the contract check of the team alone (`CareTeam.safeParse`, in a task of its own),
 * then the element on a new page from the team set until every member is in the DOM, with the
 * first task (the one that checks the team and renders the first members) and the longest.
 */
export async function rosterContract(n = 1000) {
  const team = generateTeam(n);
  const start = performance.now();
  const ok = v.safeParse(CareTeam, structuredClone(team)).success;
  const checkMs = performance.now() - start;
  if (!ok) throw new Error('the generated team breaks the contract');
  await painted();
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const roster = Object.assign(document.createElement('care-team-roster'), { team, lang: 'en', today: '2026-12-07' }) as HTMLElement & { updateComplete: Promise<boolean> };
  const first = performance.now();
  document.body.append(roster);
  await roster.updateComplete;
  const renderMs = performance.now() - first;
  await new Promise((resolve) => setTimeout(resolve, 60));
  tasks.push(...observer.takeRecords());
  observer.disconnect();
  const mine = tasks.filter((t) => t.startTime + t.duration >= first);
  roster.remove();
  return {
    check: { ours: checkMs },
    everyMemberRendered: { ours: renderMs },
    firstTask: { ours: mine.find((t) => t.startTime <= first + 1)?.duration ?? 0 },
    longestTask: { ours: mine.reduce((max, t) => Math.max(max, t.duration), 0) },
  };
}

declare global {
  interface Window {
    careBench: Record<string, (...args: never[]) => Promise<Record<string, { ours: number; peer?: number }>>>;
  }
}
window.careBench = { matrix, roster, rosterFilter, schedulerScale, freeTime, datePicker, consentList, consentListArriving, consentListSetup, consentListClick, rosterSetup, rosterKeys, matrixSetup, matrixOpen, matrixChoose, consentToggleSetup, consentToggleClick, rosterContract };
