// Every ```html example in README.md and docs/embedding.md runs exactly as printed: the
// example is the body of a page (test/server/docs.plugin.mjs) that loads the BUILT bundle from the
// path the example names. Each page runs in an iframe. Every Care Element on it must finish loading
// and show its content: no error state, no care-load-error or care-data-error, no console error.
import { expect, waitUntil } from '../helpers/fixture.js';

interface Example {
  id: string;
  file: string;
  line: number;
  html: string;
}

interface ProbedWindow extends Window {
  __docErrors: string[];
  __docEvents: Array<{ type: string; reason?: string }>;
}

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const examples: Example[] = await (await fetch('/__docs__/snippets.json')).json();
const frames: HTMLIFrameElement[] = [];

async function open(example: Example): Promise<{ win: ProbedWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.title = `${example.file} line ${example.line}`;
  frame.style.width = '1000px';
  frame.style.height = '700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/__docs__/pages/${example.id}.html`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return { win: frame.contentWindow as ProbedWindow, doc: frame.contentDocument! };
}

/** The Care Elements of a page that render something (every care-* tag but the context). */
const elementsOf = (doc: Document) => [...doc.querySelectorAll('*')].filter((el) => el.localName.startsWith('care-') && el.localName !== 'care-context');

const settled = (el: Element) => {
  const root = el.shadowRoot;
  return !!root && root.childElementCount > 0 && !root.querySelector('[part~="loading"]') && text(root) !== '';
};

describe('Documentation examples run exactly as printed', function () {
  this.timeout(60_000);

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('finds the examples: at least the README script-tag example', () => {
    const readme = examples.filter((example) => example.file === 'README.md');
    expect(readme.length).to.be.greaterThan(0);
    expect(readme[0].html).to.contain('<care-context source="memory" care-team="team-1">');
  });

  for (const example of examples) {
    it(`${example.file} line ${example.line}`, async () => {
      const { win, doc } = await open(example);
      await waitUntil(() => win.customElements.get('care-context') !== undefined, 'the bundle did not register the tags', {
        timeout: 20_000,
      });
      const elements = elementsOf(doc);
      expect(elements.length, 'the example shows at least one element').to.be.greaterThan(0);
      await waitUntil(() => elements.every(settled) || win.__docEvents.length > 0, 'the elements did not finish loading', { timeout: 20_000 });
      expect(win.__docEvents, 'no care-…-error events').to.deep.equal([]);
      expect(win.__docErrors, 'no errors in the console').to.deep.equal([]);
      for (const el of elements) {
        expect(el.shadowRoot!.querySelector('[part~="error"]'), `${el.localName} shows an error state: ${text(el.shadowRoot)}`).to.equal(null);
      }
      // Every person named in an inline seed appears in a roster.
      const seed = doc.querySelector('care-context > script[type="application/json"]');
      const roster = doc.querySelector('care-team-roster');
      if (seed && roster) {
        const record = JSON.parse(seed.textContent!) as { team: { members: Array<{ name: string }> } };
        for (const member of record.team.members) expect(text(roster.shadowRoot)).to.contain(member.name);
      }
    });
  }
});
