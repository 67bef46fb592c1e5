import type { CareResponsibilityMatrix } from '../../../src/components/responsibility-matrix/responsibility-matrix.js';
import { expect, fixture, html, settle } from '../../helpers/fixture.js';
import { generateMatrixData } from './matrix-benchmark.js';
import { press, tab } from '../../helpers/keys.js';
import { $, $$, cellOf, colOf, controlledMatrix, focused, idOfRow, rowOf, text } from './matrix-fixtures.js';

/** Where focus is, as [row key, cell index]. */
const position = (el: CareResponsibilityMatrix): [string | undefined, number] => {
  const active = focused(el);
  const cell = active?.closest('td, th') as HTMLTableCellElement | null;
  return [idOfRow(cell?.parentElement), cell?.cellIndex ?? -1];
};

const tabStops = (el: Element) => $$(el, 'table [tabindex="0"]');

/** Focuses a cell the way a click would, then lets the element settle. */
async function focusCell(el: CareResponsibilityMatrix, id: string, name: string) {
  const cell = cellOf(el, id, name);
  cell.focus();
  await settle(el);
  return cell;
}

describe('care-responsibility-matrix: keyboard (APG grid)', () => {
  let el: CareResponsibilityMatrix;
  beforeEach(async () => {
    el = await controlledMatrix({ editable: true });
  });

  it('is a grid with one tab stop, on the first responsibility', async () => {
    expect($(el, 'table')!.getAttribute('role')).to.equal('grid');
    expect(tabStops(el)).to.have.length(1);
    expect(tabStops(el)[0].textContent).to.contain('Medication list and prescriptions');
    $<HTMLInputElement>(el, '#change-reason')!.focus();
    await tab(); // the Add button
    await tab(); // into the grid
    expect(position(el)).to.deep.equal(['r-medication', 0]);
    await tab();
    expect(focused(el)?.closest('table') ?? null).to.equal(null);
  });

  it('moves with the arrow keys, keeping a single tab stop', async () => {
    const title = rowOf(el, 'r-medication').cells[0].querySelector('button')!;
    title.focus();
    await press('ArrowRight');
    expect(position(el)).to.deep.equal(['r-medication', 1]);
    await press('ArrowRight');
    expect(position(el)).to.deep.equal(['r-medication', 2]);
    await press('ArrowDown');
    expect(position(el)).to.deep.equal(['r-depot', 2]);
    await press('ArrowLeft');
    expect(position(el)).to.deep.equal(['r-depot', 1]);
    await press('ArrowUp');
    expect(position(el)).to.deep.equal(['r-medication', 1]);
    await press('ArrowUp');
    expect(text(focused(el))).to.equal('Tasks and areas of care');
    expect(tabStops(el)).to.have.length(1);
    expect(tabStops(el)[0]).to.equal(focused(el));
  });

  it('stops at the edges instead of wrapping', async () => {
    rowOf(el, 'r-medication').cells[0].querySelector('button')!.focus();
    await press('ArrowLeft');
    expect(position(el)).to.deep.equal(['r-medication', 0]);
    await press('Control+End');
    const last = position(el);
    await press('ArrowRight');
    await press('ArrowDown');
    expect(position(el)).to.deep.equal(last);
  });

  it('goes to the first and last cell of a row with Home and End', async () => {
    await focusCell(el, 'r-depot', 'Amina Rahimi');
    await press('End');
    const lastCol = $$(el, 'thead th').length - 1;
    expect(position(el)).to.deep.equal(['r-depot', lastCol]);
    await press('Home');
    expect(position(el)).to.deep.equal(['r-depot', 0]);
    expect(focused(el)?.localName).to.equal('button');
  });

  it('goes to the first and last cell of the grid with Ctrl+Home and Ctrl+End', async () => {
    await focusCell(el, 'r-housing', 'Ola Berg');
    await press('Control+End');
    const lastCol = $$(el, 'thead th').length - 1;
    expect(position(el)).to.deep.equal(['r-goal-cooking', lastCol]);
    await press('Control+Home');
    // The first row is the heading of the first group.
    expect(text(focused(el))).to.equal('Tasks and areas of care');
    await press('ArrowDown');
    expect(position(el)).to.deep.equal(['r-medication', 0]);
  });

  it('moves five rows with PageDown and PageUp', async () => {
    await focusCell(el, 'r-medication', 'Lars Haugen');
    const col = colOf(el, 'Lars Haugen');
    await press('PageDown');
    expect(position(el)).to.deep.equal(['r-therapy', col]);
    await press('PageDown');
    expect(position(el)).to.deep.equal(['r-sleep', col]);
    await press('PageUp');
    expect(position(el)).to.deep.equal(['r-therapy', col]);
  });

  it('passes over the heading of the own-goals group, remembering the column', async () => {
    const col = colOf(el, 'Kari Nilsen');
    await focusCell(el, 'r-network', 'Kari Nilsen');
    await press('ArrowDown');
    expect(text(focused(el))).to.equal('Ingrid Solberg\u2019s own goals');
    await press('ArrowDown');
    expect(position(el)).to.deep.equal(['r-goal-walks', col]);
  });

  it('opens the part editor with Enter on the current part, and cancels with Escape', async () => {
    const cell = await focusCell(el, 'r-medication', 'Ola Berg');
    let requests = 0;
    el.addEventListener('care-responsibility-request', () => requests++);
    await press('Enter');
    await settle(el);
    const listbox = cell.querySelector('[role="listbox"]')!;
    expect(listbox.getAttribute('aria-label')).to.equal('Part for Ola Berg in \u201cMedication list and prescriptions\u201d');
    expect(focused(el)?.getAttribute('role')).to.equal('option');
    expect(text(focused(el))).to.contain('Does it');
    expect(focused(el)?.getAttribute('aria-selected')).to.equal('true');
    await press('ArrowDown');
    await settle(el);
    expect(text(focused(el))).to.contain('Is asked');
    await press('Escape');
    await settle(el);
    expect(cell.querySelector('[role="listbox"]')).to.equal(null);
    expect(focused(el)).to.equal(cell);
    expect(text(cell)).to.contain('Does it');
    expect(requests).to.equal(0);
  });

  it('opens the editor with F2 and changes the part with the arrow keys and Enter', async () => {
    const cell = await focusCell(el, 'r-depot', 'Kari Nilsen');
    const events: string[] = [];
    el.addEventListener('care-responsibility-request', (e) => events.push(`${e.type}:${e.detail.action}`));
    el.addEventListener('care-responsibility-change', (e) => events.push(`${e.type}:${e.detail.action}`));
    await press('F2');
    await settle(el);
    expect(text(focused(el))).to.contain('No part');
    await press('ArrowDown'); // Owns it
    await press('ArrowDown'); // Does it
    await settle(el);
    await press('Enter');
    await settle(el);
    expect(events).to.deep.equal(['care-responsibility-request:assign', 'care-responsibility-change:assign']);
    expect(text(cell)).to.contain('Does it');
    expect(focused(el)).to.equal(cell);
  });

  it('gives focus from the part list straight back to its cell, before the list is taken away', async () => {
    // Taking a focused element out of the page sends focus to the page first (and makes the browser
    // look over the whole grid); focus should go from the option to the cell in one step instead.
    for (const key of ['Enter', 'Escape']) {
      const cell = await focusCell(el, 'r-depot', 'Kari Nilsen');
      await press('F2');
      await settle(el);
      const option = focused(el);
      expect(option?.getAttribute('role')).to.equal('option');
      await press('ArrowDown');
      await settle(el);
      const from = focused(el);
      const arrivals: (EventTarget | null)[] = [];
      const onFocusin = (e: FocusEvent) => e.target === cell && arrivals.push(e.relatedTarget);
      cell.addEventListener('focusin', onFocusin);
      await press(key);
      await settle(el);
      expect(focused(el), key).to.equal(cell);
      expect(arrivals, `${key}: focus came from the option`).to.deep.equal([from]);
      expect(cell.querySelector('[role="listbox"]'), key).to.equal(null);
      cell.removeEventListener('focusin', onFocusin);
    }
  });

  it('jumps to a part by its visible label in the editor (type-ahead)', async () => {
    const cell = await focusCell(el, 'r-depot', 'Erik Solberg');
    await press('Enter');
    await settle(el);
    // "i" matches "Is asked" and "Is told": the second press moves on to the next match.
    await press('i');
    await settle(el);
    expect(text(focused(el))).to.contain('Is asked');
    await press('i');
    await settle(el);
    expect(text(focused(el))).to.contain('Is told');
    await press('Home');
    await settle(el);
    expect(text(focused(el))).to.contain('No part');
    await press('End');
    await settle(el);
    await press('Space');
    await settle(el);
    expect(text(cell)).to.contain('Is told');
  });

  it('opens the details of a responsibility with Enter on its title, and returns there on close', async () => {
    const title = rowOf(el, 'r-housing').cells[0].querySelector('button')!;
    title.focus();
    await press('Enter');
    await settle(el);
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(text(dialog.querySelector('h2'))).to.equal('Keeping the flat: rent and housing benefit');
    await press('Escape');
    await settle(el);
    expect($(el, 'dialog')).to.equal(null);
    expect(focused(el)).to.equal(title);
  });

  it('opens the details with F2 on the title too', async () => {
    rowOf(el, 'r-work').cells[0].querySelector('button')!.focus();
    await press('F2');
    await settle(el);
    expect(text($(el, 'dialog h2'))).to.equal('Finding an activity or job a few days a week');
  });

  it('focuses a cell on click and edits on a second click, never needing a drag', async () => {
    const cell = cellOf(el, 'r-physical', 'Ola Berg');
    cell.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    cell.focus();
    cell.click();
    await settle(el);
    expect(focused(el)).to.equal(cell);
    expect(cell.querySelector('[role="listbox"]')).to.equal(null);
    cell.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    cell.click();
    await settle(el);
    const option = [...cell.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent!.includes('Is told'))!;
    option.click();
    await settle(el);
    expect(text(cell)).to.contain('Is told');
    expect(cell.querySelector('[role="listbox"]')).to.equal(null);
  });

  it('edits on double-click', async () => {
    const cell = cellOf(el, 'r-physical', 'Sofie Lund');
    cell.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await settle(el);
    expect(cell.querySelector('[role="listbox"]')).to.exist;
  });

  it('tells assistive technology the row and column headers of each cell', async () => {
    const table = $(el, 'table')!;
    expect(table.getAttribute('aria-rowcount')).to.equal(String($$(el, 'tr').length));
    expect(table.getAttribute('aria-colcount')).to.equal(String($$(el, 'thead th').length));
    expect(rowOf(el, 'r-medication').getAttribute('aria-rowindex')).to.equal('3');
    const header = rowOf(el, 'r-medication').cells[0];
    expect(header.localName).to.equal('th');
    expect(header.getAttribute('scope')).to.equal('row');
    expect($$(el, 'thead th').every((th) => th.getAttribute('scope') === 'col')).to.equal(true);
  });
});

