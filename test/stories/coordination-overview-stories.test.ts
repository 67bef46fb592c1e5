// The coordination overview's stories: each loads from the generated caseload, shows what its
// name says, and is axe clean once loaded (the catalogue-wide axe test may catch them loading).
import { render } from 'lit';
import '../../src/components/coordination-overview/define.js';
import type { CareCoordinationOverview } from '../../src/components/coordination-overview/coordination-overview.js';
import * as stories from '../../stories/coordination-overview.stories.js';
import { loadCatalogue } from '../../src/i18n/locale.js';
import { expectAxeClean } from '../helpers/a11y.js';
import { expect, fixture, html, settle, waitUntil } from '../helpers/fixture.js';

type Args = NonNullable<(typeof stories.default)['args']>;

async function show(name: keyof typeof stories) {
  const story = stories[name] as { args?: Partial<Args>; render?: (args: Args) => unknown };
  const args = { ...stories.default.args, ...story.args } as unknown as Args;
  const host = await fixture<HTMLDivElement>(html`<div lang="en"></div>`);
  const draw = (story.render ?? stories.default.render) as (args: Args, context: never) => unknown;
  render(draw(args, undefined as never) as never, host);
  const el = host.querySelector<CareCoordinationOverview>('care-coordination-overview')!;
  await waitUntil(() => el.shadowRoot?.querySelector('button.gap, .state.error'), `${name} did not load`);
  await settle(el);
  return el;
}

describe('coordination overview stories', () => {
  for (const name of ['Caseload', 'TasksWithoutOneOwner', 'NoMeeting', 'WithoutNames', 'PartlyCounted', 'ServerFailed', 'Norwegian'] as const) {
    it(`${name} loads and is axe clean`, async () => {
      if (name === 'Norwegian') await loadCatalogue('nb');
      const el = await show(name);
      const text = el.shadowRoot!.textContent ?? '';
      if (name === 'ServerFailed') expect(text).to.contain('The server could not give out the information just now');
      else expect(el.shadowRoot!.querySelectorAll('button.gap')).to.have.length(7);
      if (name === 'WithoutNames') expect(el.shadowRoot!.querySelector('tbody th')!.textContent).to.match(/^Person p-\d{5}$/);
      if (name === 'PartlyCounted') expect(text).to.contain('This server cannot count: Needs information, has no consent.');
      if (name === 'NoMeeting') expect(el.shadowRoot!.querySelector('caption')!.textContent).to.contain('No responsibility-group meeting');
      await expectAxeClean(el);
    });
  }
});
