import * as v from 'valibot';
import '../../../src/context/define.js';
import type { CareMeetingChangeEvent } from '../../../src/components/meeting-scheduler/events.js';
import type { CareMeetingScheduler } from '../../../src/components/meeting-scheduler/meeting-scheduler.js';
import { CareRecord } from '../../../src/contract/record.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../../src/data/memory-source.js';
import { CareStore } from '../../../src/data/store.js';
import { StoreError, type CareDataSource } from '../../../src/data/types.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, html, settle, waitUntil } from '../../helpers/fixture.js';
import { $, $$, button, click, fill, shadow, textOf, TODAY } from './fixtures.js';

/** A source whose loads the test answers one by one. */
class ScriptedSource implements CareDataSource {
  readonly answers: Array<() => Promise<CareRecord>> = [];
  load(): Promise<CareRecord> {
    const next = this.answers.shift();
    return next ? next() : new Promise<CareRecord>(() => {});
  }
  save(): Promise<never> {
    return Promise.reject(new StoreError('server', 'not in this test'));
  }
}

const connected = async (store: CareStore, meetingId = '', me = ''): Promise<CareMeetingScheduler> => {
  const context = await fixture(html`<care-context .store=${store} lang="en">
    <care-meeting-scheduler meeting-id=${meetingId} me=${me} today=${TODAY} viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>
  </care-context>`);
  const el = context.querySelector('care-meeting-scheduler')!;
  await settle(el);
  return el;
};

