import * as v from 'valibot';
import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import type { CareConsentToggle } from '../src/components/consent-toggle/consent-toggle.js';
import type { CareConsentRequestEvent } from '../src/components/consent-toggle/events.js';
import { CareRecord } from '../src/contract/record.js';
import type { ConsentDirective } from '../src/contract/consent.js';
import { AUDIENCES, CONSENT_MODELS, CONSENT_STATES, type Audience, type ConsentModel, type ConsentState } from '../src/contract/values.js';
import { fjordvik } from '../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../src/data/memory-source.js';
import { colleagueActs, rendered, sharedServer } from './support/colleague.js';

const record = v.parse(CareRecord, fjordvik);
const team = record.team;
const consent = (id: string): ConsentDirective => structuredClone(record.consents.find((c) => c.id === id)!);
const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
/** Stories compare review and end dates with this moment, so they look the same every day. */
const NOW = '2026-11-20T12:00:00Z';

/** The NAV consent in any model and state, to show every combination with the same content. */
const variant = (model: ConsentModel, state: ConsentState): ConsentDirective => {
  const base = consent('c-nav');
  const at = '2025-03-03T10:00:00+01:00';
  return {
    ...base,
    id: `c-story-${model}-${state}`,
    model,
    state,
    consequence: undefined,
    since: state === 'not-recorded' ? undefined : at,
    history:
      state === 'not-recorded'
        ? []
        : [{ state, at, method: 'verbal', decidedBy: { name: 'Ingrid Solberg', relation: 'self' }, recordedBy: { name: 'Kari Nilsen' } }],
  };
};

interface ToggleArgs {
  model: ConsentModel;
  state: ConsentState;
  audience: Audience;
  lang: string;
  historyOpen: boolean;
  disabled: boolean;
}

const toggle = (directive: unknown, args: Partial<ToggleArgs> = {}, extra: Partial<CareConsentToggle> = {}): TemplateResult =>
  html`<care-consent-toggle
    .directive=${directive}
    .team=${team}
    .now=${NOW}
    .decidedBy=${extra.decidedBy}
    audience=${args.audience ?? 'service-user'}
    lang=${args.lang || nothing}
    ?history-open=${args.historyOpen ?? false}
    ?disabled=${args.disabled ?? false}
  ></care-consent-toggle>`;

const meta: Meta<ToggleArgs> = {
  title: 'Elements/Consent toggle',
  component: 'care-consent-toggle',
  parameters: {
    docs: {
      description: {
        component:
          'One consent to share information, given, refused and withdrawn with equal ease. "Yes" and "No" carry the same visual weight; a directive with no recorded choice shows two equal buttons and nothing pre-selected; the saved state stays on screen until a change is saved. See docs/elements/consent.md.',
      },
    },
  },
  argTypes: {
    model: { control: 'inline-radio', options: [...CONSENT_MODELS] },
    state: { control: 'select', options: [...CONSENT_STATES] },
    audience: { control: 'inline-radio', options: [...AUDIENCES] },
    lang: { control: 'select', options: ['', 'en', 'nb', 'nn', 'da', 'sv'] },
  },
  args: { model: 'opt-in', state: 'granted', audience: 'service-user', lang: '', historyOpen: false, disabled: false },
  render: (args) => html`<div style="max-inline-size: 40rem">${toggle(variant(args.model, args.state), args)}</div>`,
};
export default meta;

type Story = StoryObj<ToggleArgs>;

// ---- each state in each legal model ---------------------------------------------------------

export const OptInGranted: Story = { tags: ['!autodocs'], name: 'Opt-in: granted', args: { model: 'opt-in', state: 'granted' } };
export const OptInRefused: Story = { tags: ['!autodocs'], name: 'Opt-in: refused', args: { model: 'opt-in', state: 'refused' } };
export const OptInWithdrawn: Story = { tags: ['!autodocs'], name: 'Opt-in: withdrawn', args: { model: 'opt-in', state: 'withdrawn' } };
export const OptInNotRecorded: Story = { tags: ['!autodocs'], name: 'Opt-in: not recorded', args: { model: 'opt-in', state: 'not-recorded' } };
export const ObjectionGranted: Story = { tags: ['!autodocs'], name: 'Objection: sharing allowed', args: { model: 'objection', state: 'granted' } };
export const ObjectionRefused: Story = { tags: ['!autodocs'], name: 'Objection: objected', args: { model: 'objection', state: 'refused' } };
export const ObjectionWithdrawn: Story = { tags: ['!autodocs'], name: 'Objection: withdrawn', args: { model: 'objection', state: 'withdrawn' } };
export const ObjectionNotRecorded: Story = { tags: ['!autodocs'], name: 'Objection: not recorded', args: { model: 'objection', state: 'not-recorded' } };

