import * as v from 'valibot';
// The marking half of language of parts (language-marker.ts) is loaded on first need: a page in
// English never fetches it; a page in a language the library lacks fetches it once and the marks
// are there when `updateComplete` resolves. Tests in this file run in order in one page, so the
// English page is looked at before anything could have loaded the module.
import '../../src/components/team-roster/define.js';
import type { CareTeamRoster } from '../../src/components/team-roster/team-roster.js';
import { CareRecord } from '../../src/contract/record.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { expect, fixture, fixtureCleanup, html, settle } from '../helpers/fixture.js';

const team = () => v.parse(CareRecord, structuredClone(fjordvik)).team;
const markerFetches = () => performance.getEntriesByType('resource').filter((entry) => /\/base\/language-marker\./.test(entry.name)).length;

// The page's static imports fill the browser's resource timing buffer (250 entries by default);
// make room so the fetches these tests look for are recorded.
before(() => {
  performance.setResourceTimingBufferSize(10_000);
  performance.clearResourceTimings();
});
afterEach(() => fixtureCleanup());

describe('Language of parts loads its marking module on first need', () => {
  it('a roster on an English page renders without fetching it and marks nothing', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><care-team-roster .team=${team()} today="2026-12-07"></care-team-roster></div>`);
    const el = await settle(wrapper.querySelector<CareTeamRoster>('care-team-roster')!);
    expect(el.shadowRoot!.textContent).to.contain('Your care team');
    expect(markerFetches()).to.equal(0);
    expect(el.shadowRoot!.querySelectorAll('[data-care-lang]').length).to.equal(0);
  });

  it('a roster on a German page fetches it once, and its English title is marked when updateComplete resolves', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><care-team-roster .team=${team()} today="2026-12-07"></care-team-roster></div>`);
    const el = await settle(wrapper.querySelector<CareTeamRoster>('care-team-roster')!);
    expect(markerFetches()).to.equal(1);
    const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
    let title: Element | null = null;
    for (let node = walker.nextNode(); node && !title; node = walker.nextNode()) if (node.textContent!.trim() === 'Your care team') title = node.parentElement;
    expect(title, 'the title is shown').to.not.equal(null);
    expect(title!.matches(':lang(en)'), 'the English title is English').to.equal(true);
    expect(title!.matches(':lang(de)'), 'not German').to.equal(false);
    expect(el.shadowRoot!.querySelectorAll('[data-care-lang]').length).to.be.greaterThan(0);
    const second = await fixture<HTMLDivElement>(html`<div lang="de"><care-team-roster .team=${team()} today="2026-12-07"></care-team-roster></div>`);
    await settle(second.querySelector<CareTeamRoster>('care-team-roster')!);
    expect(markerFetches(), 'fetched once for the page').to.equal(1);
  });
});
