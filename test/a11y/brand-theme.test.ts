// A vendor's brand theme written from docs/theming.md alone (system tokens only, no ::part, no
// fork) reaches every element, the date picker and the dialogs included: every colour painted
// inside every shadow root comes from the brand palette, text is in the brand font, and the
// screenshots differ from the default look. Checked in light, in dark and in compact density.
import '../../src/components/consent-toggle/define.js';
import '../../src/components/consent-list/define.js';
import '../../src/components/team-roster/define.js';
import '../../src/components/responsibility-matrix/define.js';
import '../../src/components/meeting-scheduler/define.js';
import type { CareDatePicker } from '../../src/components/date-picker/date-picker.js';
import { consentById, fjordvikRecord } from '../components/consent-toggle/support.js';
import { renderRoster } from '../components/team-roster/fixtures.js';
import { controlledMatrix } from '../components/responsibility-matrix/matrix-fixtures.js';
import { meetingOf, renderScheduler } from '../components/meeting-scheduler/fixtures.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';
import { pixelsChanged, shoot } from '../helpers/screenshot.js';

/** The brand palette, light and dark: every colour token a vendor sets, by the docs' table. */
const LIGHT = {
  surface: '#fffaf2',
  'surface-raised': '#f4ebdc',
  text: '#2a1b0d',
  'text-muted': '#5a4632',
  border: '#806650',
  'border-subtle': '#dccab4',
  accent: '#5b2a86',
  'accent-text': '#fffaf2',
  'accent-hover': '#43186a',
  'accent-surface': '#efe4f8',
  hover: '#f0e4d2',
  pressed: '#e6d6bf',
  focus: '#b3261e',
  'focus-halo': '#fffaf3',
  danger: '#8c1d18',
  'danger-surface': '#fbe3df',
  'danger-text': '#fffaf4',
  warning: '#6e4700',
  'warning-surface': '#fbefd3',
  success: '#0f5c3a',
  'success-surface': '#dff1e6',
  backdrop: 'rgb(42 27 13 / 0.5)',
  shadow: 'rgb(42 27 13 / 0.25)',
};
const DARK: typeof LIGHT = {
  surface: '#1c140c',
  'surface-raised': '#2a1f14',
  text: '#f7efe3',
  'text-muted': '#d6c6b1',
  border: '#a48a72',
  'border-subtle': '#4a3a2a',
  accent: '#d2b0f0',
  'accent-text': '#1c140d',
  'accent-hover': '#e4ccf7',
  'accent-surface': '#3a2950',
  hover: '#33271a',
  pressed: '#3f3020',
  focus: '#ffb4a8',
  'focus-halo': '#1c140e',
  danger: '#ffb1a8',
  'danger-surface': '#3b1a16',
  'danger-text': '#1c140f',
  warning: '#f5c46b',
  'warning-surface': '#3a2c10',
  success: '#8fd8b0',
  'success-surface': '#143324',
  backdrop: 'rgb(0 0 0 / 0.7)',
  shadow: 'rgb(0 0 0 / 0.6)',
};
const FONT = 'Georgia, serif';

const themeCss = (name: string, palette: typeof LIGHT) => `[data-care-theme='${name}'] {
  ${Object.entries(palette)
    .map(([token, value]) => `--care-color-${token}: ${value};`)
    .join('\n  ')}
  --care-font-family: ${FONT};
  --care-radius: 0;
  --care-radius-pill: 0.25rem;
  --care-focus-width: 4px;
}`;
const COMPACT = `[data-care-density='compact'] { --care-space-1: 0.125rem; --care-space-2: 0.25rem; --care-space-3: 0.5rem;
  --care-space-4: 0.75rem; --care-space-5: 1rem; --care-target-size: 2rem; }`;

/** A colour as the browser computes it, for comparison with getComputedStyle. */
function computed(value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value;
  document.body.append(probe);
  const result = getComputedStyle(probe).color;
  probe.remove();
  return result;
}

/** Every element in `root` and in the shadow roots below it. */
function deepElements(root: Element | ShadowRoot): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  visit(root);
  return found;
}

const TRANSPARENT = new Set(['rgba(0, 0, 0, 0)', 'transparent']);

/** Colours an element paints: text, background, visible borders and outline, a dialog's backdrop. */
function paintedColours(node: Element): Array<[string, string]> {
  const style = getComputedStyle(node);
  const colours: Array<[string, string]> = [];
  if (node.textContent?.trim() && style.visibility !== 'hidden') colours.push(['color', style.color]);
  colours.push(['background-color', style.backgroundColor]);
  for (const side of ['top', 'right', 'bottom', 'left']) {
    if (style.getPropertyValue(`border-${side}-style`) !== 'none' && parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0) {
      colours.push([`border-${side}-color`, style.getPropertyValue(`border-${side}-color`)]);
    }
  }
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) colours.push(['outline-color', style.outlineColor]);
  if (node.localName === 'dialog' && (node as HTMLDialogElement).open) colours.push(['::backdrop', getComputedStyle(node, '::backdrop').backgroundColor]);
  return colours.filter(([, colour]) => !TRANSPARENT.has(colour));
}

