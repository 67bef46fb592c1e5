import * as v from 'valibot';
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { CareRecord } from '../src/contract/record.js';
import { fjordvik } from '../src/data/fixtures/fjordvik.js';
// The same WCAG formula as docs/tokens.md, so the playground and the docs agree.
import { contrast } from '../scripts/lib/contrast.mjs';

/** The system tokens a theme sets, with their purpose; the swatches read the live values. */
const COLOR_TOKENS = [
  ['--care-color-surface', 'Element background'],
  ['--care-color-surface-raised', 'Cards, state boxes, headers'],
  ['--care-color-text', 'Body text'],
  ['--care-color-text-muted', 'Secondary text'],
  ['--care-color-border', 'Control borders'],
  ['--care-color-border-subtle', 'Separators'],
  ['--care-color-accent', 'Buttons, links, on-states'],
  ['--care-color-accent-text', 'Text on the accent colour'],
  ['--care-color-accent-surface', 'Selected rows and cells'],
  ['--care-color-focus', 'Focus ring'],
  ['--care-color-danger', 'Errors and refusals'],
  ['--care-color-warning', 'Warnings'],
  ['--care-color-success', 'Saved, granted, accepted'],
] as const;

interface TokenArgs {
  theme: 'light' | 'dark' | 'high-contrast';
  accent: string;
  radius: string;
  targetSize: string;
}