/** Every state × model side by side, in the chosen audience, each labelled with its model and state. */
export const AllStates: Story = {
  name: 'All states, both models',
  render: (args) => html`<div style="display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(20rem,1fr))">
    ${CONSENT_MODELS.flatMap((model) =>
      CONSENT_STATES.map(
        (state) => html`<figure style="margin:0">
          <figcaption style="font: 600 0.875rem/1.4 system-ui, sans-serif; margin-block-end: 0.25rem">Model: ${model} · state: ${state}</figcaption>
          ${toggle(variant(model, state), args)}
        </figure>`,
      ),
    )}
  </div>`,
};

// ---- wording ----------------------------------------------------------------------------------

export const ProfessionalWording: Story = {
  name: 'Professional wording (GP, objection model)',
  render: (args) => toggle(consent('c-gp'), { ...args, audience: 'professional' }),
};

export const ProfessionalNotRecorded: Story = { tags: ['!autodocs'],
  name: 'Professional wording: not recorded',
  render: (args) => toggle(consent('c-peer'), { ...args, audience: 'professional' }),
};

export const ServiceUserWording: Story = { tags: ['!autodocs'],
  name: 'Service-user wording (GP, objection model)',
  render: (args) => toggle(consent('c-gp'), { ...args, audience: 'service-user' }),
};

// ---- saving ----------------------------------------------------------------------------------

