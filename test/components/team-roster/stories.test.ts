import { render, type TemplateResult } from 'lit';
import '../../../src/components/team-roster/define.js';
import '../../../src/context/define.js';
import meta, * as stories from '../../../stories/team-roster.stories.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, html, settle, waitUntil } from '../../helpers/fixture.js';

type Args = typeof meta.args;
interface StoryLike {
  args?: Partial<Args>;
  render?: (args: Args, context: never) => TemplateResult;
}

const renderStory = async (name: string): Promise<HTMLElement> => {
  const story = (stories as unknown as Record<string, StoryLike>)[name];
  const args = { ...meta.args, ...story.args } as Args;
  const template = (story.render ?? (meta.render as StoryLike['render']))!(args, undefined as never);
  const host = await fixture<HTMLDivElement>(html`<div lang="en" style="inline-size: 60rem"></div>`);
  render(template, host);
  const roster = host.querySelector('care-team-roster')!;
  await settle(roster);
  return host;
};

const storyNames = Object.keys(stories).filter((name) => name !== 'default' && name !== 'ThousandMembers');

describe('team roster stories', () => {
  for (const name of storyNames) {
    it(`renders ${name}`, async () => {
      const host = await renderStory(name);
      const roster = host.querySelector('care-team-roster')!;
      expect(roster.shadowRoot!.querySelector('[part~="base"]'), 'the roster rendered').to.not.equal(null);
      const alert = roster.shadowRoot!.querySelector('[role="alert"]');
      if (name === 'InvalidData') expect(alert).to.not.equal(null);
      else if (name !== 'LoadError') expect(alert, alert?.textContent ?? '').to.equal(null);
    });
  }

  it('keeps the Theme story accessible (custom tokens)', async () => {
    await expectAxeClean(await renderStory('Theme'));
  });

  it('keeps the long roster in pages accessible, with its status and "Show more members"', async () => {
    const host = await renderStory('LongRosterInPages');
    const root = host.querySelector('care-team-roster')!.shadowRoot!;
    expect(root.querySelectorAll('li.member')).to.have.length(100);
    expect(root.querySelector('.page-status')?.textContent?.trim()).to.equal('Showing 100 of 250 members');
    expect(root.querySelector('button.show-more') === null).to.equal(false);
    await expectAxeClean(host);
  });

  it('keeps the dark theme accessible', async () => {
    const css = await (await fetch('/src/styles/themes/dark.css')).text();
    const style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
    try {
      const host = await renderStory('Dark');
      await waitUntil(() => host.querySelector('care-team-roster')!.shadowRoot!.querySelector('li.member'), 'members shown');
      await expectAxeClean(host);
    } finally {
      style.remove();
    }
  });
});
