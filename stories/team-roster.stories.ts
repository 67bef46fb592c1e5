import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import { ROSTER_GROUPINGS, ROSTER_LAYOUTS, type RosterGrouping, type RosterLayout } from '../src/components/team-roster/roster-model.js';
import type { CareContactEvent, CareMemberSelectEvent } from '../src/components/team-roster/events.js';
import type { CareTeamInput } from '../src/contract/team.js';
import { AUDIENCES, SECTORS, type Audience } from '../src/contract/values.js';
import { fjordvik } from '../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../src/data/memory-source.js';
import { CareStore } from '../src/data/store.js';
import type { CareDataSource } from '../src/data/types.js';

/** A Monday in December 2026, so "today" hours look the same every day the stories are opened. */
const TODAY = '2026-12-07';

const fixtureTeam = (): CareTeamInput => structuredClone(fjordvik.team) as CareTeamInput;

interface RosterArgs {
  audience: Audience;
  layout: RosterLayout;
  groupBy: RosterGrouping;
  showEnded: boolean;
  filter: string;
  sectorFilter: string;
  confirmWithinDays: number | undefined;
  headingLevel: number;
  lang: string;
}

const roster = (args: RosterArgs, team: unknown = fixtureTeam()): TemplateResult => html`<care-team-roster
  .team=${team}
  today=${TODAY}
  audience=${args.audience}
  layout=${args.layout}
  group-by=${args.groupBy}
  ?show-ended=${args.showEnded}
  filter=${args.filter}
  sector-filter=${args.sectorFilter}
  confirm-within-days=${args.confirmWithinDays ?? nothing}
  heading-level=${args.headingLevel}
  lang=${args.lang || nothing}
  @care-member-select=${(e: CareMemberSelectEvent) => console.info('care-member-select', e.detail.member.id)}
  @care-contact=${(e: CareContactEvent) => {
    // Stories never dial or open links; the event shows what a portal would receive.
    e.preventDefault();
    console.info('care-contact', e.detail.href);
  }}
></care-team-roster>`;

const meta: Meta<RosterArgs> = {
  title: 'Elements/Team roster',
  component: 'care-team-roster',
  parameters: {
    docs: {
      description: {
        component:
          'Who is on the care team, what each person does and how and when to reach them. The coordinator comes first and is marked; the service user is a member of their own team; expected sectors with nobody on the team show as "none recorded". Contact links fire a cancelable `care-contact` (the stories cancel it, so nothing is dialled). See docs/elements/team-roster.md.',
      },
    },
  },
  argTypes: {
    audience: { control: 'inline-radio', options: [...AUDIENCES] },
    layout: { control: 'inline-radio', options: [...ROSTER_LAYOUTS] },
    groupBy: { control: 'inline-radio', options: [...ROSTER_GROUPINGS] },
    sectorFilter: { control: 'select', options: ['', ...SECTORS] },
    confirmWithinDays: { control: 'number' },
    headingLevel: { control: { type: 'number', min: 1, max: 5 } },
    lang: { control: 'select', options: ['', 'en', 'nb', 'nn', 'da', 'sv'] },
  },
  args: {
    audience: 'service-user',
    layout: 'detailed',
    groupBy: 'sector',
    showEnded: false,
    filter: '',
    sectorFilter: '',
    confirmWithinDays: undefined,
    headingLevel: 2,
    lang: '',
  },
  render: (args) => roster(args),
};
export default meta;

type Story = StoryObj<RosterArgs>;

// ---- audiences and layouts ---------------------------------------------------------------------

/** Ingrid's own view: plain words, large targets, her coordinator first. */
export const Default: Story = { name: 'Default (service user)' };

/** A GP's view of the same team: role codes, organisations, periods and confirmations. */
export const Professional: Story = { args: { audience: 'professional', confirmWithinDays: 180 } };

/** One row per person with the preferred contact; everything else is in the details dialog. */
export const Compact: Story = { args: { layout: 'compact' } };

