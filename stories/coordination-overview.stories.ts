import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import type { OverviewSource } from '../src/data/overview/source.js';
import { OVERVIEW_GAPS, type OverviewGap } from '../src/contract/overview.js';
import { failingOverview, generatedOverview } from './support/overview-source.js';

interface OverviewArgs {
  people: number;
  gap: OverviewGap;
  months: number;
  names: boolean;
  lang: string;
}

const overview = (args: OverviewArgs, source: OverviewSource = generatedOverview({ people: args.people, names: args.names })) =>
  html`<care-coordination-overview
    .source=${source}
    gap=${args.gap}
    months=${args.months}
    page-size="10"
    person-href="/people/{personId}"
    lang=${args.lang || nothing}
  ></care-coordination-overview>`;

const meta: Meta<OverviewArgs> = {
  title: 'Elements/Coordination overview',
  component: 'care-coordination-overview',
  parameters: {
    docs: {
      description: {
        component:
          'Where coordination fails across a caseload: counts of every gap and the list for one, asked of the server a page at a time. These stories run the reference server\u2019s overview in the page over a generated caseload. See docs/elements/coordination-overview.md.',
      },
    },
  },
  argTypes: {
    gap: { control: 'select', options: [...OVERVIEW_GAPS] },
    months: { control: { type: 'number', min: 1, max: 36 } },
    lang: { control: 'select', options: ['', 'en', 'nb', 'nn', 'da', 'sv'] },
  },
  args: { people: 240, gap: 'no-coordinator', months: 6, names: true, lang: '' },
  render: (args) => html`<div style="max-inline-size: 60rem">${overview(args)}</div>`,
};
export default meta;

type Story = StoryObj<OverviewArgs>;

/** A leader's service of 240 people, all gaps counted by the server. */
export const Caseload: Story = {};

/** Tasks nobody or two services own, with what and who. */
export const TasksWithoutOneOwner: Story = { args: { gap: 'no-owner' } };

/** Teams without a responsibility-group meeting in the last three months. */
export const NoMeeting: Story = { args: { gap: 'no-meeting', months: 3 } };

/** A server that does not give this viewer names: each person is shown by reference. */
export const WithoutNames: Story = { args: { names: false, gap: 'consent-missing' } };

/** A FHIR server that cannot count consent coverage: that gap is named, the rest shown. */
export const PartlyCounted: Story = {
  render: (args) => html`<div style="max-inline-size: 60rem">${overview(args, generatedOverview({ people: args.people, uncounted: ['consent-missing'] }))}</div>`,
};

/** The server failed: plain words and Try again. */
export const ServerFailed: Story = {
  render: (args) => html`<div style="max-inline-size: 60rem">${overview(args, failingOverview)}</div>`,
};

/** In Norwegian bokmål. */
export const Norwegian: Story = { args: { lang: 'nb' } };