const meta: Meta<TokenArgs> = {
  title: 'Foundations/Theming',
  parameters: {
    docs: {
      description: {
        component:
          'Themes are token files, not forks: system tokens (`--care-color-…`) → component tokens (`--care-<element>-…`) → private tokens inside each shadow root. Change the controls to try tokens live; see docs/theming.md for the full reference.',
      },
    },
  },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'high-contrast'] },
    accent: { control: 'color' },
    radius: { control: 'text' },
    targetSize: { control: 'text' },
  },
  args: { theme: 'light', accent: '', radius: '0.375rem', targetSize: '2.75rem' },
  render: ({ theme, accent, radius, targetSize }) => html`
    <section
      data-care-theme=${theme}
      style="padding:1rem;font-family:system-ui;${accent ? `--care-color-accent:${accent};` : ''}--care-radius:${radius};--care-target-size:${targetSize}"
    >
      <h2 style="margin-top:0">Theme: ${theme}</h2>
      <table style="border-collapse:collapse">
        <caption style="text-align:start">System colour tokens</caption>
        <thead>
          <tr><th scope="col" style="text-align:start">Token</th><th scope="col" style="text-align:start">Used for</th><th scope="col">Sample</th></tr>
        </thead>
        <tbody>
          ${COLOR_TOKENS.map(
            ([token, use]) => html`<tr>
              <td style="padding:0.25rem 0.75rem 0.25rem 0"><code>${token}</code></td>
              <td style="padding:0.25rem 0.75rem">${use}</td>
              <td style="padding:0.25rem 0.75rem">
                <span
                  role="img"
                  aria-label=${`${token} sample`}
                  style="display:inline-block;inline-size:3rem;block-size:1.5rem;border:1px solid var(--care-color-border, #767c83);border-radius:var(--care-radius);background:var(${token})"
                ></span>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>
  `,
};
export default meta;

type Story = StoryObj<TokenArgs>;

export const Light: Story = {};
export const Dark: Story = { args: { theme: 'dark' } };
export const HighContrast: Story = { args: { theme: 'high-contrast' } };
export const CustomAccent: Story = { args: { accent: '#2f5d1e', radius: '0.75rem' } };

// ---- vendor playground ----------------------------------------------------------------------

const record = v.parse(CareRecord, fjordvik);

interface BrandArgs {
  accent: string;
  accentText: string;
  surface: string;
  text: string;
  font: string;
  radius: string;
  density: 'default' | 'compact';
}

/** The CSS a vendor copies: only the tokens they changed, on their portal's root. */
const brandCss = (args: BrandArgs): string =>
  [
    ':root {',
    `  --care-color-accent: ${args.accent};`,
    `  --care-color-accent-text: ${args.accentText};`,
    `  --care-color-surface: ${args.surface};`,
    `  --care-color-text: ${args.text};`,
    `  --care-font-family: ${args.font};`,
    `  --care-radius: ${args.radius};`,
    '}',
    ...(args.density === 'compact' ? ['/* and load care-elements/styles/compact.css, with data-care-density="compact" on the page */'] : []),
  ].join('\n');

/** The pairs a brand colour choice changes, with their contrast and what WCAG asks. */
const brandChecks = (args: BrandArgs) =>
  [
    ['Text on the page', args.text, args.surface, 4.5],
    ['Accent text (links, headers) on the page', args.accent, args.surface, 4.5],
    ['Button text on the accent', args.accentText, args.accent, 4.5],
  ].map(([what, fg, bg, minimum]) => {
    const ratio = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(String(fg)) && /^#[0-9a-f]{3}([0-9a-f]{3})?$/i.test(String(bg)) ? contrast(String(fg), String(bg)) : undefined;
    return { what: String(what), ratio, minimum: Number(minimum) };
  });

/**
 * A vendor tries a brand colour, font, corner radius and density on real elements (the date
 * picker and its dialog included), sees the contrast of what they chose, and copies the CSS.
 */
export const VendorPlayground: StoryObj<BrandArgs> = {
  name: 'Vendor playground: try your brand, copy the CSS',
  argTypes: {
    accent: { control: 'color' },
    accentText: { control: 'color' },
    surface: { control: 'color' },
    text: { control: 'color' },
    font: { control: 'text' },
    radius: { control: 'text' },
    density: { control: 'inline-radio', options: ['default', 'compact'] },
  },
  args: { accent: '#5b2a86', accentText: '#ffffff', surface: '#fffaf2', text: '#2a1b0d', font: 'Georgia, serif', radius: '0.75rem', density: 'default' },
  render: (args) => {
    const css = brandCss(args);
    const style = css.replace(/^:root \{|\}$/gm, '').replace(/\/\*.*\*\//g, '').replace(/\n/g, '');
    const checks = brandChecks(args);
    return html`<section style="display:grid;gap:1rem;font-family:system-ui">
      <div data-care-density=${args.density === 'compact' ? 'compact' : 'default'} style=${`${style};display:grid;gap:1rem;padding:1rem;background:${args.surface};color:${args.text}`}>
        <care-consent-toggle .directive=${record.consents.find((c) => c.id === 'c-nav')} .team=${record.team} .now=${'2026-11-20T12:00:00Z'}></care-consent-toggle>
        <care-team-roster .team=${record.team} layout="compact" today="2026-11-20"></care-team-roster>
        <care-date-picker value="2026-12-08" today="2026-12-01"></care-date-picker>
      </div>
      <table>
        <caption style="text-align:start;font-weight:600">Contrast of your choice</caption>
        <thead><tr><th scope="col" style="text-align:start">Pair</th><th scope="col">Ratio</th><th scope="col">WCAG asks</th></tr></thead>
        <tbody>
          ${checks.map(
            (c) => html`<tr>
              <td>${c.what}</td>
              <td class="ratio">${c.ratio === undefined ? 'not a #hex colour' : `${c.ratio.toFixed(2)}:1 ${c.ratio >= c.minimum ? '(enough)' : '(too low)'}`}</td>
              <td>${c.minimum}:1</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <div>
        <h3 id="brand-css" style="margin:0 0 0.5rem">Your CSS</h3>
        <pre aria-labelledby="brand-css" tabindex="0" style="padding:0.75rem;border:1px solid #767c83;overflow:auto"><code>${css}</code></pre>
        <button type="button" @click=${() => void navigator.clipboard?.writeText(css)}>Copy the CSS</button>
      </div>
    </section>`;
  },
};
