// Each language is split by element: a page that shows only a consent toggle in Danish fetches the
// Danish common strings and the consent strings, never the roster's, matrix's or scheduler's. The
// test page imports nothing from src/i18n/catalogues/da/, so every Danish module it sees was
// fetched on demand.
import '../../src/components/consent-toggle/define.js';
import { common as english } from '../../src/i18n/catalogues/en/common.js';
import { isReady, loadCatalogue, loadedCatalogue } from '../../src/i18n/locale.js';
import { expect, fixture, html, settle, waitUntil } from '../helpers/fixture.js';

// The page's own modules fill the browser's default buffer of 250 entries; make room for the chunks.
performance.clearResourceTimings();
performance.setResourceTimingBufferSize(5000);

const fetchedDanish = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.includes('/i18n/catalogues/da/'))
    .map((path) => path.replace(/^.*\/catalogues\/da\//, '').replace(/\.(ts|js)$/, ''));

describe('Language chunks per element', () => {
  it('a consent toggle in Danish loads the common and consent strings of Danish, and no other element\u2019s', async () => {
    const el = await fixture(html`<care-consent-toggle lang="da"></care-consent-toggle>`);
    await waitUntil(() => isReady('da', 'consent'), 'the Danish consent strings did not arrive');
    await settle(el);
    const status = el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim();
    expect(status).to.not.equal(english.loading);
    expect(status).to.equal(loadedCatalogue('da')!.common.loading);
    expect(fetchedDanish().sort()).to.deep.equal(['common', 'consent']);
    expect(isReady('da', 'scheduler')).to.equal(false);
    expect(isReady('da')).to.equal(false);
    expect(Object.keys(loadedCatalogue('da')!).sort()).to.deep.equal(['common', 'consent', 'intlLocale', 'locale']);
  });

  it('asking for the whole language loads every element\u2019s strings', async () => {
    const swedish = await loadCatalogue('sv');
    expect(isReady('sv')).to.equal(true);
    expect(Object.keys(swedish).sort()).to.deep.equal(['common', 'consent', 'crisis', 'intlLocale', 'locale', 'matrix', 'outcomes', 'overview', 'picker', 'roster', 'scheduler']);
  });
});
