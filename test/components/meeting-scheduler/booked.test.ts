import * as v from 'valibot';
import { expandOccurrences } from '../../../src/components/meeting-scheduler/recurrence.js';
import { Meeting } from '../../../src/contract/meeting.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, settle } from '../../helpers/fixture.js';
import { $, $$, button, click, describeNode, downloadIcs, fill, meetingOf, meetingRequests, renderScheduler, shadow, textOf } from './fixtures.js';
import { deepActiveElement } from '../../helpers/keys.js';


const fact = (el: Element, term: string) => {
  const row = $$(el, '.facts > div').find((d) => textOf(d.querySelector('dt')) === term);
  return textOf(row?.querySelector('dd'));
};

const dates = (el: Element) => $$(el, '[part~="occurrence"]');

describe('<care-meeting-scheduler> showing a booked series', () => {
  it('shows when, where, how, the series, the video link and the answers, in text with icons', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    expect(textOf($(el, '#title'))).to.equal('Responsibility-group meeting');
    expect(textOf($(el, '.meta'))).to.equal('Booked', 'the kind is not repeated when it is the title');
    expect(fact(el, 'Next time')).to.equal('Tuesday 8 Dec 2026, 10:00–11:30 (time in Europe/Oslo)');
    expect(fact(el, 'Repeats')).to.equal('Every 6 weeks, 6 times');
    expect(fact(el, 'How')).to.equal('In person and video');
    expect(fact(el, 'Where')).to.equal('Fjordvik Health House, meeting room 2Kaigata 4, 5900 Fjordvik');
    const link = $<HTMLAnchorElement>(el, '.facts a');
    expect(link.href).to.equal('https://video.fjordvik.example/ansvarsgruppe-ingrid');
    expect(link.rel).to.equal('noopener noreferrer');
    const people = $$(el, '[part="participants"] li').map(textOf);
    expect(people).to.have.length(7);
    expect(people[1]).to.equal('Erik Solberg Brother (next of kin) Welcome to come Support person for Ingrid Solberg Maybe');
    expect(people[3]).to.contain('Not answered yet');
    expect(people[5]).to.contain('Not coming');
    expect($$(el, '[part="participants"] .response svg[aria-hidden="true"]')).to.have.length(7);
    expect($$(el, '[part="agenda"] li').map((li) => textOf(li.querySelector('.item-time')))).to.deep.equal(['10:00–10:20', '10:20–10:45', '10:45–11:15', '11:15–11:30']);
    await expectAxeClean(el);
  });

  it('lists every date of the series with the moved one marked', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    expect(textOf($(el, '#dates-title'))).to.equal('All 6 dates');
    expect(dates(el).map((d) => textOf(d.querySelector('.occurrence-when')))).to.deep.equal([
      'Tuesday 8 Dec 2026, 10:00–11:30',
      'Thursday 21 Jan 2027, 10:00–11:30',
      'Tuesday 2 Mar 2027, 10:00–11:30',
      'Tuesday 13 Apr 2027, 10:00–11:30',
      'Tuesday 25 May 2027, 10:00–11:30',
      'Tuesday 6 Jul 2027, 10:00–11:30',
    ]);
    expect(dates(el)[1].getAttribute('part')).to.equal('occurrence occurrence-moved');
    expect(textOf(dates(el)[1].querySelector('.tag'))).to.equal('Moved from Tuesday 19 Jan 2027, 10:00–11:30');
  });

  it('shows the viewer\u2019s own time when their zone differs from the venue\u2019s', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series'), viewerTimeZone: 'America/New_York' });
    expect(fact(el, 'Next time')).to.equal(
      'Tuesday 8 Dec 2026, 10:00–11:30 (time in Europe/Oslo) Your time: Tuesday 8 Dec 2026, 04:00–05:30 (America/New_York)',
    );
  });

  it('gives a professional their own part of the agenda and lets them answer', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series'), me: 'm-lars' });
    const part = $(el, '[part="your-part"]');
    expect(textOf(part.querySelector('h3'))).to.equal('Your part');
    expect([...part.querySelectorAll('.your-items li')].map(textOf)).to.deep.equal(['10:20–10:45 Medicines and blood tests']);
    expect(textOf(part.querySelector('.answer'))).to.equal('Your answer: Not answered yet');
    expect(textOf($(el, '[part="agenda"] li.mine'))).to.contain('Your part');
    const log = meetingRequests(el);
    await click(el, button(el, 'Yes, I will come'));
    await settle(el);
    expect(log[0].detail.action).to.equal('respond');
    expect(log[0].detail.meeting.participants.find((p) => p.memberId === 'm-lars')!.response).to.equal('accepted');
    expect(log[0].detail.previous!.participants.find((p) => p.memberId === 'm-lars')!.response).to.equal('needs-action');
    expect(textOf($(el, '[part="your-part"] .answer'))).to.equal('Your answer: Coming');
    expect(button(el, 'Yes, I will come').getAttribute('aria-pressed')).to.equal('true');
    expect(textOf($(el, '.status'))).to.equal('Your answer is saved.');
  });

  it('shows the service user the whole meeting in plain words, large targets and no management buttons', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series'), me: 'm-ingrid', audience: 'service-user' });
    const items = $$(el, '[part="your-part"] .your-items li').map(textOf);
    expect(items).to.deep.equal([
      '10:00–10:20 How has it been since last time?',
      '10:20–10:45 Medicines and blood tests',
      '10:45–11:15 Work, money and housing',
      '11:15–11:30 Did everyone understand the plan?',
    ]);
    expect(textOf($(el, '[part="your-part"] p'))).to.equal('You are needed 10:00–11:30:');
    const buttons = $$<HTMLButtonElement>(el, 'button').map(textOf);
    expect(buttons).to.deep.equal(['Yes, I will come', 'Maybe', 'No, I cannot come']);
    for (const b of $$<HTMLButtonElement>(el, 'button')) expect(b.getBoundingClientRect().height).to.be.at.least(44);
    expect(Boolean(shadow(el).querySelector('[part="download"]'))).to.equal(true);
    // Warnings about consent are for professionals planning, and they are shown in plain words here too.
    await expectAxeClean(el);
  });

  it('warns about consent and working hours for the dates still to come', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    expect($$(el, '[part="warnings"] li').map(textOf)).to.deep.equal([
      'Warning: There is no consent in force to share information with Erik Solberg.',
      'Warning: Ola Berg works for Fjordvik Home Nursing. There is no consent in force to share information with them.',
      'Warning: This is outside Amina Rahimi’s working hours: 8 Dec 2026 10:00, 2 Mar 2027 10:00, 13 Apr 2027 10:00 and 2 more.',
    ]);
  });

  it('works the warnings out again when what they come from changes, and only then', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    const hours = () => $$(el, '[part="warnings"] li').map(textOf).find((w) => w.includes('working hours')) ?? '';
    expect(hours()).to.contain('8 Dec 2026 10:00');
    // A dialog opening re-renders the meeting; the warnings stay as they were.
    await click(el, dates(el)[2].querySelector<HTMLButtonElement>('button[data-move]')!);
    expect(hours()).to.contain('8 Dec 2026 10:00');
    el.today = '2027-03-03';
    await settle(el);
    expect(hours(), 'dates before the new today are no longer warned about').to.not.contain('8 Dec 2026');
    expect(hours()).to.contain('13 Apr 2027 10:00');
  });

  it('moves one date of the series through a request with the new exception', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    const log = meetingRequests(el);
    const third = dates(el)[2];
    await click(el, third.querySelector<HTMLButtonElement>('button[data-move]')!);
    expect(describeNode(deepActiveElement())).to.equal(describeNode($(el, '#move-date')));
    expect($<HTMLInputElement>(el, '#move-date').value).to.equal('02/03/2027');
    expect(textOf($(el, '#move-title'))).to.equal('Move the meeting on Tuesday 2 Mar 2027, 10:00–11:30 to:');
    await fill(el, '#move-date', '04/03/2027');
    await fill(el, '#move-time', '12:30');
    await click(el, button(el, 'Save new time'));
    await settle(el);
    expect(log).to.have.length(1);
    const { action, meeting } = log[0].detail;
    expect(action).to.equal('move-occurrence');
    expect(v.safeParse(Meeting, meeting).success).to.equal(true);
    expect(meeting.recurrence!.exceptions).to.deep.include({
      originalStart: '2027-03-02T09:00:00.000Z',
      start: '2027-03-04T11:30:00.000Z',
      end: '2027-03-04T13:00:00.000Z',
    });
    expect(textOf(dates(el)[2].querySelector('.occurrence-when'))).to.equal('Thursday 4 Mar 2027, 12:30–14:00');
    expect(textOf(dates(el)[2].querySelector('.tag'))).to.equal('Moved from Tuesday 2 Mar 2027, 10:00–11:30');
    expect(textOf($(el, '.status'))).to.equal('The date is moved.');
  });

  it('closes the move form with Cancel and returns focus to its Move button', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    await click(el, dates(el)[3].querySelector<HTMLButtonElement>('button[data-move]')!);
    await click(el, $(el, '.move button[type="button"]:not(.opener)'));
    expect(Boolean(shadow(el).querySelector('#move-date'))).to.equal(false);
    expect((deepActiveElement() as HTMLElement).dataset.move).to.equal(expandOccurrences(v.parse(Meeting, meetingOf('mt-series')))[3].originalStart);
  });

  it('cancels one date after asking, and shows it as cancelled', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    const log = meetingRequests(el);
    await click(el, [...dates(el)[4].querySelectorAll<HTMLButtonElement>('button')][1]);
    const confirm = $(el, '.confirm');
    expect(textOf(confirm.querySelector('p'))).to.equal('Cancel the meeting on Tuesday 25 May 2027, 10:00–11:30? Everyone invited will see that it is cancelled.');
    // Focus starts on the safe answer, so Enter twice does not cancel.
    expect(describeNode(deepActiveElement())).to.equal(describeNode(button(el, 'No, keep it')));
    await expectAxeClean(el);
    await click(el, button(el, 'Yes, cancel this date'));
    await settle(el);
    expect(log[0].detail.action).to.equal('cancel-occurrence');
    expect(log[0].detail.meeting.recurrence!.exceptions).to.deep.include({ originalStart: '2027-05-25T08:00:00.000Z', cancelled: true });
    expect(dates(el)[4].getAttribute('part')).to.equal('occurrence occurrence-cancelled');
    expect(textOf(dates(el)[4])).to.contain('Cancelled');
    expect(dates(el)[4].querySelectorAll('button')).to.have.length(0);
  });

  it('cancels the whole series after asking; "No, keep it" changes nothing', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    const log = meetingRequests(el);
    await click(el, button(el, 'Cancel all dates'));
    await click(el, button(el, 'No, keep it'));
    expect(log).to.have.length(0);
    await click(el, button(el, 'Cancel all dates'));
    await click(el, button(el, 'Yes, cancel the meeting'));
    await settle(el);
    expect(log[0].detail.action).to.equal('cancel');
    expect(log[0].detail.meeting.status).to.equal('cancelled');
    expect(textOf($(el, '.meta .badge'))).to.equal('Cancelled');
    expect($$(el, 'button').map(textOf)).not.to.include('Change');
  });

  it('opens the planning form filled in to change the meeting, and saves it as an update', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    const log = meetingRequests(el);
    await click(el, button(el, 'Change'));
    expect(textOf($(el, '#title'))).to.equal('Change the meeting');
    expect($<HTMLInputElement>(el, '#title-input').value).to.equal('Responsibility-group meeting');
    expect($<HTMLInputElement>(el, '#date-input').value).to.equal('08/12/2026');
    expect($<HTMLSelectElement>(el, '#time').value).to.equal('10:00');
    expect($<HTMLInputElement>(el, '#repeat-weekly').checked).to.equal(true);
    expect($<HTMLSelectElement>(el, '#support').value).to.equal('m-erik');
    await fill(el, '#title-input', 'Responsibility-group meeting (winter)');
    await click(el, button(el, 'Save changes'));
    await settle(el);
    expect(log[0].detail.action).to.equal('update');
    const after = log[0].detail.meeting;
    expect(after.title).to.equal('Responsibility-group meeting (winter)');
    // Same times: the moved date and every answer are kept.
    expect(after.recurrence!.exceptions).to.have.length(1);
    expect(after.participants).to.deep.equal(log[0].detail.previous!.participants);
    expect(after.agenda.map((i) => i.id)).to.deep.equal(['a-1', 'a-2', 'a-3', 'a-4']);
    expect(textOf($(el, '#title'))).to.equal('Responsibility-group meeting (winter)');
  });

  it('names participants from outside the team by the name the meeting gives them, and keeps it when the meeting is changed', async () => {
    const meeting = meetingOf('mt-series');
    // As a FHIR Appointment is read: someone not on the team, and someone known only by display text.
    meeting.participants.push(
      { memberId: 'Practitioner/elsewhere', name: 'Dr Siri Berg', required: false, response: 'tentative' } as (typeof meeting.participants)[number],
      { memberId: 'display:Interpreter on call', name: 'Interpreter on call', required: true, response: 'needs-action' } as (typeof meeting.participants)[number],
      { memberId: 'Practitioner/nameless', required: false, response: 'needs-action' },
    );
    meeting.agenda![1].attendeeIds = [...meeting.agenda![1].attendeeIds!, 'Practitioner/elsewhere'];
    const el = await renderScheduler({ meeting });
    const people = $$(el, '[part="participants"] li').map((li) => textOf(li.querySelector('.name')));
    expect(people.slice(-3)).to.deep.equal(['Dr Siri Berg', 'Interpreter on call', 'Unknown person']);
    expect(textOf($$(el, '[part="agenda"] li')[1])).to.contain('Dr Siri Berg');
    expect(textOf(shadow(el)).match(/Unknown person/g), 'only the participant without any name').to.have.length(1);

    const log = meetingRequests(el);
    await click(el, button(el, 'Change'));
    expect($$(el, '.attendees label').map(textOf)).to.include('Dr Siri Berg');
    await fill(el, '#title-input', 'Responsibility-group meeting (winter)');
    await click(el, button(el, 'Save changes'));
    await settle(el);
    const saved = log[0].detail.meeting.participants as Array<{ memberId: string; name?: string }>;
    expect(saved.find((p) => p.memberId === 'Practitioner/elsewhere')!.name).to.equal('Dr Siri Berg');
    expect(saved.find((p) => p.memberId === 'display:Interpreter on call')!.name).to.equal('Interpreter on call');
    expect(textOf($(el, '[part="participants"]'))).to.contain('Dr Siri Berg');
  });

  it('offers the .ics file as a download link that holds the meeting', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-series') });
    const file = await downloadIcs(el);
    expect(file.name).to.equal('responsibility-group-meeting-2026-12-08.ics');
    const link = $<HTMLAnchorElement>(el, '[part="download"]');
    expect(link.download, 'from then on the link itself carries the file').to.equal(file.name);
    expect(link.href.startsWith('blob:')).to.equal(true);
    const text = await (await fetch(link.href)).text();
    expect(text).to.contain('BEGIN:VCALENDAR');
    expect(text).to.contain('RRULE:FREQ=WEEKLY;INTERVAL=6;COUNT=6');
    // Unfolded, the description names the zone its agenda times are on.
    expect(text.replace(/\r\n /g, '')).to.contain('DESCRIPTION:Agenda (time in Europe/Oslo)\\n10:00–10:20 How has it been since last time?');
  });
});

