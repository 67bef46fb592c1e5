import type { CareResponsibilityMatrix } from '../../../src/components/responsibility-matrix/responsibility-matrix.js';
import { expect, oneEvent, settle, waitUntil } from '../../helpers/fixture.js';
import { press } from '../../helpers/keys.js';
import { $, cellOf, connectedMatrix, controlledMatrix, rowOf, text } from './matrix-fixtures.js';

/**
 * A cell change shows as pending (the part chosen, the row "Saving…") when the first animation
 * frame after the key press runs (a frame's animation callbacks run before it is styled and
 * painted); the request event and the save start only after that frame. No timing threshold, only
 * the order of frames and events.
 */

interface FirstFrame {
  cell: string;
  listOpen: boolean;
  rowPending: boolean;
  rowState: string;
  requests: number;
  saves: number;
}

/**
 * Opens the part list of Erik Solberg's cell on "Depot injection" with Enter, moves to the last
 * part ("Is told") with End and chooses it with Enter, reading the row in the first animation frame
 * after the key event that chooses (Enter acts on keydown).
 */
async function chooseAndReadNextFrame(el: CareResponsibilityMatrix, counts: () => { requests: number; saves: number }): Promise<FirstFrame> {
  const cell = cellOf(el, 'r-depot', 'Erik Solberg');
  expect(text(cell), 'Erik has no part before the change').to.contain('No part');
  cell.focus();
  await press('Enter');
  await settle(el);
  await press('End');
  await settle(el);
  const option = cell.querySelector<HTMLElement>('[role="option"][aria-selected="true"]')!;
  expect(option.dataset.option).to.equal('informed');
  expect(el.shadowRoot!.activeElement).to.equal(option);
  const read = new Promise<FirstFrame>((resolve) => {
    el.shadowRoot!.addEventListener(
      'keydown',
      () =>
        requestAnimationFrame(() => {
          const row = rowOf(el, 'r-depot');
          resolve({
            cell: text(cellOf(el, 'r-depot', 'Erik Solberg')),
            listOpen: !!$(el, '[role="listbox"]'),
            rowPending: row.classList.contains('pending'),
            rowState: text(row.cells[1]),
            ...counts(),
          });
        }),
      { once: true },
    );
  });
  await press('Enter');
  return read;
}

describe('care-responsibility-matrix: a cell change paints as pending before its request', () => {
  it('controlled: the next frame shows the part chosen and "Saving…"; the request comes after it', async () => {
    const el = await controlledMatrix({ editable: true });
    let requests = 0;
    let changes = 0;
    el.addEventListener('care-responsibility-request', () => requests++);
    el.addEventListener('care-responsibility-change', () => changes++);
    const first = await chooseAndReadNextFrame(el, () => ({ requests, saves: changes }));
    expect(first.cell).to.contain('Is told');
    expect(first.listOpen).to.equal(false);
    expect(first.rowPending).to.equal(true);
    expect(first.rowState).to.contain('Saving…');
    expect([first.requests, first.saves]).to.deep.equal([0, 0]);
    await settle(el);
    expect([requests, changes]).to.deep.equal([1, 1]);
    expect(text(cellOf(el, 'r-depot', 'Erik Solberg'))).to.contain('Is told');
    expect(text(rowOf(el, 'r-depot').cells[1])).not.to.contain('Saving…');
    expect(el.responsibilities!.find((r) => r.id === 'r-depot')!.assignments).to.deep.include({ memberId: 'm-erik', part: 'informed' });
  });

  it('connected: the store is asked to save only after the frame that shows the change as pending', async () => {
    const { el, source, store } = await connectedMatrix();
    let requests = 0;
    el.addEventListener('care-responsibility-request', () => requests++);
    // The source answers after a timer of its own: the change event says the save is done.
    const changed = oneEvent(el, 'care-responsibility-change');
    const first = await chooseAndReadNextFrame(el, () => ({ requests, saves: source.saves.length }));
    expect(first.cell, 'the part chosen shows before the store knows it').to.contain('Is told');
    expect(first.rowPending).to.equal(true);
    expect(first.rowState).to.contain('Saving…');
    expect([first.requests, first.saves]).to.deep.equal([0, 0]);
    await changed;
    await settle(el);
    expect([requests, source.saves.length]).to.deep.equal([1, 1]);
    const saved = store.snapshot.record!.responsibilities.find((r) => r.id === 'r-depot')!;
    expect(saved.assignments).to.deep.include({ memberId: 'm-erik', part: 'informed' });
    expect(text(rowOf(el, 'r-depot').cells[1])).not.to.contain('Saving…');
  });
});

describe('care-responsibility-matrix: what a row being changed looks like', () => {
  // The default tokens: --care-color-accent-surface #e6f0f8 and --care-color-surface #ffffff.
  const savingColour = 'rgb(230, 240, 248)';
  const surface = 'rgb(255, 255, 255)';
  const transparent = 'rgba(0, 0, 0, 0)';

  it('the part list opens under its own cell, and a row being saved shows the saving colour behind every cell', async () => {
    const el = await controlledMatrix({ editable: true });
    let release: (() => void) | undefined;
    el.addEventListener('care-responsibility-request', (event) =>
      (event as Event & { waitUntil(p: Promise<unknown>): void }).waitUntil(new Promise<void>((resolve) => (release = resolve))),
    );
    const cell = cellOf(el, 'r-depot', 'Erik Solberg');
    cell.focus();
    await press('Enter');
    await settle(el);
    const list = $(el, '[role="listbox"]')!;
    const listBox = list.getBoundingClientRect();
    const cellBox = cell.getBoundingClientRect();
    // The list is placed against its cell (start or end edge, whichever keeps it in view), not
    // against the row, whose edges are the title column and the last member's column.
    const offset = Math.min(Math.abs(listBox.left - cellBox.left), Math.abs(listBox.right - cellBox.right));
    expect(offset, `list ${listBox.left}–${listBox.right}, its cell ${cellBox.left}–${cellBox.right}`).to.be.below(2);
    // Below the cell, overlapping its lower edge a little, or above it where there is no room below.
    const gap = Math.min(Math.abs(listBox.top - cellBox.bottom), Math.abs(listBox.bottom - cellBox.top));
    expect(gap, `list ${listBox.top}–${listBox.bottom}, its cell ${cellBox.top}–${cellBox.bottom}`).to.be.below(12);
    await press('End');
    await press('Enter');
    const row = rowOf(el, 'r-depot');
    await waitUntil(() => row.classList.contains('pending'), 'the row never showed as being saved');
    expect(getComputedStyle(row).backgroundColor, 'the row being saved').to.equal(savingColour);
    expect(getComputedStyle(row.cells[0]).backgroundColor, 'its sticky header').to.equal(savingColour);
    const cellColours = new Set([...row.querySelectorAll('td.part-cell')].map((td) => getComputedStyle(td).backgroundColor));
    expect([...cellColours], 'its cells let the row colour show').to.deep.equal([transparent]);
    const other = [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr[data-row^="r:"]')].find((r) => r !== row)!;
    expect(getComputedStyle(other).backgroundColor, 'a row not being saved').to.equal(surface);
    // The request comes after the frame that shows the row as being saved; the host then lets it through.
    await waitUntil(() => release !== undefined, 'the change was never asked for');
    release!();
    await waitUntil(() => !row.classList.contains('pending'), 'the row stayed "being saved"');
    expect(getComputedStyle(row).backgroundColor, 'the row once saved').to.equal(surface);
  });
});
