// The date picker has strings of its own: a page with only a date picker in Swedish fetches the
// Swedish common and picker strings, not the meeting scheduler's. The test page imports nothing
// from src/i18n/catalogues/sv/, so every Swedish module it sees was fetched on demand.
import '../../src/components/date-picker/define.js';
import { isReady } from '../../src/i18n/locale.js';
import { expect, fixture, html, settle, waitUntil } from '../helpers/fixture.js';

performance.clearResourceTimings();
performance.setResourceTimingBufferSize(5000);

const fetchedSwedish = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.includes('/i18n/catalogues/sv/'))
    .map((path) => path.replace(/^.*\/catalogues\/sv\//, '').replace(/\.(ts|js)$/, ''));

describe('The date picker’s own strings', () => {
  it('a date picker in Swedish loads the common and picker strings of Swedish, not the scheduler’s', async () => {
    const el = await fixture(html`<care-date-picker lang="sv" value="2026-12-08" today="2026-12-01"></care-date-picker>`);
    await waitUntil(() => isReady('sv', 'picker'), 'the Swedish picker strings did not arrive');
    await settle(el);
    expect(el.shadowRoot!.querySelector('button')!.textContent).to.contain('Välj datum');
    expect(fetchedSwedish().sort()).to.deep.equal(['common', 'picker']);
    expect(isReady('sv', 'scheduler')).to.equal(false);
  });
});