describe('<care-meeting-scheduler> showing single meetings', () => {
  it('books a proposed meeting in the venue\u2019s zone', async () => {
    const el = await renderScheduler({ meeting: meetingOf('mt-gp') });
    expect(textOf($(el, '.meta'))).to.equal('Double GP appointment Suggested, not booked yet');
    expect(fact(el, 'When')).to.equal('Wednesday 2 Dec 2026, 13:00–13:40 (time in Europe/Oslo)');
    expect(Boolean(shadow(el).querySelector('[part="occurrences"]'))).to.equal(false);
    const log = meetingRequests(el);
    await click(el, button(el, 'Book this time'));
    await settle(el);
    expect(log[0].detail.action).to.equal('book');
    expect(log[0].detail.meeting.status).to.equal('booked');
    expect(textOf($(el, '.meta .badge'))).to.equal('Booked');
  });

  it('shows a digital meeting without a place, and an in-person one without a video link', async () => {
    const digital = { ...meetingOf('mt-gp'), mode: 'digital' as const, location: undefined, videoLink: 'https://video.example/gp' };
    let el = await renderScheduler({ meeting: digital });
    expect(fact(el, 'How')).to.equal('Video');
    expect(fact(el, 'Where')).to.equal('');
    expect(textOf($(el, '.facts a'))).to.equal('Join the video meeting (opens in a new tab)');
    el = await renderScheduler({ meeting: meetingOf('mt-october') });
    expect(fact(el, 'How')).to.equal('In person');
    expect(Boolean(shadow(el).querySelector('.facts a'))).to.equal(false);
    // A meeting that has taken place can no longer be changed.
    expect($$(el, 'button').map(textOf)).to.deep.equal([]);
  });
});