/** The host's confirmation never finishes: the saved state stays, with "Saving your choice…". */
export const Pending: Story = {
  name: 'Saving (a confirmation that never finishes)',
  render: (args) => html`<div
    @care-consent-request=${(e: CareConsentRequestEvent) => e.waitUntil(new Promise(() => undefined))}
  >
    ${toggle(consent('c-nav'), args)}
  </div>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('care-consent-toggle')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!.click();
  },
};

/** Connected to a slow memory source (4 s per save): try the switch. */
export const SlowSave: Story = { tags: ['!autodocs'],
  name: 'Saving through a slow store',
  render: (args) => html`<care-context .source=${new MemorySource({ seed: fjordvik, latency: 4000 })} care-team="team-ingrid" .actor=${kari}>
    <care-consent-toggle directive-id="c-gp" audience=${args.audience} .now=${NOW}></care-consent-toggle>
  </care-context>`,
};

/** The save fails (no connection): the saved state stays, the error is explained, and Retry works. */
export const FailedSave: Story = {
  name: 'Failed save with retry',
  render: (args) => {
    const source = new MemorySource({ seed: fjordvik, latency: 300 });
    source.failNext('network');
    return html`<care-context .source=${source} care-team="team-ingrid" .actor=${kari}>
      <care-consent-toggle directive-id="c-nav" audience=${args.audience} .now=${NOW}></care-consent-toggle>
    </care-context>`;
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('care-consent-toggle')!;
    for (let i = 0; i < 50 && !el.shadowRoot?.querySelector('[role="switch"]'); i++) await new Promise((r) => setTimeout(r, 50));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')?.click();
  },
};

/**
 * Kari answers "No" on an older copy after Lars has recorded a "Yes" for the same agreement: both
 * decisions are shown in plain words, nothing is saved until Kari chooses which one stands.
 */
export const Conflict: Story = {
  name: 'Both changed it (conflict)',
  render: (args) => {
    const lars = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };
    const at = '2026-11-20T10:00:00+01:00';
    const decidedBy = { name: 'Ingrid Solberg', memberId: 'm-ingrid', relation: 'self' } as const;
    const granted = { ...consent('c-peer'), state: 'granted', since: at, method: 'verbal', decidedBy, recordedBy: lars, history: [{ state: 'granted', at, method: 'verbal', decidedBy, recordedBy: lars }] } as ConsentDirective;
    const store = sharedServer(fjordvik, kari, lars, { entity: 'consent', action: 'grant', value: granted });
    return html`<care-context .store=${store}>
      <care-consent-toggle directive-id="c-peer" audience=${args.audience} .now=${NOW}></care-consent-toggle>
    </care-context>`;
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('care-consent-toggle')!;
    const no = await rendered(() => el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="choice-no"]'));
    await colleagueActs(canvasElement);
    no.click();
    await rendered(() => el.shadowRoot?.querySelector('[part~="error"]')?.textContent?.trim());
  },
};

/** A host that asks "Are you sure?" before a withdrawal, through the request event. */
export const ConfirmBeforeWithdrawing: Story = { tags: ['!autodocs'],
  name: 'Host confirmation step (waitUntil)',
  render: (args) => html`<div
    @care-consent-request=${(e: CareConsentRequestEvent) => {
      if (e.detail.state === 'granted') return;
      e.waitUntil(
        new Promise<void>((resolve, reject) => (window.confirm('Withdraw this consent?') ? resolve() : reject(new Error('cancelled')))),
      );
    }}
  >
    ${toggle(consent('c-nav'), args)}
  </div>`,
};

// ---- who decided, history, dates ----------------------------------------------------------------

export const ProxyDecision: Story = { tags: ['!autodocs'],
  name: 'Decided by a legal representative',
  render: (args) => html`<div style="display:grid;gap:1rem">
    ${toggle(consent('c-housing'), args)}
    ${toggle(consent('c-erik'), args, { decidedBy: { name: 'Marit \u00c5s', relation: 'legal-representative' } })}
  </div>`,
};

export const HistoryOpen: Story = {
  name: 'History open',
  args: { historyOpen: true },
  render: (args) => toggle(consent('c-housing'), args),
};

export const ReviewOverdue: Story = { tags: ['!autodocs'],
  name: 'Review date passed',
  render: (args) => html`<care-consent-toggle
    .directive=${consent('c-dps')}
    .team=${team}
    .now=${'2027-02-01T12:00:00Z'}
    audience=${args.audience}
  ></care-consent-toggle>`,
};

export const AgreementEnded: Story = { tags: ['!autodocs'],
  name: 'Agreement ended: say yes again',
  render: (args) => toggle({ ...consent('c-nav'), validFrom: '2025-08-19', validUntil: '2026-08-18' }, args),
};

export const Disabled: Story = { tags: ['!autodocs'], args: { disabled: true } };

// ---- forms -------------------------------------------------------------------------------------

/** Inside a native form: submit shows the FormData (the saved states); reset restores them. */
export const InAForm: Story = { tags: ['!autodocs'],
  name: 'In a form',
  render: (args) => {
    const show = (form: HTMLFormElement) => {
      const out = form.querySelector('output')!;
      out.textContent = [...new FormData(form).entries()].map(([k, v]) => `${k}=${String(v)}`).join('\n');
    };
    return html`<form
      style="display:grid;gap:1rem;max-inline-size:40rem"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        show(e.currentTarget as HTMLFormElement);
      }}
      @reset=${(e: Event) => {
        const form = e.currentTarget as HTMLFormElement;
        setTimeout(() => show(form));
      }}
    >
      <care-consent-toggle name="share-gp" .directive=${consent('c-gp')} .team=${team} .now=${NOW} audience=${args.audience}></care-consent-toggle>
      <care-consent-toggle
        name="share-peer"
        required
        .directive=${consent('c-peer')}
        .team=${team}
        .now=${NOW}
        audience=${args.audience}
      ></care-consent-toggle>
      <div style="display:flex;gap:0.5rem">
        <button type="submit" style="min-block-size:44px">Submit</button>
        <button type="reset" style="min-block-size:44px">Reset</button>
      </div>
      <p>FormData:</p>
      <output style="white-space:pre;font-family:monospace" aria-live="polite"></output>
    </form>`;
  },
};

// ---- data states ---------------------------------------------------------------------------------

export const Loading: Story = { tags: ['!autodocs'], render: () => html`<care-consent-toggle></care-consent-toggle>` };

export const InvalidData: Story = { tags: ['!autodocs'],
  name: 'Invalid data',
  render: () => html`<care-consent-toggle .directive=${{ ...consent('c-gp'), state: 'yes', purposes: [] }}></care-consent-toggle>`,
};

export const HostileData: Story = { tags: ['!autodocs'],
  name: 'Hostile and long text',
  render: (args) => {
    const directive = consent('c-housing');
    directive.recipient = { kind: 'person', name: '<img src=x onerror="alert(1)"> \u0646\u0648\u0631 \u0627\u0644\u0647\u062f\u0649' };
    directive.history[1].note = 'A very long note. '.repeat(110).slice(0, 2000);
    return toggle(directive, { ...args, historyOpen: true });
  },
};

// ---- languages ---------------------------------------------------------------------------------

export const Bokmal: Story = { tags: ['!autodocs'], name: 'Norsk bokmål', args: { lang: 'nb' }, render: (args) => toggle(consent('c-gp'), args) };
export const Nynorsk: Story = { tags: ['!autodocs'], name: 'Norsk nynorsk', args: { lang: 'nn' }, render: (args) => toggle(consent('c-nav'), args) };
export const Danish: Story = { tags: ['!autodocs'], name: 'Dansk', args: { lang: 'da' }, render: (args) => toggle(consent('c-peer'), args) };
export const Swedish: Story = { tags: ['!autodocs'], name: 'Svenska', args: { lang: 'sv' }, render: (args) => toggle(consent('c-housing'), args) };
