import * as v from 'valibot';
import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import type { CareResponsibilityMatrix } from '../src/components/responsibility-matrix/responsibility-matrix.js';
import type { CareResponsibilityRequestEvent } from '../src/components/responsibility-matrix/events.js';
import { MATRIX_FILTERS, MATRIX_VIEWS, type MatrixFilter, type MatrixView } from '../src/components/responsibility-matrix/model.js';
import { CareRecord } from '../src/contract/record.js';
import type { Responsibility } from '../src/contract/responsibility.js';
import type { CareTeam } from '../src/contract/team.js';
import { AUDIENCES, RACI_PARTS, RESPONSIBILITY_AREAS, type Audience } from '../src/contract/values.js';
import { fjordvik } from '../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../src/data/memory-source.js';
import { CareStore } from '../src/data/store.js';
import { colleagueActs, rendered as waitFor, sharedServer } from './support/colleague.js';

const record = v.parse(CareRecord, fjordvik);
const team = (): CareTeam => structuredClone(record.team);
const responsibilities = (): Responsibility[] => structuredClone(record.responsibilities);
const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
/** Stories compare review dates with this day, so they look the same every day. */
const TODAY = '2026-11-20';

interface MatrixArgs {
  editable: boolean;
  view: MatrixView;
  filter: MatrixFilter;
  me: string;
  audience: Audience;
  compact: boolean;
  showEnded: boolean;
  lang: string;
}

const matrix = (args: Partial<MatrixArgs>, data: { team?: unknown; responsibilities?: unknown } = {}): TemplateResult =>
  html`<care-responsibility-matrix
    .team=${'team' in data ? data.team : team()}
    .responsibilities=${'responsibilities' in data ? data.responsibilities : responsibilities()}
    today=${TODAY}
    view=${args.view ?? 'auto'}
    filter=${args.filter ?? 'all'}
    me=${args.me || nothing}
    audience=${args.audience ?? 'professional'}
    lang=${args.lang || nothing}
    ?editable=${args.editable ?? false}
    ?compact=${args.compact ?? false}
    ?show-ended=${args.showEnded ?? false}
  ></care-responsibility-matrix>`;

/** Waits until an element inside a story has rendered its shadow content. */
const rendered = async (canvas: HTMLElement, selector: string): Promise<CareResponsibilityMatrix> => {
  const el = canvas.querySelector('care-responsibility-matrix')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 50));
  return el;
};

const meta: Meta<MatrixArgs> = {
  title: 'Elements/Responsibility matrix',
  component: 'care-responsibility-matrix',
  parameters: {
    docs: {
      description: {
        component:
          'Who does what: responsibilities against team members, each part in plain words ("owns it", "does it", "is asked", "is told"), the rules shown live (one owner who is still on the team, disagreements with who and why, handovers waiting for an answer, overdue reviews), a view by person, filters and a print style. Editable, it follows the WAI-ARIA grid pattern; read-only, it is a table. See docs/elements/responsibility-matrix.md.',
      },
    },
  },
  argTypes: {
    view: { control: 'inline-radio', options: [...MATRIX_VIEWS] },
    filter: { control: 'inline-radio', options: [...MATRIX_FILTERS] },
    me: { control: 'select', options: ['', ...record.team.members.map((m) => m.id)] },
    audience: { control: 'inline-radio', options: [...AUDIENCES] },
    lang: { control: 'select', options: ['', 'en', 'nb', 'nn', 'da', 'sv'] },
  },
  args: { editable: false, view: 'auto', filter: 'all', me: '', audience: 'professional', compact: false, showEnded: false, lang: '' },
  render: (args) => matrix(args),
};
export default meta;

type Story = StoryObj<MatrixArgs>;

// ---- the Fjordvik case --------------------------------------------------------------------------

/** What Ingrid sees: read-only, everyday role names, her own goals first. */
export const ServiceUserReadOnly: Story = {
  name: 'Realistic case: Ingrid reads her plan',
  args: { audience: 'service-user', me: 'm-ingrid' },
};

/** Kari, the coordinator, can change parts (Enter or F2 on a cell), add, rename, end and hand over. */
export const EditableProfessional: Story = {
  name: 'Editable (coordinator)',
  args: { editable: true, me: 'm-kari', view: 'grid' },
};

/** Hanne has been asked to take over NAV accompaniment: open it to accept or disagree. */
export const HandoverToAnswer: Story = {
  name: 'A handover to answer',
  args: { editable: true, me: 'm-hanne', view: 'grid' },
  play: async ({ canvasElement }) => {
    const el = await rendered(canvasElement, 'tr[data-row="r:r-nav-meetings"] button');
    el.shadowRoot!.querySelector<HTMLButtonElement>('tr[data-row="r:r-nav-meetings"] button')!.click();
  },
};

export const PersonView: Story = {
  name: 'By person ("what am I responsible for")',
  args: { view: 'person', me: 'm-hanne' },
};

export const Narrow: Story = { tags: ['!autodocs'],
  name: 'Narrow (320 px): person view by default',
  render: (args) => html`<div style="inline-size: 320px; border: 1px dashed #999">${matrix({ ...args, view: 'auto' })}</div>`,
};

