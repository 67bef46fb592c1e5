import * as v from 'valibot';
// <care-meeting-outcomes> as assistive technology and people with other screens meet it: the
// accessibility tree (the confirm button's role, name and description; the status region present
// and empty before "we have noted it" arrives in it), 320 px and 200 % text without sideways
// scrolling, and forced colours (the button, its focus ring, the confirmation and a withheld part
// told apart by more than colour).
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/meeting-outcomes/define.js';
import type { CareMeetingOutcomes } from '../../src/components/meeting-outcomes/meeting-outcomes.js';
import { CareRecord } from '../../src/contract/record.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { axFind, axNodes, axTree } from '../helpers/ax-tree.js';
import { expect, fixture, fixtureCleanup, html, settle, waitUntil } from '../helpers/fixture.js';
import { press } from '../helpers/keys.js';

const people = {
  ingrid: { id: 'm-ingrid', name: 'Ingrid Solberg' },
  kari: { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' },
  sofie: { id: 'm-sofie', name: 'Sofie Lund', organisationId: 'org-nav' },
};

/** The October outcome, read by `actor`, in a box `width` px wide; `unconfirmed` takes the confirmations away. */
const mount = async (actor: object, { width = 0, unconfirmed = false, audience = 'service-user' } = {}) => {
  const r = v.parse(CareRecord, structuredClone(fjordvik));
  const outcome = unconfirmed ? { ...r.meetingOutcomes[0], confirmations: [] } : r.meetingOutcomes[0];
  const box = await fixture<HTMLDivElement>(html`<div style=${width ? `inline-size: ${width}px` : ''}>
    <care-meeting-outcomes
      .meeting=${r.meetings.find((m) => m.id === 'mt-october')}
      .outcome=${outcome}
      .team=${r.team}
      .responsibilities=${r.responsibilities}
      .consents=${r.consents}
      .actor=${actor}
      .now=${'2026-11-20T12:00:00Z'}
      audience=${audience}
      lang="en"
    ></care-meeting-outcomes>
  </div>`);
  const el = box.querySelector<CareMeetingOutcomes>('care-meeting-outcomes')!;
  await settle(el);
  return { box, el };
};
const shadow = (el: Element) => el.shadowRoot!;
const buttonNamed = (el: Element, name: string) => [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === name)!;

/** Horizontal overflow anywhere in the element's shadow tree (a node wider than the box it sits in). */
function overflowing(el: Element, width: number): string[] {
  const found: string[] = [];
  const limit = el.getBoundingClientRect().left + width + 1;
  for (const node of shadow(el).querySelectorAll('*')) {
    const rect = node.getBoundingClientRect();
    if (rect.width > 0 && rect.right > limit) found.push(`<${node.localName} class="${node.getAttribute('class') ?? ''}"> ends at ${Math.round(rect.right)}`);
  }
  return found;
}

afterEach(() => {
  fixtureCleanup();
  document.documentElement.style.fontSize = '';
});

describe('<care-meeting-outcomes> in the accessibility tree', () => {
  it('the confirm button is a button named "I have read this", described by what confirming means', async () => {
    await mount(people.sofie, { unconfirmed: true, audience: 'professional' });
    const [node] = axFind(await axTree(), 'button', 'I have read this');
    expect(node, 'the confirm button in the tree').to.not.equal(undefined);
    expect(node.description).to.match(/\S/);
    expect(node.properties.disabled).to.not.equal(true);
  });

  it('the status region is in the tree, empty, before the confirmation; "we have noted it" then arrives in that region', async () => {
    const { el } = await mount(people.ingrid, { unconfirmed: true });
    const region = shadow(el).querySelector('[role="status"]')!;
    expect(region.textContent?.trim()).to.equal('');
    const before = axFind(await axTree(), 'status');
    expect(before.some((r) => r.name === '' && r.children.length === 0), 'an empty status region in the tree').to.equal(true);
    const confirm = buttonNamed(el, 'I have read this');
    confirm.focus();
    await press('Enter');
    await waitUntil(() => /noted/.test(region.textContent ?? ''), 'the message arrives');
    expect(shadow(el).querySelector('[role="status"]'), 'the same region').to.equal(region);
    const after = axFind(await axTree(), 'status');
    const spoken = after.flatMap((r) => [r, ...axNodes(r)]).some((n) => /We have noted that you have read this/.test(n.name));
    expect(spoken, 'the message is in the tree, inside the status region').to.equal(true);
    expect(axFind(await axTree(), 'button', 'I have read this'), 'the button is gone once confirmed').to.have.length(0);
  });
});

describe('<care-meeting-outcomes> at 320 px and with text at 200 %', () => {
  const views: Array<[string, object, string]> = [
    ['the person', people.ingrid, 'service-user'],
    ['a professional with withheld parts', people.sofie, 'professional'],
    ['the coordinator', people.kari, 'professional'],
  ];
  for (const [who, actor, audience] of views) {
    it(`${who}: nothing is wider than 320 px, and nothing is wider than 640 px with text at 200 %`, async () => {
      const narrow = await mount(actor, { width: 320, unconfirmed: true, audience });
      expect(narrow.box.scrollWidth, 'the box does not scroll sideways').to.be.at.most(321);
      expect(overflowing(narrow.el, 320)).to.deep.equal([]);
      fixtureCleanup();
      document.documentElement.style.fontSize = '200%';
      // 200 % text on a 1280 px wide screen is the same reflow as 640 px at 100 %, with larger text.
      const zoomed = await mount(actor, { width: 640, unconfirmed: true, audience });
      expect(parseFloat(getComputedStyle(shadow(zoomed.el).querySelector('.heading')!).fontSize), 'the text really grew').to.be.at.least(28);
      expect(zoomed.box.scrollWidth).to.be.at.most(641);
      expect(overflowing(zoomed.el, 640)).to.deep.equal([]);
    });
  }

  it('the coordinator\u2019s form fits 320 px too, and the person\u2019s confirm button is at least 44 \u00d7 44 px', async () => {
    const { el } = await mount(people.kari, { width: 320, audience: 'professional' });
    buttonNamed(el, 'Change what we agreed').click();
    await settle(el);
    expect(shadow(el).querySelectorAll('textarea').length, 'the form is open').to.be.greaterThan(0);
    expect(overflowing(el, 320)).to.deep.equal([]);
    fixtureCleanup();
    const person = await mount(people.ingrid, { width: 320, unconfirmed: true });
    const rect = buttonNamed(person.el, 'I have read this').getBoundingClientRect();
    expect(rect.height).to.be.at.least(44);
    expect(rect.width).to.be.at.least(44);
  });
});

describe('<care-meeting-outcomes> in forced colours', () => {
  before(() => emulateMedia({ forcedColors: 'active' }));
  after(() => emulateMedia({ forcedColors: 'none' }));

  it('is really emulated', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('the confirm button keeps a border, and keyboard focus draws a solid ring of at least 2 px', async () => {
    const { el } = await mount(people.ingrid, { unconfirmed: true });
    const confirm = buttonNamed(el, 'I have read this');
    const rest = getComputedStyle(confirm);
    expect(rest.borderTopStyle, 'a button is still drawn as a button').to.not.equal('none');
    expect(parseFloat(rest.borderTopWidth)).to.be.at.least(1);
    confirm.focus();
    await press('Shift');
    await settle(el);
    expect(confirm.matches(':focus-visible')).to.equal(true);
    const focused = getComputedStyle(confirm);
    expect(focused.outlineStyle).to.not.equal('none');
    expect(parseFloat(focused.outlineWidth)).to.be.at.least(2);
  });

  it('"you have read this" and a withheld part are marked by a border, not by colour alone', async () => {
    const confirmed = await mount(people.ingrid);
    const notice = shadow(confirmed.el).querySelector('[part="confirmed"]')!;
    const plain = shadow(confirmed.el).querySelector('p.notes')!;
    expect(getComputedStyle(notice).borderInlineStartStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(notice).borderInlineStartWidth)).to.be.at.least(2);
    expect(getComputedStyle(plain).borderInlineStartStyle).to.equal('none');
    const withheld = await mount(people.sofie, { audience: 'professional' });
    const box = shadow(withheld.el).querySelector('[part="withheld"]');
    expect(box, 'Sofie has a withheld part').to.not.equal(null);
    expect(getComputedStyle(box!).borderInlineStartStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(box!).borderInlineStartWidth)).to.be.at.least(2);
  });
});
