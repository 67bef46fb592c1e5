import { render, type TemplateResult } from 'lit';
import '../../../src/components/meeting-scheduler/define.js';
import '../../../src/context/define.js';
import meta, * as stories from '../../../stories/meeting-scheduler.stories.js';
import { expectAxeClean } from '../../helpers/a11y.js';
import { expect, fixture, html, settle, waitUntil } from '../../helpers/fixture.js';

type Args = typeof meta.args;
interface StoryLike {
  args?: Partial<Args>;
  render?: (args: Args, context: never) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement }) => Promise<void>;
}

const renderStory = async (name: string): Promise<HTMLElement> => {
  const story = (stories as unknown as Record<string, StoryLike>)[name];
  const args = { ...meta.args, ...story.args } as Args;
  const template = (story.render ?? (meta.render as StoryLike['render']))!(args, undefined as never);
  const host = await fixture<HTMLDivElement>(html`<div lang="en" style="inline-size: 50rem"></div>`);
  render(template, host);
  await settle(host.querySelector('care-meeting-scheduler')!);
  if (story.play) {
    await story.play({ canvasElement: host });
    await settle(host.querySelector('care-meeting-scheduler')!);
  }
  return host;
};

const root = (host: HTMLElement) => host.querySelector('care-meeting-scheduler')!.shadowRoot!;
/** An alert with something to say: the empty alert region waits for a failed save and is not an error state. */
const speakingAlert = (host: HTMLElement) => [...root(host).querySelectorAll('[role="alert"]')].find((alert) => (alert.textContent ?? '').trim());
const names = Object.keys(stories).filter((name) => name !== 'default');

describe('meeting scheduler stories', () => {
  it('has a story for planning, finding a time, the picker, a series, each mode, each state and every language', () => {
    for (const name of ['Planning', 'FindATime', 'DatePickerOpen', 'BookedSeries', 'BookedSeriesServiceUser', 'InPerson', 'Digital', 'Hybrid', 'Warnings', 'Loading', 'Empty', 'LoadError', 'InvalidData', 'SaveFails', 'Bokmal', 'Nynorsk', 'Danish', 'Swedish', 'English']) {
      expect(names, name).to.include(name);
    }
  });

  for (const name of names) {
    it(`renders ${name}`, async () => {
      const host = await renderStory(name);
      if (name === 'LoadError') {
        await waitUntil(() => speakingAlert(host), 'load error shown');
        return;
      }
      if (name === 'SaveFails' || name === 'Conflict') {
        const said = name === 'SaveFails' ? 'Try again' : 'Not coming';
        expect(root(host).querySelector('.save-error')?.textContent, name).to.contain(said);
        await expectAxeClean(host);
        return;
      }
      if (name === 'Connected' || name === 'NoMeeting') {
        await waitUntil(() => !root(host).querySelector('[part~="loading"]'), 'loaded', { timeout: 5000 });
      }
      expect(Boolean(root(host).querySelector('[part~="base"]'))).to.equal(true);
      const alert = Boolean(speakingAlert(host));
      expect(alert, 'error state').to.equal(name === 'InvalidData');
      expect(root(host).querySelectorAll('img, script, b').length).to.equal(0);
    });
  }

  it('keeps the find-a-time and open date picker stories accessible', async () => {
    const found = await renderStory('FindATime');
    expect(root(found).querySelectorAll('#suggested li').length).to.be.greaterThan(0);
    await expectAxeClean(found);
    const picker = await renderStory('DatePickerOpen');
    const dialog = root(picker).querySelector('care-date-picker')!.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelectorAll('td.day-free').length).to.be.greaterThan(0);
    await expectAxeClean(picker);
  });
});
