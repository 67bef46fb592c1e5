import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components';
import type { CareMeetingChangeEvent, CareMeetingRequestEvent } from '../src/components/meeting-scheduler/events.js';
import type { MeetingInput } from '../src/contract/meeting.js';
import type { CareRecordInput } from '../src/contract/record.js';
import { AUDIENCES, type Audience } from '../src/contract/values.js';
import { fjordvik } from '../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../src/data/memory-source.js';
import { CareStore } from '../src/data/store.js';
import type { Meeting } from '../src/contract/meeting.js';
import { colleagueActs, rendered, sharedServer } from './support/colleague.js';

/** 1 December 2026: the Fjordvik availability covers the four weeks after it. */
const TODAY = '2026-12-01';

const data = (): CareRecordInput => structuredClone(fjordvik) as CareRecordInput;
const meetingOf = (id: string): MeetingInput => structuredClone(data().meetings!.find((m) => m.id === id)!) as MeetingInput;

interface SchedulerArgs {
  audience: Audience;
  me: string;
  lang: string;
  headingLevel: number;
  viewerTimeZone: string;
}

const log = {
  request: (e: CareMeetingRequestEvent) => console.info('care-meeting-request', e.detail.action, e.detail.meeting),
  change: (e: CareMeetingChangeEvent) => console.info('care-meeting-change', e.detail.action, e.detail.meeting.id),
};

const scheduler = (args: SchedulerArgs, meeting?: MeetingInput, record: CareRecordInput = data()): TemplateResult => html`<care-meeting-scheduler
  .team=${record.team}
  .availability=${record.availability}
  .consents=${record.consents}
  .meeting=${meeting}
  today=${TODAY}
  audience=${args.audience}
  me=${args.me || nothing}
  lang=${args.lang || nothing}
  heading-level=${args.headingLevel}
  viewer-time-zone=${args.viewerTimeZone || nothing}
  @care-meeting-request=${log.request}
  @care-meeting-change=${log.change}
></care-meeting-scheduler>`;

/** The scheduler's shadow root inside a story's canvas, for play functions. */
const schedulerRoot = async (canvas: HTMLElement): Promise<ShadowRoot> => {
  const el = canvas.querySelector('care-meeting-scheduler')!;
  await el.updateComplete;
  return el.shadowRoot!;
};

const meta: Meta<SchedulerArgs> = {
  title: 'Elements/Meeting scheduler',
  component: 'care-meeting-scheduler',
  parameters: {
    docs: {
      description: {
        component:
          'Plan a team meeting (kind, people, in person / video / both, agenda with its own time slots and people), find a time that suits everyone who must come, and show a booked meeting or series with answers, each person\u2019s part, moved and cancelled dates, warnings and an .ics download. Every change fires a cancelable `care-meeting-request`; the stories log it to the console. See docs/elements/meeting-scheduler.md.',
      },
    },
  },
  argTypes: {
    audience: { control: 'inline-radio', options: [...AUDIENCES] },
    me: { control: 'select', options: ['', 'm-ingrid', 'm-kari', 'm-lars', 'm-amina', 'm-sofie', 'm-erik'] },
    lang: { control: 'select', options: ['', 'en', 'nb', 'nn', 'da', 'sv'] },
    headingLevel: { control: { type: 'number', min: 1, max: 5 } },
    viewerTimeZone: { control: 'select', options: ['', 'Europe/Oslo', 'Europe/London', 'America/New_York', 'Asia/Tokyo'] },
  },
  args: { audience: 'professional', me: '', lang: '', headingLevel: 2, viewerTimeZone: 'Europe/Oslo' },
  render: (args) => scheduler(args),
};
export default meta;

type Story = StoryObj<SchedulerArgs>;

// ---- planning ----------------------------------------------------------------------------------

/** Kari plans the next responsibility-group meeting for Ingrid's team. */
export const Planning: Story = { name: 'Planning a new meeting' };

