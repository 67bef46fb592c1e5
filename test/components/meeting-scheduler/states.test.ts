import type { CareDataErrorEvent } from '../../../src/components/base/events.js';
import type { CareMeetingScheduler } from '../../../src/components/meeting-scheduler/meeting-scheduler.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, html, settle } from '../../helpers/fixture.js';
import { $, $$, meetingOf, record, renderScheduler, shadow, textOf } from './fixtures.js';

describe('<care-meeting-scheduler> states', () => {
  it('shows loading while the host fetches', async () => {
    const el = await fixture<CareMeetingScheduler>(html`<care-meeting-scheduler loading lang="en"></care-meeting-scheduler>`);
    await settle(el);
    const status = $(el, '[role="status"]');
    expect(textOf(status)).to.equal('Loading…');
    expect(textOf($(el, '#title'))).to.equal('Meeting');
    await expectAxeClean(el);
  });

  it('asks for people first when the team has nobody to invite', async () => {
    const data = record();
    data.team.members = data.team.members.filter((m) => m.id === 'm-ingrid' || m.id === 'm-tor');
    data.team.members.find((m) => m.id === 'm-ingrid')!.coordinator = true;
    const el = await renderScheduler({ data });
    expect(textOf($(el, '[part~="empty"]'))).to.contain('Add people to the team first');
    expect(Boolean(shadow(el).querySelector('form'))).to.equal(false);
    await expectAxeClean(el);
    const bare = await fixture<CareMeetingScheduler>(html`<care-meeting-scheduler lang="en"></care-meeting-scheduler>`);
    await settle(bare);
    expect(textOf($(bare, '[part~="empty"]'))).to.contain('Add people to the team first');
  });

  it('shows what is wrong with invalid data, fires care-data-error, and renders no form', async () => {
    const bad = { ...meetingOf('mt-series'), videoLink: 'javascript:alert(1)', start: 'next Tuesday' };
    const errors: CareDataErrorEvent[] = [];
    const data = record();
    const el = await fixture<CareMeetingScheduler>(html`<care-meeting-scheduler
      lang="en"
      .team=${data.team}
      .meeting=${bad}
      @care-data-error=${(e: CareDataErrorEvent) => errors.push(e)}
    ></care-meeting-scheduler>`);
    await settle(el);
    const alert = $(el, '[role="alert"]');
    expect(textOf(alert)).to.contain('This information cannot be shown');
    const paths = [...alert.querySelectorAll('code')].map(textOf);
    expect(paths).to.include('start');
    expect(paths).to.include('videoLink');
    expect(errors).to.have.length(1);
    expect(errors[0].detail.entity).to.equal('meeting');
    expect(Boolean(shadow(el).querySelector('a[href^="javascript"]'))).to.equal(false);
    await expectAxeClean(el);
  });

  it('names the list when availability breaks the contract', async () => {
    const data = record();
    const el = await fixture<CareMeetingScheduler>(html`<care-meeting-scheduler
      lang="en"
      .team=${data.team}
      .availability=${[{ memberId: 'm-kari', busy: [{ start: '2026-12-01T10:00:00Z', end: '2026-12-01T09:00:00Z' }] }]}
    ></care-meeting-scheduler>`);
    await settle(el);
    expect([...$(el, '[role="alert"]').querySelectorAll('code')].map(textOf)).to.deep.equal(['availability[0].busy[0].end']);
  });

  it('keeps hostile names and titles as text', async () => {
    const data = record();
    const ingrid = data.team.members.find((m) => m.id === 'm-ingrid')!;
    ingrid.name = '<img src=x onerror="window.__schedulerPwned=1">Ingrid';
    data.team.members.find((m) => m.id === 'm-amina')!.name = 'أمينة رحيمي';
    const meeting = meetingOf('mt-series');
    meeting.title = `<script>window.__schedulerPwned=1</script>${'Long title '.repeat(20)}`;
    meeting.location = { name: '<b>Room</b> "2"', address: 'x'.repeat(500), timeZone: 'Europe/Oslo' };
    meeting.agenda![0].title = '<a href="javascript:alert(1)">click</a>';
    const el = await renderScheduler({ data, meeting, me: 'm-ingrid' });
    const root = shadow(el);
    expect(root.querySelectorAll('img, script, b').length).to.equal(0);
    expect($$<HTMLAnchorElement>(el, 'a').every((a) => a.href.startsWith('https:') || a.href.startsWith('blob:') || a.getAttribute('href') === '#')).to.equal(true);
    expect(textOf($(el, '#title'))).to.contain('<script>window.__schedulerPwned=1</script>Long title');
    expect(textOf($(el, '[part="participants"]'))).to.contain('<img src=x onerror="window.__schedulerPwned=1">Ingrid');
    expect(textOf($(el, '[part="participants"]'))).to.contain('أمينة رحيمي');
    expect(textOf($(el, '[part="agenda"]'))).to.contain('<a href="javascript:alert(1)">click</a>');
    expect((window as unknown as { __schedulerPwned?: number }).__schedulerPwned).to.equal(undefined);
    // The element stays within its width however long the text.
    expect($(el, '.facts').scrollWidth).to.be.at.most($(el, '.facts').clientWidth + 1);
    await expectAxeClean(el);
  });

  it('fits a 320 px wide screen', async () => {
    const data = record();
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px">
      <care-meeting-scheduler lang="en" today="2026-12-01" .team=${data.team} .availability=${data.availability}></care-meeting-scheduler>
    </div>`);
    const el = wrapper.querySelector('care-meeting-scheduler')!;
    await settle(el);
    expect(el.scrollWidth).to.be.at.most(320);
    expect($(el, 'form').scrollWidth).to.be.at.most($(el, 'form').clientWidth + 1);
  });
});
