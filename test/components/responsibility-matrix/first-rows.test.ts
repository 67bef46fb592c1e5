import type { CareResponsibilityMatrix } from '../../../src/components/responsibility-matrix/responsibility-matrix.js';
import '../../../src/components/responsibility-matrix/define.js';
import { firstRows } from '../../../src/components/responsibility-matrix/chunked-rows.js';
import { expect, waitUntil } from '../../helpers/fixture.js';
import { generateMatrixData } from './matrix-benchmark.js';

describe('care-responsibility-matrix: the first frame of a long plan', () => {
  it('is a screenful: the rows 75 % of the window holds at the shortest row height, at least 6', () => {
    expect([300, 720, 1080, 1440].map((height) => firstRows(height))).to.deep.equal([6, 9, 14, 18]);
  });

  it('renders that many rows in its first update, and every row in the frames after', async () => {
    const { team, responsibilities } = generateMatrixData(200, 8);
    const el = Object.assign(document.createElement('care-responsibility-matrix'), {
      view: 'grid',
      editable: true,
      today: '2026-11-20',
      team,
      responsibilities,
    }) as CareResponsibilityMatrix;
    el.setAttribute('lang', 'en');
    document.body.append(el);
    try {
      await el.updateComplete;
      const bodyRows = () => el.shadowRoot!.querySelectorAll('tbody tr').length;
      expect(bodyRows(), `window ${innerHeight} px high`).to.equal(firstRows(innerHeight));
      const table = el.shadowRoot!.querySelector('table')!;
      const total = Number(table.getAttribute('aria-rowcount')) - 1;
      // The rest arrive when the browser is idle between frames: later on a busy machine.
      await waitUntil(() => bodyRows() === total, `not every row arrived (${bodyRows()} of ${total})`, { timeout: 20_000 });
    } finally {
      el.remove();
    }
  });
});
