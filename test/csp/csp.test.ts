// Every element, loaded from the BUILT bundle as a portal would, under a strict Content-Security-
// Policy with Trusted Types enforced (test/server/csp.plugin.mjs serves the pages). Each page runs
// in an iframe; this test page itself has no policy. For each element: it renders, one real
// interaction works, and there is not one CSP violation — neither as a `securitypolicyviolation`
// event (collected from the page's first script) nor as a report posted to the page's report-uri.
import { expect, waitUntil } from '../helpers/fixture.js';
import { press } from '../helpers/keys.js';

interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

interface CspWindow extends Window {
  __cspViolations?: Violation[];
  __pageErrors?: string[];
  __cspPageReady?: boolean;
}

interface CspPage {
  run: string;
  frame: HTMLIFrameElement;
  win: CspWindow;
  doc: Document;
}

const TESTED_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const runId = (name: string) => `${name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const opened: HTMLIFrameElement[] = [];

/** Opens a CSP page in an iframe and waits until its page script has run. */
async function openPage(name: string, options: { tt?: 'none' | 'duplicates'; width?: number } = {}): Promise<CspPage> {
  const run = runId(name);
  const frame = document.createElement('iframe');
  frame.title = `CSP page ${name}`;
  frame.style.width = `${options.width ?? 1024}px`;
  frame.style.height = '700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/__csp__/${name}.html?run=${run}${options.tt ? `&tt=${options.tt}` : ''}`;
  document.body.append(frame);
  opened.push(frame);
  await loaded;
  const win = frame.contentWindow as CspWindow;
  return { run, frame, win, doc: frame.contentDocument! };
}

/** Reports the server received for a run (waits a little: report-uri posts are asynchronous). */
async function serverReports(run: string, wait = 600): Promise<unknown[]> {
  await sleep(wait);
  const response = await fetch(`/__csp__/reports?run=${encodeURIComponent(run)}`);
  return (await response.json()) as unknown[];
}

/** The shadow root of the first element matching `selector` once it has rendered `ready`. */
async function rendered(page: CspPage, selector: string, ready: string): Promise<ShadowRoot> {
  await waitUntil(() => page.win.__cspPageReady === true, `${selector}: page script did not run`, { timeout: 8000 });
  let root: ShadowRoot | null | undefined;
  await waitUntil(
    () => {
      root = page.doc.querySelector(selector)?.shadowRoot;
      return Boolean(root?.querySelector(ready));
    },
    `${selector} did not render ${ready} (violations: ${JSON.stringify(page.win.__cspViolations)}, errors: ${JSON.stringify(page.win.__pageErrors)})`,
    { timeout: 8000 },
  );
  return root!;
}

/** The page saw no violation and no error, and the report endpoint received nothing. */
async function expectNoViolations(page: CspPage): Promise<void> {
  // Violation events are queued as tasks and reports posted later: collect after a pause.
  const reports = await serverReports(page.run);
  expect(page.win.__cspViolations, 'securitypolicyviolation events').to.deep.equal([]);
  expect(page.win.__pageErrors ?? [], 'errors on the page').to.deep.equal([]);
  expect(reports, 'reports posted to report-uri').to.deep.equal([]);
}

const nextFrames = async (win: Window, n = 2) => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => win.requestAnimationFrame(() => resolve(undefined)));
};

