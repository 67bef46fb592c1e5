// WCAG 4.1.3 Status Messages: each message lands in a live region that was already in the
// accessibility tree before the message arrived (a region created with its message, or one that
// was display: none, is usually not read).
import '../../src/components/consent-toggle/define.js';
import '../../src/components/meeting-scheduler/define.js';
import '../../src/components/team-roster/define.js';
import type { CareConsentToggle } from '../../src/components/consent-toggle/consent-toggle.js';
import { StoreError } from '../../src/data/types.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';
import { deepActiveElement, type } from '../helpers/keys.js';
import { axFind, axTree, type AxNode } from '../helpers/ax-tree.js';
import { consentById, fjordvikRecord, textOf } from '../components/consent-toggle/support.js';
import { $, button, click, fill, fillPlace, renderScheduler } from '../components/meeting-scheduler/fixtures.js';
import { renderRoster } from '../components/team-roster/fixtures.js';

/** The live regions of a role in the tree, by role: status (polite) or alert (assertive). */
const regions = async (role: 'status' | 'alert'): Promise<AxNode[]> => axFind(await axTree(), role);

/** Asserts `node` is an empty live region present in the tree, and returns it for the identity check later. */
async function expectEmptyRegion(root: Element, selector: string, role: 'status' | 'alert'): Promise<Element> {
  const node = root.shadowRoot!.querySelector(selector);
  expect(node, `${selector} is rendered before any message`).to.not.equal(null);
  expect(textOf(node!)).to.equal('');
  expect(getComputedStyle(node!).display).to.not.equal('none');
  const inTree = await regions(role);
  expect(inTree.some((region) => region.name === '' && region.children.length === 0), `an empty ${role} region in the tree`).to.equal(true);
  return node!;
}

const team = fjordvikRecord().team;
const mountToggle = async () =>
  settle(
    await fixture<CareConsentToggle>(html`<care-consent-toggle
      .directive=${consentById('c-nav')}
      .team=${team}
      .actor=${{ id: 'm-ingrid', name: 'Ingrid Solberg' }}
      audience="service-user"
      lang="en"
      .now=${'2026-11-20T12:00:00Z'}
    ></care-consent-toggle>`),
  );
const switchOf = (el: Element) => el.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!;

describe('live regions exist before their message', () => {
  it('consent toggle: saving and saved arrive in the status region that was already there', async () => {
    const el = await mountToggle();
    const status = await expectEmptyRegion(el, '[role="status"]', 'status');
    let release!: () => void;
    el.addEventListener('care-consent-request', (e) => e.waitUntil(new Promise<void>((resolve) => (release = resolve))));
    switchOf(el).click();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[role="status"]')).to.equal(status);
    expect(textOf(status)).to.match(/^Saving/);
    expect((await regions('status')).some((region) => /^Saving/.test(region.name) || region.children.some((c) => /^Saving/.test(c.name)))).to.equal(true);
    release();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[role="status"]')).to.equal(status);
    expect(textOf(status)).to.equal('Your choice has been saved.');
  });

  for (const [label, error, words] of [
    ['failed', new Error('signature cancelled'), 'The change was not accepted.'],
    ['conflict', new StoreError('conflict'), 'changed'],
  ] as const) {
    it(`consent toggle: a ${label} save is announced by the alert region that was already there`, async () => {
      const el = await mountToggle();
      const alert = await expectEmptyRegion(el, '[role="alert"]', 'alert');
      el.addEventListener('care-consent-request', (e) => e.waitUntil(Promise.reject(error)));
      switchOf(el).click();
      await settle(el);
      expect(el.shadowRoot!.querySelectorAll('[role="alert"]')).to.have.length(1);
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(alert);
      expect(textOf(alert)).to.match(/^Error: Your choice \(No\) was not saved\./);
      expect(textOf(alert)).to.contain(words);
    });
  }

  it('scheduler: saving and "The meeting is booked." arrive in the same region, and focus stays on the button while saving', async () => {
    const el = await renderScheduler();
    const status = await expectEmptyRegion(el, '[part="announcer"]', 'status');
    let release!: () => void;
    el.addEventListener('care-meeting-request', (e) => e.waitUntil(new Promise<void>((resolve) => (release = resolve))));
    await fillPlace(el);
    await fill(el, '#date-input', '02/12/2026');
    await fill(el, '#time', '11:00');
    const book = button(el, 'Book the meeting');
    book.focus();
    book.click();
    await settle(el);
    expect(textOf(status)).to.equal('Saving…');
    expect(deepActiveElement()).to.not.equal(document.body);
    expect(deepActiveElement()).to.equal(book);
    release();
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="announcer"]')).to.equal(status);
    expect(textOf(status)).to.equal('The meeting is booked.');
  });

  it('scheduler: a failed booking is announced by the alert region that was already there', async () => {
    const el = await renderScheduler();
    const alert = await expectEmptyRegion(el, '[role="alert"]', 'alert');
    el.addEventListener('care-meeting-request', (e) => e.waitUntil(Promise.reject(new StoreError('conflict'))));
    await fillPlace(el);
    await fill(el, '#date-input', '02/12/2026');
    await fill(el, '#time', '11:00');
    await click(el, button(el, 'Book the meeting'));
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('[role="alert"]')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(alert);
    expect(textOf(alert)).to.match(/^Your change was not saved\./);
    expect(textOf($(el, '.save-error'))).to.contain('Your change was not saved.');
  });

  it('roster: the result count is announced by a region that was there before filtering', async () => {
    const el = await renderRoster();
    const count = await expectEmptyRegion(el, '.result-count', 'status');
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    await type('AMINA');
    await settle(el);
    expect(el.shadowRoot!.querySelector('.result-count')).to.equal(count);
    expect(textOf(count)).to.equal('Found 1 of 8 members');
  });
});
