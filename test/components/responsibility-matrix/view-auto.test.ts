// `view="auto"` is decided before the first render with data (a narrow page never sees the grid
// first), and not for the loading state: measuring the element then would make the browser lay out
// the whole page inside the task that puts the page's elements on it.
import type { CareResponsibilityMatrix } from '../../../src/components/responsibility-matrix/responsibility-matrix.js';
import { expect, fixture, html, settle } from '../../helpers/fixture.js';
import { $, record, TODAY } from './matrix-fixtures.js';

describe('care-responsibility-matrix: view="auto" on a narrow page', () => {
  it('measures nothing while loading, and shows each person first (never the grid) once the data is there', async () => {
    const host = await fixture<HTMLDivElement>(html`<div style="inline-size: 24rem"></div>`);
    const el = document.createElement('care-responsibility-matrix') as CareResponsibilityMatrix;
    el.setAttribute('today', TODAY);
    el.setAttribute('lang', 'en');
    let measured = 0;
    const measure = el.getBoundingClientRect.bind(el);
    el.getBoundingClientRect = () => {
      measured += 1;
      return measure();
    };
    host.append(el);
    await el.updateComplete;
    expect(el.matches(':state(loading)'), 'loading').to.equal(true);
    expect(measured, 'measured while loading').to.equal(0);

    let gridShown = false;
    const watch = new MutationObserver(() => {
      if (el.shadowRoot!.querySelector('table')) gridShown = true;
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    const data = record();
    Object.assign(el, { team: data.team, responsibilities: data.responsibilities });
    await settle(el);
    watch.disconnect();
    expect(Boolean($(el, '[part="person-view"]')), 'person view').to.equal(true);
    expect(gridShown, 'the grid was never on the page').to.equal(false);
    expect(el.effectiveView).to.equal('person');
  });
});
