// Two real pages (two same-origin iframes, each a document with its own copy of the library; a
// window opened with window.open never ran its modules under the test runner) on one persisted
// memory source, that is one localStorage key: the scenarios of issue 15 where two people change
// the same meeting or consent at the same moment. No change is lost or signed with the wrong name,
// and each test says which answer each person sees, including the tab that did not save last.
import type { CareContext } from '../../src/context/care-context.js';
import type { CareRecord } from '../../src/contract/record.js';
import type { CareStore } from '../../src/data/store.js';
import { expect, settle, waitUntil } from '../helpers/fixture.js';

const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
const lars = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };
const SCHEDULER = (me: string) => `<care-meeting-scheduler meeting-id="mt-series" me="${me}" today="2026-12-01" viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>`;
const TOGGLE = '<care-consent-toggle directive-id="c-peer" audience="professional"></care-consent-toggle>';

interface Tab {
  win: Window;
  context: CareContext;
  store: CareStore;
  el: HTMLElement;
}

const opened: HTMLIFrameElement[] = [];
let keys = 0;

/** Opens the tab page in a frame of the test page's origin: its own document, module copy and event loop turn, one localStorage. */
async function openTab(key: string, actor: typeof kari, inner: string, latency: number): Promise<Tab> {
  const query = new URLSearchParams({ key, actor: JSON.stringify(actor), inner, latency: String(latency) });
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 900px; border: 0';
  frame.src = `/test/data/tabs/tab.html?${query}`;
  document.body.append(frame);
  opened.push(frame);
  const ready = () => (frame.contentWindow as unknown as { careContext?: CareContext }).careContext?.store?.snapshot.status === 'ready';
  await waitUntil(ready, 'the tab never loaded', { timeout: 20_000 });
  const context = (frame.contentWindow as unknown as { careContext: CareContext }).careContext;
  const el = context.firstElementChild as HTMLElement;
  await waitUntil(() => el.shadowRoot !== null && customElementsOf(frame.contentWindow!).get(el.localName) !== undefined, 'the element never upgraded');
  await settle(el as never);
  return { win: frame.contentWindow!, context, store: context.store!, el };
}

const customElementsOf = (win: Window) => (win as unknown as { customElements: CustomElementRegistry }).customElements;
const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const inShadow = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const buttonIn = (el: Element, words: string) => {
  const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
  const found = buttons.find((b) => textOf(b) === words) ?? buttons.find((b) => textOf(b).startsWith(words));
  if (!found) throw new Error(`no button "${words}"`);
  return found;
};
const until = async (el: Element, predicate: () => unknown, what: string, timeout = 10_000) => {
  await waitUntil(predicate, what, { timeout });
  await settle(el as never);
};
const storedRecord = (key: string): CareRecord => {
  const text = localStorage.getItem(`${key}/team/team-ingrid`);
  return (text === null ? undefined : (JSON.parse(text) as { record: CareRecord }).record)!;
};
const series = (record: CareRecord) => record.meetings.find((m) => m.id === 'mt-series')!;
const larsIn = (record: CareRecord) => series(record).participants.find((p) => p.memberId === 'm-lars')!;
const idle = (tab: Tab) => tab.store.snapshot.pending.size === 0;

