import * as v from 'valibot';
// Frameworks set `lang` as a property (React 19 sets any prop that is a property of the element,
// and `lang` is one on every HTML element). The element must then still mark its text up in that
// language, or a screen reader reads Norwegian words with the page's English voice (WCAG 3.1.2).
import '../../src/components/team-roster/define.js';
import type { CareTeamRoster } from '../../src/components/team-roster/team-roster.js';
import { CareRecord } from '../../src/contract/record.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { loadCatalogue } from '../../src/i18n/locale.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';

describe('a language given as a property', () => {
  it('becomes the lang attribute, so the text is marked up in the language it is written in', async () => {
    await loadCatalogue('nb');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><care-team-roster></care-team-roster></div>`);
    const el = wrapper.querySelector<CareTeamRoster>('care-team-roster')!;
    el.team = v.parse(CareRecord, structuredClone(fjordvik)).team;
    el.lang = 'nb';
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="title"]')!.textContent).to.contain('Teamet rundt deg');
    expect(el.getAttribute('lang')).to.equal('nb');
    expect(el.shadowRoot!.querySelector('[part="title"]')!.matches(':lang(nb)'), 'the title is in bokmål for the browser').to.be.true;
  });

  it('follows the attribute too, as before', async () => {
    const el = await fixture<CareTeamRoster>(html`<care-team-roster lang="sv"></care-team-roster>`);
    await settle(el);
    expect(el.lang).to.equal('sv');
    expect(el.getAttribute('lang')).to.equal('sv');
  });
});
