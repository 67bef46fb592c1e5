// Two people change the same meeting or consent on one HTTP server, each in their own store (two
// tabs). What only one changed is merged; where both changed the same thing nothing is saved
// silently: the person sees both versions in plain words and chooses.
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import type { CareMeetingScheduler } from '../../src/components/meeting-scheduler/meeting-scheduler.js';
import { expectAxeClean } from '../helpers/a11y.js';
import { expect, html, settle } from '../helpers/fixture.js';
import { connect, freshApi, inShadow, kari, lars, serverRecord, sourceFor, textOf, until, writes } from './support.js';

const scheduler = (me: string) =>
  html`<care-meeting-scheduler meeting-id="mt-series" me=${me} today="2026-12-01" viewer-time-zone="Europe/Oslo"></care-meeting-scheduler>`;
const buttonIn = (el: Element, words: string) => {
  const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
  const found = buttons.find((b) => textOf(b) === words) ?? buttons.find((b) => textOf(b).startsWith(words));
  if (!found) throw new Error(`no button "${words}"`);
  return found;
};
const participant = async (api: Awaited<ReturnType<typeof freshApi>>, id: string) =>
  (await serverRecord(api)).meetings.find((m) => m.id === 'mt-series')!.participants.find((p) => p.memberId === id)!;
const saveError = (el: Element) => inShadow(el, '.save-error');