describe('two tabs on one persisted memory source', function () {
  this.timeout(60_000);
  let key: string;

  beforeEach(() => {
    key = `two-tabs-${Date.now()}-${++keys}`;
  });

  afterEach(() => {
    while (opened.length) opened.pop()!.remove();
    for (const stored of Object.keys(localStorage)) if (stored.startsWith(key)) localStorage.removeItem(stored);
  });

  it('Lars answers "coming" while Kari makes him "must come": Try again keeps both, and both tabs show both', async () => {
    const larsTab = await openTab(key, lars, SCHEDULER('m-lars'), 100);
    const kariTab = await openTab(key, kari, SCHEDULER('m-kari'), 400);
    expect(larsTab.win.document, 'two documents').to.not.equal(kariTab.win.document);

    buttonIn(kariTab.el, 'Change').click();
    await settle(kariTab.el as never);
    const select = inShadow<HTMLSelectElement>(kariTab.el, 'select[aria-label*="Lars Haugen"]')!;
    select.value = 'required';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(kariTab.el as never);
    // The same moment in both tabs: each change is made on version 1.
    buttonIn(larsTab.el, 'Yes, I will come').click();
    buttonIn(kariTab.el, 'Save changes').click();

    await until(kariTab.el, () => inShadow(kariTab.el, '.save-error') && idle(kariTab), 'Kari was not told');
    expect(textOf(inShadow(kariTab.el, '.save-error'))).to.contain('Someone else changed this at the same time.');
    expect(larsIn(storedRecord(key)), 'Lars\u2019s answer is stored, nothing overwritten').to.deep.include({ required: false, response: 'accepted' });

    buttonIn(kariTab.el, 'Try again').click();
    await until(kariTab.el, () => !inShadow(kariTab.el, '.save-error') && idle(kariTab), 'Try again never ended');
    expect(larsIn(storedRecord(key)), 'both changes are kept').to.deep.include({ required: true, response: 'accepted' });

    // What Kari sees: Lars must come and is coming.
    const kariRow = [...kariTab.el.shadowRoot!.querySelectorAll('li')].find((li) => textOf(li).startsWith('Lars Haugen'))!;
    expect(textOf(kariRow)).to.contain('Must come').and.to.contain('Coming');
    // What Lars sees, without reloading: his own answer, and that he is now required.
    await until(larsTab.el, () => larsIn(larsTab.store.snapshot.record!).required === true, 'Lars\u2019s tab never heard of Kari\u2019s change');
    expect(textOf(inShadow(larsTab.el, '[part="your-part"] .answer'))).to.equal('Your answer: Coming');
    expect(larsTab.store.snapshot.status).to.equal('ready');

    // Nobody is signed for the other: the saved entries name who made each change.
    const saved = storedRecord(key).audit.filter((e) => e.outcome === 'saved');
    expect(saved.map((e) => e.actor.name)).to.deep.equal(['Lars Haugen', 'Kari Nilsen']);
    const kariFailed = storedRecord(key).audit.find((e) => e.outcome === 'failed')!;
    expect([kariFailed.actor.name, kariFailed.failure]).to.deep.equal(['Kari Nilsen', 'conflict']);
    expect(saved.find((e) => e.actor.name === 'Kari Nilsen')!.changeId, 'Try again is the same change').to.equal(kariFailed.changeId);
  });

  it('one date of a series moved in one tab and cancelled in the other: the second chooses, one exception is stored, both tabs show it', async () => {
    const larsTab = await openTab(key, lars, SCHEDULER('m-lars'), 100);
    const kariTab = await openTab(key, kari, SCHEDULER('m-kari'), 400);
    const dates = [...kariTab.el.shadowRoot!.querySelectorAll('li')].filter((li) => textOf(li).includes('2 Mar'));
    [...dates[0].querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b).startsWith('Cancel this date'))!.click();
    await settle(kariTab.el as never);

    const before = series(larsTab.store.snapshot.record!);
    const recurrence = before.recurrence!;
    const moved = {
      ...before,
      recurrence: { ...recurrence, exceptions: [...recurrence.exceptions, { originalStart: '2027-03-02T09:00:00.000Z', start: '2027-03-04T09:00:00.000Z', end: '2027-03-04T10:30:00.000Z' }] },
    };
    // The same moment: Lars moves 2 March to 4 March, Kari confirms cancelling 2 March.
    const larsSaved = larsTab.store.save({ entity: 'meeting', action: 'move-occurrence', value: moved });
    buttonIn(kariTab.el, 'Yes, cancel this date').click();
    expect((await larsSaved).ok).to.equal(true);

    await until(kariTab.el, () => inShadow(kariTab.el, '.save-error') && idle(kariTab), 'Kari was not told');
    expect(textOf(inShadow(kariTab.el, '.save-error'))).to.match(/2 Mar.*in the other version: moved to .*4 Mar.*You set: cancelled\./);
    buttonIn(kariTab.el, 'Keep my version').click();
    await until(kariTab.el, () => !inShadow(kariTab.el, '.save-error') && idle(kariTab), 'the choice never ended');

    const forTheDate = (record: CareRecord) =>
      series(record).recurrence!.exceptions.filter((e) => Date.parse(e.originalStart) === Date.parse('2027-03-02T09:00:00Z'));
    expect(forTheDate(storedRecord(key)), 'one exception for one date').to.have.length(1);
    expect(forTheDate(storedRecord(key))[0].cancelled).to.equal(true);
    expect(series(storedRecord(key)).recurrence!.exceptions.some((e) => Date.parse(e.originalStart) === Date.parse('2027-01-19T09:00:00Z')), 'the older exception stays').to.equal(true);
    // Lars's tab shows Kari's choice without a reload.
    await until(larsTab.el, () => forTheDate(larsTab.store.snapshot.record!)[0]?.cancelled === true, 'Lars\u2019s tab never heard of the cancellation');
    expect(forTheDate(larsTab.store.snapshot.record!)).to.have.length(1);
  });

  it('consent: two people decide differently at once; the second sees both decisions and chooses; both decisions stay in the history with their names', async () => {
    const kariTab = await openTab(key, kari, TOGGLE, 100);
    const larsTab = await openTab(key, lars, TOGGLE, 400);
    const choice = (tab: Tab, part: string) => inShadow<HTMLButtonElement>(tab.el, `[part~="${part}"]`)!;
    const before = storedRecord(key);
    expect(before, 'nothing stored before the first change').to.equal(undefined);

    choice(kariTab, 'choice-yes').click();
    choice(larsTab, 'choice-no').click();
    await until(larsTab.el, () => inShadow(larsTab.el, '[part="error"]') && idle(larsTab), 'Lars was not told');
    const box = textOf(inShadow(larsTab.el, '[part="error"]'));
    expect(box).to.contain('Nothing has been saved yet');
    expect(box).to.contain('In the other version: Yes, sharing allowed. You chose: No, not shared.');
    const peer = (record: CareRecord) => record.consents.find((c) => c.id === 'c-peer')!;
    expect(peer(storedRecord(key)).state, 'Kari\u2019s decision is stored, not overwritten').to.equal('granted');

    inShadow<HTMLButtonElement>(larsTab.el, '[part~="keep-mine"]')!.click();
    await until(larsTab.el, () => !inShadow(larsTab.el, '[part="error"]') && idle(larsTab), 'the choice never ended');
    const stored = peer(storedRecord(key));
    expect(stored.state).to.equal('refused');
    expect(stored.history.map((h) => [h.state, h.recordedBy?.name])).to.deep.equal([
      ['granted', 'Kari Nilsen'],
      ['refused', 'Lars Haugen'],
    ]);
    // Kari's tab shows the decision that stands now, without a reload.
    await until(kariTab.el, () => peer(kariTab.store.snapshot.record!).state === 'refused', 'Kari\u2019s tab never heard of it');
    expect(inShadow(kariTab.el, '[role="switch"]')!.getAttribute('aria-checked'), 'Kari\u2019s switch shows not shared').to.equal('false');
  });
});