/** Where an element paints a colour that is not the brand's. */
function foreignColours(host: Element, palette: typeof LIGHT): string[] {
  const allowed = new Set(Object.values(palette).map(computed));
  const foreign: string[] = [];
  for (const node of deepElements(host.shadowRoot!)) {
    if (node.closest('svg') && node.localName !== 'svg') continue;
    for (const [property, colour] of paintedColours(node)) {
      if (!allowed.has(colour)) foreign.push(`${node.localName}.${[...node.classList].join('.')} ${property} ${colour}`);
    }
  }
  return [...new Set(foreign)];
}

/** Text nodes' elements whose font is not the brand's. */
function foreignFonts(host: Element): string[] {
  return deepElements(host.shadowRoot!)
    .filter((node) => [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim()))
    .filter((node) => !getComputedStyle(node).fontFamily.startsWith('Georgia'))
    .map((node) => `${node.localName}.${[...node.classList].join('.')}: ${getComputedStyle(node).fontFamily}`);
}

const record = fjordvikRecord();
const actor = { id: 'm-ingrid', name: 'Ingrid Solberg' };

/** Each element in a state that shows its controls; dialogs opened. */
const cases: Array<[string, () => Promise<Element>]> = [
  [
    'consent toggle',
    () =>
      fixture(html`<care-consent-toggle .directive=${consentById('c-gp')} .team=${record.team} .actor=${actor} lang="en" .now=${'2026-11-20T12:00:00Z'}></care-consent-toggle>`).then(settle),
  ],
  [
    'consent list',
    () =>
      fixture(html`<care-consent-list style="inline-size: 40rem" .consents=${record.consents} .team=${record.team} .actor=${actor} lang="en" .now=${'2026-11-20T12:00:00Z'}></care-consent-list>`).then(settle),
  ],
  ['team roster', () => renderRoster()],
  [
    'team roster with its details dialog open',
    async () => {
      const el = await renderRoster();
      el.shadowRoot!.querySelector<HTMLButtonElement>('button.name')!.click();
      return settle(el);
    },
  ],
  ['responsibility matrix, editable grid', () => controlledMatrix({ editable: true, view: 'grid', small: true })],
  ['meeting scheduler, planning form', () => renderScheduler()],
  ['meeting scheduler, booked meeting', () => renderScheduler({ meeting: meetingOf('mt-series'), me: 'm-ingrid', audience: 'service-user' })],
  [
    'date picker, dialog open',
    async () => {
      const el = await fixture<CareDatePicker>(html`<care-date-picker value="2026-12-10" today="2026-12-01" min="2026-12-01" lang="en"></care-date-picker>`);
      await settle(el);
      el.show();
      return settle(el);
    },
  ],
];

describe('A brand theme from the docs alone reaches every element', function () {
  this.timeout(60_000);
  const sheet = document.createElement('style');
  before(() => {
    sheet.textContent = [themeCss('brand', LIGHT), themeCss('brand-dark', DARK), COMPACT].join('\n');
    document.head.append(sheet);
  });
  after(() => sheet.remove());
  afterEach(() => {
    delete document.documentElement.dataset.careTheme;
    delete document.documentElement.dataset.careDensity;
  });

  for (const [name, render] of cases) {
    it(`${name}: only brand colours and the brand font, in light and dark; the look changes`, async () => {
      const plain = await render();
      const before = await shoot(plain);
      // The check sees colours: the default look is not the brand's.
      expect(foreignColours(plain, LIGHT).length, 'default colours found outside the brand palette').to.be.greaterThan(2);
      for (const [theme, palette] of [['brand', LIGHT], ['brand-dark', DARK]] as const) {
        document.documentElement.dataset.careTheme = theme;
        const el = await render();
        expect(foreignColours(el, palette), `${theme}: colours not from the brand palette`).to.deep.equal([]);
        expect(foreignFonts(el), `${theme}: text not in the brand font`).to.deep.equal([]);
        const after = await shoot(el);
        expect(pixelsChanged(before, after), `${theme}: the screenshot changed`).to.be.greaterThan((before.width * before.height) / 10);
      }
    });
  }

  it('compact density reaches every button and the date picker days (32 px), with the brand theme', async () => {
    document.documentElement.dataset.careTheme = 'brand';
    document.documentElement.dataset.careDensity = 'compact';
    for (const [name, render] of cases) {
      const el = await render();
      const buttons = deepElements(el.shadowRoot!).filter((node): node is HTMLButtonElement => node.localName === 'button' && node.getBoundingClientRect().height > 0);
      expect(buttons.length, name).to.be.greaterThan(0);
      for (const button of buttons) {
        const min = parseFloat(getComputedStyle(button).minBlockSize) || 0;
        const label = `${name}: ${button.textContent?.trim()}`;
        // At most the compact 32 px (the professional scheduler's own 28 px is smaller), and never under WCAG's 24 px.
        expect(min, label).to.be.at.most(32);
        expect(button.getBoundingClientRect().height, label).to.be.at.least(24);
      }
    }
    const picker = (await cases.at(-1)![1]()) as CareDatePicker;
    const day = picker.shadowRoot!.querySelector<HTMLElement>('td[data-date="2026-12-10"]')!;
    expect(Math.round(day.getBoundingClientRect().height)).to.equal(32);
  });
});