describe('both changed the same meeting or consent (two stores, one HTTP server)', function () {
  this.timeout(30_000);

  it('Lars answers "coming"; Kari, on an older copy, makes him "must come": Try again keeps both, nothing is lost', async () => {
    const api = await freshApi();
    const larsTab = await connect<CareMeetingScheduler>(sourceFor(api), scheduler('m-lars'), 'care-meeting-scheduler', lars);
    const kariTab = await connect<CareMeetingScheduler>(sourceFor(api), scheduler('m-kari'), 'care-meeting-scheduler', kari);
    await until(kariTab.el, () => inShadow(kariTab.el, '[part="your-part"]'), 'Kari sees no meeting');

    buttonIn(larsTab.el, 'Yes, I will come').click();
    await until(larsTab.el, () => larsTab.store.snapshot.pending.size === 0 && textOf(inShadow(larsTab.el, '[part="your-part"] .answer')) === 'Your answer: Coming', 'Lars never saved');
    expect((await participant(api, 'm-lars')).response).to.equal('accepted');

    // Kari still sees version 1 and changes Lars from "welcome to come" to "must come".
    buttonIn(kariTab.el, 'Change').click();
    await settle(kariTab.el);
    const select = inShadow<HTMLSelectElement>(kariTab.el, 'select[aria-label*="Lars Haugen"]')!;
    select.value = 'required';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(kariTab.el);
    buttonIn(kariTab.el, 'Save changes').click();
    await until(kariTab.el, () => saveError(kariTab.el), 'Kari was not told', 10_000);
    expect(textOf(saveError(kariTab.el))).to.contain('Someone else changed this at the same time.');
    expect((await participant(api, 'm-lars')).response, 'nothing overwritten yet').to.equal('accepted');

    buttonIn(kariTab.el, 'Try again').click();
    await until(kariTab.el, () => !saveError(kariTab.el) && kariTab.store.snapshot.pending.size === 0, 'retry never ended', 10_000);
    const stored = await participant(api, 'm-lars');
    expect(stored, 'Lars\u2019s answer and Kari\u2019s change are both kept').to.deep.include({ required: true, response: 'accepted' });
    // What each person sees: Kari sees Lars coming and required; Lars, after a reload, his own answer.
    const kariRow = [...kariTab.el.shadowRoot!.querySelectorAll('li')].find((li) => textOf(li).startsWith('Lars Haugen'))!;
    expect(textOf(kariRow)).to.contain('Must come').and.to.contain('Coming');
    await larsTab.context.reload();
    await settle(larsTab.el);
    expect(textOf(inShadow(larsTab.el, '[part="your-part"] .answer'))).to.equal('Your answer: Coming');
    const puts = await writes(api);
    expect(puts.map((p) => [p.actor?.name, p.ifMatch])).to.deep.equal([
      ['Lars Haugen', '"1"'],
      ['Kari Nilsen', '"1"'],
      ['Kari Nilsen', '"2"'],
    ]);
    expect(puts[2].changeId, 'Try again is the same change').to.equal(puts[1].changeId);
  });

  it('Lars answers on two devices: the second sees both answers in plain words and chooses; nothing is saved before', async () => {
    const api = await freshApi();
    const phone = await connect<CareMeetingScheduler>(sourceFor(api), scheduler('m-lars'), 'care-meeting-scheduler', lars);
    const desk = await connect<CareMeetingScheduler>(sourceFor(api), scheduler('m-lars'), 'care-meeting-scheduler', lars);
    buttonIn(phone.el, 'Yes, I will come').click();
    await until(phone.el, () => phone.store.snapshot.pending.size === 0 && (phone.store.snapshot.record!.meetings[0].meta?.version ?? '') !== '1', 'the phone never saved');

    buttonIn(desk.el, 'No, I cannot come').click();
    await until(desk.el, () => saveError(desk.el), 'the desk was not told', 10_000);
    const box = textOf(saveError(desk.el));
    expect(box).to.contain('Someone else changed the same thing at the same time. Nothing has been saved yet.');
    expect(box).to.contain('Lars Haugen answered: Coming. You set: Not coming.');
    await expectAxeClean(desk.el, { rules: { 'color-contrast': { enabled: false } } });
    expect((await writes(api)).length, 'only the refused attempt was sent').to.equal(2);

    // Taking the other version writes nothing more and shows "Coming".
    buttonIn(desk.el, 'Keep the other version').click();
    await until(desk.el, () => !saveError(desk.el) && desk.store.snapshot.pending.size === 0, 'the choice never ended');
    expect((await participant(api, 'm-lars')).response).to.equal('accepted');
    expect((await writes(api)).length).to.equal(2);
    expect(textOf(inShadow(desk.el, '[part="your-part"] .answer'))).to.equal('Your answer: Coming');
  });

  it('one date of a series: moved by one person, cancelled by another; the second chooses, and one exception is stored', async () => {
    const api = await freshApi();
    const kariTab = await connect<CareMeetingScheduler>(sourceFor(api), scheduler('m-kari'), 'care-meeting-scheduler', kari);
    const larsTab = await connect<CareMeetingScheduler>(sourceFor(api), scheduler('m-lars'), 'care-meeting-scheduler', lars);
    // Lars moves 2 March 2027 to 4 March (another tab, written through its store).
    const series = larsTab.store.snapshot.record!.meetings.find((m) => m.id === 'mt-series')!;
    const recurrence = series.recurrence!;
    const moved = {
      ...series,
      recurrence: { ...recurrence, exceptions: [...recurrence.exceptions, { originalStart: '2027-03-02T09:00:00.000Z', start: '2027-03-04T09:00:00.000Z', end: '2027-03-04T10:30:00.000Z' }] },
    };
    expect((await larsTab.store.save({ entity: 'meeting', action: 'move-occurrence', value: moved })).ok).to.equal(true);

    // Kari, on the older copy, cancels the same date in the scheduler.
    const dates = [...kariTab.el.shadowRoot!.querySelectorAll('li')].filter((li) => textOf(li).includes('2 Mar'));
    const cancel = [...dates[0].querySelectorAll<HTMLButtonElement>('button')].find((b) => textOf(b).startsWith('Cancel this date'))!;
    cancel.click();
    await settle(kariTab.el);
    buttonIn(kariTab.el, 'Yes, cancel this date').click();
    await until(kariTab.el, () => saveError(kariTab.el), 'Kari was not told', 10_000);
    const box = textOf(saveError(kariTab.el));
    expect(box).to.match(/2 Mar.*in the other version: moved to .*4 Mar.*You set: cancelled\./);

    buttonIn(kariTab.el, 'Keep my version').click();
    await until(kariTab.el, () => !saveError(kariTab.el) && kariTab.store.snapshot.pending.size === 0, 'the choice never ended');
    const stored = (await serverRecord(api)).meetings.find((m) => m.id === 'mt-series')!.recurrence!.exceptions;
    const forTheDate = stored.filter((e) => Date.parse(e.originalStart) === Date.parse('2027-03-02T09:00:00Z'));
    expect(forTheDate, 'one exception for one date').to.have.length(1);
    expect(forTheDate[0].cancelled).to.equal(true);
    expect(stored.some((e) => Date.parse(e.originalStart) === Date.parse('2027-01-19T09:00:00Z')), 'the older exception stays').to.equal(true);
  });

  it('consent: two people decide differently at once; the later one sees both decisions and chooses', async () => {
    const api = await freshApi();
    const toggle = html`<care-consent-toggle directive-id="c-peer" audience="professional"></care-consent-toggle>`;
    const tab1 = await connect<CareConsentToggle>(sourceFor(api), toggle, 'care-consent-toggle', kari);
    const tab2 = await connect<CareConsentToggle>(sourceFor(api), toggle, 'care-consent-toggle', lars);
    const before = (await serverRecord(api)).consents.find((c) => c.id === 'c-peer')!;
    const choice = (el: Element, part: string) => inShadow<HTMLButtonElement>(el, `[part~="${part}"]`)!;
    expect(before.state).to.equal('not-recorded');

    choice(tab1.el, 'choice-yes').click();
    await until(tab1.el, () => tab1.store.snapshot.pending.size === 0 && tab1.store.snapshot.record!.consents.find((c) => c.id === 'c-peer')!.state === 'granted', 'tab 1 never saved');
    choice(tab2.el, 'choice-no').click();
    await until(tab2.el, () => inShadow(tab2.el, '[part="error"]'), 'tab 2 was not told');
    const box = textOf(inShadow(tab2.el, '[part="error"]'));
    expect(box).to.contain('Nothing has been saved yet');
    expect(box).to.contain('In the other version: Yes, sharing allowed. You chose: No, not shared.');
    expect((await serverRecord(api)).consents.find((c) => c.id === 'c-peer')!.state, 'not overwritten').to.equal('granted');

    inShadow<HTMLButtonElement>(tab2.el, '[part~="keep-mine"]')!.click();
    await until(tab2.el, () => tab2.store.snapshot.pending.size === 0 && !inShadow(tab2.el, '[part="error"]'), 'the choice never ended');
    const stored = (await serverRecord(api)).consents.find((c) => c.id === 'c-peer')!;
    expect(stored.state).to.equal('refused');
    // Append-only: both decisions are in the history, in order.
    expect(stored.history.slice((before.history ?? []).length).map((h) => [h.state, h.recordedBy?.name])).to.deep.equal([
      ['granted', 'Kari Nilsen'],
      ['refused', 'Lars Haugen'],
    ]);
  });
});
