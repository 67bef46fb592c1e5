import * as v from 'valibot';
import { expect } from '@open-wc/testing';
import { CareRecord, check, ConsentDirective, ContactPoint, Meeting, type ContractIssue, type ContractResult } from '../../src/contract/index.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { contactHref } from '../../src/components/team-roster/roster-model.js';
import { meetingToIcs } from '../../src/components/meeting-scheduler/ics.js';
import { draftFromMeeting, draftProblems } from '../../src/components/meeting-scheduler/draft.js';
import { CareTeam } from '../../src/contract/team.js';

const issuesOf = (result: ContractResult<unknown>): ContractIssue[] => {
  expect(result.ok, 'expected the data to be refused').to.equal(false);
  return (result as { issues: ContractIssue[] }).issues;
};

describe('ids that cannot name anything in an address', () => {
  for (const id of ['.', '..']) {
    it(`refuses the id "${id}" with a message that says why`, () => {
      const issues = issuesOf(check(ConsentDirective, { ...fjordvik.consents[0], id }));
      expect(issues.map((i) => i.path)).to.deep.equal(['id']);
      expect(issues[0].message).to.contain('must not be "." or ".."');
      expect(issuesOf(check(CareRecord, { ...fjordvik, team: { ...fjordvik.team, id } })).map((i) => i.path)).to.deep.equal(['team.id']);
      // Dots inside an id are fine.
      expect(check(ConsentDirective, { ...fjordvik.consents[0], id: `c${id}gp${id}v2` }).ok).to.equal(true);
    });
  }
});

describe('links are what they look like', () => {
  const meeting = fjordvik.meetings[0];

  it('refuses a user name before the host in a video link and in contact links', () => {
    const hidden = 'https://good.example@evil.example/';
    const issues = issuesOf(check(Meeting, { ...meeting, videoLink: hidden }));
    expect(issues.map((i) => i.path)).to.deep.equal(['videoLink']);
    expect(issues[0].message).to.contain('user name');
    expect(issuesOf(check(Meeting, { ...meeting, videoLink: 'https://user:secret@video.example/x' })).map((i) => i.path)).to.deep.equal(['videoLink']);
    for (const channel of ['video', 'secure-message'] as const) {
      expect(issuesOf(check(ContactPoint, { channel, value: hidden })).map((i) => i.path)).to.deep.equal(['value']);
      expect(contactHref({ channel, value: hidden })).to.equal(undefined);
    }
    expect(check(Meeting, { ...meeting, videoLink: 'https://video.fjordvik.example/room-2?pwd=abc' }).ok).to.equal(true);
  });

  it('takes an e-mail address only: no ?cc=, &body= or other extras', () => {
    for (const value of ['kari@fjordvik.example?cc=boss@evil.example&body=hi', 'kari@fjordvik.example&body=x', 'ka%72i@fjordvik.example', 'kari@fjordvik.example#x', 'kari@fjordvik.example,evil@evil.example']) {
      expect(issuesOf(check(ContactPoint, { channel: 'email', value })).map((i) => i.path), value).to.deep.equal(['value']);
      expect(contactHref({ channel: 'email', value }), value).to.equal(undefined);
    }
    for (const value of ['kari.nilsen@fjordvik.kommune.no', "o'neil+care@helse-vest.no", 'ase@øvre.example']) {
      expect(check(ContactPoint, { channel: 'email', value }).ok, value).to.equal(true);
    }
  });

  it('never puts mailto extras into a calendar attendee, even when data skipped the contract', () => {
    const parsed = v.parse(Meeting, meeting);
    const members = [{ id: parsed.participants[0].memberId, name: 'Ingrid', contacts: [{ channel: 'email', value: 'i@x.example?cc=evil@evil.example&body=hi' }] }];
    const text = meetingToIcs(parsed, { members, now: 0 }).replace(/\r\n /g, '');
    expect(text).not.to.contain('evil.example');
    expect(text).to.contain(`CN=Ingrid:urn:care-elements:member:${parsed.participants[0].memberId}`);
  });

  it('tells the person planning a meeting that a video link with a name before the host cannot be used', () => {
    const draft = draftFromMeeting(v.parse(Meeting, meeting), v.parse(CareTeam, fjordvik.team), (d) => d);
    expect(draftProblems(draft).videoLink).to.equal(undefined);
    expect(draftProblems({ ...draft, videoLink: 'https://good.example@evil.example/' }).videoLink).to.equal('video-userinfo');
  });
});
