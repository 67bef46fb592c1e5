// Runs one hostile case against one element and checks what every case must satisfy.
import '../../src/define.js';
import { expect, settle } from '../helpers/fixture.js';
import { casesFor, freshRecord, PWN_FLAG, type ElementName, type HostileCase, type LooseRecord } from './corpus.js';

const WIDTH = 320;
const TAGS: Record<ElementName, string> = {
  roster: 'care-team-roster',
  matrix: 'care-responsibility-matrix',
  toggle: 'care-consent-toggle',
  list: 'care-consent-list',
  scheduler: 'care-meeting-scheduler',
  crisis: 'care-crisis-plan',
  outcomes: 'care-meeting-outcomes',
  'date-picker': 'care-date-picker',
};

/** Elements data must never turn into. */
const FORBIDDEN_TAGS = new Set(['SCRIPT', 'IFRAME', 'IMG', 'OBJECT', 'EMBED', 'STYLE', 'LINK', 'META', 'BASE', 'FRAME']);
/** URL-carrying attributes, checked for script-capable schemes. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];
const UNSAFE_SCHEME = /^\s*(javascript|data|vbscript):/i;

type Loose = LooseRecord;
export type Audience = 'professional' | 'service-user';
const find = (list: unknown, id: string): Loose =>
  Array.isArray(list) ? (list.find((item: Loose) => item?.id === id) ?? list[0]) : list;

/** Creates the element with its slice of the (hostile) record, in controlled mode. */
function create(element: ElementName, record: Loose, c: HostileCase, audience: Audience): HTMLElement {
  const el = document.createElement(TAGS[element]) as HTMLElement & Record<string, unknown>;
  el.setAttribute('lang', 'en');
  if (element !== 'date-picker') el.setAttribute('audience', audience);
  const team = record?.team;
  switch (element) {
    case 'roster':
      el.team = team;
      el.setAttribute('today', '2026-12-01');
      break;
    case 'matrix':
      el.team = team;
      el.responsibilities = record?.responsibilities;
      el.toggleAttribute('editable', audience === 'professional');
      if (audience === 'service-user') el.setAttribute('me', 'm-ingrid');
      el.setAttribute('today', '2026-12-01');
      break;
    case 'toggle':
      el.directive = find(record?.consents, 'c-gp');
      el.team = team;
      break;
    case 'list':
      el.consents = record?.consents;
      el.team = team;
      break;
    case 'scheduler':
      el.team = team;
      el.availability = record?.availability;
      el.consents = record?.consents;
      el.meeting = find(record?.meetings, 'mt-series');
      el.setAttribute('today', '2026-12-01');
      el.setAttribute('me', audience === 'professional' ? 'm-kari' : 'm-ingrid');
      el.setAttribute('viewer-time-zone', 'Europe/Oslo');
      break;
    case 'crisis':
      el.plan = find(record?.crisisPlans, 'cp-ingrid');
      el.team = team;
      el.responsibilities = record?.responsibilities;
      el.consents = record?.consents;
      el.actor = audience === 'professional' ? { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' } : { id: 'm-ingrid', name: 'Ingrid Solberg' };
      el.now = '2026-12-01T12:00:00Z';
      break;
    case 'outcomes':
      el.meeting = find(record?.meetings, 'mt-october');
      el.outcome = find(record?.meetingOutcomes, 'mo-october');
      el.team = team;
      el.consents = record?.consents;
      el.responsibilities = record?.responsibilities;
      el.actor = audience === 'professional' ? { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' } : { id: 'm-ingrid', name: 'Ingrid Solberg' };
      el.now = '2026-12-01T12:00:00Z';
      break;
    case 'date-picker': {
      const attributes = { value: '2026-12-08', today: '2026-12-01', ...(c.picker ?? {}) };
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      break;
    }
  }
  return el;
}

/** Every element below `root`, through open shadow roots. */
function deepElements(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/** The text of `root` and its shadow roots, as it is (not normalised). */
function deepText(root: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push((node as Text).data);
    const shadow = (node as Element).shadowRoot;
    if (shadow) visit(shadow);
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return parts.join('');
}

/** The next element up, stepping out of shadow roots to their host. */
const up = (node: Element): Element | null => node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
const isInline = (node: Element) => ['inline', 'contents'].includes(getComputedStyle(node).display);

/**
 * Text nodes holding a bidi override (U+202E) that can reorder other text: neither isolated
 * (dir="auto", <bdi>, unicode-bidi: isolate/plaintext on an inline ancestor) nor alone in their block.
 */
function bidiSpills(root: Element): string[] {
  const spills: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE && (node as Text).data.includes('\u202E')) {
      let isolated = false;
      let block: Element | null = node.parentElement;
      for (let at: Element | null = node.parentElement; at; at = up(at)) {
        if (['isolate', 'isolate-override', 'plaintext'].includes(getComputedStyle(at).unicodeBidi)) {
          isolated = true;
          break;
        }
        block = at;
        if (!isInline(at)) break;
      }
      const own = (node as Text).data.trim();
      const around = (block?.textContent ?? '').trim();
      if (!isolated && around !== own) spills.push(`<${node.parentElement?.localName}> in "${around.slice(0, 80)}"`);
    }
    const shadow = (node as Element).shadowRoot;
    if (shadow) visit(shadow);
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return spills;
}

const errorState = (el: Element): Element | null => el.shadowRoot?.querySelector('.state.error[role="alert"]') ?? null;

/**
 * Opens the details dialog where notes, offers and reasons are shown: the roster's member details
 * for the member named `text`, the matrix's details of the disputed responsibility.
 */
async function openDetails(element: ElementName, el: HTMLElement, text: string): Promise<HTMLDialogElement | undefined> {
  const root = el.shadowRoot!;
  let opener: HTMLElement | undefined;
  if (element === 'roster') {
    opener = [...root.querySelectorAll<HTMLElement>('li.member button.name')].find((b) => (b.textContent ?? '').includes(text));
  } else if (element === 'matrix') {
    opener =
      root.querySelector<HTMLElement>('[data-details="r-lithium"]') ??
      root.querySelector<HTMLElement>('tr[data-row="r:r-lithium"] .title-button') ??
      undefined;
  }
  if (!opener) return undefined;
  opener.click();
  await settle(el);
  return root.querySelector<HTMLDialogElement>('dialog') ?? undefined;
}

/** What happened, for the summary of "either" cases. */
export interface Outcome {
  element: ElementName;
  id: string;
  shown: 'rendered' | 'error';
  detail?: string;
}

/** Runs `c` against `element` and asserts the invariants and the case's expectation. */
export async function runCase(element: ElementName, c: HostileCase, audience: Audience = 'professional'): Promise<Outcome> {
  const win = window as unknown as Record<string, unknown>;
  delete win[PWN_FLAG];
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(String(event.error ?? event.message));
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);

  const record = freshRecord();
  c.mutate(record);
  const box = document.createElement('div');
  box.style.width = `${WIDTH}px`;
  const dataErrors: unknown[] = [];
  box.addEventListener('care-data-error', (event) => dataErrors.push((event as CustomEvent).detail));
  document.body.append(box);
  try {
    const el = create(element, record, c, audience);
    box.append(el);
    await settle(el);
    const dialog = c.expect.kind === 'text' && c.expect.shows.includes(element) ? await openDetails(element, el, c.expect.text) : undefined;
    // An <img onerror> or a <svg onload> would fire after a network round trip or a task.
    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(win[PWN_FLAG], 'a payload ran').to.equal(undefined);
    expect(errors, 'errors thrown while rendering').to.deep.equal([]);

    for (const node of deepElements(el)) {
      expect(FORBIDDEN_TAGS.has(node.tagName.toUpperCase()), `a <${node.localName}> was created`).to.equal(false);
      for (const attribute of node.getAttributeNames()) {
        expect(/^on/i.test(attribute), `<${node.localName} ${attribute}> event-handler attribute`).to.equal(false);
        if (URL_ATTRIBUTES.includes(attribute.toLowerCase())) {
          const value = node.getAttribute(attribute) ?? '';
          expect(UNSAFE_SCHEME.test(value), `<${node.localName} ${attribute}="${value.slice(0, 60)}">`).to.equal(false);
        }
      }
    }

    const rect = el.getBoundingClientRect();
    expect(rect.width, 'the element stays within 320 px').to.be.at.most(WIDTH + 0.5);
    expect(box.scrollWidth, 'nothing overflows the 320 px box').to.be.at.most(WIDTH + 1);

    const state = errorState(el);
    const expectation = c.expect;
    const broken = expectation.kind === 'error' && expectation.brokenIn.includes(element);
    // Contract paths are for developers: on screen only in a professional's folded details, always in the event.
    const eventIssues = (dataErrors as Array<{ issues: Array<{ path: string; message: string }> }>).flatMap((d) => d.issues).map((i) => `${i.path || '(root)'}: ${i.message}`);
    const issueLines = (shown: Element) =>
      audience === 'professional' ? [...shown.querySelectorAll('details li')].map((li) => li.textContent ?? '') : eventIssues;
    if (state && audience === 'service-user') expect(state.querySelector('code, details'), 'a service user sees no contract paths').to.equal(null);
    if (broken) {
      expect(state, 'the error state is shown').to.exist;
      const items = issueLines(state!);
      expect(items.some((item) => expectation.path.test(item)), `an issue names the path ${expectation.path}: ${items.join(' | ')}`).to.equal(true);
      expect(items.some((item) => expectation.reason.test(item)), `an issue gives the reason ${expectation.reason}: ${items.join(' | ')}`).to.equal(true);
      expect(dataErrors.length, 'care-data-error fired').to.be.greaterThan(0);
    } else if (expectation.kind !== 'either' && element !== 'date-picker') {
      expect(state?.textContent?.replace(/\s+/g, ' ').slice(0, 300) ?? null, 'no error state for valid data').to.equal(null);
    }
    if (expectation.kind === 'text' && (expectation.shows.includes(element) || (element === 'date-picker' && c.picker?.label))) {
      expect(deepText(el).includes(expectation.text), `shows "${expectation.text.slice(0, 40)}…" as text`).to.equal(true);
    }
    if (expectation.kind === 'text' && expectation.text.includes('\u202E')) {
      expect(bidiSpills(el), 'a right-to-left override in data reorders the text around it').to.deep.equal([]);
    }
    // The matrix offers details only when it is editable (the professional's view here). A payload that
    // this element does not show (a crisis-plan contact's name, say) has no details to open.
    if ((element === 'roster' || (element === 'matrix' && audience === 'professional')) && expectation.kind === 'text' && expectation.shows.includes(element)) {
      expect(dialog?.open, 'the details dialog opened').to.equal(true);
      expect(deepText(dialog!).includes(expectation.text), 'the details dialog shows the payload as text').to.equal(true);
    }
    if (state) {
      // Whatever the case: an error state says what happened in plain words, and a path and a reason reach the developer.
      expect(state.querySelector('p')?.textContent?.trim().length ?? 0, 'the error says what happened').to.be.greaterThan(0);
      if (audience === 'professional') expect(state.querySelector('details li code')?.textContent?.length ?? 0, 'the details name a path').to.be.greaterThan(0);
      const first = issueLines(state)[0] ?? '';
      expect(first.split(':').slice(1).join(':').trim().length, 'the error gives a reason').to.be.greaterThan(0);
    }
    return {
      element,
      id: c.id,
      shown: state ? 'error' : 'rendered',
      detail: state ? issueLines(state)[0]?.replace(/\s+/g, ' ').trim().slice(0, 120) : undefined,
    };
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    box.remove();
  }
}

/** Declares one mocha test per case for `element` and prints the count and the "either" outcomes. */
export function describeCorpus(element: ElementName): void {
  const cases = casesFor(element);
  // The text cases run again in the service user's view, which renders different parts.
  const serviceUserCases = element === 'date-picker' ? [] : cases.filter((c) => c.expect.kind === 'text');
  const outcomes: Outcome[] = [];
  describe(`<${TAGS[element]}> with hostile data`, function () {
    this.timeout(20_000);
    for (const c of cases) {
      it(`${c.id}: ${c.about}`, async () => {
        outcomes.push(await runCase(element, c));
      });
    }
    for (const c of serviceUserCases) {
      it(`${c.id} (service user's view): ${c.about}`, async () => {
        outcomes.push(await runCase(element, c, 'service-user'));
      });
    }
    after(() => {
      const either = outcomes.filter((o) => casesFor(element).find((c) => c.id === o.id)?.expect.kind === 'either');
      const total = cases.length + serviceUserCases.length;
      console.log(
        `hostile corpus: ${cases.length} cases (+${serviceUserCases.length} again in the service user's view) × 1 element (<${TAGS[element]}>), ${outcomes.length} of ${total} ran to the end`,
      );
      for (const o of either) console.log(`  ${o.id}: ${o.shown}${o.detail ? ` — ${o.detail}` : ''}`);
    });
  });
}
