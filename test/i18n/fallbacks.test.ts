import { html } from 'lit';
import '../../src/components/team-roster/define.js';
import type { CareTeamRoster } from '../../src/components/team-roster/team-roster.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { catalogue as nn } from '../../src/i18n/catalogues/nn/index.js';
import { formatDate, formatList } from '../../src/i18n/format.js';
import { resolveLocale } from '../../src/i18n/locale.js';
import { roster as nbRoster } from '../../src/i18n/catalogues/nb/roster.js';
import { roster as daRoster } from '../../src/i18n/catalogues/da/roster.js';
import { roster as enRoster } from '../../src/i18n/catalogues/en/roster.js';
import { roster as svRoster } from '../../src/i18n/catalogues/sv/roster.js';
import { expect, fixture, waitUntil } from '../helpers/fixture.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const heading = (el: CareTeamRoster) => text(el.shadowRoot!.querySelector('h2, h3'));

describe('Language fallbacks and the page language at run time', () => {
  const pageLang = document.documentElement.lang;
  afterEach(() => {
    document.documentElement.lang = pageLang;
  });

  it('nynorsk dates and lists are Norwegian, not English, where the browser has no nynorsk data', () => {
    const day = new Date('2026-05-04T10:00:00Z');
    expect(formatDate(day, { catalogue: nn, timeZone: 'Europe/Oslo' }, 'weekday')).to.equal('mandag 4. mai 2026');
    expect(formatList(['Kari', 'Ola', 'Ingrid'], nn.intlLocale)).to.equal('Kari, Ola og Ingrid');
  });

  it('Sami, Faroese and Greenlandic fall back to the languages docs/i18n.md names', () => {
    expect(resolveLocale('se')).to.equal('nb');
    expect(resolveLocale('se-NO')).to.equal('nb');
    expect(resolveLocale('smj')).to.equal('nb');
    expect(resolveLocale('sma-NO')).to.equal('nb');
    expect(resolveLocale('se-SE')).to.equal('sv');
    expect(resolveLocale('sma-SE')).to.equal('sv');
    expect(resolveLocale('fo')).to.equal('da');
    expect(resolveLocale('kl-GL')).to.equal('da');
    expect(resolveLocale('de')).to.equal('en');
  });

  it('a roster on a page in Northern Sami speaks bokmål', async () => {
    document.documentElement.lang = 'se';
    const el = await fixture<CareTeamRoster>(html`<care-team-roster .team=${fjordvik.team}></care-team-roster>`);
    await waitUntil(() => heading(el) === nbRoster.title, `the roster did not speak bokmål: "${heading(el)}"`, { timeout: 5000 });
  });

  it('elements follow <html lang> when the page changes it at run time', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<CareTeamRoster>(html`<care-team-roster .team=${fjordvik.team}></care-team-roster>`);
    const other = await fixture<CareTeamRoster>(html`<care-team-roster .team=${fjordvik.team}></care-team-roster>`);
    expect(heading(el)).to.equal(enRoster.title);
    document.documentElement.lang = 'sv';
    await waitUntil(() => heading(el) === svRoster.title && heading(other) === svRoster.title, 'the rosters did not switch to Swedish', { timeout: 5000 });
    document.documentElement.lang = 'fo';
    await waitUntil(() => heading(el) === daRoster.title, 'the roster did not switch to Danish for Faroese', { timeout: 5000 });
  });

  it('an element with its own lang keeps it when the page changes', async () => {
    document.documentElement.lang = 'en';
    const el = await fixture<CareTeamRoster>(html`<care-team-roster lang="nb" .team=${fjordvik.team}></care-team-roster>`);
    await waitUntil(() => heading(el) === nbRoster.title, 'no bokmål', { timeout: 5000 });
    document.documentElement.lang = 'sv';
    await new Promise((resolve) => setTimeout(resolve, 100));
    await el.updateComplete;
    expect(heading(el)).to.equal(nbRoster.title);
  });
});
