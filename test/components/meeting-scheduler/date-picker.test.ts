import '../../../src/components/date-picker/define.js';
import type { CareDatePicker } from '../../../src/components/date-picker/date-picker.js';
import { loadCatalogue } from '../../../src/i18n/locale.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, html, oneEvent, settle } from '../../helpers/fixture.js';
import { deepActiveElement, press } from '../../helpers/keys.js';
import { textOf } from './fixtures.js';
import { describeNode } from './fixtures.js';

const render = async (options: { value?: string; lang?: string; marked?: string[]; min?: string } = {}) => {
  const el = await fixture<CareDatePicker>(html`<care-date-picker
    value=${options.value ?? '2026-12-08'}
    today="2026-12-01"
    min=${options.min ?? ''}
    lang=${options.lang ?? 'en'}
    .marked=${options.marked ?? []}
  ></care-date-picker>`);
  return settle(el);
};

const root = (el: CareDatePicker) => el.shadowRoot!;
const opener = (el: CareDatePicker) => root(el).querySelector<HTMLButtonElement>('button.opener')!;
const dialog = (el: CareDatePicker) => root(el).querySelector('dialog')!;
const heading = (el: CareDatePicker) => textOf(root(el).querySelector('#month'));
const focusedDate = () => (deepActiveElement() as HTMLElement | null)?.dataset.date;

const open = async (el: CareDatePicker) => {
  opener(el).focus();
  await press('Enter');
  await settle(el);
};

/** Presses a key in the grid and waits for the picker to show the result. */
const key = async (el: CareDatePicker, name: string) => {
  await press(name);
  await settle(el);
};

