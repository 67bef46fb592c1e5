import { expect } from '@open-wc/testing';
import {
  Availability,
  AuditEntry,
  CareRecord,
  CareTeam,
  check,
  ConsentDirective,
  ContactPoint,
  ContractError,
  Meeting,
  Member,
  Organisation,
  parse,
  Responsibility,
  teamFlags,
  type ContractIssue,
  type ContractResult,
} from '../../src/contract/index.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';

const clone = <T>(value: T): T => structuredClone(value);

/** The issues of a check that must fail. */
function issuesOf(result: ContractResult<unknown>): ContractIssue[] {
  expect(result.ok, 'expected the data to be refused').to.equal(false);
  return (result as { issues: ContractIssue[] }).issues;
}

const pathsOf = (result: ContractResult<unknown>) => issuesOf(result).map((issue) => issue.path);

const team = () => clone(fjordvik.team) as unknown as CareTeam;
const kari = () => clone(fjordvik.team.members[1]) as unknown as Member;

describe('data contract', () => {
  it('accepts the Fjordvik fixture as a whole', () => {
    const result = check(CareRecord, fjordvik);
    expect(result.ok, JSON.stringify(!result.ok && result.issues)).to.equal(true);
    const record = (result as { value: CareRecord }).value;
    expect(record.team.members).to.have.length(9);
    expect(record.responsibilities).to.have.length(14);
  });

  describe('CareTeam', () => {
    it('accepts a team without a coordinator, and flags it (a care-quality gap, not broken data)', () => {
      const value = team();
      value.members = value.members.map((m) => ({ ...m, coordinator: false }));
      const result = check(CareTeam, value);
      expect(result.ok).to.equal(true);
      expect(teamFlags(value)).to.deep.equal([{ kind: 'no-coordinator' }]);
      expect(teamFlags({ ...value, status: 'inactive' })).to.deep.equal([{ kind: 'inactive' }, { kind: 'no-coordinator' }]);
      expect(teamFlags(team())).to.deep.equal([]);
    });

    it('refuses a team with two coordinators and names them', () => {
      const value = team();
      value.members[2].coordinator = true;
      const [issue] = issuesOf(check(CareTeam, value));
      expect(issue.path).to.equal('members');
      expect(issue.message).to.contain('has 2 (m-kari, m-lars)');
    });

    it('does not count a coordinator who has left', () => {
      const value = team();
      value.members[8].coordinator = true; // Tor has ended
      expect(check(CareTeam, value).ok).to.equal(true);
    });

    it('refuses duplicate member ids at the second one', () => {
      const value = team();
      value.members[4].id = 'm-lars';
      const issues = issuesOf(check(CareTeam, value));
      expect(issues.map((i) => i.path)).to.include('members[4].id');
      expect(issues.find((i) => i.path === 'members[4].id')!.message).to.contain('"m-lars" is used more than once');
    });

    it('refuses an unknown organisation and a service user who is not a member', () => {
      const value = team();
      value.members[2].organisationId = 'org-nowhere';
      value.serviceUserId = 'm-nobody';
      expect(pathsOf(check(CareTeam, value))).to.include.members(['members[2].organisationId', 'serviceUserId']);
    });
  });

  describe('Member and ContactPoint', () => {
    it('refuses a javascript: link as a video contact', () => {
      const value = kari();
      value.contacts = [{ channel: 'video', value: 'javascript:alert(document.cookie)' }];
      const [issue] = issuesOf(check(Member, value));
      expect(issue.path).to.equal('contacts[0].value');
      expect(issue.message).to.contain('https://');
    });

    it('refuses markup in an e-mail address and letters in a phone number', () => {
      expect(pathsOf(check(ContactPoint, { channel: 'email', value: '<img src=x onerror=alert(1)>@x.no' }))).to.deep.equal(['value']);
      expect(pathsOf(check(ContactPoint, { channel: 'phone', value: 'call me' }))).to.deep.equal(['value']);
    });

    it('refuses an impossible date and says what it found', () => {
      const value = kari();
      value.period = { start: '2026-02-30' };
      const [issue] = issuesOf(check(Member, value));
      expect(issue.path).to.equal('period.start');
      expect(issue.message).to.contain('YYYY-MM-DD');
      expect(issue.message).to.contain('"2026-02-30"');
    });

    it('refuses a period that ends before it starts', () => {
      const value = kari();
      value.period = { start: '2026-05-01', end: '2026-04-30' };
      expect(pathsOf(check(Member, value))).to.deep.equal(['period.end']);
    });

    it('names the allowed values of a wrong kind', () => {
      const [issue] = issuesOf(check(Member, { ...kari(), kind: 'doctor' }));
      expect(issue.path).to.equal('kind');
      expect(issue.message).to.contain('"professional"');
      expect(issue.message).to.contain('found "doctor"');
    });

    it('says a missing name is required', () => {
      const value = kari() as Partial<Member>;
      delete value.name;
      const [issue] = issuesOf(check(Member, value));
      expect(issue.path).to.equal('name');
      expect(issue.message).to.contain('is required');
    });

    it('keeps hostile and long text as data', () => {
      const name = '<script>alert("x")</script> \u202Eעברית';
      const result = check(Member, { ...kari(), name, note: 'n'.repeat(5000) });
      expect(result.ok).to.equal(true);
      expect((result as { value: Member }).value.name).to.equal(name);
      expect(pathsOf(check(Member, { ...kari(), note: 'n'.repeat(5001) }))).to.deep.equal(['note']);
    });
  });

  describe('every entity refuses bad data with a path', () => {
    const cases: Array<[string, () => ContractResult<unknown>, string]> = [
      ['Organisation', () => check(Organisation, { ...fjordvik.team.organisations[0], sector: 'hospital' }), 'sector'],
      ['Responsibility', () => check(Responsibility, { ...fjordvik.responsibilities[0], assignments: [{ memberId: 'm-lars', part: 'owner' }] }), 'assignments[0].part'],
      ['Responsibility dispute rule', () => check(Responsibility, { ...fjordvik.responsibilities[0], status: 'disputed' }), 'dispute'],
      [
        'Responsibility one part each',
        () =>
          check(Responsibility, {
            ...fjordvik.responsibilities[0],
            assignments: [
              { memberId: 'm-lars', part: 'accountable' },
              { memberId: 'm-lars', part: 'informed' },
            ],
          }),
        'assignments[1].memberId',
      ],
      ['ConsentDirective', () => check(ConsentDirective, { ...fjordvik.consents[0], state: 'maybe' }), 'state'],
      ['ConsentDirective since', () => check(ConsentDirective, { ...fjordvik.consents[0], since: undefined }), 'since'],
      ['ConsentDirective proxy', () => check(ConsentDirective, { ...fjordvik.consents[0], decidedBy: { name: 'Marit', relation: 'neighbour' } }), 'decidedBy.relation'],
      ['Meeting', () => check(Meeting, { ...fjordvik.meetings[0], videoLink: 'javascript:alert(1)' }), 'videoLink'],
      ['Meeting location', () => check(Meeting, { ...fjordvik.meetings[0], location: undefined }), 'location'],
      ['Meeting time zone', () => check(Meeting, { ...fjordvik.meetings[0], timeZone: 'Europe/Fjordvik' }), 'timeZone'],
      ['Meeting agenda', () => check(Meeting, { ...fjordvik.meetings[0], agenda: [{ ...fjordvik.meetings[0].agenda![0], end: '2026-12-08T09:00:00+01:00' }] }), 'agenda[0].end'],
      ['Availability', () => check(Availability, { memberId: 'm-kari', busy: [{ start: '2026-12-01T10:00:00Z', end: '2026-12-01T09:00:00Z' }] }), 'busy[0].end'],
      ['AuditEntry', () => check(AuditEntry, { id: 'a', entity: 'consent', entityId: 'c-gp', action: 'grant', actor: { name: '' }, at: '2026-12-01T10:00:00Z', outcome: 'saved' }), 'actor.name'],
      ['CareRecord', () => check(CareRecord, { ...fjordvik, meetings: [{ ...fjordvik.meetings[2], start: '2026-02-30T13:00:00+01:00' }] }), 'meetings[0].start'],
    ];
    for (const [name, run, path] of cases) {
      it(`${name}: ${path}`, () => {
        expect(pathsOf(run())).to.include(path);
      });
    }
  });

  it('passes unknown properties through unchanged, at every level', () => {
    const input = clone(fjordvik) as unknown as Record<string, unknown> & typeof fjordvik;
    const extra = { portalRef: 'EPJ-4411', nested: { list: [1, 'two', null] } };
    Object.assign(input, { exportedAt: '2026-12-01' });
    Object.assign(input.team, extra);
    Object.assign(input.team.members[1], { hprNumber: '1234567' });
    Object.assign(input.team.members[1].contacts[0], { extension: '21' });
    Object.assign(input.consents[0], { fhirId: 'Consent/77' });
    Object.assign(input.meetings[0].agenda![0], { room: 'B' });
    const record = parse('CareRecord', CareRecord, input) as unknown as Record<string, unknown> & CareRecord;
    expect(record.exportedAt).to.equal('2026-12-01');
    expect((record.team as unknown as typeof extra).portalRef).to.equal('EPJ-4411');
    expect((record.team as unknown as typeof extra).nested).to.deep.equal(extra.nested);
    expect((record.team.members[1] as Record<string, unknown>).hprNumber).to.equal('1234567');
    expect((record.team.members[1].contacts[0] as Record<string, unknown>).extension).to.equal('21');
    expect((record.consents[0] as Record<string, unknown>).fhirId).to.equal('Consent/77');
    expect((record.meetings[0].agenda[0] as Record<string, unknown>).room).to.equal('B');
  });

  it('throws a ContractError listing every issue from parse()', () => {
    let error: unknown;
    try {
      parse('Member', Member, { ...kari(), kind: 'doctor', status: 'gone' });
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ContractError);
    expect((error as ContractError).issues.map((i) => i.path)).to.deep.equal(['kind', 'status']);
    expect((error as Error).message).to.contain('Member does not follow the data contract: kind:');
  });
});
