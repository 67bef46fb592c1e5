import * as v from 'valibot';
import type { CareMeetingChangeEvent, CareMeetingRequestEvent } from '../../../src/components/meeting-scheduler/events.js';
import { Meeting } from '../../../src/contract/meeting.js';
import { loadCatalogue } from '../../../src/i18n/locale.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, settle } from '../../helpers/fixture.js';
import { deepActiveElement } from '../../helpers/keys.js';
import { $, button, check, click, fill, picker, renderScheduler, textOf, describeNode, meetingEvents, invite, fillPlace, suggested } from './fixtures.js';

describe('<care-meeting-scheduler> booking', () => {
  it('books: fires the request, then the change, and shows the booked meeting', async () => {
    const el = await renderScheduler();
    const log = meetingEvents(el);
    await invite(el, 'Lars Haugen', 'optional');
    await fill(el, '#support', 'm-erik');
    await fillPlace(el);
    await fill(el, '#date-input', '02/12/2026');
    await fill(el, '#time', '11:00');
    await check(el, $<HTMLInputElement>(el, '#repeat-weekly'));
    await fill(el, '#interval', '6');
    await fill(el, '#count', '6');
    await click(el, button(el, 'Book the meeting'));
    await settle(el);
    expect(log.map((e) => e.type)).to.deep.equal(['care-meeting-request', 'care-meeting-change']);
    const request = log[0] as CareMeetingRequestEvent;
    expect(request.cancelable).to.equal(true);
    expect(request.detail.action).to.equal('book');
    expect(request.detail.previous).to.equal(undefined);
    const meeting = request.detail.meeting;
    expect(v.safeParse(Meeting, meeting).success).to.equal(true);
    expect(meeting).to.deep.include({
      kind: 'responsibility-group',
      mode: 'hybrid',
      status: 'booked',
      start: '2026-12-02T10:00:00.000Z',
      end: '2026-12-02T11:30:00.000Z',
      timeZone: 'Europe/Oslo',
      videoLink: 'https://video.fjordvik.example/room-2',
    });
    expect(meeting.location).to.deep.equal({ name: 'Fjordvik Health House, room 2', timeZone: 'Europe/Oslo' });
    expect(meeting.recurrence).to.deep.equal({ frequency: 'weekly', interval: 6, count: 6, exceptions: [] });
    expect(meeting.participants).to.deep.equal([
      { memberId: 'm-ingrid', required: true, response: 'needs-action' },
      { memberId: 'm-kari', required: true, response: 'needs-action' },
      { memberId: 'm-lars', required: false, response: 'needs-action' },
      { memberId: 'm-erik', required: true, response: 'needs-action', supportFor: 'm-ingrid' },
    ]);
    expect(meeting.agenda.map((i) => [i.start, i.end])).to.deep.equal([
      ['2026-12-02T10:00:00.000Z', '2026-12-02T10:20:00.000Z'],
      ['2026-12-02T10:20:00.000Z', '2026-12-02T10:45:00.000Z'],
      ['2026-12-02T10:45:00.000Z', '2026-12-02T11:05:00.000Z'],
      ['2026-12-02T11:05:00.000Z', '2026-12-02T11:20:00.000Z'],
    ]);
    expect((log[1] as CareMeetingChangeEvent).detail.meeting).to.deep.equal(meeting);
    expect(textOf($(el, '#title'))).to.equal('Responsibility-group meeting');
    expect(describeNode(deepActiveElement())).to.equal(describeNode($(el, '#title')));
    expect(textOf($(el, '.status'))).to.equal('The meeting is booked.');
    expect(el.meeting).to.deep.equal(meeting);
  });

  it('keeps to the chosen zone: 10:00 in London is 11:00 in Oslo', async () => {
    const el = await renderScheduler();
    const log = meetingEvents(el);
    await check(el, $<HTMLInputElement>(el, '#mode-digital'));
    await fill(el, '#video-link', 'https://video.example/a');
    await fill(el, '#zone', 'Europe/London');
    await fill(el, '#date-input', '2026-12-09');
    await fill(el, '#time', '10:00');
    await click(el, button(el, 'Book the meeting'));
    const meeting = (log[0] as CareMeetingRequestEvent).detail.meeting;
    expect(meeting.start).to.equal('2026-12-09T10:00:00.000Z');
    expect(meeting.timeZone).to.equal('Europe/London');
    expect(meeting.location).to.equal(undefined);
  });

  it('stays in the form, with everything typed, when the host vetoes the booking', async () => {
    const el = await renderScheduler();
    el.addEventListener('care-meeting-request', (e) => e.preventDefault());
    let changes = 0;
    el.addEventListener('care-meeting-change', () => changes++);
    await fill(el, '#title-input', 'Spring review');
    await fillPlace(el);
    await fill(el, '#date-input', '02/12/2026');
    await fill(el, '#time', '11:00');
    await click(el, button(el, 'Book the meeting'));
    await settle(el);
    expect(changes).to.equal(0);
    expect(textOf($(el, '#title'))).to.equal('Plan a meeting');
    expect($<HTMLInputElement>(el, '#title-input').value).to.equal('Spring review');
    expect(textOf($(el, '.status'))).to.equal('The change was stopped by the page.');
    expect(el.meeting).to.equal(undefined);
  });

  it('shows a failed host save with a retry, and keeps what was typed', async () => {
    const el = await renderScheduler();
    let attempts = 0;
    el.addEventListener('care-meeting-request', (e) => {
      attempts++;
      if (attempts === 1) e.waitUntil(Promise.reject(new Error('offline')));
    });
    const errors: Event[] = [];
    el.addEventListener('care-error', (e) => errors.push(e));
    await fill(el, '#title-input', 'Spring review');
    await fillPlace(el);
    await fill(el, '#date-input', '02/12/2026');
    await fill(el, '#time', '11:00');
    await click(el, button(el, 'Book the meeting'));
    await settle(el);
    const alert = $(el, '.save-error');
    // The failure is announced by the alert region that was already there, not by this new box.
    expect(textOf($(el, '[role="alert"]'))).to.contain('Your change was not saved.');
    expect(textOf(alert)).to.contain('Your change was not saved.');
    expect(textOf(alert)).to.contain('What you wrote is still here.');
    expect(errors).to.have.length(1);
    expect($<HTMLInputElement>(el, '#title-input').value).to.equal('Spring review');
    await expectAxeClean(el);
    await click(el, button(el, 'Try again'));
    await settle(el);
    expect(attempts).to.equal(2);
    expect(textOf($(el, '#title'))).to.equal('Spring review');
  });

  it('speaks Norwegian bokmål with 24-hour times and day-first dates', async () => {
    await loadCatalogue('nb');
    const el = await renderScheduler({ lang: 'nb' });
    expect(textOf($(el, '#title'))).to.equal('Planlegg et møte');
    await click(el, button(el, 'Finn tider som passer alle'));
    expect(suggested(el)[0]).to.equal('tirsdag 1. des. 2026, 14:00–15:30');
    await check(el, $<HTMLInputElement>(el, '#slot-0'));
    expect($<HTMLInputElement>(el, '#date-input').value).to.equal('01.12.2026');
    expect(picker(el).getAttribute('lang')).to.equal('nb');
    await expectAxeClean(el);
  });
});
