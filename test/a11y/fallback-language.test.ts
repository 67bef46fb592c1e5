import * as v from 'valibot';
// WCAG 3.1.2 Language of Parts: on a page in a language the library lacks, the English it shows
// instead is marked lang="en", so a screen reader does not read it with the page's voice, while
// what the page and the data bring (a person's name, a note, the host's own label) keeps the
// page's language. Each check asks the browser which language a piece of text is in (:lang()).
import '../../src/components/team-roster/define.js';
import '../../src/components/consent-toggle/define.js';
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import type { CareTeamRoster } from '../../src/components/team-roster/team-roster.js';
import { CareRecord } from '../../src/contract/record.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { loadCatalogue } from '../../src/i18n/locale.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';

const record = () => v.parse(CareRecord, structuredClone(fjordvik));
const team = () => record().team;

/**
 * The element that holds `text` as its own text (its text node's parent), searched through shadow
 * roots: a text node that is exactly `text` (a name on its own) first, else one that contains it.
 */
function holderOf(root: Element | ShadowRoot, text: string): Element {
  const search = (node: Element | ShadowRoot, matches: (data: string) => boolean): Element | undefined => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE && matches((child as Text).data)) return child.parentElement ?? (node instanceof ShadowRoot ? (node.host as Element) : undefined);
      if (child instanceof Element) {
        const found = search(child, matches) ?? (child.shadowRoot ? search(child.shadowRoot, matches) : undefined);
        if (found) return found;
      }
    }
    return undefined;
  };
  const start = root instanceof Element && root.shadowRoot ? root.shadowRoot : root;
  const found = search(start, (data) => data.trim() === text) ?? search(start, (data) => data.includes(text));
  if (!found) throw new Error(`no text "${text}"`);
  return found;
}

/** The language the browser gives the text, as one of the languages asked about. */
const languageOf = (root: Element, text: string, candidates = ['en', 'de', 'sv', 'nb']) =>
  candidates.filter((lang) => holderOf(root, text).matches(`:lang(${lang})`));

describe('English fallback text is marked as English, and only that', () => {
  it('on a German page the roster’s English is lang="en"', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><care-team-roster .team=${team()} today="2026-12-07"></care-team-roster></div>`);
    const el = await settle(wrapper.querySelector<CareTeamRoster>('care-team-roster')!);
    expect(languageOf(el, 'Your care team'), 'the English title').to.deep.equal(['en']);
    expect(languageOf(el, 'Coordinator'), 'a badge').to.deep.equal(['en']);
  });

  it('on a German page a member’s name, a contact’s label from the data and the host’s own label keep the page’s language', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de"><care-team-roster .team=${team()} .labels=${{ title: 'Dein Behandlungsteam' }} today="2026-12-07"></care-team-roster></div>`,
    );
    const el = await settle(wrapper.querySelector<CareTeamRoster>('care-team-roster')!);
    expect(languageOf(el, 'Coordinator'), 'library text').to.deep.equal(['en']);
    expect(languageOf(el, 'Kari Nilsen'), 'a member’s name').to.deep.equal(['de']);
    expect(languageOf(el, 'Dein Behandlungsteam'), 'the host’s label').to.deep.equal(['de']);
    expect(languageOf(el, 'Mental health service, weekdays'), 'a contact’s label from the data').to.deep.equal(['de']);
  });

  it('on a German page the consent toggle’s question is English, the purpose written in the data and the team member’s name are not', async () => {
    const data = record();
    const directive = data.consents.find((c) => c.id === 'c-nav')!;
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de"><care-consent-toggle .directive=${directive} .team=${data.team} audience="service-user"></care-consent-toggle></div>`,
    );
    const el = await settle(wrapper.querySelector<CareConsentToggle>('care-consent-toggle')!);
    expect(languageOf(el, 'Do you agree to share'), 'library text').to.deep.equal(['en']);
    expect(languageOf(el, 'Sofie Lund'), 'a team member').to.deep.equal(['de']);
    expect(languageOf(el, 'NAV Fjordvik'), 'an organisation from the data').to.include('de');
  });

  it('after a change the new text is sorted too: a member added later keeps the page’s language, her badge is English', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><care-team-roster .team=${team()} today="2026-12-07"></care-team-roster></div>`);
    const el = await settle(wrapper.querySelector<CareTeamRoster>('care-team-roster')!);
    const next = team();
    const kari = next.members.find((m) => m.id === 'm-kari')!;
    next.members = [...next.members.map((m) => (m.id === 'm-kari' ? { ...m, coordinator: false } : m)), { ...kari, id: 'm-greta', name: 'Greta Müller', coordinator: true }];
    el.team = next;
    await settle(el);
    expect(languageOf(el, 'Greta Müller'), 'the new name').to.deep.equal(['de']);
    expect(languageOf(el, 'Coordinator'), 'the badge').to.deep.equal(['en']);
    expect(languageOf(el, 'Your care team')).to.deep.equal(['en']);
  });

  it('on a bokmål page the bokmål text is not marked English', async () => {
    await loadCatalogue('nb');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="nb-NO"><care-team-roster .team=${team()} today="2026-12-07"></care-team-roster></div>`);
    const el = await settle(wrapper.querySelector<CareTeamRoster>('care-team-roster')!);
    expect(languageOf(el, 'Teamet rundt deg')).to.deep.equal(['nb']);
    expect(el.shadowRoot!.querySelector('[lang="en"]'), 'nothing marked English').to.equal(null);
  });

  it('the mark goes when the element is given a language it has', async () => {
    await loadCatalogue('sv');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><care-team-roster .team=${team()} today="2026-12-07"></care-team-roster></div>`);
    const el = await settle(wrapper.querySelector<CareTeamRoster>('care-team-roster')!);
    expect(languageOf(el, 'Your care team')).to.deep.equal(['en']);
    el.lang = 'sv';
    await settle(el);
    expect(el.shadowRoot!.querySelector('[lang]:not([dir])'), 'no mark left').to.equal(null);
    expect(languageOf(el, 'Kari Nilsen')).to.deep.equal(['sv']);
  });
});
