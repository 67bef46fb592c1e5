import * as v from 'valibot';
import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { CareRecord } from '../src/contract/record.js';
import { AUDIENCES, type Audience } from '../src/contract/values.js';
import { fjordvik } from '../src/data/fixtures/fjordvik.js';
import type { ConsentDirective } from '../src/contract/consent.js';
import { MemorySource } from '../src/data/memory-source.js';
import type { CareDataSource } from '../src/data/types.js';
import { colleagueActs, rendered, sharedServer } from './support/colleague.js';

const record = v.parse(CareRecord, fjordvik);
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
export const Connected: Story = { tags: ['!autodocs'],
  name: 'Connected to a store',
  render: (args) => html`<care-context .source=${new MemorySource({ seed: fjordvik, latency: 600 })} care-team="team-ingrid" .actor=${kari}>
    <care-consent-list audience=${args.audience} lang=${args.lang || nothing} .now=${NOW}></care-consent-list>
  </care-context>`,
};

export const Loading: Story = { tags: ['!autodocs'],
  render: () => html`<care-context .source=${new MemorySource({ seed: fjordvik, latency: 2 ** 30 })} care-team="team-ingrid">
    <care-consent-list></care-consent-list>
  </care-context>`,
};

export const Empty: Story = { tags: ['!autodocs'],
  render: (args) => html`<care-consent-list .consents=${[]} .team=${record.team} audience=${args.audience}></care-consent-list>`,
};

export const LoadError: Story = { tags: ['!autodocs'],
  name: 'Load error',
  render: () => {
    const source = new MemorySource({ seed: fjordvik, latency: 200 });
    source.failNext('network', 'load');
    return html`<care-context .source=${source} care-team="team-ingrid"><care-consent-list></care-consent-list></care-context>`;
  },
};

/** The source left out one consent stored with a mistake (`source.leftOut`): the list says so. */
export const EntryLeftOut: Story = { tags: ['!autodocs'],
  name: 'An entry left out by the load',
  render: (args) => {
    const source = new MemorySource({ seed: { ...fjordvik, consents: fjordvik.consents.filter((c) => c.id !== 'c-housing') } });
    const leftOut = [{ entity: 'ConsentDirective', id: 'c-housing', at: 'consents[5]', issues: [{ path: 'model', message: 'expected one of "opt-in", "objection"' }] }];
    const withLeftOut: CareDataSource = { load: (id, signal) => source.load(id, signal), save: (change, signal) => source.save(change, signal), leftOut };
    return html`<care-context .source=${withLeftOut} care-team="team-ingrid" .actor=${kari}>
      <care-consent-list audience=${args.audience} lang=${args.lang || nothing} .now=${NOW}></care-consent-list>
    </care-context>`;
  },
};

export const InvalidData: Story = { tags: ['!autodocs'],
  name: 'Invalid data',
  render: () => html`<care-consent-list
    .consents=${[record.consents[0], { ...record.consents[1], model: 'maybe', recipient: { kind: 'organisation' } }]}
  ></care-consent-list>`,
};

/** A source that loads at once and whose saves never finish. */
const neverSaves = (): CareDataSource => {
  const source = new MemorySource({ seed: fjordvik });
  return { load: (id, signal) => source.load(id, signal), save: () => new Promise(() => undefined) };
};

/** The first toggle inside the list, once the list has rendered it. */
const firstControl = (canvas: HTMLElement, id: string) =>
  rendered(() =>
    canvas
      .querySelector('care-consent-list')
      ?.shadowRoot?.querySelector(`care-consent-toggle[directive-id="${id}"]`)
      ?.shadowRoot?.querySelector<HTMLButtonElement>('[role="switch"], [part~="choice-no"]'),
  );

/** A decision on its way to a server that never answers: the toggle says it is saving, the summary still counts the saved one. */
export const Saving: Story = {
  name: 'Saving a decision',
  render: (args) => html`<care-context .source=${neverSaves()} care-team="team-ingrid" .actor=${kari}>
    <care-consent-list audience=${args.audience} lang=${args.lang || nothing} .now=${NOW}></care-consent-list>
  </care-context>`,
  play: async ({ canvasElement }) => {
    const control = await firstControl(canvasElement, 'c-nav');
    control.click();
  },
};

