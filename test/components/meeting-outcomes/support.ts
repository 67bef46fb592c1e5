import '../../../src/components/meeting-outcomes/define.js';
import '../../../src/context/define.js';
import type { CareMeetingOutcomes } from '../../../src/components/meeting-outcomes/meeting-outcomes.js';
import type { CareDataSource } from '../../../src/data/types.js';
import { CareStore } from '../../../src/data/store.js';
import { fixture, html, settle } from '../../helpers/fixture.js';

export const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };

/** Kari, the coordinator, with the October meeting's outcome in a `<care-context>` over `source`, loaded. */
export const mountOutcomes = async (source: CareDataSource) => {
  const store = new CareStore(source, 'team-ingrid', kari);
  await store.load();
  const context = await fixture(html`<care-context .store=${store} lang="en">
    <care-meeting-outcomes meeting-id="mt-october" audience="professional" .now=${'2026-11-20T12:00:00Z'}></care-meeting-outcomes>
  </care-context>`);
  const outcomes = context.querySelector<CareMeetingOutcomes>('care-meeting-outcomes')!;
  await settle(outcomes);
  return { store, outcomes };
};