export const CompactProfessional: Story = { tags: ['!autodocs'], name: 'Compact (professional)', args: { layout: 'compact', audience: 'professional' } };

export const GroupedByOrganisation: Story = { name: 'Grouped by organisation', args: { groupBy: 'organisation', audience: 'professional' } };

export const NotGrouped: Story = { tags: ['!autodocs'], name: 'One list (group-by none)', args: { groupBy: 'none' } };

/** Tor, the psychologist who left in June, shown marked as ended. */
export const WithEndedMembers: Story = { tags: ['!autodocs'], name: 'With ended members shown', args: { showEnded: true, audience: 'professional' } };

/** A text filter set by the host; the search box shows it and the count is announced. */
export const Filtered: Story = { tags: ['!autodocs'], args: { filter: 'fjordvik dps', audience: 'professional' } };

export const FilteredBySector: Story = { tags: ['!autodocs'], name: 'Filtered by sector', args: { sectorFilter: 'municipal' } };

/** The team was last checked 14 September; with a 30-day rule, the list and every member are marked. */
export const NotConfirmedRecently: Story = { tags: ['!autodocs'], name: 'Not confirmed within 30 days', args: { confirmWithinDays: 30, audience: 'professional' } };

/** No GP on the team: the expected sector shows "none recorded" instead of nothing. */
export const MissingSector: Story = { tags: ['!autodocs'],
  name: 'Expected sector with nobody (no GP)',
  render: (args) => {
    const team = fixtureTeam();
    team.members = team.members.filter((m) => m.id !== 'm-lars');
    return roster(args, team);
  },
};

// ---- states ------------------------------------------------------------------------------------

const storeOf = (source: CareDataSource) => new CareStore(source, 'team-ingrid');

/** Connected to a store whose load never answers. */
export const Loading: Story = {
  render: (args) => html`<care-context .store=${storeOf({ load: () => new Promise(() => {}), save: () => new Promise(() => {}) })}>
    <care-team-roster today=${TODAY} audience=${args.audience} lang=${args.lang || nothing}></care-team-roster>
  </care-context>`,
};

/** Connected to the memory source with 1.5 s latency: loading, then the team. */
export const Connected: Story = { tags: ['!autodocs'],
  name: 'Connected (memory source, slow)',
  render: (args) => html`<care-context .source=${new MemorySource({ seed: fjordvik, latency: 1500 })} care-team="team-ingrid">
    <care-team-roster today=${TODAY} audience=${args.audience} layout=${args.layout} lang=${args.lang || nothing}></care-team-roster>
  </care-context>`,
};

/** No data and no store: "No team members are recorded yet", distinct from loading. */
export const Empty: Story = {
  render: (args) => html`<care-team-roster audience=${args.audience} lang=${args.lang || nothing}></care-team-roster>`,
};

/** The load fails (no connection); "Try again" loads once more and then succeeds. */
export const LoadError: Story = { tags: ['!autodocs'],
  name: 'Load error',
  render: (args) => {
    const source = new MemorySource({ seed: fjordvik, latency: 300 });
    source.failNext('network', 'load');
    return html`<care-context .source=${source} care-team="team-ingrid">
      <care-team-roster today=${TODAY} audience=${args.audience} lang=${args.lang || nothing}></care-team-roster>
    </care-context>`;
  },
};

/** A team that breaks the contract: unknown status, a javascript: video link, no coordinator. */
export const InvalidData: Story = { tags: ['!autodocs'],
  name: 'Invalid data',
  render: (args) => {
    const team = fixtureTeam() as unknown as { members: Array<Record<string, unknown>> };
    team.members[1].status = 'retired';
    team.members[2].contacts = [{ channel: 'video', value: 'javascript:alert(1)' }];
    return roster(args, team);
  },
};

