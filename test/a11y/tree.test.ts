// What a screen reader finds with the page scrolled to the top: the tree Chromium exposes, not the DOM.
import { expect } from '../helpers/fixture.js';
import { axFind, axTree } from '../helpers/ax-tree.js';
import { memberItems, renderRoster, textOf } from '../components/team-roster/fixtures.js';
import { $$, controlledMatrix, text } from '../components/responsibility-matrix/matrix-fixtures.js';
import '../../src/components/team-roster/define.js';

describe('accessibility tree: nothing is left out for speed', () => {
  beforeEach(() => window.scrollTo(0, 0));

  it('every member of the roster has a button, also the cards below the fold', async () => {
    const el = await renderRoster();
    const names = memberItems(el).map((item) => textOf(item.querySelector('button.name')));
    expect(names.length).to.be.greaterThan(6);
    const buttons = axFind(await axTree(), 'button').map((node) => node.name);
    for (const name of names) expect(buttons, `member button "${name}"`).to.include(name);
  });

  it('every row of the matrix has its name and all its cells, also the rows below the fold', async () => {
    const el = await controlledMatrix({ editable: true });
    const rows = $$<HTMLTableRowElement>(el, 'tbody tr');
    expect(rows.length).to.be.greaterThan(8);
    const treeRows = axFind(await axTree(), 'row');
    for (const row of rows) {
      const title = text(row.cells[0].querySelector('button') ?? row.cells[0]);
      const found = treeRows.find((node) => node.name.includes(title));
      expect(found, `row "${title}"`).to.not.equal(undefined);
      expect(found!.children.length, `cells of "${title}"`).to.equal(row.cells.length);
    }
  });
});
