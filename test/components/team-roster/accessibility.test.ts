import '../../../src/components/team-roster/define.js';
import '../../../src/context/define.js';
import type { CareTeamRoster } from '../../../src/components/team-roster/team-roster.js';
import { CareStore } from '../../../src/data/store.js';
import { StoreError, type CareDataSource } from '../../../src/data/types.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { fixture, html, settle, waitUntil } from '../../helpers/fixture.js';
import { nameButton, renderRoster, shadow, teamWith } from './fixtures.js';

const never: CareDataSource = {
  load: () => new Promise(() => {}),
  save: () => Promise.reject(new StoreError('forbidden')),
};
const failing: CareDataSource = {
  load: () => Promise.reject(new StoreError('network', 'offline')),
  save: () => Promise.reject(new StoreError('forbidden')),
};

const inContext = async (source: CareDataSource): Promise<CareTeamRoster> => {
  const context = await fixture(html`<care-context .store=${new CareStore(source, 'team-ingrid')} lang="en">
    <care-team-roster></care-team-roster>
  </care-context>`);
  return settle(context.querySelector('care-team-roster')!);
};

describe('<care-team-roster> accessibility (axe, WCAG 2.2 A/AA)', () => {
  for (const audience of ['service-user', 'professional'] as const) {
    for (const layout of ['detailed', 'compact'] as const) {
      it(`is clean for ${audience}, ${layout}, with ended members and confirmation marks`, async () => {
        const el = await renderRoster({ audience, layout, showEnded: true, confirmWithinDays: 30 });
        await expectAxeClean(el);
      });
    }
  }

  it('is clean grouped by organisation with a missing sector', async () => {
    const team = teamWith((t) => {
      t.members = t.members.filter((m) => m.id !== 'm-lars');
    });
    await expectAxeClean(await renderRoster({ team, groupBy: 'organisation', audience: 'professional' }));
  });

  it('is clean with a missing sector inside the sector groups', async () => {
    const team = teamWith((t) => {
      t.members = t.members.filter((m) => m.id !== 'm-lars');
    });
    await expectAxeClean(await renderRoster({ team }));
  });

  it('is clean with the details dialog open', async () => {
    const el = await renderRoster({ audience: 'professional' });
    nameButton(el, 'Kari Nilsen').click();
    await settle(el);
    await expectAxeClean(el);
  });

  it('is clean when nothing matches the filter', async () => {
    const el = await renderRoster();
    el.filter = 'nobody';
    await settle(el);
    await expectAxeClean(el);
  });

  it('is clean in the empty state', async () => {
    await expectAxeClean(await fixture(html`<care-team-roster lang="en"></care-team-roster>`));
  });

  it('is clean in the invalid-data state', async () => {
    await expectAxeClean(await renderRoster({ team: teamWith((t) => (t.serviceUserId = 'nobody')) }));
  });

  it('is clean while loading', async () => {
    await expectAxeClean(await inContext(never));
  });

  it('is clean in the load-error state', async () => {
    const el = await inContext(failing);
    await waitUntil(() => shadow(el).querySelector('[role="alert"]'), 'load error shown');
    await expectAxeClean(el);
  });
});