/** Markup in names stays text, right-to-left names are isolated, long notes wrap, emoji render. */
export const HostileData: Story = { tags: ['!autodocs'],
  name: 'Hostile data',
  args: { audience: 'professional' },
  render: (args) => {
    const team = fixtureTeam();
    team.members[6].name = '<img src=x onerror="alert(1)">Erik <b>Solberg</b>';
    team.members[7].name = 'مريم الحسيني';
    team.members[5].name = `🧑‍⚕️ Sofie ${'Lundqvist-'.repeat(12)}Lund 🌈`;
    team.members[2].note = `Open Lars Haugen's details to read this 5,000-character note. ${'Ring før besøk; bruk tolk ved behov. '.repeat(140)}`.slice(0, 5000);
    team.organisations![0].name = '<script>alert(1)</script> Fjordvik home care';
    return roster(args, team);
  },
};

// ---- theming -----------------------------------------------------------------------------------

/** System and component tokens on a wrapper, plus a ::part rule; the element is not forked. */
export const Theme: Story = { tags: ['!autodocs'],
  render: (args) => html`<style>
      .roster-theme care-team-roster::part(member) {
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.15);
      }
    </style>
    <div
      class="roster-theme"
      style="
        --care-color-accent: #5b2a86;
        --care-color-accent-surface: #f1eaf8;
        --care-color-surface-raised: #faf7f2;
        --care-radius: 0.75rem;
        --care-font-family: Georgia, serif;
        --care-team-roster-card-background: #fffdf8;
        --care-team-roster-card-border-color: #c9b99a;
        --care-team-roster-gap: 1.25rem;
        --care-team-roster-coordinator-background: #5b2a86;
        --care-team-roster-coordinator-color: #ffffff;
        --care-team-roster-heading-color: #3b1a59;
        padding: 1rem;
      "
    >
      ${roster(args)}
    </div>`,
};

export const Dark: Story = { tags: ['!autodocs'],
  name: 'Dark theme',
  render: (args) => html`<div data-care-theme="dark" style="padding:1rem;background:var(--care-color-surface)">${roster(args)}</div>`,
};

// ---- languages ---------------------------------------------------------------------------------

export const Bokmal: Story = { tags: ['!autodocs'], name: 'Norsk bokmål', args: { lang: 'nb' } };
export const Nynorsk: Story = { tags: ['!autodocs'], name: 'Norsk nynorsk', args: { lang: 'nn' } };
export const Danish: Story = { tags: ['!autodocs'], name: 'Dansk', args: { lang: 'da' } };
export const Swedish: Story = { tags: ['!autodocs'], name: 'Svenska', args: { lang: 'sv', audience: 'professional' } };
export const English: Story = { tags: ['!autodocs'], args: { lang: 'en' } };

/** A team of more than 200 is shown in pages of 100: "Showing 100 of 250 members" and "Show more members" below the last card; the search still finds everyone. */
export const LongRosterInPages: Story = { tags: ['!autodocs'],
  name: 'Long roster, in pages',
  args: { audience: 'professional', groupBy: 'none' },
  render: (args) => roster(args, generatedTeam(242)),
};

/** 1,000 generated members, in pages of 100: the first page is rendered over a few frames and the page stays responsive. */
export const ThousandMembers: Story = { tags: ['!autodocs'],
  name: '1,000 members',
  args: { layout: 'compact', audience: 'professional' },
  render: (args) => roster(args, generatedTeam(992)),
};

/** The Fjordvik team with `extra` generated helpers. */
function generatedTeam(extra: number): CareTeamInput {
  const team = fixtureTeam();
  for (let i = 0; i < extra; i += 1) {
    team.members.push({
      id: `gen-${i}`,
      name: `Helper ${i + 1}`,
      kind: 'professional',
      status: 'active',
      organisationId: team.organisations![i % team.organisations!.length].id,
      role: { code: 'helper', label: 'Helps with daily life' },
      contacts: [{ channel: 'phone', value: `+47 55 ${String(10 + (i % 90))} ${String(i % 100).padStart(2, '0')} 00`, preferred: true }],
    });
  }
  return team;
}
