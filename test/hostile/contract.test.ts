// The contract's answers to hostile values, without an element: names that say nothing are refused,
// missing choices are called missing, and every corpus case that must be refused is refused.
import { check } from '../../src/contract/validate.js';
import { CareTeam, Member } from '../../src/contract/team.js';
import { CareRecord } from '../../src/contract/record.js';
import { Meeting } from '../../src/contract/meeting.js';
import { ConsentDirective } from '../../src/contract/consent.js';
import { Responsibility } from '../../src/contract/responsibility.js';
import { expect } from '../helpers/fixture.js';
import { CORPUS, freshRecord } from './corpus.js';

const lars = () => freshRecord().team.members[2];

describe('contract: hostile values', () => {
  it('refuses a name of only spaces, tabs or no-break spaces, and says why in plain words', () => {
    for (const name of [' ', '   \t ', '\u00a0\u00a0', '\n']) {
      const result = check(Member, { ...lars(), name });
      expect(result.ok, JSON.stringify(name)).to.equal(false);
      if (!result.ok) expect(result.issues).to.deep.equal([{ path: 'name', message: 'must not be only spaces or invisible characters' }]);
    }
  });

  it('refuses names of only zero-width, direction or control characters', () => {
    for (const name of ['\u200B', '\u200E\u202E', '\uFEFF\u2060', '\u0000\u0007']) {
      expect(check(Member, { ...lars(), name }).ok, JSON.stringify(name)).to.equal(false);
    }
  });

  it('reports an empty name once, as empty', () => {
    const result = check(Member, { ...lars(), name: '' });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.issues).to.deep.equal([{ path: 'name', message: 'must not be empty', found: '"" (text, 0 characters)' }]);
  });

  it('accepts names that contain something visible, in any script, with invisible characters around it', () => {
    for (const name of ['Å', ' Lars ', 'La\u200Brs', '\u202EsraL', 'أمينة', '👩‍👩‍👧‍👦', '1']) {
      expect(check(Member, { ...lars(), name }).ok, JSON.stringify(name)).to.equal(true);
    }
  });

  it('applies the same rule to titles, labels, reasons and organisation names', () => {
    const record = freshRecord();
    const responsibility = { ...record.responsibilities[0], title: '  ' };
    expect(check(Responsibility, responsibility).ok).to.equal(false);
    const meeting = { ...record.meetings[0], title: '\u200B' };
    expect(check(Meeting, meeting).ok).to.equal(false);
    const consent = structuredClone(record.consents[0]);
    consent.recipient.name = ' ';
    expect(check(ConsentDirective, consent).ok).to.equal(false);
    const team = structuredClone(record.team);
    team.organisations[0].name = '\t';
    team.members[1].role.label = ' ';
    const teamResult = check(CareTeam, team);
    expect(teamResult.ok).to.equal(false);
    if (!teamResult.ok) expect(teamResult.issues.map((i) => i.path)).to.deep.equal(['members[1].role.label', 'organisations[0].name']);
  });

  it('calls a missing choice missing, and lists the allowed values', () => {
    const consent = structuredClone(freshRecord().consents[0]);
    delete consent.state;
    const result = check(ConsentDirective, consent);
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.issues).to.deep.equal([
        { path: 'state', message: 'is required (one of "granted", "refused", "withdrawn", "not-recorded")' },
      ]);
    }
  });

  it('refuses the whole record for every corpus case that an element must refuse', () => {
    const refused = CORPUS.filter((c) => c.expect.kind === 'error');
    for (const c of refused) {
      const record = freshRecord();
      c.mutate(record);
      expect(check(CareRecord, record).ok, c.id).to.equal(false);
    }
    for (const c of CORPUS.filter((item) => item.expect.kind === 'text')) {
      const record = freshRecord();
      c.mutate(record);
      const result = check(CareRecord, record);
      expect(result.ok, `${c.id}: ${result.ok ? '' : JSON.stringify(result.issues.slice(0, 3))}`).to.equal(true);
    }
    console.log(`hostile corpus: ${refused.length} refused and ${CORPUS.filter((c) => c.expect.kind === 'text').length} accepted cases checked against CareRecord`);
  });
});