export const Compact: Story = { tags: ['!autodocs'], name: 'Letters only in the cells', args: { compact: true, view: 'grid' } };

export const ShowEnded: Story = { tags: ['!autodocs'],
  name: 'Ended responsibilities shown',
  args: { showEnded: true, view: 'grid' },
  render: (args) => {
    const list = responsibilities();
    list.push({ ...list[6], id: 'r-old-flat', title: 'Finding a flat (done in 2025)', status: 'ended' });
    return matrix(args, { responsibilities: list });
  },
};

// ---- filters ----------------------------------------------------------------------------------------

export const FilterUnassigned: Story = { tags: ['!autodocs'], name: 'Filter: nobody owns it', args: { filter: 'unassigned', view: 'grid' } };
export const FilterDisputed: Story = { tags: ['!autodocs'], name: 'Filter: disagreements', args: { filter: 'disputed', view: 'grid' } };
export const FilterMine: Story = { tags: ['!autodocs'], name: 'Filter: mine (Sofie)', args: { filter: 'mine', me: 'm-sofie', view: 'grid' } };

// ---- rules --------------------------------------------------------------------------------------------

/** Two owners on one task, and a part held by someone who is not on the team. */
export const BrokenRules: Story = { tags: ['!autodocs'],
  name: 'Rules: two owners, unknown member',
  args: { view: 'grid' },
  render: (args) => {
    const list = responsibilities();
    list[0].assignments.push({ memberId: 'm-sofie', part: 'accountable' });
    list[1].assignments.push({ memberId: 'm-former-nurse', part: 'informed' });
    return matrix(args, { responsibilities: list });
  },
};

// ---- connected to a store --------------------------------------------------------------------------

export const Connected: Story = { tags: ['!autodocs'],
  name: 'Connected (memory source, slow saves)',
  render: (args) => html`<care-context .source=${new MemorySource({ seed: fjordvik, latency: 800 })} care-team="team-ingrid" .actor=${kari}>
    ${matrix({ ...args, editable: true, me: 'm-kari', view: 'grid' }, { team: undefined, responsibilities: undefined })}
  </care-context>`,
};

/** The next save fails (no connection): the cell rolls back, the row explains why, Try again works. */
export const FailedSave: Story = {
  name: 'Failed save with retry',
  render: (args) => {
    const source = new MemorySource({ seed: fjordvik, latency: 300 });
    source.failNext('network');
    return html`<care-context .source=${source} care-team="team-ingrid" .actor=${kari}>
      ${matrix({ ...args, editable: true, view: 'grid' }, { team: undefined, responsibilities: undefined })}
    </care-context>`;
  },
  play: async ({ canvasElement }) => {
    const el = await rendered(canvasElement, 'tr[data-row="r:r-physical"]');
    const cell = el.shadowRoot!.querySelector<HTMLTableRowElement>('tr[data-row="r:r-physical"]')!.cells[6];
    cell.focus();
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLElement>('[data-option="informed"]')?.click();
  },
};

/**
 * Lars made Erik "Is asked" on the medication list; Kari, on an older copy, makes him "Is told":
 * both versions in plain words, nothing saved until Kari chooses.
 */
export const Conflict: Story = {
  name: 'Both changed it (conflict)',
  render: (args) => {
    const lars = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };
    const medication = responsibilities().find((r) => r.id === 'r-medication')!;
    const asked = { ...medication, assignments: [...medication.assignments, { memberId: 'm-erik', part: 'consulted' as const }] };
    const store = sharedServer(fjordvik, kari, lars, { entity: 'responsibility', action: 'assign', value: asked as Responsibility });
    return html`<care-context .store=${store}>
      ${matrix({ ...args, editable: true, view: 'grid' }, { team: undefined, responsibilities: undefined })}
    </care-context>`;
  },
  play: async ({ canvasElement }) => {
    const el = await rendered(canvasElement, 'tr[data-row="r:r-medication"]');
    await colleagueActs(canvasElement);
    const root = el.shadowRoot!;
    const column = [...root.querySelectorAll('thead th')].findIndex((th) => th.querySelector('.member-name')?.textContent?.startsWith('Erik Solberg'));
    const cell = root.querySelector<HTMLTableRowElement>('tr[data-row="r:r-medication"]')!.cells[column];
    cell.focus();
    cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await el.updateComplete;
    root.querySelector<HTMLElement>('[data-option="informed"]')?.click();
    await waitFor(() => root.querySelector<HTMLTableRowElement>('tr[data-row="r:r-medication"]')?.cells[1]?.querySelector('button'));
  },
};

/** The host asks for confirmation before any change, through the request event. */
export const HostConfirms: Story = { tags: ['!autodocs'],
  name: 'Host confirmation step (waitUntil)',
  args: { editable: true, view: 'grid' },
  render: (args) => html`<div
    @care-responsibility-request=${(e: CareResponsibilityRequestEvent) =>
      e.waitUntil(
        new Promise<void>((resolve, reject) =>
          window.confirm(`Save "${e.detail.action}" on "${e.detail.responsibility.title}"?`) ? resolve() : reject(new Error('cancelled')),
        ),
      )}
  >
    ${matrix(args)}
  </div>`,
};

