// The date picker's keyboard and what it exposes, beyond the APG basics in
// test/components/date-picker/date-picker.test.ts.
import '../../src/components/date-picker/define.js';
import type { CareDatePicker } from '../../src/components/date-picker/date-picker.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';
import { deepActiveElement, press } from '../helpers/keys.js';
import { axFind, axTree } from '../helpers/ax-tree.js';
import { shoot, type Shot } from '../helpers/screenshot.js';

const render = async (value: string) =>
  settle(await fixture<CareDatePicker>(html`<care-date-picker value=${value} today="2026-12-01" lang="en"></care-date-picker>`));
const open = async (el: CareDatePicker) => {
  el.shadowRoot!.querySelector<HTMLButtonElement>('button.opener')!.focus();
  await press('Enter');
  await settle(el);
};
const key = async (el: CareDatePicker, name: string) => {
  await press(name);
  await settle(el);
};
const focusedDate = () => (deepActiveElement() as HTMLElement | null)?.dataset.date;

describe('<care-date-picker>: month and year steps keep the intended day', () => {
  it('Page Up from 31 January clamps each month from the 31st, not from the last clamp', async () => {
    const el = await render('2027-01-31');
    await open(el);
    const seen: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      await key(el, 'PageUp');
      seen.push(focusedDate()!);
    }
    expect(seen).to.deep.equal(['2026-12-31', '2026-11-30', '2026-10-31', '2026-09-30']);
    for (let i = 0; i < 4; i += 1) await key(el, 'PageDown');
    expect(focusedDate()).to.equal('2027-01-31');
  });

  it('a day or week step sets a new intended day', async () => {
    const el = await render('2027-01-31');
    await open(el);
    await key(el, 'PageDown');
    expect(focusedDate()).to.equal('2027-02-28');
    await key(el, 'ArrowLeft');
    await key(el, 'PageDown');
    expect(focusedDate()).to.equal('2027-03-27');
  });

  it('Shift+Page Up from 29 February 2024 goes one year back, to 28 February 2023', async () => {
    const el = await render('2024-02-29');
    await open(el);
    await key(el, 'Shift+PageUp');
    expect(focusedDate()).to.equal('2023-02-28');
    await key(el, 'Shift+PageDown');
    expect(focusedDate()).to.equal('2024-02-29');
  });
});

describe('<care-date-picker>: what the accessibility tree says', () => {
  it('marks no day "not selected" before a date is chosen, and only the chosen day as selected after', async () => {
    const el = await render('');
    await open(el);
    const cells = [...el.shadowRoot!.querySelectorAll('td[data-date]')];
    expect(cells.filter((cell) => cell.hasAttribute('aria-selected'))).to.have.length(0);
    const selectedInTree = axFind(await axTree(), 'gridcell').filter((cell) => cell.properties.selected !== undefined);
    expect(selectedInTree).to.have.length(0);
    await key(el, 'Enter');
    await open(el);
    const chosen = axFind(await axTree(), 'gridcell').filter((cell) => cell.properties.selected === true);
    expect(chosen.map((cell) => cell.name)).to.deep.equal(['Tuesday 1 December 2026, Today']);
  });

  it('opening and moving by key start no update from inside the one finishing (Lit\u2019s change-in-update), and the hint still comes', async () => {
    const el = await render('2026-12-08');
    // Lit's own development-mode check, in any mode: after updated() no new update may be pending.
    const inner = el as unknown as { updated(changed: Map<PropertyKey, unknown>): void; isUpdatePending: boolean };
    const updated = inner.updated;
    const inside: string[] = [];
    inner.updated = function (this: typeof inner, changed: Map<PropertyKey, unknown>) {
      updated.call(this, changed);
      if (this.isUpdatePending) inside.push([...changed.keys()].map(String).join(','));
    };
    await open(el);
    await key(el, 'ArrowRight');
    await key(el, 'PageDown');
    expect(inside, 'updates started inside updated()').to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('#picker-hint')!.textContent!.trim()).to.not.equal('');
  });

  it('the keyboard hint is spoken from a live region that is in the tree before focus reaches the grid', async () => {
    const el = await render('2026-12-08');
    await open(el);
    const hint = el.shadowRoot!.querySelector<HTMLElement>('#picker-hint')!;
    const words = 'Arrow keys move by day and week. Page Up and Page Down change the month, with Shift the year. Enter chooses.';
    expect(hint.textContent!.trim()).to.equal(words);
    // Leaving the grid empties the region but keeps it in the tree, polite, for the next time.
    await key(el, 'Tab');
    expect(hint.textContent!.trim()).to.equal('');
    const emptyRegions = axFind(await axTree(), 'paragraph').filter((node) => node.properties.live === 'polite');
    expect(emptyRegions).to.have.length(1);
    await key(el, 'Shift+Tab');
    expect((deepActiveElement() as HTMLElement).dataset.date).to.equal('2026-12-08');
    expect(hint.textContent!.trim()).to.equal(words);
    const [region] = axFind(await axTree(), 'paragraph').filter((node) => node.properties.live === 'polite');
    expect(region.children.map((child) => child.name).join('') || region.name).to.equal(words);
    // No second copy as the grid's description (it would be read twice).
    const [grid] = axFind(await axTree(), 'grid');
    expect(grid.description).to.equal('');
  });
});

describe('<care-date-picker>: what it paints', () => {
  /** Pixels of one exact colour in a shot. */
  const count = (shot: Shot, [r, g, b]: [number, number, number]) => {
    let n = 0;
    for (let i = 0; i < shot.data.length; i += 4) if (shot.data[i] === r && shot.data[i + 1] === g && shot.data[i + 2] === b) n += 1;
    return n;
  };

  it('draws the week-number divider on every row, not only the first', async () => {
    const el = await render('2026-12-08');
    el.style.setProperty('--care-color-border-subtle', 'rgb(255, 0, 0)');
    await open(el);
    const rows = [...el.shadowRoot!.querySelectorAll('tbody th.week')];
    expect(rows.length).to.be.greaterThan(3);
    for (const th of rows) {
      const shot = await shoot(th, 2);
      expect(count(shot, [255, 0, 0]), `week ${th.textContent!.trim()}`).to.be.at.least(th.getBoundingClientRect().height * 0.8);
    }
  });

  it('keeps the focus ring visible on the selected day: a halo separates it from the fill', async () => {
    const el = await render('2026-12-08');
    el.style.setProperty('--care-color-focus-halo', 'rgb(0, 255, 0)');
    await open(el);
    const day = el.shadowRoot!.querySelector<HTMLElement>('td[data-date="2026-12-08"]')!;
    expect(day.classList.contains('day-selected')).to.equal(true);
    expect(deepActiveElement()).to.equal(day);
    const shot = await shoot(day, 0);
    // A ring of halo pixels around the day, at least its perimeter's worth.
    const box = day.getBoundingClientRect();
    expect(count(shot, [0, 255, 0])).to.be.at.least(2 * (box.width + box.height));
  });
});