describe('strict Content-Security-Policy with Trusted Types (built bundle)', function () {
  this.timeout(30_000);

  before(async () => {
    const status = (await (await fetch('/__csp__/status')).json()) as { built: boolean };
    if (!status.built) throw new Error('dist/care-elements.min.js is missing: run npm run build first');
  });

  afterEach(() => {
    for (const frame of opened.splice(0)) frame.remove();
  });

  it('serves the pages with exactly the documented policy and a report-uri', async () => {
    const response = await fetch('/__csp__/roster.html?run=header');
    const header = response.headers.get('content-security-policy') ?? '';
    expect(header).to.equal(`${TESTED_POLICY}; report-uri /__csp__/report?run=header`);
    const page = await response.text();
    expect(page).not.to.match(/<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
    expect(page).not.to.match(/\sstyle=/, 'no inline style');
  });

  it('catches violations both ways (a canary page breaks the policy on purpose)', async () => {
    const page = await openPage('canary');
    await waitUntil(() => page.win.__cspPageReady === true, 'canary page script did not run');
    await waitUntil(() => page.win.__cspViolations!.length >= 3, 'the canary\u2019s violations did not arrive');
    const directives = page.win.__cspViolations!.map((v) => v.directive).sort();
    // `new Function(string)` meets Trusted Types before script-src, so it is reported as
    // require-trusted-types-for (sample "Function|…"), like the innerHTML assignment.
    expect(directives).to.deep.equal(['require-trusted-types-for', 'require-trusted-types-for', 'style-src-attr']);
    expect(page.win.__cspViolations!.some((v) => v.sample.startsWith('Function'))).to.equal(true);
    let reports: unknown[] = [];
    for (let i = 0; i < 20 && reports.length < 3; i += 1) reports = await serverReports(page.run, 150);
    expect(reports, 'the report-uri endpoint receives the same three').to.have.length(3);
  });

  it("cannot meet trusted-types 'none': Lit's policy \"lit-html\" is refused and nothing is defined", async () => {
    const page = await openPage('roster', { tt: 'none' });
    await waitUntil(() => (page.win.__cspViolations ?? []).length > 0, 'no violation under trusted-types none');
    await sleep(300);
    const violation = page.win.__cspViolations!.find((v) => v.directive === 'trusted-types');
    expect(violation, JSON.stringify(page.win.__cspViolations)).to.exist;
    expect(violation!.sample).to.equal('lit-html');
    expect(page.win.customElements.get('care-team-roster')).to.equal(undefined);
  });

  it('ships no string-to-code in the bundle or its chunks (no eval, no Function: valibot builds no code from strings)', async () => {
    const bundle = await (await fetch('/dist/care-elements.min.js')).text();
    const chunks = [...new Set([...bundle.matchAll(/["'](\.\/chunks\/[^"']+\.js)["']/g)].map((m) => m[1]))];
    expect(chunks.length, 'the language chunks').to.be.greaterThan(0);
    for (const [name, code] of [
      ['care-elements.min.js', bundle],
      ...(await Promise.all(chunks.map(async (c) => [c, await (await fetch(`/dist/${c.slice(2)}`)).text()]))),
    ]) {
      expect(/\bFunction\b/.test(code), `${name} mentions Function`).to.equal(false);
      expect(/\beval\s*\(/.test(code), `${name} calls eval`).to.equal(false);
      expect(/setTimeout\(\s*["'`]/.test(code), `${name} passes a string to setTimeout`).to.equal(false);
    }
  });

  it('a second copy of Lit on the page needs \'allow-duplicates\': without it its policy is refused', async () => {
    const page = await openPage('two-copies');
    await rendered(page, 'care-team-roster', 'li.member button.name');
    await waitUntil(() => (page.win.__cspViolations ?? []).length > 0, 'no violation for the second lit-html policy');
    const violation = page.win.__cspViolations!.find((v) => v.directive === 'trusted-types');
    expect(violation?.sample, JSON.stringify(page.win.__cspViolations)).to.equal('lit-html');
  });

  it("two copies of Lit work with trusted-types lit-html 'allow-duplicates'", async () => {
    const page = await openPage('two-copies', { tt: 'duplicates' });
    await rendered(page, 'care-team-roster', 'li.member button.name');
    await nextFrames(page.win);
    await expectNoViolations(page);
  });

  it('care-context with the memory source and the team roster: opens and closes member details', async () => {
    const page = await openPage('roster');
    const root = await rendered(page, 'care-team-roster', 'li.member button.name');
    const button = [...root.querySelectorAll<HTMLButtonElement>('li.member button.name')].find((b) => text(b).startsWith('Amina Rahimi'))!;
    button.click();
    // The dialog is made when it first opens (its code loads on first use).
    await waitUntil(() => root.querySelector('dialog')?.open, 'details did not open');
    const dialog = root.querySelector('dialog')!;
    expect(text(dialog)).to.contain('Fjordvik DPS');
    dialog.querySelector<HTMLButtonElement>('button.close')!.click();
    await waitUntil(() => !dialog.open, 'details did not close');
    await nextFrames(page.win);
    await expectNoViolations(page);
  });

  it('responsibility matrix: changes a cell through the store', async () => {
    const page = await openPage('matrix');
    const root = await rendered(page, 'care-responsibility-matrix', 'tr[data-row="r:r-physical"]');
    const headers = [...root.querySelectorAll('thead th')];
    const column = headers.findIndex((th) => th.querySelector('.member-name')?.textContent?.startsWith('Ola Berg'));
    expect(column).to.be.greaterThan(1);
    // The column count reaches the CSS through the CSSOM (a style attribute would be blocked).
    const grid = root.querySelector<HTMLElement>('table[part="grid"]')!;
    expect(grid.style.getPropertyValue('--_columns')).to.equal(String(headers.length - 2));
    const cell = () => root.querySelector<HTMLTableRowElement>('tr[data-row="r:r-physical"]')!.cells[column];
    const changed = new Promise<Event>((resolve) => page.doc.addEventListener('care-responsibility-change', resolve, { once: true }));
    cell().focus();
    await press('Enter');
    await waitUntil(() => cell().querySelector('[role="option"]'), 'the cell editor did not open');
    const option = [...cell().querySelectorAll<HTMLElement>('[role="option"]')].find((o) => text(o).includes('Does it'))!;
    option.click();
    await changed;
    await waitUntil(() => text(cell()).includes('Does it'), 'the cell did not change');
    await nextFrames(page.win);
    await expectNoViolations(page);
  });

  it('consent toggle: toggles after the host confirms (waitUntil), and saves', async () => {
    const page = await openPage('toggle');
    const root = await rendered(page, 'care-consent-toggle', '[role="switch"]');
    const toggle = root.querySelector<HTMLButtonElement>('[role="switch"]')!;
    expect(toggle.getAttribute('aria-checked')).to.equal('true');
    let confirm!: () => void;
    page.doc.addEventListener('care-consent-request', (event) => {
      (event as Event & { waitUntil(p: Promise<unknown>): void }).waitUntil(new Promise<void>((resolve) => (confirm = resolve)));
    });
    const changed = new Promise<Event>((resolve) => page.doc.addEventListener('care-consent-change', resolve, { once: true }));
    toggle.click();
    await waitUntil(() => confirm !== undefined, 'no request event');
    await nextFrames(page.win);
    expect(root.querySelector('[role="switch"]')!.getAttribute('aria-checked'), 'unchanged until confirmed').to.equal('true');
    confirm();
    await changed;
    await waitUntil(() => root.querySelector('[role="switch"]')!.getAttribute('aria-checked') === 'false', 'the toggle did not change');
    await nextFrames(page.win);
    await expectNoViolations(page);
  });

  it('consent list: a toggle inside the list saves a decision', async () => {
    const page = await openPage('list');
    const root = await rendered(page, 'care-consent-list', 'care-consent-toggle');
    const loadedNb = () => page.win.performance.getEntriesByType('resource').some((entry) => /\/chunks\/locale-nb-[^/]+\.js$/.test(entry.name));
    await waitUntil(loadedNb, 'the bokmål chunk did not load under the policy', { timeout: 5000 });
    await waitUntil(() => /tillater deling/.test(text(root)), 'the list is not in bokmål', { timeout: 5000 });
    const nested = root.querySelector('care-consent-toggle')!;
    await waitUntil(() => nested.shadowRoot?.querySelector('[role="switch"]'), 'the nested toggle did not render');
    const toggle = nested.shadowRoot!.querySelector<HTMLButtonElement>('[role="switch"]')!;
    const before = toggle.getAttribute('aria-checked');
    const changed = new Promise<Event>((resolve) => page.doc.addEventListener('care-consent-change', resolve, { once: true }));
    toggle.click();
    await changed;
    await waitUntil(
      () => nested.shadowRoot!.querySelector('[role="switch"]')!.getAttribute('aria-checked') !== before,
      'the toggle in the list did not change',
    );
    await nextFrames(page.win);
    await expectNoViolations(page);
  });

  it('meeting scheduler: opens and closes the form to move one date of a series', async () => {
    const page = await openPage('scheduler');
    const root = await rendered(page, 'care-meeting-scheduler', 'button[data-move]');
    root.querySelectorAll<HTMLButtonElement>('button[data-move]')[1].click();
    await waitUntil(() => root.querySelector('#move-date'), 'the move form did not open');
    root.querySelector<HTMLButtonElement>('.move button[type="button"]:not(.opener)')!.click();
    await waitUntil(() => !root.querySelector('#move-date'), 'the move form did not close');
    await nextFrames(page.win);
    await expectNoViolations(page);
  });

  it('crisis plan: shows another stage, opens the form, moves a contact with the keyboard and leaves the form', async () => {
    const page = await openPage('crisis');
    const root = await rendered(page, 'care-crisis-plan', 'button.stage-button');
    const buttons = () => [...root.querySelectorAll<HTMLButtonElement>('button')];
    buttons().find((b) => text(b) === 'Crisis')!.click();
    await waitUntil(() => !root.querySelector<HTMLElement>('section.stage[data-stage="crisis"]')!.hidden, 'the crisis stage did not show');
    buttons().find((b) => text(b) === 'Change the plan')!.click();
    await waitUntil(() => root.querySelector('form.edit'), 'the form did not open');
    buttons().find((b) => text(b) === 'Move Kari Nilsen down')!.focus();
    await press('Enter');
    await waitUntil(() => text(root.querySelector('[role="status"]')) === 'Kari Nilsen is now number 2 of 2.', 'the move was not announced');
    buttons().find((b) => text(b) === 'Cancel')!.click();
    await waitUntil(() => !root.querySelector('form.edit'), 'the form did not close');
    await nextFrames(page.win);
    await expectNoViolations(page);
  });

  it('date picker: opens the month grid and picks a date with the keyboard', async () => {
    const page = await openPage('date-picker');
    const root = await rendered(page, 'care-date-picker', 'button.opener');
    const picker = page.doc.querySelector('care-date-picker') as HTMLElement & { value: string };
    root.querySelector<HTMLButtonElement>('button.opener')!.focus();
    await press('Enter');
    const dialog = root.querySelector('dialog')!;
    await waitUntil(() => dialog.open, 'the picker did not open');
    await nextFrames(page.win);
    const picked = new Promise<Event>((resolve) => picker.addEventListener('care-date-pick', resolve, { once: true }));
    await press('ArrowRight');
    await nextFrames(page.win);
    await press('Enter');
    expect(((await picked) as CustomEvent<{ date: string }>).detail.date).to.equal('2026-12-09');
    await waitUntil(() => !dialog.open, 'the picker did not close');
    expect(picker.value).to.equal('2026-12-09');
    await expectNoViolations(page);
  });
});
