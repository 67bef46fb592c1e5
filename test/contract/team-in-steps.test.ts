import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CareTeam, check } from '../../src/contract/index.js';
import { checkTeamInSteps } from '../../src/contract/team-in-steps.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { generateTeam } from '../components/team-roster/roster-benchmark.js';

/** A pause that only counts: the steps run one after the other in microtasks. */
const counting = () => {
  const state = { pauses: 0 };
  return { state, pause: () => ((state.pauses += 1), Promise.resolve()) };
};

/** Ways a team can break the contract (or not), each applied to a fresh copy. */
const breakages: Record<string, (team: Record<string, unknown> & { members: Record<string, unknown>[] }) => void> = {
  'nothing broken': () => undefined,
  'a member without a name': (team) => delete team.members[7].name,
  'a member of an unknown kind, another with a bad phone entry': (team) => {
    team.members[3].kind = 'wizard';
    (team.members[40].contacts as Record<string, unknown>[])[0].channel = 'pigeon';
  },
  'a repeated member id': (team) => (team.members[20].id = team.members[10].id),
  'two active coordinators': (team) => {
    team.members[5].coordinator = true;
    team.members[5].status = 'active';
  },
  'an organisation that is not in the team': (team) => (team.members[9].organisationId = 'org-nowhere'),
  'no service user': (team) => (team.serviceUserId = 'm-nobody'),
  'a bad team field and a bad member': (team) => {
    team.lastConfirmed = 'last spring';
    team.members[2].status = 'sleeping';
  },
  'members that is not a list': (team) => ((team as Record<string, unknown>).members = 'everyone'),
  'unknown fields kept': (team) => {
    team.xLocal = { ward: 4 };
    team.members[1].xNote = 'kept';
  },
};

describe('contract: a care team checked in steps', () => {
  for (const [name, breakIt] of Object.entries(breakages)) {
    it(`gives what one check gives: ${name}`, async () => {
      const team = structuredClone(generateTeam(300)) as unknown as Parameters<typeof breakIt>[0];
      breakIt(team);
      const { pause } = counting();
      const inSteps = await checkTeamInSteps(structuredClone(team), pause, 0.5);
      expect(inSteps).to.deep.equal(check(CareTeam, structuredClone(team)));
    });
  }

  it('gives what one check gives for the Fjordvik team, and for input that is no team', async () => {
    for (const input of [structuredClone(fjordvik.team), null, 'a team', [], { id: 'team-x' }, 42]) {
      const { pause } = counting();
      expect(await checkTeamInSteps(input, pause, 0.5)).to.deep.equal(check(CareTeam, input));
    }
  });

  it('gives what one check gives for members changed at random', async () => {
    const base = generateTeam(60);
    const fields = ['id', 'name', 'kind', 'status', 'organisationId', 'coordinator', 'role', 'contacts'];
    const values = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 6 }), fc.boolean(), fc.integer(), fc.constant('m-1'), fc.constant('org-0'), fc.constant('professional'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(59), fc.constantFrom(...fields), values), { maxLength: 4 }), async (edits) => {
        const team = structuredClone(base) as unknown as { members: Record<string, unknown>[] };
        for (const [index, field, value] of edits) team.members[index][field] = value;
        const { pause } = counting();
        expect(await checkTeamInSteps(structuredClone(team), pause, 0.2)).to.deep.equal(check(CareTeam, structuredClone(team)));
      }),
      { numRuns: 60 },
    );
  });

  it('pauses between steps of about the given length, and once before the team rules', async () => {
    const { state, pause } = counting();
    const result = await checkTeamInSteps(generateTeam(2000), pause, 1);
    expect(result.ok).to.equal(true);
    expect(state.pauses, 'several steps').to.be.greaterThan(2);
    const once = counting();
    await checkTeamInSteps(generateTeam(20), once.pause, 10_000);
    expect(once.state.pauses, 'a small team: one pause before the team rules').to.equal(1);
  });
});