// ---- data states -------------------------------------------------------------------------------------

export const Loading: Story = { tags: ['!autodocs'],
  render: (args) => html`<care-context .store=${new CareStore({ load: () => new Promise(() => {}), save: () => new Promise(() => {}) }, 'team-ingrid')}>
    ${matrix(args, { team: undefined, responsibilities: undefined })}
  </care-context>`,
};

export const LoadError: Story = { tags: ['!autodocs'],
  name: 'Load error',
  render: (args) => {
    const source = new MemorySource({ seed: fjordvik, latency: 300 });
    source.failNext('network', 'load');
    return html`<care-context .source=${source} care-team="team-ingrid">
      ${matrix(args, { team: undefined, responsibilities: undefined })}
    </care-context>`;
  },
};

export const Empty: Story = { tags: ['!autodocs'],
  name: 'Empty (editable)',
  args: { editable: true },
  render: (args) => matrix(args, { responsibilities: [] }),
};

export const InvalidData: Story = { tags: ['!autodocs'],
  name: 'Invalid data',
  render: (args) => {
    const list = responsibilities() as unknown as Record<string, unknown>[];
    list[0] = { ...list[0], area: 'astrology' };
    list[2] = { ...list[2], status: 'disputed', dispute: undefined };
    return matrix(args, { responsibilities: list });
  },
};

export const HostileData: Story = { tags: ['!autodocs'],
  name: 'Hostile and long text',
  args: { view: 'grid', editable: true },
  render: (args) => {
    const t = team();
    t.members.push({ id: 'm-advocate', name: 'نور الهدى <b>advocate</b>', kind: 'advocate', status: 'active', contacts: [] });
    const list = responsibilities();
    list[0].title = '<img src=x onerror="alert(1)"> ' + 'A very long title about medicines. '.repeat(12);
    list[0].description = 'A very long note. '.repeat(270).slice(0, 5000);
    list[0].assignments.push({ memberId: 'm-advocate', part: 'consulted' });
    list[2].dispute!.reason = 'Because. '.repeat(220).slice(0, 2000);
    return matrix(args, { team: t, responsibilities: list });
  },
};

// ---- size -----------------------------------------------------------------------------------------------

/** 200 responsibilities × 40 members, as in the benchmark: rows arrive over a few frames. */
export const Large: Story = { tags: ['!autodocs'],
  name: 'Large: 200 × 40',
  args: { view: 'grid', editable: true },
  render: (args) => {
    const members: CareTeam['members'] = [{ id: 'm-0', name: 'Ingrid Solberg', kind: 'service-user', status: 'active', contacts: [] }];
    for (let i = 1; i < 40; i++) {
      members.push({ id: `m-${i}`, name: `Member ${i}`, kind: 'professional', status: i % 13 === 0 ? 'ended' : 'active', coordinator: i === 1, contacts: [] });
    }
    const list: Responsibility[] = [];
    for (let r = 0; r < 200; r++) {
      const ids = [...new Set([0, 1, 2, 3].map((k) => (r * 3 + k * 7) % 40))];
      list.push({
        id: `r-${r}`,
        title: `Task ${r + 1}`,
        area: RESPONSIBILITY_AREAS[r % RESPONSIBILITY_AREAS.length],
        status: 'agreed',
        assignments: ids.map((id, k) => ({ memberId: `m-${id}`, part: RACI_PARTS[k] })),
        notes: [],
      });
    }
    return matrix(args, { team: { id: 'team-large', serviceUserId: 'm-0', members, organisations: [] }, responsibilities: list });
  },
};

// ---- theming and languages ------------------------------------------------------------------------------

export const ThemeTokens: Story = { tags: ['!autodocs'],
  name: 'Component tokens',
  args: { view: 'grid' },
  render: (args) => html`<div
    style="
      --care-responsibility-matrix-cell-size: 5.5rem;
      --care-responsibility-matrix-header-background: #fdf3e7;
      --care-responsibility-matrix-accountable-background: #5b2a86;
      --care-responsibility-matrix-accountable-text: #ffffff;
      --care-responsibility-matrix-responsible-background: #efe6f7;
      --care-responsibility-matrix-flag-background: #fff0f0;
      --care-responsibility-matrix-flag-color: #a4161a;
      --care-responsibility-matrix-max-height: 30rem;
    "
  >
    ${matrix(args)}
  </div>`,
};

export const Languages: Story = { tags: ['!autodocs'],
  name: 'All five languages',
  render: (args) => html`<div style="display:grid;gap:2rem">
    ${['nb', 'nn', 'da', 'sv', 'en'].map(
      (lang) => html`<section lang=${lang}>
        ${matrix({ ...args, lang, view: 'person', me: 'm-ingrid', audience: 'service-user' }, { responsibilities: responsibilities().slice(9, 14) })}
      </section>`,
    )}
  </div>`,
};
