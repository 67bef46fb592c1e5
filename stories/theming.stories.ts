import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';

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
