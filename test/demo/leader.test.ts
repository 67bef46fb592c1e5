// The demo's leader view (demo/leader.html): the built bundle and a generated caseload of 2,000
// people; the counts on screen are the ones the generator planted, the page is axe clean, and the
// language switch changes the element's language.
import { expectAxeClean } from '../helpers/a11y.js';
import { expect, waitUntil } from '../helpers/fixture.js';
import { generateCaseload } from '../server/overview/caseload.mjs';

describe('demo: the leader view', () => {
  it('shows the planted counts of 2,000 people, in the language chosen, axe clean', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'Leader view';
    frame.style.width = '1100px';
    frame.style.height = '800px';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = '/demo/leader.html';
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    const el = doc.querySelector('care-coordination-overview')!;
    await waitUntil(() => el.shadowRoot?.querySelectorAll('button.gap').length === 7, 'the overview did not load', { timeout: 20_000 });
    const planted = generateCaseload({ people: 2000, today: new Date().toISOString().slice(0, 10) }).planted;
    const counts = [...el.shadowRoot!.querySelectorAll('.count')].map((c) => c.textContent);
    expect(counts[0]).to.equal(String(planted['no-coordinator'].length));
    expect(counts[1]).to.equal(String(planted['no-owner'].length));
    expect(counts[4]).to.equal(String(planted['consent-missing'].length));
    expect(el.shadowRoot!.querySelector('tbody th a')!.getAttribute('href')).to.match(/^index\.html\?person=p-\d{5}#team$/);
    // axe only takes its own document's nodes: load it into the demo and run that copy.
    const script = doc.createElement('script');
    const axeLoaded = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    script.src = '/node_modules/axe-core/axe.min.js';
    doc.head.append(script);
    await axeLoaded;
    const own = window.axe;
    window.axe = (frame.contentWindow as Window & { axe: Window['axe'] }).axe;
    try {
      await expectAxeClean(doc.documentElement);
    } finally {
      window.axe = own;
    }
    const language = doc.querySelector<HTMLSelectElement>('#language')!;
    language.value = 'nb';
    language.dispatchEvent(new Event('change'));
    await waitUntil(() => el.shadowRoot!.querySelector('#title')!.textContent === 'Hvor samhandlingen svikter', 'the overview did not switch to Norwegian', { timeout: 10_000 });
    frame.remove();
  });
});
