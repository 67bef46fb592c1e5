import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, settle } from '../../helpers/fixture.js';
import { $, $$, button, check, click, picker, renderScheduler, shadow, textOf, invite, suggested, record } from './fixtures.js';

describe('<care-meeting-scheduler> finding a time', () => {
  it('finds free times for everyone required, ranked, and fills in the chosen one', async () => {
    const el = await renderScheduler();
    await click(el, button(el, 'Find times that suit everyone'));
    const slots = $(el, '#suggested');
    expect(slots.getAttribute('part')).to.equal('slots');
    expect(textOf(slots.querySelector('legend'))).to.equal('Suggested times, best first');
    // Kari is busy on 1 December until 12:00 and Ingrid from 13 to 14: the first 90 minutes that suit both start at 14:00.
    expect(suggested(el)[0]).to.equal('Tuesday 1 Dec 2026, 14:00–15:30');
    // Suggestions do not overlap each other: real alternatives rather than the same hour every 15 minutes.
    expect(suggested(el)).to.deep.equal([
      'Tuesday 1 Dec 2026, 14:00–15:30',
      'Wednesday 2 Dec 2026, 08:00–09:30',
      'Wednesday 2 Dec 2026, 09:30–11:00',
      'Wednesday 2 Dec 2026, 11:00–12:30',
      'Wednesday 2 Dec 2026, 12:30–14:00',
      'Wednesday 2 Dec 2026, 14:00–15:30',
    ]);
    expect(textOf($(el, '#suggested .slot-note'))).to.equal('Everyone who must come is free.');
    expect(textOf($$(el, '[role="status"]').find((s) => textOf(s).includes('times found')))).to.match(/^\d+ times found\.$/);
    await check(el, $<HTMLInputElement>(el, '#slot-0'));
    expect($<HTMLInputElement>(el, '#date-input').value).to.equal('01/12/2026');
    expect($<HTMLSelectElement>(el, '#time').value).to.equal('14:00');
    expect(textOf($(el, '.chosen'))).to.equal('Chosen time: Tuesday 1 Dec 2026, 14:00–15:30');
    expect($$(el, '.agenda-item .item-time').map(textOf)).to.deep.equal(['14:00–14:20', '14:20–14:45', '14:45–15:05', '15:05–15:20']);
    await click(el, button(el, 'Show more times'));
    expect(suggested(el)).to.have.length(12);
    await expectAxeClean(el);
  });

  it('ranks times where optional people are free first, and says who is busy', async () => {
    const el = await renderScheduler();
    await invite(el, 'Amina Rahimi');
    await invite(el, 'Sofie Lund', 'optional');
    await click(el, button(el, 'Find times that suit everyone'));
    const labels = () => $$(el, '#suggested label').map(textOf);
    // Amina works Monday, Wednesday and Thursday; Sofie (welcome to come) is free on Monday 7 December.
    expect(suggested(el)[0]).to.equal('Monday 7 Dec 2026, 10:30–12:00');
    expect(labels()[0]).to.contain('Everyone who must come is free. Everyone welcome to come is free too.');
    // Wednesday 2 December 11:00 is earlier and suits everyone required, but Sofie is busy then: it ranks lower.
    expect(suggested(el)).not.to.include('Wednesday 2 Dec 2026, 11:00–12:30');
    expect(labels().every((t) => t.includes('free too'))).to.equal(true);
  });

  it('says so when no time suits everyone required', async () => {
    const data = record();
    // Kari is away for the whole four weeks.
    data.availability!.find((a) => a.memberId === 'm-kari')!.busy = [{ start: '2026-11-30T00:00:00+01:00', end: '2027-01-04T00:00:00+01:00' }];
    const el = await renderScheduler({ data });
    await click(el, button(el, 'Find times that suit everyone'));
    expect(Boolean(shadow(el).querySelector('#suggested'))).to.equal(false);
    expect(textOf($(el, '.find .none-found'))).to.contain('There is no time in the next four weeks');
  });

  it('marks days with free times in the date picker and lists that day\u2019s times after a date is chosen', async () => {
    const el = await renderScheduler();
    await click(el, button(el, 'Find times that suit everyone'));
    const datePicker = picker(el);
    expect(datePicker.marked).to.include('2026-12-02');
    expect(datePicker.min).to.equal('2026-12-01');
    datePicker.shadowRoot!.querySelector<HTMLButtonElement>('button.opener')!.click();
    await settle(el);
    expect(datePicker.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    await expectAxeClean(el);
    datePicker.shadowRoot!.querySelector<HTMLElement>('td[data-date="2026-12-03"]')!.click();
    await settle(el);
    expect($<HTMLInputElement>(el, '#date-input').value).to.equal('03/12/2026');
    const day = $(el, '.day-slots');
    expect(textOf(day.querySelector('legend'))).to.equal('Free times on Thursday 3 Dec 2026');
    const times = [...day.querySelectorAll('.slot-when')].map(textOf);
    // Kari is busy from 12:00 on Thursday; Ingrid and Kari are free 08:00–12:00.
    expect(times).to.deep.equal(['08:00–09:30', '08:15–09:45', '08:30–10:00', '08:45–10:15', '09:00–10:30', '09:15–10:45', '09:30–11:00', '09:45–11:15', '10:00–11:30', '10:15–11:45', '10:30–12:00']);
    await check(el, day.querySelector<HTMLInputElement>('#day-slot-4')!);
    expect($<HTMLSelectElement>(el, '#time').value).to.equal('09:00');
  });

});
