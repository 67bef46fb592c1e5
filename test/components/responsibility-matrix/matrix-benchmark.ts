/**
 * Benchmark: `<care-responsibility-matrix>` with `rows` responsibilities × `cols` members. Used by
 * the benchmark script (which renders the same data in vaadin-grid in the same run); never asserts
 * timings.
 *
 * - firstPaintMs: from setting the data on a new element until the first frame with the grid has
 *   been painted (contract checks included, as a host would get them).
 * - firstRenderMs: the same, until Lit has finished rendering (before paint).
 * - allRenderedMs: until every row is in the DOM and painted (rows after the first screenful
 *   arrive over the next frames, so input is never blocked for long).
 * - cellChangeMs: from choosing a new part in a cell's editor until the frame showing it has been
 *   painted (request event, optimistic display, the element's own copy, change event).
 * - cellChangeRenderMs: the same, until the DOM shows the new part (the work that must fit in a
 *   16 ms frame). The row shows the part with "Saving…" first; the request and the save start
 *   after that frame has painted.
 * - longestTaskMs: the longest task the browser reported (≥ 50 ms) during first paint; 0 if none.
 * - cellChangeLongestTaskMs: the same, during the measured cell change.
 */
import '../../../src/components/responsibility-matrix/define.js';
import type { CareResponsibilityMatrix } from '../../../src/components/responsibility-matrix/responsibility-matrix.js';
import type { ResponsibilityInput } from '../../../src/contract/responsibility.js';
import type { CareTeamInput } from '../../../src/contract/team.js';
import { RACI_PARTS, RESPONSIBILITY_AREAS } from '../../../src/contract/values.js';

export interface MatrixBenchResult {
  rows: number;
  cols: number;
  firstRenderMs: number;
  firstPaintMs: number;
  allRenderedMs: number;
  cellChangeRenderMs: number;
  cellChangeMs: number;
  /** Until the first frame showing the change has painted, before any task queued after that paint. */
  cellChangeFrameMs: number;
  longestTaskMs: number;
  cellChangeLongestTaskMs: number;
}

const FIRST = ['Kari', 'Lars', 'Amina', 'Ola', 'Sofie', 'Erik', 'Hanne', 'Tor', 'Åse', 'Jonas', 'Maja', 'Noor', 'Emil'];
const LAST = ['Nilsen', 'Haugen', 'Rahimi', 'Berg', 'Lund', 'Solberg', 'Dahl', 'Eide', 'Ødegård', 'Larsen', 'Hansen'];

/**
 * The same data for every renderer: a valid team of `cols` members (the service user first, one
 * coordinator, a few who have left) and `rows` responsibilities with 2–6 parts each and some rule
 * breaks (no owner, two owners, disputes), as a real plan would have.
 */
