// WCAG 2.4.11 Focus Not Obscured: walking the editable grid with real arrow keys, the focused cell
// is never hidden under the sticky first column or the sticky header.
import { setViewport } from '@web/test-runner-commands';
import type { CareResponsibilityMatrix } from '../../src/components/responsibility-matrix/responsibility-matrix.js';
import { expect, settle } from '../helpers/fixture.js';
import { press } from '../helpers/keys.js';
import { $, $$, controlledMatrix, focused } from '../components/responsibility-matrix/matrix-fixtures.js';

/** How much of `box` is left after taking away the part outside `clip` and under `covers`, as a share of its area. */
function visibleShare(box: DOMRect, clip: DOMRect, covers: DOMRect[]): number {
  let left = Math.max(box.left, clip.left);
  const right = Math.min(box.right, clip.right);
  let top = Math.max(box.top, clip.top);
  const bottom = Math.min(box.bottom, clip.bottom);
  for (const cover of covers) {
    // The sticky column covers from the scroller's start edge, the sticky header from its top edge.
    if (cover.top <= top && cover.bottom >= bottom && cover.left <= left) left = Math.max(left, cover.right);
    if (cover.left <= left && cover.right >= right && cover.top <= top) top = Math.max(top, cover.bottom);
  }
  const area = Math.max(0, right - left) * Math.max(0, bottom - top);
  return area / (box.width * box.height);
}

/** The share of the focused cell a sighted keyboard user can see. */
function focusedCellShare(el: CareResponsibilityMatrix): { share: number; where: string } {
  const active = focused(el)!;
  const cell = active.closest('td, th') as HTMLTableCellElement;
  const row = cell.parentElement as HTMLTableRowElement;
  const scroller = $(el, '.scroller')!;
  const covers = [$(el, 'thead')!.getBoundingClientRect()];
  if (cell.cellIndex > 0) covers.push(row.cells[0].getBoundingClientRect());
  return {
    share: visibleShare(cell.getBoundingClientRect(), scroller.getBoundingClientRect(), covers),
    where: `row ${row.rowIndex}, cell ${cell.cellIndex}`,
  };
}

describe('WCAG 2.4.11: the focused grid cell is never hidden under the sticky column', function () {
  // Hundreds of real key presses per width, each a round trip to the browser.
  this.timeout(90_000);
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const width of [1280, 900, 700]) {
    it(`at ${width} px wide, every cell reached with the arrow keys stays in sight`, async () => {
      await setViewport({ width, height: 720 });
      const el = await controlledMatrix({ editable: true });
      el.style.inlineSize = 'auto';
      await settle(el);
      const dataRows = $$<HTMLTableRowElement>(el, 'tbody tr').filter((row) => row.cells.length > 2);
      const columns = dataRows[0].cells.length;
      dataRows[0].cells[0].querySelector<HTMLElement>('button')!.focus();
      const hidden: string[] = [];
      let checked = 0;
      const check = () => {
        const { share, where } = focusedCellShare(el);
        checked += 1;
        if (share <= 0) hidden.push(where);
      };
      check();
      // A snake through the grid: along a row, down one, back along the next.
      for (let r = 0; r < dataRows.length; r += 1) {
        const key = r % 2 === 0 ? 'ArrowRight' : 'ArrowLeft';
        for (let c = 1; c < columns; c += 1) {
          await press(key);
          check();
        }
        if (r < dataRows.length - 1) {
          await press('ArrowDown');
          check();
        }
      }
      expect(checked).to.be.greaterThan(dataRows.length * (columns - 1));
      expect(hidden, `fully hidden focused cells at ${width} px`).to.deep.equal([]);
    });
  }
});
