// The state stories a designer reviews show the state they are named for: a conflict shows both
// decisions, a failed save offers Try again, saving says so, read-only cannot be changed, and a
// long list holds its layout. The axe test checks every story; this one checks what they show.
import { render, type TemplateResult } from 'lit';
import '../../src/define.js';
import listMeta, * as list from '../../stories/consent-list.stories.js';
import toggleMeta, * as toggle from '../../stories/consent-toggle.stories.js';
import matrixMeta, * as matrix from '../../stories/responsibility-matrix.stories.js';
import crisisMeta, * as crisis from '../../stories/crisis-plan.stories.js';
import themingMeta, * as theming from '../../stories/theming.stories.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';

interface StoryLike {
  args?: Record<string, unknown>;
  render?: (args: Record<string, unknown>, context: never) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement; args: Record<string, unknown> }) => Promise<void>;
}

async function show(meta: StoryLike, story: StoryLike, width = '60rem'): Promise<HTMLElement> {
  const args = { ...meta.args, ...story.args };
  const host = await fixture<HTMLDivElement>(html`<div lang="en" style=${`inline-size: ${width}`}></div>`);
  render((story.render ?? meta.render)!(args, undefined as never), host);
  await settle(host);
  if (story.play) await story.play({ canvasElement: host, args });
  await settle(host);
  return host;
}

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const toggleIn = (host: HTMLElement, id?: string): Element =>
  host.querySelector('care-consent-list')
    ? host.querySelector('care-consent-list')!.shadowRoot!.querySelector(`care-consent-toggle${id ? `[directive-id="${id}"]` : ''}`)!
    : host.querySelector('care-consent-toggle')!;

describe('state stories', function () {
  this.timeout(30_000);

  it('crisis plan, a draft: says it is not agreed yet and who must confirm it', async () => {
    const host = await show(crisisMeta as StoryLike, crisis.Draft as StoryLike);
    const plan = host.querySelector('care-crisis-plan')!.shadowRoot!;
    expect(text(plan.querySelector('[part~="draft"]'))).to.contain('This plan is a draft. It is not agreed yet.');
    expect(text(plan.querySelector('[part~="draft"]'))).to.contain('It holds only when you and your coordinator have confirmed it.');
  });

  it('consent toggle, conflict: both decisions in plain words, the colleague named', async () => {
    const host = await show(toggleMeta as StoryLike, toggle.Conflict as StoryLike);
    const error = text(toggleIn(host).shadowRoot!.querySelector('[part~="error"]'));
    expect(error).to.contain('In the other version: Yes');
    expect(error).to.contain('You chose: No');
  });

  it('consent toggle, all states: each toggle is labelled with its model and state', async () => {
    const host = await show(toggleMeta as StoryLike, toggle.AllStates as StoryLike);
    const captions = [...host.querySelectorAll('figcaption')].map(text);
    expect(captions).to.have.length(8);
    expect(captions).to.include('Model: objection · state: withdrawn');
    expect([...host.querySelectorAll('figure')].every((f) => f.querySelector('care-consent-toggle'))).to.equal(true);
  });

  it('consent list, saving: the toggle says it is saving', async () => {
    const host = await show(listMeta as StoryLike, list.Saving as StoryLike);
    expect(text(toggleIn(host, 'c-nav').shadowRoot!.querySelector('[part~="status"]'))).to.contain('Saving your choice');
  });

  it('consent list, failed save: the reason and Try again', async () => {
    const host = await show(listMeta as StoryLike, list.FailedSave as StoryLike);
    const nav = toggleIn(host, 'c-nav').shadowRoot!;
    expect(text(nav.querySelector('[part~="error"]'))).to.contain('not saved');
    expect(nav.querySelector('[part~="retry"]')).to.not.equal(null);
  });

  it('consent list, conflict: both decisions on the one toggle', async () => {
    const host = await show(listMeta as StoryLike, list.Conflict as StoryLike);
    expect(text(toggleIn(host, 'c-peer').shadowRoot!.querySelector('[part~="error"]'))).to.contain('In the other version');
  });

  it('consent list, read-only: no control can be used', async () => {
    const host = await show(listMeta as StoryLike, list.ReadOnly as StoryLike);
    const controls = [...host.querySelector('care-consent-list')!.shadowRoot!.querySelectorAll('care-consent-toggle')].flatMap((t) => [
      ...t.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="switch"], [part~="choice"]'),
    ]);
    expect(controls.length).to.be.greaterThan(0);
    expect(controls.every((c) => c.disabled)).to.equal(true);
  });

  it('consent list, long: forty agreements at 320 px without sideways scrolling', async () => {
    const host = await show(listMeta as StoryLike, list.Long as StoryLike, '320px');
    const listEl = host.querySelector('care-consent-list')!;
    expect(listEl.shadowRoot!.querySelectorAll('care-consent-toggle')).to.have.length(40);
    expect(listEl.scrollWidth).to.be.at.most(listEl.clientWidth + 1);
    expect(host.scrollWidth).to.be.at.most(320 + 1);
  });

  it('responsibility matrix, conflict: both parts in plain words and the two choices', async () => {
    const host = await show(matrixMeta as StoryLike, matrix.Conflict as StoryLike, '70rem');
    const state = host.querySelector('care-responsibility-matrix')!.shadowRoot!.querySelector<HTMLTableRowElement>('tr[data-row="r:r-medication"]')!.cells[1];
    expect(text(state)).to.contain('Part for Erik Solberg in the other version: Is asked. You chose: Is told.');
    expect([...state.querySelectorAll('button')].map(text)).to.deep.equal(['Keep my version', 'Keep the other version']);
  });

  it('vendor playground: the brand reaches the elements, the contrast is shown, the CSS is what was chosen', async () => {
    const host = await show(themingMeta as StoryLike, theming.VendorPlayground as StoryLike);
    const css = text(host.querySelector('pre'));
    expect(css).to.contain('--care-color-accent: #5b2a86;');
    expect(css).to.contain('--care-font-family: Georgia, serif;');
    const roster = host.querySelector('care-team-roster')!;
    expect(getComputedStyle(roster.shadowRoot!.querySelector('[part~="base"]') ?? roster).fontFamily).to.contain('Georgia');
    const ratios = [...host.querySelectorAll('td.ratio')].map(text);
    expect(ratios).to.have.length(3);
    // #ffffff on #5b2a86: luminance 0.0560 (by hand from the sRGB formula), (1.05 / 0.1060) = 9.90:1.
    expect(ratios[2]).to.equal('9.90:1 (enough)');
    expect(host.querySelector('care-date-picker')).to.not.equal(null);
  });
});
