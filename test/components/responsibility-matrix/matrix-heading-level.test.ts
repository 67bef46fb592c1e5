// `heading-level` puts the matrix into the host page's outline: a portal with <h2> sections sets
// 3, and the matrix's own headings follow one and two levels below, in both views.
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, settle } from '../../helpers/fixture.js';
import { $, $$, controlledMatrix, text } from './matrix-fixtures.js';

const outline = (el: Element) => $$(el, 'h1, h2, h3, h4, h5, h6').map((h) => `${h.localName} ${text(h)}`);

describe('care-responsibility-matrix: heading-level', () => {
  it('is 2 unless set: the title is an h2 and the legend an h3', async () => {
    const el = await controlledMatrix({ small: true });
    expect(el.headingLevel).to.equal(2);
    expect(outline(el)).to.deep.equal(['h2 Who does what', 'h3 What the letters mean']);
  });

  it('moves the title, the legend and the person view\u2019s headings to the level the host asks for', async () => {
    const el = await controlledMatrix({ small: true, me: 'm-lars' });
    el.setAttribute('heading-level', '3');
    await settle(el);
    expect(outline(el)).to.deep.equal(['h3 Who does what', 'h4 What the letters mean']);
    expect($(el, '#title')!.localName).to.equal('h3');
    expect($(el, 'table')!.getAttribute('aria-labelledby')).to.equal('title');

    el.view = 'person';
    await settle(el);
    const headings = outline(el);
    expect(headings.slice(0, 3)).to.deep.equal(['h3 Who does what', 'h4 What the letters mean', 'h4 What you are responsible for']);
    expect(headings.filter((h) => /^h[12] /.test(h))).to.deep.equal([]);
    expect(headings.filter((h) => h.startsWith('h3 '))).to.deep.equal(['h3 Who does what']);
    expect(headings.some((h) => h.startsWith('h5 '))).to.equal(true);
    // The headings keep their look: the title is larger than the person headings at any level.
    const size = (selector: string) => parseFloat(getComputedStyle($(el, selector)!).fontSize);
    expect(size('#title')).to.be.greaterThan(size('.person h4'));
    await expectAxeClean(el);
  });

  it('keeps the levels within 1\u20136 whatever it is given', async () => {
    const el = await controlledMatrix({ small: true, view: 'person' });
    // One rule for every element (docs/embedding.md, section 9): the title goes where the host asks, up to h6.
    for (const [given, title] of [['9', 'h6'], ['0', 'h1'], ['nonsense', 'h2']]) {
      el.setAttribute('heading-level', given);
      await settle(el);
      expect($(el, '#title')!.localName, `heading-level="${given}"`).to.equal(title);
      expect($$(el, 'h6, h5, h4, h3, h2, h1').every((h) => /^h[1-6]$/.test(h.localName))).to.equal(true);
    }
  });
});
