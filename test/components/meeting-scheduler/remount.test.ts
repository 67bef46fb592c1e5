import '../../../src/context/define.js';
import type { CareMeetingChangeEvent, CareMeetingRequestEvent } from '../../../src/components/meeting-scheduler/events.js';
import type { CareMeetingScheduler } from '../../../src/components/meeting-scheduler/meeting-scheduler.js';
import { fjordvik } from '../../../src/data/fixtures/fjordvik.js';
import { MemorySource } from '../../../src/data/memory-source.js';
import { CareStore } from '../../../src/data/store.js';
import type { Change, ChangeKind, EntityByKind } from '../../../src/data/types.js';
import { expect, fixture, html, settle, waitUntil } from '../../helpers/fixture.js';
import { $, button, click, shadow, textOf, TODAY } from './fixtures.js';

/** A memory source whose saves wait until the test lets them through. */
class GatedSource extends MemorySource {
  private gate = Promise.resolve();
  open = () => {};
  hold() {
    this.gate = new Promise<void>((resolve) => (this.open = resolve));
  }
  override async save<K extends ChangeKind>(change: Change<K>, signal?: AbortSignal): Promise<EntityByKind[K]> {
    await this.gate;
    return super.save(change, signal);
  }
}

const lars = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };

describe('<care-meeting-scheduler> removed while a save is under way (a route change)', () => {
  it('shows the save as under way when it comes back, then the failure that happened meanwhile, with Try again', async () => {
    const source = new GatedSource({ seed: fjordvik });
    const store = new CareStore(source, 'team-ingrid', lars);
    const context = await fixture(html`<care-context .store=${store} lang="en">
      <care-meeting-scheduler meeting-id="mt-series" me="m-lars" today=${TODAY} viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>
    </care-context>`);
    const el = context.querySelector<CareMeetingScheduler>('care-meeting-scheduler')!;
    await waitUntil(() => shadow(el).querySelector('[part="your-part"]'), 'meeting shown');
    expect(textOf($(el, '[part="your-part"] .answer'))).to.equal('Your answer: Not answered yet');

    source.hold();
    await click(el, button(el, 'Maybe'));
    el.remove();
    // Back on the page while the save is still under way: it says so.
    context.append(el);
    await settle(el);
    expect(textOf($(el, '[part="announcer"]'))).to.equal('Saving…');
    el.remove();
    source.failNext('network');
    source.open();
    await waitUntil(() => store.failureOf('meeting', 'mt-series'), 'the save failed while the scheduler was away');

    context.append(el);
    await settle(el);
    expect(textOf($(el, '[part="your-part"] .answer'))).to.equal('Your answer: Not answered yet');
    expect(textOf($(el, '.save-error'))).to.contain('There is no connection to the server.');
    expect(textOf($(el, '[role="alert"]'))).to.contain('There is no connection to the server.');

    const requests: CareMeetingRequestEvent[] = [];
    const changes: CareMeetingChangeEvent[] = [];
    el.addEventListener('care-meeting-request', (e) => requests.push(e));
    el.addEventListener('care-meeting-change', (e) => changes.push(e));
    await click(el, button(el, 'Try again'));
    await waitUntil(() => changes.length === 1, 'saved on Try again');
    await settle(el);
    expect(requests.map((e) => e.detail.action), 'Try again asks the host like the first try').to.deep.equal(['respond']);
    expect(changes[0].detail.meeting.participants.find((p) => p.memberId === 'm-lars')!.response).to.equal('tentative');
    expect(textOf($(el, '[part="your-part"] .answer'))).to.equal('Your answer: Maybe');
    expect(shadow(el).querySelector('.save-error')).to.equal(null);
  });

  it('a scheduler added after the failure (a new page) shows it too', async () => {
    const source = new MemorySource({ seed: fjordvik });
    const store = new CareStore(source, 'team-ingrid', lars);
    await store.load();
    const meeting = store.snapshot.record!.meetings.find((m) => m.id === 'mt-series')!;
    source.failNext('server');
    const participants = meeting.participants.map((p) => (p.memberId === 'm-lars' ? { ...p, response: 'declined' as const } : p));
    await store.save({ entity: 'meeting', action: 'respond', value: { ...meeting, participants } });
    const context = await fixture(html`<care-context .store=${store} lang="en">
      <care-meeting-scheduler meeting-id="mt-series" me="m-lars" today=${TODAY} viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>
    </care-context>`);
    const el = context.querySelector<CareMeetingScheduler>('care-meeting-scheduler')!;
    await waitUntil(() => shadow(el).querySelector('.save-error'), 'failure shown');
    expect(textOf($(el, '.save-error'))).to.contain('Try again');
    await click(el, button(el, 'Close'));
    expect(shadow(el).querySelector('.save-error')).to.equal(null);
    expect(store.failureOf('meeting', 'mt-series'), 'Close forgets it in the store').to.equal(undefined);
  });
});
