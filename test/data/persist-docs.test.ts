// The storage-problem example of docs/embedding.md ("Keeping changes in the browser: persist"),
// run exactly as printed: a host offers a way out of a stored record that cannot be used. Only
// the package name is resolved, as a bundler would, to the package's entry (src/index.ts, served compiled).
import { expect, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { CareContext } from '../../src/context/care-context.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';

const KEY = 'portal-demo';
const TEAM_KEY = `${KEY}/team/team-ingrid`;
const QUARANTINE_KEY = `${KEY}/quarantine/team-ingrid`;
const BROKEN = '{"format":"care-elements/memory-team@2","version":3,"record":{"team":';

const clear = () => {
  for (const key of Object.keys(localStorage)) if (key === KEY || key.startsWith(`${KEY}/`)) localStorage.removeItem(key);
};
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The ```js block of the persist section that calls discardStored. */
async function printedExample(): Promise<string> {
  const markdown = await (await fetch('/docs/embedding.md')).text();
  const section = markdown.slice(markdown.indexOf('### Keeping changes in the browser: `persist`'));
  const block = /```js\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block || !block.includes('discardStored')) throw new Error('docs/embedding.md has no persist example calling discardStored');
  return block;
}

describe('docs/embedding.md: listening to storage-problem and calling discardStored', function () {
  this.timeout(20_000);
  let host: HTMLElement;

  beforeEach(clear);
  afterEach(() => {
    host?.remove();
    clear();
  });

  it('a stored record that is not JSON: the team does not load, the host shows its button, and it starts again from the seed', async () => {
    localStorage.setItem(TEAM_KEY, BROKEN);
    host = document.createElement('div');
    host.innerHTML = `<care-context care-team="team-ingrid"><care-team-roster></care-team-roster></care-context>
      <button id="start-again" hidden>Start again</button>`;
    document.body.append(host);
    const context = host.querySelector('care-context') as CareContext;
    context.seed = fjordvik;
    const loadErrors: string[] = [];
    context.addEventListener('care-load-error', (event) => loadErrors.push(event.detail.reason));
    const roster = host.querySelector('care-team-roster')!;
    const button = host.querySelector<HTMLButtonElement>('#start-again')!;

    const code = (await printedExample()).replace(/from 'care-elements'/, `from '${location.origin}/src/index.ts'`);
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const warn = console.warn;
    const error = console.error;
    console.warn = () => undefined;
    console.error = () => undefined;
    try {
      await import(/* @vite-ignore */ url);
      await waitUntil(() => !button.hidden && loadErrors.length > 0, 'the host shows its button after the failed load', { timeout: 10_000 });
    } finally {
      console.warn = warn;
      console.error = error;
      URL.revokeObjectURL(url);
    }
    expect(loadErrors).to.deep.equal(['invalid-body']);
    await waitUntil(() => roster.shadowRoot?.querySelector('[part~="error"]') !== null, 'the roster shows the load error');
    expect(text(roster.shadowRoot), 'the seed is not shown instead').not.to.contain('Ingrid Solberg');
    expect(localStorage.getItem(TEAM_KEY), 'nothing overwrote the stored value').to.equal(BROKEN);
    expect((JSON.parse(localStorage.getItem(QUARANTINE_KEY)!) as Array<{ text: string }>).map((entry) => entry.text)).to.deep.equal([BROKEN]);

    button.click();
    await waitUntil(() => text(roster.shadowRoot).includes('Ingrid Solberg') && !roster.shadowRoot!.querySelector('[part~="error"]'), 'the team from the seed');
    expect(button.hidden).to.equal(true);
    expect(localStorage.getItem(TEAM_KEY), 'the unusable value is gone').to.equal(null);
    expect(JSON.parse(localStorage.getItem(QUARANTINE_KEY)!), 'its copy stays aside').to.have.length(1);
  });
});
