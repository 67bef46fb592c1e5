import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { CareRecord } from '../src/contract/record.js';
import { AUDIENCES, type Audience } from '../src/contract/values.js';
import { fjordvik } from '../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../src/data/memory-source.js';

const record = CareRecord.parse(fjordvik);
const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const NOW = '2026-11-20T12:00:00Z';

interface ListArgs {
  audience: Audience;
  lang: string;
}

const meta: Meta<ListArgs> = {
  title: 'Elements/Consent list',
  component: 'care-consent-list',
  parameters: {
    docs: {
      description: {
        component:
          'All consents of the person, grouped by who receives the information, each with its own toggle; a summary; and the team members no active consent reaches. See docs/elements/consent.md.',
      },
    },
  },
  argTypes: {
    audience: { control: 'inline-radio', options: [...AUDIENCES] },
    lang: { control: 'select', options: ['', 'en', 'nb', 'nn', 'da', 'sv'] },
  },
  args: { audience: 'service-user', lang: '' },
  render: (args) => html`<care-consent-list
    .consents=${record.consents}
    .team=${record.team}
    .now=${NOW}
    audience=${args.audience}
    lang=${args.lang || nothing}
    style="max-inline-size: 44rem"
  ></care-consent-list>`,
};
export default meta;

type Story = StoryObj<ListArgs>;

/** Ingrid's six consents, from her own point of view. */
export const Overview: Story = {};

export const Professional: Story = { name: 'Professional wording', args: { audience: 'professional' } };

/** Inside `<care-context>` with a memory source (600 ms per answer): toggles save through the store. */
export const Connected: Story = {
  name: 'Connected to a store',
  render: (args) => html`<care-context .source=${new MemorySource({ seed: fjordvik, latency: 600 })} care-team="team-ingrid" .actor=${kari}>
    <care-consent-list audience=${args.audience} lang=${args.lang || nothing} .now=${NOW}></care-consent-list>
  </care-context>`,
};

export const Loading: Story = {
  render: () => html`<care-context .source=${new MemorySource({ seed: fjordvik, latency: 2 ** 30 })} care-team="team-ingrid">
    <care-consent-list></care-consent-list>
  </care-context>`,
};

export const Empty: Story = {
  render: (args) => html`<care-consent-list .consents=${[]} .team=${record.team} audience=${args.audience}></care-consent-list>`,
};

export const LoadError: Story = {
  name: 'Load error',
  render: () => {
    const source = new MemorySource({ seed: fjordvik, latency: 200 });
    source.failNext('network', 'load');
    return html`<care-context .source=${source} care-team="team-ingrid"><care-consent-list></care-consent-list></care-context>`;
  },
};

export const InvalidData: Story = {
  name: 'Invalid data',
  render: () => html`<care-consent-list
    .consents=${[record.consents[0], { ...record.consents[1], model: 'maybe', recipient: { kind: 'organisation' } }]}
  ></care-consent-list>`,
};

export const Bokmal: Story = { name: 'Norsk bokmål', args: { lang: 'nb' } };
export const Nynorsk: Story = { name: 'Norsk nynorsk', args: { lang: 'nn' } };
export const Danish: Story = { name: 'Dansk', args: { lang: 'da', audience: 'professional' } };
export const Swedish: Story = { name: 'Svenska', args: { lang: 'sv' } };
