import { expect, waitUntil } from '@open-wc/testing';
import type { CareLoadErrorEvent } from '../../src/components/base/events.js';
import '../../src/components/team-roster/define.js';
import type { CareContext } from '../../src/context/care-context.js';
import '../../src/context/define.js';
import { common as en } from '../../src/i18n/catalogues/en/common.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

const SEED = {
  team: {
    id: 'team-1',
    name: 'Ingrid\u2019s care team',
    serviceUserId: 'm-ingrid',
    members: [
      { id: 'm-ingrid', name: 'Ingrid Berg', kind: 'service-user', status: 'active' },
      { id: 'm-kari', name: 'Kari Nilsen', kind: 'professional', status: 'active', coordinator: true, role: { code: 'home-nurse', label: 'Home care nurse' } },
    ],
  },
};

interface Page {
  context: CareContext;
  rosterText: () => string;
  events: CareLoadErrorEvent[];
  consoleErrors: string[];
}

const cleanups: Array<() => void> = [];

/** Puts `markup` in the page the way a server-rendered page would (parsed HTML, not a Lit template). */
function page(markup: string): Page {
  const container = document.createElement('div');
  const events: CareLoadErrorEvent[] = [];
  const consoleErrors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void consoleErrors.push(args.map(String).join(' '));
  container.addEventListener('care-load-error', (event) => events.push(event));
  container.innerHTML = markup;
  document.body.append(container);
  cleanups.push(() => {
    console.error = original;
    container.remove();
  });
  const context = container.querySelector('care-context')!;
  return { context, events, consoleErrors, rosterText: () => text(container.querySelector('care-team-roster')?.shadowRoot) };
}

describe('<care-context source="memory">: the seed in the page, from a URL, or missing', () => {
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('reads the seed from a <script type="application/json"> inside it', async () => {
    const view = page(`<care-context source="memory" care-team="team-1" lang="en">
      <script type="application/json">${JSON.stringify(SEED)}</script>
      <care-team-roster></care-team-roster>
    </care-context>`);
    await waitUntil(() => view.rosterText().includes('Kari Nilsen'), 'the roster did not show the inline seed', { timeout: 5000 });
    expect(view.rosterText()).to.contain('Ingrid Berg');
    expect(view.events).to.deep.equal([]);
  });

  it('takes the team from the inline seed when care-team is not given', async () => {
    const view = page(`<care-context source="memory"><script type="application/json">${JSON.stringify(SEED)}</script><care-team-roster></care-team-roster></care-context>`);
    await waitUntil(() => view.rosterText().includes('Kari Nilsen'), 'the roster did not show the inline seed', { timeout: 5000 });
    expect(view.context.store!.teamId).to.equal('team-1');
  });

  it('fetches the seed from seed-src', async () => {
    const url = `data:application/json,${encodeURIComponent(JSON.stringify([SEED]))}`;
    const view = page(`<care-context source="memory" care-team="team-1" seed-src="${url}"><care-team-roster></care-team-roster></care-context>`);
    await waitUntil(() => view.rosterText().includes('Kari Nilsen'), 'the roster did not show the fetched seed', { timeout: 5000 });
  });

  it('a seed-src that answers 404 is a care-load-error with reason not-found and the URL in the console', async () => {
    const view = page(`<care-context source="memory" care-team="team-1" seed-src="/no-such-seed.json" lang="en"><care-team-roster></care-team-roster></care-context>`);
    await waitUntil(() => view.events.length > 0, 'no care-load-error', { timeout: 5000 });
    expect(view.events[0].detail).to.include({ reason: 'not-found', status: 404 });
    expect(view.consoleErrors.join('\n')).to.contain('/no-such-seed.json answered 404');
  });

  it('without any seed: care-load-error, a console message that says how to give one, and no "check your connection"', async () => {
    const view = page(`<care-context source="memory" care-team="team-1" lang="en"><care-team-roster></care-team-roster></care-context>`);
    await waitUntil(() => view.events.length > 0 && view.rosterText().includes(en.loadErrorTitle), 'no care-load-error and error state', { timeout: 5000 });
    expect(view.events[0].detail.reason).to.equal('not-found');
    expect(view.consoleErrors.join('\n')).to.contain('<script type="application/json"> inside <care-context>');
    expect(view.consoleErrors.join('\n')).to.contain('seed-src');
    expect(view.rosterText()).not.to.match(/connection/i);
  });

  it('an inline seed that is not JSON: care-load-error invalid-body naming the script', async () => {
    const view = page(`<care-context source="memory" care-team="team-1" lang="en"><script type="application/json">{ team: </script><care-team-roster></care-team-roster></care-context>`);
    await waitUntil(() => view.events.length > 0, 'no care-load-error', { timeout: 5000 });
    expect(view.events[0].detail.reason).to.equal('invalid-body');
    expect(view.events[0].detail.message).to.contain('<script type="application/json"> inside <care-context> is not JSON');
  });
});
