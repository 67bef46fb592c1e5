import { CareTeam } from '../../../src/contract/team.js';
import { check } from '../../../src/contract/validate.js';
import { expect } from '../../helpers/fixture.js';
import { benchRoster, generateTeam } from './roster-benchmark.js';

// Keeps the benchmark module working; the timings themselves are only reported by `npm run bench`.
describe('roster benchmark module', () => {
  it('generates a team that follows the contract', () => {
    const result = check(CareTeam, generateTeam(200));
    expect(result.ok, result.ok ? '' : JSON.stringify(result.issues.slice(0, 3))).to.equal(true);
  });

  it('measures the roster and the plain list and cleans up', async () => {
    const result = await benchRoster(40);
    expect(result.n).to.equal(40);
    for (const measurement of [result.roster, result.plainList]) {
      for (const key of ['firstPaintMs', 'allRenderedMs', 'longestTaskMs', 'longestFrameMs'] as const) {
        expect(measurement[key], key).to.be.a('number').and.at.least(0);
      }
    }
    expect(result.firstPaintMs).to.equal(result.roster.firstPaintMs);
    expect(document.querySelector('care-team-roster, bench-plain-list')).to.equal(null);
  });
});