describe('care-responsibility-matrix: the part list stays inside the scroll area', () => {
  it('opens above a cell in the last row and toward the start from the last column', async () => {
    const el = await controlledMatrix({ editable: true, me: 'm-kari' });
    const rows = $$(el, 'tbody tr[data-row^="r:"]');
    const last = rows[rows.length - 1] as HTMLTableRowElement;
    const cell = last.cells[last.cells.length - 1];
    const scroller = $(el, '.scroller')!;
    cell.focus();
    await settle(el);
    scroller.scrollTop = scroller.scrollHeight;
    scroller.scrollLeft = scroller.scrollWidth;
    await press('Enter');
    await settle(el);
    const listbox = cell.querySelector<HTMLElement>('[role="listbox"]')!;
    expect(listbox, 'the list opened').to.not.equal(null);
    const box = listbox.getBoundingClientRect();
    const edge = scroller.getBoundingClientRect();
    expect(box.bottom, 'not cut off below').to.be.at.most(edge.bottom + 1);
    expect(box.top).to.be.at.least(edge.top - 1);
    expect(box.right, 'not cut off at the end').to.be.at.most(edge.right + 1);
    expect(focused(el)?.getAttribute('role')).to.equal('option');
    await press('Escape');
    await settle(el);
    expect(focused(el)).to.equal(cell);
  });
});

