import '../../../src/components/team-roster/define.js';
import { axFind, axNodes, axTree } from '../../helpers/ax-tree.js';
import { expect, settle, waitUntil } from '../../helpers/fixture.js';
import { deepActiveElement, press, type } from '../../helpers/keys.js';
import { memberItems, renderRoster, shadow, teamWith, textOf } from './fixtures.js';
import { keepBusy } from '../../helpers/busy.js';

/** The Fjordvik team (8 people) with `extra` more home-care workers. */
const teamOf = (extra: number) =>
  teamWith((t) => {
    for (let i = 0; i < extra; i += 1) {
      t.members.push({ id: `extra-${i}`, name: `Helper ${i}`, kind: 'professional', status: 'active', organisationId: 'org-home-care', contacts: [] });
    }
  });

const pageStatus = (el: Element) => shadow(el).querySelector<HTMLElement>('.page-status');
const showMore = (el: Element) => shadow(el).querySelector<HTMLButtonElement>('button.show-more');

describe('<care-team-roster> in pages', () => {
  it('sizes each batch of members by the whole frame it costs, layout included: slow frames get small batches', async () => {
    // A device whose frames take 40 ms to lay out what was added: a resize observer (run after
    // layout, in the frame) keeps the main thread busy that long whenever the roster grows, and
    // notes how many members that frame showed.
    const shown: number[] = [];
    const slowLayout = new ResizeObserver(() => {
      keepBusy(40); // as layout of many new boxes would be
      shown.push(memberItems(el).length);
    });
    const el = document.createElement('care-team-roster');
    Object.assign(el, { team: teamOf(192), lang: 'en', today: '2026-12-07' });
    document.body.append(el);
    slowLayout.observe(el);
    try {
      await settle(el);
      expect(memberItems(el), 'every member in the end').to.have.length(200);
      const counts = [0, ...shown];
      const batches = counts.slice(1).map((count, i) => count - counts[i]).filter((added) => added > 0).slice(1);
      // The script's own clock sees a few milliseconds for a batch; the frame after it 40 ms more.
      // Counting both, 30 ms of work per frame means about a dozen members here, not a hundred.
      expect(Math.max(...batches) <= 12, `members added per frame after the first: ${batches.join(', ')}`).to.equal(true);
    } finally {
      slowLayout.disconnect();
      el.remove();
    }
  });

  it('shows a team of 200 whole, with an empty status region and no "Show more members"', async () => {
    const el = await renderRoster({ team: teamOf(192) });
    expect(memberItems(el)).to.have.length(200);
    expect(showMore(el) === null).to.equal(true);
    expect(pageStatus(el)?.getAttribute('role')).to.equal('status');
    expect(textOf(pageStatus(el))).to.equal('');
  });

  it('shows the first 100 of a long roster and says so in a polite status region', async () => {
    const el = await renderRoster({ team: teamOf(442) });
    expect(memberItems(el)).to.have.length(100);
    expect(textOf(pageStatus(el))).to.equal('Showing 100 of 450 members');
    expect(textOf(showMore(el))).to.equal('Show more members');
    const tree = await axTree();
    const said = axFind(tree, 'status').map((node) => axNodes(node).map((n) => n.name).join(' '));
    expect(said.some((text) => text.includes('Showing 100 of 450 members')), said.join(' | ')).to.equal(true);
    expect(axFind(tree, 'button', 'Show more members')).to.have.length(1);
  });

  it('"Show more members" by keyboard shows the next 100, moves focus to the first new member and announces the count in the same region', async () => {
    const el = await renderRoster({ team: teamOf(442) });
    const region = pageStatus(el);
    showMore(el)!.focus();
    await press('Enter');
    await settle(el);
    const items = memberItems(el);
    expect(items).to.have.length(200);
    expect(deepActiveElement() === items[100].querySelector('button.name')).to.equal(true);
    expect(pageStatus(el) === region).to.equal(true);
    expect(textOf(region)).to.equal('Showing 200 of 450 members');

    for (const key of ['Space', 'Enter', 'Enter']) {
      showMore(el)!.focus();
      await press(key);
      await settle(el);
    }
    expect(memberItems(el), 'every member reachable').to.have.length(450);
    expect(textOf(region)).to.equal('Showing 450 of 450 members');
    expect(showMore(el) === null, 'no button once all are shown').to.equal(true);
    expect(deepActiveElement() === memberItems(el)[400].querySelector('button.name')).to.equal(true);
  });

  it('searches every member, not only the shown ones, and starts a new search on its first page', async () => {
    const el = await renderRoster({ team: teamOf(442) });
    const search = shadow(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    await type('Helper 441');
    await settle(el);
    expect(memberItems(el).map((item) => textOf(item.querySelector('button.name')))).to.deep.equal(['Helper 441']);
    expect(textOf(pageStatus(el)), 'a short result is shown whole').to.equal('');

    for (let i = 0; i < 'Helper 441'.length; i += 1) await press('Backspace');
    await type('Helper');
    await settle(el);
    expect(memberItems(el)).to.have.length(100);
    expect(textOf(pageStatus(el))).to.equal('Showing 100 of 442 members');
  });

  it('says it in the page language', async () => {
    const el = await renderRoster({ team: teamOf(1192), lang: 'nb' });
    // The Norwegian words load on demand.
    await waitUntil(() => textOf(showMore(el)) === 'Vis flere medlemmer', 'Norwegian button', { timeout: 5000 });
    await settle(el);
    // Norwegian writes 1 200 with a no-break space, as Intl.NumberFormat gives it.
    expect(textOf(pageStatus(el))).to.equal(textOf(document.createTextNode(`Viser 100 av ${new Intl.NumberFormat('nb').format(1200)} medlemmer`)));
    expect(textOf(showMore(el))).to.equal('Vis flere medlemmer');
  });
});