/** The save fails (no connection): that toggle keeps the saved decision, explains why and offers Try again. */
export const FailedSave: Story = {
  name: 'Failed save with retry',
  render: (args) => {
    const source = new MemorySource({ seed: fjordvik, latency: 200 });
    source.failNext('network');
    return html`<care-context .source=${source} care-team="team-ingrid" .actor=${kari}>
      <care-consent-list audience=${args.audience} lang=${args.lang || nothing} .now=${NOW}></care-consent-list>
    </care-context>`;
  },
  play: async ({ canvasElement }) => {
    const control = await firstControl(canvasElement, 'c-nav');
    control.click();
    await rendered(() =>
      canvasElement.querySelector('care-consent-list')?.shadowRoot?.querySelector('care-consent-toggle[directive-id="c-nav"]')?.shadowRoot?.querySelector('[part~="retry"]'),
    );
  },
};

/** Lars recorded a "Yes" for the peer-support agreement while Kari, on an older copy, answers "No". */
export const Conflict: Story = {
  name: 'Both changed one decision (conflict)',
  render: (args) => {
    const lars = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };
    const at = '2026-11-20T10:00:00+01:00';
    const decidedBy = { name: 'Ingrid Solberg', memberId: 'm-ingrid', relation: 'self' } as const;
    const peer = record.consents.find((c) => c.id === 'c-peer')!;
    const granted = { ...peer, state: 'granted', since: at, method: 'verbal', decidedBy, recordedBy: lars, history: [{ state: 'granted', at, method: 'verbal', decidedBy, recordedBy: lars }] } as ConsentDirective;
    const store = sharedServer(fjordvik, kari, lars, { entity: 'consent', action: 'grant', value: granted });
    return html`<care-context .store=${store}>
      <care-consent-list audience=${args.audience} lang=${args.lang || nothing} .now=${NOW}></care-consent-list>
    </care-context>`;
  },
  play: async ({ canvasElement }) => {
    const no = await firstControl(canvasElement, 'c-peer');
    await colleagueActs(canvasElement);
    no.click();
    await rendered(() =>
      canvasElement.querySelector('care-consent-list')?.shadowRoot?.querySelector('care-consent-toggle[directive-id="c-peer"]')?.shadowRoot?.querySelector('[part~="error"]')?.textContent?.trim(),
    );
  },
};

/** Read-only: a reader who may see the decisions but not record them. */
export const ReadOnly: Story = { name: 'Read-only', render: (args) => html`<care-consent-list
    .consents=${record.consents}
    .team=${record.team}
    .now=${NOW}
    audience=${args.audience}
    lang=${args.lang || nothing}
    disabled
    style="max-inline-size: 44rem"
  ></care-consent-list>` };

/** Forty agreements with long names and long explanations: the layout holds, nothing overflows. */
export const Long: Story = { tags: ['!autodocs'],
  name: 'Long: 40 agreements, long words',
  render: (args) => {
    const many = Array.from({ length: 40 }, (_, i) => {
      const base = record.consents[i % record.consents.length];
      const name = `${base.recipient.name} – ${'department of community psychiatry and substance use services '.repeat(1 + (i % 3))}${i + 1}`;
      return {
        ...base,
        id: `${base.id}-${i}`,
        recipient: { ...base.recipient, id: base.recipient.kind === 'team' ? base.recipient.id : `${base.recipient.id}-${i}`, name },
        consequence: base.consequence ? `${base.consequence} ${base.consequence}` : undefined,
      };
    });
    return html`<care-consent-list
      .consents=${many}
      .team=${record.team}
      .now=${NOW}
      audience=${args.audience}
      lang=${args.lang || nothing}
      style="max-inline-size: 44rem"
    ></care-consent-list>`;
  },
};

export const Bokmal: Story = { tags: ['!autodocs'], name: 'Norsk bokmål', args: { lang: 'nb' } };
export const Nynorsk: Story = { tags: ['!autodocs'], name: 'Norsk nynorsk', args: { lang: 'nn' } };
export const Danish: Story = { tags: ['!autodocs'], name: 'Dansk', args: { lang: 'da', audience: 'professional' } };
export const Swedish: Story = { tags: ['!autodocs'], name: 'Svenska', args: { lang: 'sv' } };
