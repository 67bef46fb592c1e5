import * as v from 'valibot';
import { html, nothing } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import type { CareCrisisPlan } from '../src/components/crisis-plan/crisis-plan.js';
import { CareRecord } from '../src/contract/record.js';
import { AUDIENCES, CRISIS_STAGES, type Audience, type CrisisStage } from '../src/contract/values.js';
import { fjordvik } from '../src/data/fixtures/fjordvik.js';

const record = v.parse(CareRecord, fjordvik);
/** Stories compare the review date with this moment, so they look the same every day. */
const NOW = '2026-12-05T12:00:00Z';
const READERS = {
  'Ingrid (the person)': { id: 'm-ingrid', name: 'Ingrid Solberg' },
  'Kari (coordinator)': { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' },
  'Lars (GP, consent)': { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' },
  'Sofie (NAV, no consent)': { id: 'm-sofie', name: 'Sofie Lund', organisationId: 'org-nav' },
} as const;
type Reader = keyof typeof READERS;

interface PlanArgs {
  reader: Reader;
  audience: Audience;
  stage: CrisisStage;
  lang: string;
  now: string;
}

const plan = (args: PlanArgs, extra: Partial<CareCrisisPlan> = {}) =>
  html`<care-crisis-plan
    .plan=${extra.plan ?? record.crisisPlans[0]}
    .team=${record.team}
    .responsibilities=${record.responsibilities}
    .consents=${record.consents}
    .actor=${READERS[args.reader]}
    .now=${args.now}
    audience=${args.audience}
    stage=${args.stage}
    lang=${args.lang || nothing}
  ></care-crisis-plan>`;

const meta: Meta<PlanArgs> = {
  title: 'Elements/Crisis plan',
  component: 'care-crisis-plan',
  parameters: {
    docs: {
      description: {
        component:
          'The person\u2019s plan for bad periods: their own words first, then one stage at a time with what is done, by whom, and whom to call. Who sees the content follows consent; everyone else sees that the plan exists and whom to ask. See docs/elements/crisis-plan.md.',
      },
    },
  },
  argTypes: {
    reader: { control: 'select', options: Object.keys(READERS) },
    audience: { control: 'inline-radio', options: [...AUDIENCES] },
    stage: { control: 'inline-radio', options: [...CRISIS_STAGES] },
    lang: { control: 'select', options: ['', 'en', 'nb', 'nn', 'da', 'sv'] },
  },
  args: { reader: 'Ingrid (the person)', audience: 'service-user', stage: 'early-signs', lang: '', now: NOW },
  render: (args) => html`<div style="max-inline-size: 44rem">${plan(args)}</div>`,
};
export default meta;

type Story = StoryObj<PlanArgs>;

/** Ingrid reads her own plan: everything, in "you" wording, with the early signs first. */
export const PersonsView: Story = { name: 'The person\u2019s view' };

/** The crisis stage, with call-now links in order and out-of-hours numbers. */
export const Crisis: Story = { args: { stage: 'crisis' } };

/** The review date has passed: the plan says so in plain words and is still shown in full. */
export const Stale: Story = { args: { now: '2027-04-02T12:00:00Z' } };

/** The coordinator, who keeps the plan with Ingrid: can change it and confirm a version. */
export const Coordinator: Story = { args: { reader: 'Kari (coordinator)', audience: 'professional' } };

/** The GP, whose practice Ingrid agreed to share her care plan with: reads it and may propose a measure. */
export const ProfessionalWithConsent: Story = { args: { reader: 'Lars (GP, consent)', audience: 'professional' } };

/** NAV has no consent for the care plan: the adviser sees that a plan exists and whom to ask, not what it says. */
export const WithoutConsent: Story = { name: 'Without consent (limited view)', args: { reader: 'Sofie (NAV, no consent)', audience: 'professional' } };

/** The coordinator's editing form, opened as a person would. */
export const Editing: Story = {
  args: { reader: 'Kari (coordinator)', audience: 'professional' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('care-crisis-plan')!;
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Change the plan')?.click();
    await el.updateComplete;
  },
};

/** The form after Kari moved herself down the early-signs contacts: the new place is announced, focus stays on her button. */
export const ContactOrder: Story = {
  name: 'Editing: the order of contacts',
  args: { reader: 'Kari (coordinator)', audience: 'professional' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('care-crisis-plan')!;
    const press = async (name: string) => {
      await el.updateComplete;
      const target = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
      target?.focus();
      target?.click();
      await el.updateComplete;
    };
    await press('Change the plan');
    await press('Move Kari Nilsen down');
  },
};

/** The form after Kari added someone to call at "Early signs" and pressed Save with the fields empty: the summary has focus and each field says what is missing. */
export const ContactProblems: Story = {
  name: 'Editing: a new contact with problems',
  args: { reader: 'Kari (coordinator)', audience: 'professional' },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('care-crisis-plan')!;
    const press = async (name: string) => {
      await el.updateComplete;
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)?.click();
      await el.updateComplete;
    };
    await press('Change the plan');
    await press('Add someone to call');
    await press('Save the plan');
  },
};

/** In Norwegian (bokmål). */
export const Norwegian: Story = { args: { lang: 'nb' } };

/** A new version that neither Ingrid nor the coordinator has confirmed yet. */
export const NotConfirmed: Story = {
  render: (args) => html`<div style="max-inline-size: 44rem">${plan(args, { plan: { ...record.crisisPlans[0], version: 4 } })}</div>`,
};

/**
 * A plan another system holds as a draft (a FHIR CarePlan with status `draft`): it says it is not
 * agreed yet, and the confirmation that completes the agreement ends the draft.
 */
export const Draft: Story = {
  name: 'A draft, not agreed yet',
  render: (args) => html`<div style="max-inline-size: 44rem">${plan(args, { plan: { ...record.crisisPlans[0], version: 4, draft: true } })}</div>`,
};
