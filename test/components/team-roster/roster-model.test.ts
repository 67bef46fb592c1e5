import * as v from 'valibot';
import { CareTeam } from '../../../src/contract/team.js';
import {
  addDays,
  arrangeTeam,
  contactHref,
  dayRuns,
  isIsoDate,
  prepareTeam,
  searchable,
  todayHours,
  visibleTo,
  weekdayOf,
  weeklyHours,
} from '../../../src/components/team-roster/roster-model.js';
import { expect } from '../../helpers/fixture.js';
import { fjordvikTeam, MONDAY, teamWith } from './fixtures.js';

const parsed = (input = fjordvikTeam()) => v.parse(CareTeam, input);

describe('roster model', () => {
  it('finds weekdays and moves dates across month and year ends', () => {
    expect(weekdayOf(MONDAY)).to.equal('mon');
    expect(weekdayOf('2027-01-03')).to.equal('sun');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(isIsoDate('2026-02-30')).to.equal(false);
    expect(isIsoDate('2026-12-07')).to.equal(true);
    expect(isIsoDate('7.12.2026')).to.equal(false);
  });

  it('writes weekday runs the short way', () => {
    expect(dayRuns(['mon', 'tue', 'wed', 'thu', 'fri'])).to.deep.equal([['mon', 'fri']]);
    expect(dayRuns(['tue', 'thu'])).to.deep.equal([['tue'], ['thu']]);
    expect(dayRuns(['sat', 'sun', 'mon'])).to.deep.equal([['mon'], ['sat'], ['sun']]);
    expect(dayRuns(['mon', 'wed', 'thu', 'fri', 'sun'])).to.deep.equal([['mon'], ['wed', 'fri'], ['sun']]);
  });

  it('merges hours with the same times and finds today’s span', () => {
    const hours = [
      { days: ['mon' as const, 'tue' as const], opens: '08:00', closes: '15:30' },
      { days: ['sat' as const], opens: '10:00', closes: '14:00' },
      { days: ['wed' as const], opens: '08:00', closes: '15:30' },
    ];
    expect(weeklyHours(hours)).to.deep.equal([
      { days: ['mon', 'tue', 'wed'], opens: '08:00', closes: '15:30' },
      { days: ['sat'], opens: '10:00', closes: '14:00' },
    ]);
    expect(todayHours(hours, 'sat')).to.deep.equal({ open: true, opens: '10:00', closes: '14:00' });
    expect(todayHours(hours, 'sun')).to.deep.equal({ open: false });
  });

  it('links only safe values', () => {
    expect(contactHref({ channel: 'sms', value: '+47 (900) 10-021' })).to.equal('sms:+4790010021');
    expect(contactHref({ channel: 'phone', value: 'tel:123' })).to.equal(undefined);
    expect(contactHref({ channel: 'email', value: 'kari.nilsen@fjordvik.example' })).to.equal('mailto:kari.nilsen@fjordvik.example');
    expect(contactHref({ channel: 'email', value: 'x@y.example%0Abcc:z' })).to.equal(undefined);
    expect(contactHref({ channel: 'video', value: 'https://video.example/a b' })).to.equal('https://video.example/a%20b');
    expect(contactHref({ channel: 'video', value: 'data:text/html,<script>' })).to.equal(undefined);
    expect(contactHref({ channel: 'secure-message', value: 'https://' })).to.equal(undefined);
  });

  it('shows a private contact only to the audiences it names', () => {
    const contact = { channel: 'phone' as const, value: '1234', private: true, visibleTo: ['professional' as const] };
    expect(visibleTo(contact, 'professional')).to.equal(true);
    expect(visibleTo(contact, 'service-user')).to.equal(false);
    expect(visibleTo({ ...contact, visibleTo: undefined }, 'professional')).to.equal(false);
    expect(visibleTo({ channel: 'phone', value: '1234' }, 'service-user')).to.equal(true);
  });

  it('folds case and accents for search', () => {
    expect(searchable('Åse Ødegård')).to.equal('ase ødegard');
    expect(searchable('ANNE-MARIE')).to.equal('anne-marie');
  });

  it('orders members: coordinator, service user, the team’s order, ended last', () => {
    const prepared = prepareTeam(parsed(), { audience: 'service-user', today: MONDAY });
    expect(prepared.members.map((v) => v.member.id)).to.deep.equal([
      'm-kari', 'm-ingrid', 'm-lars', 'm-amina', 'm-ola', 'm-sofie', 'm-erik', 'm-hanne', 'm-tor',
    ]);
    expect(prepared.activeCount).to.equal(8);
    expect(prepared.endedCount).to.equal(1);
    expect(prepared.coordinator?.member.id).to.equal('m-kari');
    expect(prepared.missingSectors).to.deep.equal([]);
  });

  it('finds expected sectors that nobody active covers', () => {
    const team = teamWith((t) => {
      t.members = t.members.filter((m) => m.id !== 'm-sofie');
    });
    const prepared = prepareTeam(parsed(team), { audience: 'professional', today: MONDAY });
    expect(prepared.missingSectors).to.deep.equal(['social-welfare']);
    const byOrganisation = arrangeTeam(prepared, { groupBy: 'organisation', showEnded: false, text: '' });
    expect(byOrganisation.groups.at(-1)).to.deep.include({ id: 'missing', missingSectors: ['social-welfare'] });
    const searching = arrangeTeam(prepared, { groupBy: 'sector', showEnded: false, text: 'kari' });
    expect(searching.groups.flatMap((g) => g.missingSectors)).to.deep.equal([]);
    const chosen = arrangeTeam(prepared, { groupBy: 'sector', showEnded: false, text: '', sector: 'social-welfare' });
    expect(chosen.groups).to.have.length(1);
    expect(chosen.groups[0].missingSectors).to.deep.equal(['social-welfare']);
  });

  it('searches role codes for professionals only', () => {
    const forProfessional = prepareTeam(parsed(), { audience: 'professional', today: MONDAY });
    const forServiceUser = prepareTeam(parsed(), { audience: 'service-user', today: MONDAY });
    const options = { groupBy: 'none' as const, showEnded: false, text: '62247001' };
    expect(arrangeTeam(forProfessional, options).shownCount).to.equal(1);
    expect(arrangeTeam(forServiceUser, options).shownCount).to.equal(0);
  });

  it('marks confirmations older than the period, counting the team’s date for members without one', () => {
    const prepared = prepareTeam(parsed(), { audience: 'professional', today: MONDAY, confirmWithinDays: 83 });
    const marked = prepared.members.filter((v) => v.unconfirmedSince).map((v) => [v.member.id, v.unconfirmedSince]);
    expect(marked).to.deep.equal([
      ['m-kari', '2026-09-14'], ['m-ingrid', '2026-09-14'], ['m-lars', '2026-09-14'], ['m-amina', '2026-04-02'],
      ['m-ola', '2026-09-14'], ['m-sofie', '2026-09-14'], ['m-erik', '2026-09-14'], ['m-hanne', '2026-09-14'],
    ]);
    expect(prepared.teamUnconfirmedSince).to.equal('2026-09-14');
    const within = prepareTeam(parsed(), { audience: 'professional', today: MONDAY, confirmWithinDays: 84 });
    expect(within.teamUnconfirmedSince).to.equal(undefined);
  });
});
