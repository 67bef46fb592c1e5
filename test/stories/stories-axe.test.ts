// Every story in the Storybook catalogue, rendered as Storybook renders it (meta args, story args,
// render function, play function) and checked with axe: the designers' catalogue has no state
// that fails WCAG 2.2 A/AA. The element-specific story tests check content; this one checks all.
import { render, type TemplateResult } from 'lit';
import '../../src/define.js';
import * as consentList from '../../stories/consent-list.stories.js';
import * as consentToggle from '../../stories/consent-toggle.stories.js';
import * as context from '../../stories/context.stories.js';
import * as coordinationOverview from '../../stories/coordination-overview.stories.js';
import * as crisisPlan from '../../stories/crisis-plan.stories.js';
import * as datePicker from '../../stories/date-picker.stories.js';
import * as languages from '../../stories/languages.stories.js';
import * as meetingOutcomes from '../../stories/meeting-outcomes.stories.js';
import * as scheduler from '../../stories/meeting-scheduler.stories.js';
import * as matrix from '../../stories/responsibility-matrix.stories.js';
import * as roster from '../../stories/team-roster.stories.js';
import * as theming from '../../stories/theming.stories.js';
import { expectAxeClean } from '../helpers/a11y.js';
import { expect, fixture, html, settle } from '../helpers/fixture.js';

interface StoryLike {
  name?: string;
  args?: Record<string, unknown>;
  render?: (args: Record<string, unknown>, context: never) => TemplateResult;
  play?: (context: { canvasElement: HTMLElement; args: Record<string, unknown> }) => Promise<void>;
}
interface MetaLike extends StoryLike {
  title: string;
  component?: string;
}
type StoryModule = Record<string, unknown> & { default: MetaLike };

const modules: StoryModule[] = [consentList, consentToggle, context, coordinationOverview, crisisPlan, datePicker, languages, meetingOutcomes, scheduler, matrix, roster, theming] as unknown as StoryModule[];

/** Storybook's default render for a web component: the tag with the args as attributes. */
const defaultRender = (tag: string, args: Record<string, unknown>): HTMLElement => {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(args)) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'object') (el as unknown as Record<string, unknown>)[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  return el;
};

/** Every care-* element below `root`, through shadow roots. */
const careElements = (root: ParentNode): Element[] =>
  [...root.querySelectorAll('*')].flatMap((el) => [
    ...(el.localName.startsWith('care-') ? [el] : []),
    ...(el.shadowRoot ? careElements(el.shadowRoot) : []),
  ]);

let count = 0;

for (const module of modules) {
  const meta = module.default;
  describe(`stories: ${meta.title}`, () => {
    for (const [exportName, value] of Object.entries(module)) {
      if (exportName === 'default' || typeof value !== 'object' || value === null) continue;
      const story = value as StoryLike;
      it(`${story.name ?? exportName} is axe clean`, async function () {
        // axe walks every shadow root: the 1,000-member roster story alone takes seconds.
        this.timeout(90_000);
        const args = { ...meta.args, ...story.args };
        const host = await fixture<HTMLDivElement>(html`<div lang="en" style="inline-size: 60rem"></div>`);
        const renderFn = story.render ?? meta.render;
        if (renderFn) render(renderFn(args, undefined as never), host);
        else host.append(defaultRender(meta.component!, args));
        await settle(host);
        if (story.play) {
          await story.play({ canvasElement: host, args });
          await settle(host);
        }
        // Element stories must show their element; foundation pages (tokens, languages) show content.
        if (meta.component) expect(careElements(host).length, 'the story shows its element').to.be.greaterThan(0);
        else expect(careElements(host).length + (host.textContent?.trim().length ?? 0), 'the story shows something').to.be.greaterThan(0);
        await expectAxeClean(host);
        count += 1;
      });
    }
  });
}

after(() => {
  console.log(`stories: ${count} stories checked with axe`);
});
