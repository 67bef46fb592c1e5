import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';

interface PickerArgs {
  value: string;
  lang: string;
  label: string;
}

/** 1 December 2026, as in the scheduler's stories. */
const TODAY = '2026-12-01';

const picker = (args: PickerArgs, marked: string[] = []) => html`<label for="when">${args.label}</label>
  <care-date-picker
    id="when"
    value=${args.value || nothing}
    today=${TODAY}
    min=${TODAY}
    label=${args.label}
    lang=${args.lang || nothing}
    .marked=${marked}
    @care-date-pick=${(e: CustomEvent<{ date: string }>) => console.info('care-date-pick', e.detail.date)}
  ></care-date-picker>`;

const meta: Meta<PickerArgs> = {
  title: 'Elements/Date picker',
  component: 'care-date-picker',
  parameters: {
    docs: {
      description: {
        component:
          'The WAI-ARIA APG date picker dialog the scheduler uses, on its own: a "Choose date" button opens a modal month grid (arrow keys, Page Up/Down, Home/End). Register it with `care-elements/components/date-picker/define.js`. See docs/elements/meeting-scheduler.md.',
      },
    },
  },
  args: { value: '2026-12-08', lang: 'en', label: 'Meeting date' },
  render: (args) => picker(args),
};
export default meta;
type Story = StoryObj<PickerArgs>;

export const Default: Story = {};

/** Days with free times marked, as the scheduler marks them. */
export const FreeDaysMarked: Story = {
  name: 'Free days marked',
  render: (args) => picker(args, ['2026-12-03', '2026-12-08', '2026-12-10']),
};

export const Bokmal: Story = { name: 'Norsk bokmål', args: { lang: 'nb', label: 'Dato for møtet' } };