describe('<care-date-picker>', () => {
  it('opens a modal dialog with a Monday-first month grid, ISO week numbers and the chosen date focused', async () => {
    const el = await render();
    expect(textOf(opener(el))).to.equal('Choose date, chosen: Tuesday 8 December 2026');
    expect(opener(el).getAttribute('aria-haspopup')).to.equal('dialog');
    await open(el);
    expect(dialog(el).open).to.equal(true);
    expect(dialog(el).matches(':modal')).to.equal(true);
    expect(dialog(el).getAttribute('aria-labelledby')).to.equal('month');
    expect(heading(el)).to.equal('December 2026');
    expect(root(el).querySelector('#month')!.getAttribute('aria-live')).to.equal('polite');
    const grid = root(el).querySelector('table')!;
    expect(grid.getAttribute('role')).to.equal('grid');
    const columns = [...grid.querySelectorAll('thead th')].map((th) => textOf(th.querySelector('.visually-hidden')));
    expect(columns).to.deep.equal(['Week', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    const weeks = [...grid.querySelectorAll('tbody th[scope="row"]')].map((th) => textOf(th));
    expect(weeks).to.deep.equal(['Week 49', 'Week 50', 'Week 51', 'Week 52', 'Week 53']);
    // 1 December 2026 is a Tuesday: the first row starts with an empty Monday.
    const firstRow = grid.querySelectorAll('tbody tr')[0].querySelectorAll('td');
    expect(textOf(firstRow[0])).to.equal('');
    expect(firstRow[1].dataset.date).to.equal('2026-12-01');
    expect(focusedDate()).to.equal('2026-12-08');
    const chosen = grid.querySelector('td[data-date="2026-12-08"]')!;
    expect(chosen.getAttribute('aria-selected')).to.equal('true');
    expect(chosen.getAttribute('tabindex')).to.equal('0');
    expect(grid.querySelector('td[data-date="2026-12-01"]')!.getAttribute('aria-current')).to.equal('date');
    expect(grid.querySelectorAll('td[tabindex="0"]')).to.have.length(1);
    await expectAxeClean(el);
  });

  it('moves by day and week with the arrow keys', async () => {
    const el = await render();
    await open(el);
    await key(el, 'ArrowRight');
    expect(focusedDate()).to.equal('2026-12-09');
    await key(el, 'ArrowLeft');
    await key(el, 'ArrowLeft');
    expect(focusedDate()).to.equal('2026-12-07');
    await key(el, 'ArrowDown');
    expect(focusedDate()).to.equal('2026-12-14');
    await key(el, 'ArrowUp');
    await key(el, 'ArrowUp');
    expect(focusedDate()).to.equal('2026-11-30');
    expect(heading(el)).to.equal('November 2026');
  });

  it('goes to the start and end of the week with Home and End', async () => {
    const el = await render();
    await open(el);
    await key(el, 'End');
    expect(focusedDate()).to.equal('2026-12-13');
    await key(el, 'Home');
    expect(focusedDate()).to.equal('2026-12-07');
  });

  it('changes month with Page Up/Down and year with Shift+Page Up/Down, announcing the heading', async () => {
    const el = await render({ value: '2027-01-31' });
    await open(el);
    await key(el, 'PageDown');
    // 31 January + 1 month is the last day of February.
    expect(focusedDate()).to.equal('2027-02-28');
    expect(heading(el)).to.equal('February 2027');
    // Back in January the intended day (the 31st) returns: the clamp is per step, not for good.
    await key(el, 'PageUp');
    expect(focusedDate()).to.equal('2027-01-31');
    expect(heading(el)).to.equal('January 2027');
    await key(el, 'Shift+PageDown');
    expect(focusedDate()).to.equal('2028-01-31');
    expect(heading(el)).to.equal('January 2028');
    await key(el, 'Shift+PageUp');
    await key(el, 'Shift+PageUp');
    expect(focusedDate()).to.equal('2026-01-31');
    expect(heading(el)).to.equal('January 2026');
  });

  it('chooses the focused date with Enter, closes, and returns focus to the button', async () => {
    const el = await render();
    await open(el);
    await key(el, 'ArrowRight');
    const picked = oneEvent(el, 'care-date-pick');
    await press('Enter');
    const event = await picked;
    await settle(el);
    expect(event.detail).to.deep.equal({ date: '2026-12-09' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(dialog(el).open).to.equal(false);
    expect(el.value).to.equal('2026-12-09');
    expect(describeNode(deepActiveElement())).to.equal(describeNode(opener(el)));
  });

  it('chooses with Space too', async () => {
    const el = await render();
    await open(el);
    await key(el, 'ArrowDown');
    const picked = oneEvent(el, 'care-date-pick');
    await press('Space');
    expect((await picked).detail.date).to.equal('2026-12-15');
  });

  it('closes with Escape without choosing, and returns focus to the button', async () => {
    const el = await render();
    let picks = 0;
    el.addEventListener('care-date-pick', () => picks++);
    await open(el);
    await key(el, 'ArrowRight');
    await key(el, 'Escape');
    expect(dialog(el).open).to.equal(false);
    expect(picks).to.equal(0);
    expect(el.value).to.equal('2026-12-08');
    expect(describeNode(deepActiveElement())).to.equal(describeNode(opener(el)));
    // It opens again on the chosen date, not where the keyboard left it.
    await open(el);
    expect(focusedDate()).to.equal('2026-12-08');
  });

  it('keeps focus on the month buttons while they change the month', async () => {
    const el = await render();
    await open(el);
    const next = root(el).querySelector<HTMLButtonElement>('button[aria-label="Next month"]')!;
    next.focus();
    await press('Enter');
    await settle(el);
    expect(heading(el)).to.equal('January 2027');
    expect(describeNode(deepActiveElement())).to.equal(describeNode(next));
    root(el).querySelector<HTMLButtonElement>('button[aria-label="Previous year"]')!.click();
    await settle(el);
    expect(heading(el)).to.equal('January 2026');
  });

  it('marks days with free times in text, not by colour alone', async () => {
    const el = await render({ marked: ['2026-12-02', '2026-12-09'] });
    await open(el);
    const cell = root(el).querySelector('td[data-date="2026-12-02"]')!;
    expect(textOf(cell.querySelector('.visually-hidden'))).to.equal('Wednesday 2 December 2026, has free times');
    expect(cell.getAttribute('part')).to.contain('day-free');
    expect(textOf(root(el).querySelector('td[data-date="2026-12-03"] .visually-hidden'))).to.equal('Thursday 3 December 2026');
  });

  it('does not choose dates before min', async () => {
    const el = await render({ value: '', min: '2026-12-01' });
    let picks = 0;
    el.addEventListener('care-date-pick', () => picks++);
    await open(el);
    expect(focusedDate()).to.equal('2026-12-01');
    await key(el, 'ArrowLeft');
    // Movement stops at min, so the earliest allowed date stays focused.
    expect(focusedDate()).to.equal('2026-12-01');
    root(el).querySelector<HTMLElement>('td[data-date="2026-12-01"]')!.click();
    expect(picks).to.equal(1);
  });

  it('speaks Norwegian bokmål: Monday first, week numbers, month names', async () => {
    await loadCatalogue('nb');
    const el = await render({ lang: 'nb' });
    await open(el);
    expect(heading(el)).to.equal('desember 2026');
    const columns = [...root(el).querySelectorAll('thead th')].map((th) => textOf(th.querySelector('[aria-hidden="true"]')));
    expect(columns[0]).to.equal('Uke');
    expect(columns[1]).to.match(/^ma/);
    expect(columns[7]).to.match(/^sø/);
    expect(textOf(root(el).querySelector('tbody th'))).to.equal('Uke 49');
    expect(Boolean(root(el).querySelector('button[aria-label="Neste måned"]'))).to.equal(true);
    await expectAxeClean(el);
  });
});