export const generateMatrixData = (rows = 200, cols = 40): { team: CareTeamInput; responsibilities: ResponsibilityInput[] } => {
  const members: CareTeamInput['members'] = [{ id: 'm-0', name: 'Ingrid Solberg', kind: 'service-user', status: 'active', contacts: [] }];
  for (let i = 1; i < cols; i += 1) {
    members.push({
      id: `m-${i}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
      kind: 'professional',
      status: i % 13 === 0 ? 'ended' : 'active',
      coordinator: i === 1,
      role: { code: `role-${i % 9}`, label: `Helps with ${['medicines', 'housing', 'money', 'work', 'daily life'][i % 5]}` },
      contacts: [],
    });
  }
  const responsibilities: ResponsibilityInput[] = [];
  for (let r = 0; r < rows; r += 1) {
    const count = 2 + (r % 5);
    const assignments: ResponsibilityInput['assignments'] = [];
    for (let k = 0; k < count; k += 1) {
      const memberId = `m-${(r * 3 + k * 7) % cols}`;
      if (assignments!.some((a) => a.memberId === memberId)) continue;
      const part = k === 0 ? (r % 17 === 5 ? 'responsible' : 'accountable') : k === 1 && r % 19 === 7 ? 'accountable' : RACI_PARTS[1 + (k % 3)];
      assignments!.push({ memberId, part });
    }
    const disputed = r % 23 === 11;
    responsibilities.push({
      id: `r-${r}`,
      title: `${['Medicines', 'Housing', 'Money', 'Work', 'Sleep', 'Crisis plan', 'Meetings'][r % 7]} task ${r + 1}`,
      area: RESPONSIBILITY_AREAS[r % RESPONSIBILITY_AREAS.length],
      status: disputed ? 'disputed' : 'agreed',
      assignments,
      ...(disputed ? { dispute: { memberId: 'm-2', reason: 'The hospital should do this while the dose changes.', at: '2026-11-02T13:20:00+01:00' } } : {}),
      ...(r % 11 === 0 ? { reviewDate: '2026-10-01' } : {}),
    });
  }
  return { team: { id: 'team-bench', serviceUserId: 'm-0', members }, responsibilities };
};

const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * The moment just after the first frame that paints with `shown()` true. Asked for before the
 * change is made, so its animation callback comes before any the change asks for, and its timer is
 * the first task after that paint: work an element queues after the paint (a save) is not charged
 * to the change reaching the screen, as it is when the frame is asked for after the change.
 */
export const frameShowing = (shown: () => boolean): Promise<number> =>
  new Promise((resolve) => {
    const next = () =>
      requestAnimationFrame(() => {
        const now = shown();
        setTimeout(() => (now ? resolve(performance.now()) : next()));
      });
    next();
  });

/** Opens the editor on a member cell with F2, then times choosing another part until it shows. */
async function changeCell(el: CareResponsibilityMatrix, rowIndex: number, memberIndex: number) {
  const row = el.shadowRoot!.querySelector<HTMLTableRowElement>(`tr[data-row="r:r-${rowIndex}"]`)!;
  const cell = row.cells[2 + memberIndex];
  cell.focus();
  cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true, composed: true }));
  await el.updateComplete;
  await painted();
  await painted();
  const options = cell.querySelectorAll<HTMLElement>('[role="option"]');
  const choice = [...options].find((o) => o.getAttribute('aria-selected') !== 'true' && o.dataset.option !== 'none')!;
  // Done when the cell shows the chosen part (not merely when the part list has closed).
  const shown = () => !!cell.querySelector(`.part.${choice.dataset.option}`) && !cell.querySelector('[role="listbox"]');
  const start = performance.now();
  const frame = frameShowing(shown);
  choice.click();
  // Microtasks, not updateComplete: that also waits for the frame after the pending state and for the save.
  for (let round = 0; !shown(); round += 1) {
    if (round > 1000) throw new Error('the cell never showed the new part');
    await (round < 100 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve)));
  }
  const renderMs = performance.now() - start;
  await painted();
  const paintMs = performance.now() - start;
  return { renderMs, paintMs, frameMs: (await frame) - start };
}

/** Measures our element rendering `rows` × `cols`, then one cell change. Leaves nothing behind. */
export async function benchMatrix(rows = 200, cols = 40, container: HTMLElement = document.body): Promise<MatrixBenchResult> {
  const { team, responsibilities } = generateMatrixData(rows, cols);
  let longestTaskMs = 0;
  const watchTasks = () => {
    const observer =
      typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes?.includes('longtask')
        ? new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
          })
        : undefined;
    observer?.observe({ type: 'longtask' });
    return observer;
  };
  let observer = watchTasks();

  const host = document.createElement('div');
  host.style.inlineSize = '1200px';
  container.append(host);
  await painted();

  const start = performance.now();
  const el = document.createElement('care-responsibility-matrix') as CareResponsibilityMatrix;
  el.setAttribute('lang', 'en');
  el.view = 'grid';
  el.editable = true;
  el.today = '2026-11-20';
  // Without an actor a change is refused: the benchmark would time the refusal, not the change.
  el.actor = { id: 'm-1', name: team.members[1].name };
  el.team = team;
  el.responsibilities = responsibilities;
  host.append(el);
  await el.updateComplete;
  const firstRenderMs = performance.now() - start;
  await painted();
  const firstPaintMs = performance.now() - start;
  observer?.disconnect();
  const table = el.shadowRoot!.querySelector('table')!;
  for (let frame = 0; table.rows.length < rows + 1; frame += 1) {
    if (frame > 600) throw new Error('not every row was rendered');
    await painted();
  }
  const allRenderedMs = performance.now() - start;

  // One change: open the editor on a cell in the middle, then time choosing a part. A first
  // change on another cell warms up the code paths, as a person's first click would.
  await changeCell(el, Math.floor(rows / 2) - 1, Math.floor(cols / 2));
  const firstLongestTaskMs = longestTaskMs;
  longestTaskMs = 0;
  observer = watchTasks();
  const { renderMs: cellChangeRenderMs, paintMs: cellChangeMs, frameMs: cellChangeFrameMs } = await changeCell(el, Math.floor(rows / 2), Math.floor(cols / 2));
  await new Promise((resolve) => setTimeout(resolve, 60));
  for (const entry of observer?.takeRecords() ?? []) longestTaskMs = Math.max(longestTaskMs, entry.duration);
  observer?.disconnect();
  host.remove();
  return { rows, cols, firstRenderMs, firstPaintMs, allRenderedMs, cellChangeRenderMs, cellChangeMs, cellChangeFrameMs, longestTaskMs: firstLongestTaskMs, cellChangeLongestTaskMs: longestTaskMs };
}
