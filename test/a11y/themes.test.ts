// The shipped theme files as a page loads them: the automatic theme follows the person's
// colour-scheme setting, the compact density reaches the date picker's days, and a styled
// button keeps its own colours under the pointer.
import { emulateMedia, sendMouse } from '@web/test-runner-commands';
import '../../src/components/date-picker/define.js';
import type { CareDatePicker } from '../../src/components/date-picker/date-picker.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';

const sheets: HTMLStyleElement[] = [];

async function loadTheme(file: string) {
  const style = document.createElement('style');
  style.textContent = await (await fetch(`/src/styles/themes/${file}`)).text();
  document.head.append(style);
  sheets.push(style);
}

async function picker(attributes: { theme?: string; density?: string }) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div data-care-theme=${attributes.theme ?? 'light'} data-care-density=${attributes.density ?? 'default'}>
      <care-date-picker value="2026-12-10" today="2026-12-01" lang="en"></care-date-picker>
    </div>`,
  );
  const el = wrapper.querySelector<CareDatePicker>('care-date-picker')!;
  await settle(el);
  return el;
}

const opener = (el: CareDatePicker) => el.shadowRoot!.querySelector<HTMLButtonElement>('button.opener')!;
const background = (node: Element) => getComputedStyle(node).backgroundColor;

describe('Theme files', () => {
  afterEach(async () => {
    for (const sheet of sheets.splice(0)) sheet.remove();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('auto.css follows prefers-color-scheme: light values in light, dark values in dark, without a reload', async () => {
    await loadTheme('auto.css');
    const el = await picker({ theme: 'auto' });
    await emulateMedia({ colorScheme: 'light' });
    expect(background(opener(el))).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(opener(el)).color).to.equal('rgb(26, 28, 30)');
    await emulateMedia({ colorScheme: 'dark' });
    expect(background(opener(el))).to.equal('rgb(21, 24, 28)');
    expect(getComputedStyle(opener(el)).color).to.equal('rgb(241, 243, 245)');
  });

  it('compact.css makes the date picker days 32 px; the default density keeps them 44 px', async () => {
    await loadTheme('compact.css');
    const measure = async (density: string) => {
      const el = await picker({ density });
      opener(el).click();
      await settle(el);
      const day = el.shadowRoot!.querySelector<HTMLElement>('td[data-date="2026-12-10"] button, td[data-date="2026-12-10"]')!;
      return Math.round(day.getBoundingClientRect().height);
    };
    expect(await measure('default')).to.equal(44);
    expect(await measure('compact')).to.equal(32);
  });

  it('a button under the pointer takes the hover colour; a primary button its own darker accent', async () => {
    const el = await picker({});
    const button = opener(el);
    const box = button.getBoundingClientRect();
    const before = background(button);
    await sendMouse({ type: 'move', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    expect(before).to.equal('rgb(255, 255, 255)');
    expect(background(button)).to.equal('rgb(233, 238, 242)');
    await sendMouse({ type: 'move', position: [0, 0] });
    expect(background(button)).to.equal('rgb(255, 255, 255)');
  });
});