describe('<care-meeting-scheduler> in a <care-context> (connected mode)', () => {
  it('shows loading, then a load error with a retry that loads again', async () => {
    const source = new ScriptedSource();
    let fail!: (error: Error) => void;
    source.answers.push(() => new Promise((_, reject) => (fail = reject)));
    source.answers.push(() => Promise.resolve(v.parse(CareRecord, fjordvik)));
    const el = await connected(new CareStore(source, 'team-ingrid'), 'mt-series');
    expect(textOf($(el, '[role="status"]'))).to.equal('Loading…');
    fail(new StoreError('network', 'offline'));
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'load error shown');
    expect(textOf($(el, '[role="alert"]'))).to.contain('Could not load the information');
    await expectAxeClean(el);
    await click(el, $<HTMLButtonElement>(el, '[role="alert"] button'));
    await waitUntil(() => textOf(shadow(el).querySelector('#title')) === 'Responsibility-group meeting', 'meeting shown after retry');
  });

  it('shows the meeting named by meeting-id, and says so when it is not in the record', async () => {
    const store = new CareStore(new MemorySource({ seed: fjordvik }), 'team-ingrid', { id: 'm-lars', name: 'Lars Haugen' });
    const el = await connected(store, 'mt-series', 'm-sofie');
    await waitUntil(() => shadow(el).querySelector('[part="your-part"]'), 'meeting shown');
    expect($$(el, '[part="your-part"] .your-items li').map(textOf)).to.deep.equal([
      '10:00–10:20 How has it been since last time?',
      '10:45–11:15 Work, money and housing',
      '11:15–11:30 Did everyone understand the plan?',
    ]);
    el.meetingId = 'mt-nowhere';
    await settle(el);
    expect(textOf($(el, '[part~="empty"]'))).to.contain('No meeting to show');
    await expectAxeClean(el);
  });

  /** Kari's scheduler on the series meeting, with its Change form open. */
  const changeFormOpen = async () => {
    const source = new MemorySource({ seed: fjordvik });
    const store = new CareStore(source, 'team-ingrid', { id: 'm-kari', name: 'Kari Nilsen' });
    const el = await connected(store, 'mt-series');
    await waitUntil(() => textOf(shadow(el).querySelector('#title')) === 'Responsibility-group meeting', 'meeting shown');
    await click(el, button(el, 'Change'));
    return { source, store, el };
  };

  it('a change saved elsewhere while the form is open is kept when the form is saved', async () => {
    const { source, store, el } = await changeFormOpen();
    expect(textOf($(el, '#title'))).to.equal('Change the meeting');

    // Meanwhile, in another tab on the same data, Ola moves the meeting to another room.
    const other = new CareStore(source, 'team-ingrid', { id: 'm-ola', name: 'Ola Berg' });
    await other.load();
    const meeting = other.snapshot.record!.meetings.find((m) => m.id === 'mt-series')!;
    const moved = await other.save({ entity: 'meeting', action: 'update', value: { ...meeting, location: { ...meeting.location!, name: 'Fjordvik Town Hall, room 3' } } });
    expect(moved.ok).to.equal(true);
    await waitUntil(() => store.snapshot.record!.meetings.find((m) => m.id === 'mt-series')!.location?.name === 'Fjordvik Town Hall, room 3', 'this page heard of it');

    // Kari, with the form still open, changes only the title.
    await fill(el, '#title-input', 'Responsibility-group meeting (winter)');
    await click(el, button(el, 'Save changes'));
    await waitUntil(() => !store.isPending('meeting', 'mt-series') && textOf(shadow(el).querySelector('#title')) !== 'Change the meeting', 'saved');
    const stored = (await source.load('team-ingrid')).meetings.find((m) => m.id === 'mt-series')!;
    expect(stored.title, 'her change').to.equal('Responsibility-group meeting (winter)');
    expect(stored.location?.name, 'Ola\u2019s change is not wiped').to.equal('Fjordvik Town Hall, room 3');
    expect(textOf($(el, '[part="participants"]').closest('article') ?? shadow(el))).to.contain('Fjordvik Town Hall, room 3');
  });

  it('where someone else changed the same thing while the form was open, nothing is saved until the person chooses', async () => {
    const { source, store, el } = await changeFormOpen();
    const other = new CareStore(source, 'team-ingrid', { id: 'm-ola', name: 'Ola Berg' });
    await other.load();
    const meeting = other.snapshot.record!.meetings.find((m) => m.id === 'mt-series')!;
    expect((await other.save({ entity: 'meeting', action: 'update', value: { ...meeting, title: 'Winter meeting' } })).ok).to.equal(true);
    await waitUntil(() => store.snapshot.record!.meetings.find((m) => m.id === 'mt-series')!.title === 'Winter meeting', 'this page heard of it');

    await fill(el, '#title-input', 'Responsibility-group meeting (winter)');
    await click(el, button(el, 'Save changes'));
    await waitUntil(() => store.failureOf('meeting', 'mt-series'), 'the conflict is kept');
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'and shown');
    const storedTitle = async () => (await source.load('team-ingrid')).meetings.find((m) => m.id === 'mt-series')!.title;
    expect(await storedTitle(), 'nothing saved silently').to.equal('Winter meeting');
    expect(store.failureOf('meeting', 'mt-series')!.conflicts.map((c) => c.path.join('.'))).to.deep.equal(['title']);
    await click(el, button(el, 'Keep my version'));
    await waitUntil(() => !store.isPending('meeting', 'mt-series') && !store.failureOf('meeting', 'mt-series'), 'saved');
    expect(await storedTitle()).to.equal('Responsibility-group meeting (winter)');
  });

  it('saves an answer through the store and fires the change with the stored version', async () => {
    const store = new CareStore(new MemorySource({ seed: fjordvik }), 'team-ingrid', { id: 'm-lars', name: 'Lars Haugen' });
    const el = await connected(store, 'mt-series', 'm-lars');
    await waitUntil(() => shadow(el).querySelector('[part="your-part"]'), 'meeting shown');
    const changed = new Promise<CareMeetingChangeEvent>((resolve) => el.addEventListener('care-meeting-change', resolve, { once: true }));
    await click(el, button(el, 'Maybe'));
    const event = await changed;
    await settle(el);
    expect(event.detail.action).to.equal('respond');
    expect(event.detail.meeting.meta?.version).to.equal('2');
    const stored = store.snapshot.record!.meetings.find((m) => m.id === 'mt-series')!;
    expect(stored.participants.find((p) => p.memberId === 'm-lars')!.response).to.equal('tentative');
    expect(textOf($(el, '[part="your-part"] .answer'))).to.equal('Your answer: Maybe');
  });

  it('books a new meeting; a failed save shows the reason, keeps the form, and Try again saves it', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const store = new CareStore(source, 'team-ingrid', { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' });
    const el = await connected(store);
    await waitUntil(() => shadow(el).querySelector('form'), 'planning form shown');
    const changes: CareMeetingChangeEvent[] = [];
    el.addEventListener('care-meeting-change', (e) => changes.push(e));
    await fill(el, '#title-input', 'Winter review');
    await fill(el, '#location-name', 'Fjordvik Health House');
    await fill(el, '#video-link', 'https://video.fjordvik.example/winter');
    await fill(el, '#date-input', '09/12/2026');
    await fill(el, '#time', '13:00');
    source.failNext('network');
    await click(el, button(el, 'Book the meeting'));
    await waitUntil(() => shadow(el).querySelector('.save-error'), 'failure shown');
    expect(textOf($(el, '.save-error'))).to.contain('There is no connection to the server.');
    expect($<HTMLInputElement>(el, '#title-input').value).to.equal('Winter review');
    expect(store.snapshot.record!.meetings.some((m) => m.title === 'Winter review')).to.equal(false);
    expect(changes).to.have.length(0);
    await click(el, button(el, 'Try again'));
    await waitUntil(() => textOf(shadow(el).querySelector('#title')) === 'Winter review', 'booked meeting shown');
    expect(changes).to.have.length(1);
    const saved = store.snapshot.record!.meetings.find((m) => m.title === 'Winter review')!;
    expect(saved.status).to.equal('booked');
    expect(saved.organiser).to.deep.equal({ id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' });
    expect(store.snapshot.record!.audit.map((a) => a.outcome)).to.deep.equal(['failed', 'saved']);
    expect(textOf($(el, '.status'))).to.equal('The meeting is booked.');
  });
});
