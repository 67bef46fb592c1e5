import '../../src/define.js';
import { headingLevel } from '../../src/components/base/heading-level.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';
import { record } from '../components/responsibility-matrix/matrix-fixtures.js';

/** The level of the element's title, whether it is an `h1`–`h6` or an ARIA heading. */
const titleLevel = (el: Element): number => {
  const heading = el.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')!;
  return heading.hasAttribute('aria-level') ? Number(heading.getAttribute('aria-level')) : Number(heading.localName.slice(1));
};

/** Every element with a title, given the Fjordvik data. */
const elements = () => {
  const data = record();
  return {
    roster: html`<care-team-roster lang="en" .team=${data.team}></care-team-roster>`,
    matrix: html`<care-responsibility-matrix lang="en" .team=${data.team} .responsibilities=${data.responsibilities.slice(0, 3)}></care-responsibility-matrix>`,
    scheduler: html`<care-meeting-scheduler lang="en" .team=${data.team} .meeting=${data.meetings[0]}></care-meeting-scheduler>`,
    toggle: html`<care-consent-toggle lang="en" .team=${data.team} .directive=${data.consents[0]}></care-consent-toggle>`,
    list: html`<care-consent-list lang="en" .team=${data.team} .consents=${data.consents}></care-consent-list>`,
  };
};

describe('One heading-level rule for every element', () => {
  it('rounds, keeps within 1\u20136, and falls back to the element default for anything that is not a number', () => {
    expect(headingLevel(3, 2)).to.equal(3);
    expect(headingLevel('4', 2)).to.equal(4);
    expect(headingLevel(2.6, 2)).to.equal(3);
    expect(headingLevel(9, 2)).to.equal(6);
    expect(headingLevel(0, 2)).to.equal(1);
    expect(headingLevel(-3, 3)).to.equal(1);
    expect(headingLevel('nonsense', 3)).to.equal(3);
    expect(headingLevel(null, 2)).to.equal(2);
    expect(headingLevel(undefined, 3)).to.equal(3);
    expect(headingLevel('', 2)).to.equal(2);
  });

  it('puts nested headings one level deeper, never past 6', () => {
    expect(headingLevel(2, 2, 1)).to.equal(3);
    expect(headingLevel(4, 2, 2)).to.equal(6);
    expect(headingLevel(5, 2, 2)).to.equal(6);
    expect(headingLevel('x', 3, 1)).to.equal(4);
  });

  for (const [given, expected] of [
    ['1', 1],
    ['5', 5],
    ['6', 6],
    ['9', 6],
  ] as const) {
    it(`heading-level="${given}" puts the title of every element at level ${expected}`, async () => {
      const levels: Record<string, number> = {};
      for (const [name, template] of Object.entries(elements())) {
        const el = await fixture(template);
        el.setAttribute('heading-level', given);
        await settle(el);
        levels[name] = titleLevel(el);
      }
      expect(levels).to.deep.equal({ roster: expected, matrix: expected, scheduler: expected, toggle: expected, list: expected });
    });
  }

  it('keeps each element\u2019s default when heading-level is not set', async () => {
    const levels: Record<string, number> = {};
    for (const [name, template] of Object.entries(elements())) levels[name] = titleLevel(await settle(await fixture(template)));
    expect(levels).to.deep.equal({ roster: 2, matrix: 2, scheduler: 2, toggle: 3, list: 2 });
  });
});