describe('care-responsibility-matrix: large plans', () => {
  it('renders rows over a few frames, and Ctrl+End reaches a row that was not rendered yet', async () => {
    const { team, responsibilities } = generateMatrixData(120, 6);
    const el = await fixture<CareResponsibilityMatrix>(
      html`<care-responsibility-matrix
        style="inline-size: 60rem"
        view="grid"
        editable
        today="2026-11-20"
        .team=${team}
        .responsibilities=${responsibilities}
      ></care-responsibility-matrix>`,
    );
    await el.updateComplete;
    const table = $<HTMLTableElement>(el, 'table')!;
    // 120 responsibilities, two group headings (some are own goals) and the header row.
    expect(table.getAttribute('aria-rowcount')).to.equal('123');
    expect(table.rows.length).to.be.lessThan(123);
    rowOf(el, 'r-0').cells[0].querySelector('button')!.focus();
    await press('Control+End');
    await settle(el);
    expect(table.rows.length).to.equal(123);
    const last = table.rows[122];
    expect(position(el)).to.deep.equal([idOfRow(last), 7]);
    expect(last.getAttribute('aria-rowindex')).to.equal('123');
  });

  it('prints every row as a grid, even from the person view', async () => {
    const el = await controlledMatrix({ view: 'person' });
    expect($(el, 'table')).to.equal(null);
    window.dispatchEvent(new Event('beforeprint'));
    expect($(el, 'table')).to.exist;
    window.dispatchEvent(new Event('afterprint'));
    await settle(el);
    expect($(el, 'table')).to.equal(null);
  });
});