/** "Find times" pressed: times when Ingrid, Kari and Amina are free, best first; Sofie welcome to come. */
export const FindATime: Story = {
  name: 'Find a time',
  play: async ({ canvasElement }) => {
    const root = await schedulerRoot(canvasElement);
    const checkbox = (name: string) =>
      [...root.querySelectorAll('label')].find((l) => l.textContent?.includes(name))?.control as HTMLInputElement | null;
    checkbox('Amina Rahimi')?.click();
    checkbox('Sofie Lund')?.click();
    await (canvasElement.querySelector('care-meeting-scheduler') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const sofie = root.querySelector<HTMLSelectElement>('select[aria-label^="Sofie Lund"]');
    if (sofie) {
      sofie.value = 'optional';
      sofie.dispatchEvent(new Event('change'));
    }
    root.querySelector<HTMLButtonElement>('.find-button')?.click();
  },
};

/** The month grid open, with the days that have free times marked. */
export const DatePickerOpen: Story = { tags: ['!autodocs'],
  name: 'Date picker open',
  play: async ({ canvasElement }) => {
    const root = await schedulerRoot(canvasElement);
    root.querySelector<HTMLButtonElement>('.find-button')?.click();
    const picker = root.querySelector('care-date-picker') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
    await picker?.updateComplete;
    picker?.shadowRoot?.querySelector<HTMLButtonElement>('button.opener')?.click();
  },
};

// ---- booked meetings ---------------------------------------------------------------------------

/** The 6-weekly hybrid series as the coordinator sees it: dates, answers, agenda, warnings. */
export const BookedSeries: Story = { name: 'Booked series (professional)', render: (args) => scheduler(args, meetingOf('mt-series')) };

/** Ingrid's own view: her part of the agenda, her answer, plain words, large targets. */
export const BookedSeriesServiceUser: Story = {
  name: 'Booked series (service user, me = Ingrid)',
  args: { audience: 'service-user', me: 'm-ingrid' },
  render: (args) => scheduler(args, meetingOf('mt-series')),
};

/** Lars, the GP, is needed only for "Medicines and blood tests", 10:20–10:45. */
export const GpPart: Story = { tags: ['!autodocs'],
  name: 'Booked series (professional, me = Lars)',
  args: { me: 'm-lars' },
  render: (args) => scheduler(args, meetingOf('mt-series')),
};

/** A viewer in New York sees the Oslo time and their own. */
export const ViewerElsewhere: Story = { tags: ['!autodocs'],
  name: 'Viewer in another time zone',
  args: { viewerTimeZone: 'America/New_York', me: 'm-amina' },
  render: (args) => scheduler(args, meetingOf('mt-series')),
};

/** A suggested double GP appointment, in person at the medical centre, waiting to be booked. */
export const InPerson: Story = { tags: ['!autodocs'], name: 'In person (proposed)', render: (args) => scheduler(args, meetingOf('mt-gp')) };

/** The same appointment held on video. */
export const Digital: Story = { tags: ['!autodocs'],
  name: 'Video',
  render: (args) => {
    const meeting = meetingOf('mt-gp');
    meeting.mode = 'digital';
    delete meeting.location;
    meeting.videoLink = 'https://video.fjordvik-legesenter.example/haugen';
    return scheduler(args, meeting);
  },
};

/** The series is hybrid: a room and a video link. */
export const Hybrid: Story = { tags: ['!autodocs'], name: 'In person and video', render: (args) => scheduler(args, meetingOf('mt-series')) };

/** October's meeting has taken place: shown, no longer changeable. */
export const Held: Story = { tags: ['!autodocs'], name: 'Held (in the past)', render: (args) => scheduler(args, meetingOf('mt-october')) };

/** Sofie is busy, Ola and Erik are not covered by a consent, Hanne's consent is not recorded. */
export const Warnings: Story = { tags: ['!autodocs'],
  render: (args) => {
    const meeting = meetingOf('mt-gp');
    meeting.participants.push(
      { memberId: 'm-sofie', required: true, response: 'needs-action' },
      { memberId: 'm-ola', required: false, response: 'needs-action' },
      { memberId: 'm-erik', required: false, response: 'needs-action' },
      { memberId: 'm-hanne', required: false, response: 'needs-action' },
    );
    return scheduler(args, meeting);
  },
};

// ---- states ------------------------------------------------------------------------------------

export const Loading: Story = { tags: ['!autodocs'], render: (args) => html`<care-meeting-scheduler loading lang=${args.lang || nothing}></care-meeting-scheduler>` };

/** No team yet: "Add people to the team first". */
export const Empty: Story = { tags: ['!autodocs'], render: (args) => html`<care-meeting-scheduler lang=${args.lang || nothing}></care-meeting-scheduler>` };

/** Connected to the memory source (slow), showing the series named by meeting-id. */
export const Connected: Story = { tags: ['!autodocs'],
  name: 'Connected (memory source, slow)',
  args: { me: 'm-kari' },
  render: (args) => html`<care-context .source=${new MemorySource({ seed: fjordvik, latency: 800 })} care-team="team-ingrid">
    <care-meeting-scheduler meeting-id="mt-series" me=${args.me} today=${TODAY} audience=${args.audience} lang=${args.lang || nothing}></care-meeting-scheduler>
  </care-context>`,
};

/** A meeting id that is not in the record. */
export const NoMeeting: Story = { tags: ['!autodocs'],
  name: 'Meeting not found',
  render: (args) => html`<care-context .store=${new CareStore(new MemorySource({ seed: fjordvik }), 'team-ingrid')}>
    <care-meeting-scheduler meeting-id="mt-gone" today=${TODAY} audience=${args.audience} lang=${args.lang || nothing}></care-meeting-scheduler>
  </care-context>`,
};

/** The load fails once; "Try again" loads. */
export const LoadError: Story = { tags: ['!autodocs'],
  name: 'Load error',
  render: (args) => {
    const source = new MemorySource({ seed: fjordvik, latency: 300 });
    source.failNext('network', 'load');
    return html`<care-context .source=${source} care-team="team-ingrid">
      <care-meeting-scheduler meeting-id="mt-series" today=${TODAY} lang=${args.lang || nothing}></care-meeting-scheduler>
    </care-context>`;
  },
};

const ingrid = { id: 'm-ingrid', name: 'Ingrid Solberg' };

/** Presses the viewer's answer button with these words, once the meeting has loaded. */
const answer = async (canvas: HTMLElement, words: string) => {
  const el = canvas.querySelector('care-meeting-scheduler')!;
  const button = await rendered(() => [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[role="group"] button') ?? [])].find((b) => b.textContent?.includes(words)));
  button.click();
  return el;
};

/** Ingrid answers "Yes, I will come" and the save fails (no connection): her answer is kept and "Try again" sends it. */
export const SaveFails: Story = {
  name: 'Failed save with retry',
  render: (args) => {
    const source = new MemorySource({ seed: fjordvik, latency: 300 });
    source.failNext('network');
    return html`<care-context .source=${source} care-team="team-ingrid" .actor=${ingrid}>
      <care-meeting-scheduler meeting-id="mt-gp" me="m-ingrid" today=${TODAY} audience="service-user" lang=${args.lang || nothing}></care-meeting-scheduler>
    </care-context>`;
  },
  play: async ({ canvasElement }) => {
    const el = await answer(canvasElement, 'Yes, I will come');
    await rendered(() => el.shadowRoot?.querySelector('.save-error'));
  },
};

/**
 * Ingrid answered "Maybe" on her phone; on her laptop, on the older copy, she answers "No": both
 * answers are shown and nothing is saved until she chooses.
 */
export const Conflict: Story = {
  name: 'Both changed it (conflict)',
  render: (args) => {
    const gp = meetingOf('mt-gp') as Meeting;
    const maybe = { ...gp, participants: gp.participants.map((p) => (p.memberId === 'm-ingrid' ? { ...p, response: 'tentative' as const } : p)) };
    const store = sharedServer(fjordvik, ingrid, ingrid, { entity: 'meeting', action: 'respond', value: maybe });
    return html`<care-context .store=${store}>
      <care-meeting-scheduler meeting-id="mt-gp" me="m-ingrid" today=${TODAY} audience="service-user" lang=${args.lang || nothing}></care-meeting-scheduler>
    </care-context>`;
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('care-meeting-scheduler')!;
    await rendered(() => el.shadowRoot?.querySelector('[role="group"] button'));
    await colleagueActs(canvasElement);
    await answer(canvasElement, 'No, I cannot come');
    await rendered(() => el.shadowRoot?.querySelector('.conflicts'));
  },
};

/** A meeting that breaks the contract: a javascript: video link and a start that is not a time. */
export const InvalidData: Story = { tags: ['!autodocs'],
  name: 'Invalid data',
  render: (args) => scheduler(args, { ...meetingOf('mt-series'), videoLink: 'javascript:alert(1)', start: 'next Tuesday' }),
};

/** Markup in names and titles stays text; right-to-left names; a long address. */
export const HostileData: Story = { tags: ['!autodocs'],
  name: 'Hostile data',
  render: (args) => {
    const record = data();
    record.team.members[0].name = '<img src=x onerror="alert(1)">Ingrid';
    record.team.members[3].name = 'أمينة رحيمي';
    const meeting = meetingOf('mt-series');
    meeting.title = '<script>alert(1)</script> Responsibility-group meeting';
    meeting.location = { name: '<b>Room 2</b>', address: 'Kaigata 4, '.repeat(40), timeZone: 'Europe/Oslo' };
    return scheduler(args, meeting, record);
  },
};

// ---- theming and languages ---------------------------------------------------------------------

export const Theme: Story = { tags: ['!autodocs'],
  args: { me: 'm-lars' },
  render: (args) => html`<div
    style="
      --care-color-accent: #5b2a86;
      --care-color-accent-surface: #f1eaf8;
      --care-radius: 0.75rem;
      --care-meeting-scheduler-section-background: #faf7f2;
      --care-meeting-scheduler-your-part-background: #efe6f8;
      --care-meeting-scheduler-warning-background: #fff0e0;
      padding: 1rem;
    "
  >
    ${scheduler(args, meetingOf('mt-series'))}
  </div>`,
};

export const Bokmal: Story = { tags: ['!autodocs'], name: 'Norsk bokmål', args: { lang: 'nb', me: 'm-lars' }, render: (args) => scheduler(args, meetingOf('mt-series')) };
export const BokmalPlanning: Story = { tags: ['!autodocs'], name: 'Norsk bokmål (planlegging)', args: { lang: 'nb' } };
export const Nynorsk: Story = { tags: ['!autodocs'], name: 'Norsk nynorsk', args: { lang: 'nn', me: 'm-ingrid', audience: 'service-user' }, render: (args) => scheduler(args, meetingOf('mt-series')) };
export const Danish: Story = { tags: ['!autodocs'], name: 'Dansk', args: { lang: 'da' } };
export const Swedish: Story = { tags: ['!autodocs'], name: 'Svenska', args: { lang: 'sv' }, render: (args) => scheduler(args, meetingOf('mt-series')) };
export const English: Story = { tags: ['!autodocs'], args: { lang: 'en' } };
