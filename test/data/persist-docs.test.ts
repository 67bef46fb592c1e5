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

/** The ```html block of the persist section: markup, and the module script to run. */
async function printedPage(): Promise<{ markup: string; script: string }> {
  const markdown = await (await fetch('/docs/embedding.md')).text();
  const section = markdown.slice(markdown.indexOf('### Keeping changes in the browser: `persist`'));
  const block = /```html\n([\s\S]*?)\n```/.exec(section)?.[1];
  if (!block || !block.includes('discardStored()')) throw new Error('docs/embedding.md has no persist page calling discardStored()');
  const script = /<script type="module">([\s\S]*?)<\/script>/.exec(block)![1];
  return { markup: block.replace(/<script type="module">[\s\S]*?<\/script>/, ''), script };
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

  it('on a page without a bundler: care-storage-problem on the element, and discardStored() starts again from the seed', async () => {
    localStorage.setItem(TEAM_KEY, BROKEN);
    const { markup, script } = await printedPage();
    const teamKey = `${KEY}/team/team-1`;
    const quarantineKey = `${KEY}/quarantine/team-1`;
    localStorage.removeItem(TEAM_KEY);
    localStorage.setItem(teamKey, BROKEN);
    host = document.createElement('div');
    // The page is read as if served from /__docs__/pages/, where care-team.json is the README's seed (Ingrid Berg's team).
    // The bundle's script tag does not run from innerHTML; this file has registered the tags already.
    host.innerHTML = markup.replace('seed-src="care-team.json"', 'seed-src="/__docs__/pages/care-team.json"');
    const context = host.querySelector('care-context') as CareContext;
    const problems: string[] = [];
    context.addEventListener('care-storage-problem', (event) => problems.push(event.detail.kind));
    const warn = console.warn;
    const error = console.error;
    console.warn = () => undefined;
    console.error = () => undefined;
    const roster = host.querySelector('care-team-roster')!;
    const button = host.querySelector<HTMLButtonElement>('#start-again')!;
    // The page's script runs before the element has loaded anything, as a module script at the end
    // of the body does: here in the same task as the elements connect (an import of the script
    // would run it a few tasks later, and a memory source whose code is already loaded could tell
    // its problem before anyone listens). The printed script imports nothing, so it runs as
    // printed inside a block of a script element.
    if (/\bimport\b/.test(script)) throw new Error('the printed page script imports something: run it as a module instead');
    const pageScript = document.createElement('script');
    pageScript.textContent = `{\n${script}\n}`;
    try {
      document.body.append(host);
      host.append(pageScript);
      await waitUntil(() => !button.hidden, 'the host shows its button after the problem', { timeout: 10_000 });
    } finally {
      console.warn = warn;
      console.error = error;
    }
    expect(problems).to.deep.equal(['quarantined']);
    await waitUntil(() => roster.shadowRoot?.querySelector('[part~="error"]') !== null, 'the roster shows the load error');
    expect(text(roster.shadowRoot), 'the seed is not shown instead').not.to.contain('Ingrid Berg');
    expect(localStorage.getItem(teamKey), 'nothing overwrote the stored value').to.equal(BROKEN);

    button.click();
    await waitUntil(() => text(roster.shadowRoot).includes('Ingrid Berg') && !roster.shadowRoot!.querySelector('[part~="error"]'), 'the team from the seed');
    expect(button.hidden).to.equal(true);
    expect(localStorage.getItem(teamKey), 'the unusable value is gone').to.equal(null);
    expect(JSON.parse(localStorage.getItem(quarantineKey)!), 'its copy stays aside').to.have.length(1);
  });

  it('on a page without a bundler whose script runs after the problem was told: the host still offers its button', async () => {
    const { markup, script } = await printedPage();
    const teamKey = `${KEY}/team/team-1`;
    localStorage.setItem(teamKey, BROKEN);
    host = document.createElement('div');
    host.innerHTML = markup.replace('seed-src="care-team.json"', 'seed-src="/__docs__/pages/care-team.json"');
    const context = host.querySelector('care-context') as CareContext;
    const roster = host.querySelector('care-team-roster')!;
    const button = host.querySelector<HTMLButtonElement>('#start-again')!;
    const warn = console.warn;
    const error = console.error;
    console.warn = () => undefined;
    console.error = () => undefined;
    // The printed script, as a module imported only once the problem has been told and shown.
    const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
    try {
      document.body.append(host);
      await waitUntil(() => roster.shadowRoot?.querySelector('[part~="error"]') !== null, 'the roster shows the load error', { timeout: 10_000 });
      expect(context.storageProblems.map((problem) => problem.kind)).to.deep.equal(['quarantined']);
      expect(button.hidden, 'nobody has offered the way out yet').to.equal(true);
      await import(/* @vite-ignore */ url);
      expect(button.hidden, 'the script read the problem told before it ran').to.equal(false);
    } finally {
      console.warn = warn;
      console.error = error;
      URL.revokeObjectURL(url);
    }
    button.click();
    await waitUntil(() => text(roster.shadowRoot).includes('Ingrid Berg') && !roster.shadowRoot!.querySelector('[part~="error"]'), 'the team from the seed');
    expect(context.storageProblems.length, 'the discarded record\u2019s problem is no longer listed').to.equal(0);
  });

  it('discardStored() does nothing on a context whose store the host gave', async () => {
    host = document.createElement('div');
    host.innerHTML = `<care-context source="memory" persist="${KEY}"></care-context>`;
    document.body.append(host);
    const context = host.querySelector('care-context') as CareContext;
    context.seed = fjordvik;
    await waitUntil(() => localStorage.getItem(TEAM_KEY) !== null || context.store?.snapshot.status === 'ready', 'the context loaded', { timeout: 10_000 });
    const { CareStore } = await import('../../src/data/store.js');
    const { MemorySource } = await import('../../src/data/memory-source.js');
    const given = new CareStore(new MemorySource({ seed: fjordvik }), 'team-ingrid');
    context.store = given;
    await context.updateComplete;
    localStorage.setItem(TEAM_KEY, BROKEN);
    await context.discardStored();
    expect(localStorage.getItem(TEAM_KEY), 'the stored value is left alone').to.equal(BROKEN);
  });
});
