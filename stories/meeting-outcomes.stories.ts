import * as v from 'valibot';
import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import type { CareMeetingOutcomes } from '../src/components/meeting-outcomes/meeting-outcomes.js';
import { CareRecord } from '../src/contract/record.js';
import { AUDIENCES, type Audience } from '../src/contract/values.js';
import { fjordvik } from '../src/data/fixtures/fjordvik.js';

const record = v.parse(CareRecord, fjordvik);
const october = record.meetings.find((m) => m.id === 'mt-october')!;
const outcome = record.meetingOutcomes[0];
/** After the October meeting, so stories look the same every day. */
const NOW = '2026-11-20T12:00:00Z';
const READERS = {
  'Ingrid (the person)': { id: 'm-ingrid', name: 'Ingrid Solberg' },
  'Kari (coordinator)': { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' },
  'Amina (DPS, consent)': { id: 'm-amina', name: 'Amina Rahimi', organisationId: 'org-dps' },
  'Sofie (NAV, partly withheld)': { id: 'm-sofie', name: 'Sofie Lund', organisationId: 'org-nav' },
} as const;
type Reader = keyof typeof READERS;

interface OutcomeArgs {
  reader: Reader;
  audience: Audience;
  lang: string;
  now: string;
}

const outcomes = (args: OutcomeArgs, extra: Partial<CareMeetingOutcomes> = {}) =>
  html`<care-meeting-outcomes
    .meeting=${extra.meeting ?? october}
    .outcome=${'outcome' in extra ? extra.outcome : outcome}
    .team=${record.team}
    .responsibilities=${record.responsibilities}
    .consents=${record.consents}
    .actor=${READERS[args.reader]}
    .now=${args.now}
    audience=${args.audience}
    lang=${args.lang || nothing}
  ></care-meeting-outcomes>`;

const meta: Meta<OutcomeArgs> = {
  title: 'Elements/Meeting outcomes',
  component: 'care-meeting-outcomes',
  parameters: {
    docs: {
      description: {
        component:
          'What a meeting agreed, per agenda part, and who has read it. The coordinator writes it down after the meeting and shares it; each participant reads the parts they were invited to, as far as the person\u2019s consents cover their service, says \u201cI have read this\u201d or asks a question. See docs/elements/meeting-outcomes.md.',
      },
    },
  },
  argTypes: {
    reader: { control: 'select', options: Object.keys(READERS) },
    audience: { control: 'inline-radio', options: [...AUDIENCES] },
    lang: { control: 'select', options: ['', 'en', 'nb', 'nn', 'da', 'sv'] },
  },
  args: { reader: 'Ingrid (the person)', audience: 'service-user', lang: '', now: NOW },
  render: (args) => html`<div style="max-inline-size: 44rem">${outcomes(args)}</div>`,
};
export default meta;

type Story = StoryObj<OutcomeArgs>;

/** Ingrid reads every part she was in, in plain words; she has said she has read it. */
export const PersonsView: Story = { name: 'The person\u2019s view' };

/** The coordinator: every part, who has read it, and the questions. */
export const Coordinator: Story = { args: { reader: 'Kari (coordinator)', audience: 'professional' } };

/** The DPS psychiatrist: the parts she was in, covered by Ingrid\u2019s consent to the DPS; she has not been in the money part. */
export const ProfessionalWithConsent: Story = { args: { reader: 'Amina (DPS, consent)', audience: 'professional' } };

/** NAV: one part shown, the others withheld, each saying why (not invited, or no consent for that information). */
export const PartlyWithheld: Story = { name: 'Partly withheld', args: { reader: 'Sofie (NAV, partly withheld)', audience: 'professional' } };

/** A draft: participants see that nothing has been shared yet. */
export const DraftForParticipant: Story = {
  name: 'Draft (participant)',
  args: { reader: 'Sofie (NAV, partly withheld)', audience: 'professional' },
  render: (args) => html`<div style="max-inline-size: 44rem">${outcomes(args, { outcome: { ...outcome, status: 'draft' } })}</div>`,
};

/** Nothing written down yet: the coordinator can start. */
export const NothingRecorded: Story = {
  args: { reader: 'Kari (coordinator)', audience: 'professional' },
  render: (args) => html`<div style="max-inline-size: 44rem">${outcomes(args, { outcome: undefined })}</div>`,
};

/** Before the meeting has ended, nothing can be written down. */
export const BeforeTheMeetingEnds: Story = {
  args: { reader: 'Kari (coordinator)', audience: 'professional', now: '2026-10-27T08:00:00Z' },
  render: (args) => html`<div style="max-inline-size: 44rem">${outcomes(args, { outcome: undefined })}</div>`,
};

/** The coordinator's form, opened as a person would. */
export const Recording: Story = {
  args: { reader: 'Kari (coordinator)', audience: 'professional' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('care-meeting-outcomes')!;
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Change what we agreed')?.click();
    await el.updateComplete;
  },
};

/** The coordinator changed what was agreed after Ingrid and Amina had read it: Ingrid sees that she read an earlier version and can confirm again. */
export const ChangedAfterReading: Story = {
  name: 'Changed after it was read',
  render: (args) => html`<div style="max-inline-size: 44rem">${outcomes(args, { outcome: { ...outcome, version: 2 } })}</div>`,
};

/** The coordinator's view of the same: who read it before the change is listed as such, and not counted. */
export const ChangedAfterReadingCoordinator: Story = {
  name: 'Changed after it was read (coordinator)',
  args: { reader: 'Kari (coordinator)', audience: 'professional' },
  render: (args) => html`<div style="max-inline-size: 44rem">${outcomes(args, { outcome: { ...outcome, version: 2 } })}</div>`,
};

/** In Norwegian (bokmål). */
export const Norwegian: Story = { args: { lang: 'nb', reader: 'Sofie (NAV, partly withheld)', audience: 'professional' } };
