// WCAG 3.1.2 Language of Parts: on a page in a language the library lacks, the English it shows
// instead is marked lang="en", so a screen reader does not read it with the page's voice.
import '../../src/components/team-roster/define.js';
import '../../src/components/consent-toggle/define.js';
import type { CareTeamRoster } from '../../src/components/team-roster/team-roster.js';
import { CareRecord } from '../../src/contract/record.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { loadCatalogue } from '../../src/i18n/locale.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';

const team = () => CareRecord.parse(structuredClone(fjordvik)).team;
const title = (el: Element) => el.shadowRoot!.querySelector('[part="title"]')!;

describe('English fallback text is marked as English', () => {
  it('on a German page the roster’s English is lang="en"', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><care-team-roster .team=${team()} today="2026-12-07"></care-team-roster></div>`);
    const el = await settle(wrapper.querySelector<CareTeamRoster>('care-team-roster')!);
    expect(title(el).textContent).to.contain('Your care team');
    expect(title(el).matches(':lang(en)'), 'the English title is English for the browser').to.equal(true);
    expect(title(el).matches(':lang(de)')).to.equal(false);
  });

  it('on a bokmål page the bokmål text is not marked English', async () => {
    await loadCatalogue('nb');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="nb-NO"><care-team-roster .team=${team()} today="2026-12-07"></care-team-roster></div>`);
    const el = await settle(wrapper.querySelector<CareTeamRoster>('care-team-roster')!);
    expect(title(el).textContent).to.contain('Teamet rundt deg');
    expect(title(el).matches(':lang(nb)')).to.equal(true);
  });

  it('the mark goes when the element is given a language it has', async () => {
    await loadCatalogue('sv');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><care-team-roster .team=${team()} today="2026-12-07"></care-team-roster></div>`);
    const el = await settle(wrapper.querySelector<CareTeamRoster>('care-team-roster')!);
    expect(title(el).matches(':lang(en)')).to.equal(true);
    el.lang = 'sv';
    await settle(el);
    expect(title(el).matches(':lang(sv)')).to.equal(true);
  });
});
