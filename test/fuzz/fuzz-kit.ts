// Property-based fuzzing of the elements' data inputs (controlled mode): arbitrary and broken data
// set as properties must never throw, must render either content or the data-error state naming a
// path, must never create elements from data, and must leave every control with a name.
import fc from 'fast-check';
import * as values from '../../src/contract/values.js';
import { fixture, html, settle } from '../helpers/fixture.js';

type Json = Record<string, unknown>;

/** Text that has broken renderers before: markup, script, template syntax, bidi, huge, empty. */
export const HOSTILE_TEXT = [
  '<img src=x onerror="window.__fuzzPwned=1">',
  '<script>window.__fuzzPwned=1</script>',
  '<iframe src="javascript:window.__fuzzPwned=1"></iframe>',
  '"><svg onload="window.__fuzzPwned=1">',
  "'; window.__fuzzPwned=1; '",
  '${window.__fuzzPwned=1}',
  '{{constructor.constructor("window.__fuzzPwned=1")()}}',
  'javascript:window.__fuzzPwned=1',
  '<a href="javascript:window.__fuzzPwned=1">click</a>',
  'محمد عبد الله – ‏שרה כהן',
  '\u202eevil\u202c name',
  'Zalgo: Z̷̢̛a̸̡͝l̵̨̕g̶̢͘o̴̧͠',
  '👩🏽‍⚕️🧑‍🤝‍🧑🏳️‍🌈',
  '\u0000\u0007\u001b[31m',
  '\n\n\t  ',
  '',
  ' ',
  '__proto__',
  'constructor',
  'x'.repeat(5000),
  'Ingrid '.repeat(700),
];

/** Every allowed-value list of the contract, to swap one member for another. */
const VALUE_LISTS = (Object.values(values) as unknown[]).filter(
  (value): value is readonly string[] => Array.isArray(value) && value.every((item) => typeof item === 'string'),
);
const listOf = (value: string) => VALUE_LISTS.find((list) => list.includes(value));

const DAY = 86_400_000;
const isoDay = fc.integer({ min: Date.UTC(1900, 0, 1) / DAY, max: Date.UTC(2100, 11, 31) / DAY }).map((d) => new Date(d * DAY).toISOString().slice(0, 10));
const instant = fc
  .tuple(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) }), fc.constantFrom('Z', '+01:00', '+14:00', '-12:00', '.000Z'))
  .map(([ms, zone]) => `${new Date(ms).toISOString().slice(0, 19)}${zone}`);
const brokenDate = fc.constantFrom('2026-02-30', '2026-13-01', '30.11.2026', '2026-12-01T25:00:00Z', '2026-12-01 10:00', 'yesterday', '0000-00-00');

/** A string: hostile, arbitrary unicode, or huge. */
export const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 2000, maxLength: 6000 }) },
);

const wrongValue = fc.constantFrom<unknown>(null, 0, -1, 1e308, Number.NaN, true, false, [], {}, [null], 'x', { id: 1 });

/** One mutation, applied at a path picked by `at` from the paths that fit it. */
export type Mutation =
  | { op: 'text'; at: number; text: string }
  | { op: 'enum'; at: number; pick: number }
  | { op: 'date'; at: number; date: string }
  | { op: 'remove'; at: number }
  | { op: 'wrong-type'; at: number; value: unknown }
  | { op: 'extra'; at: number; key: string; text: string }
  | { op: 'duplicate'; at: number }
  | { op: 'empty'; at: number };

const at = fc.nat();
/** Mutations that keep data inside the contract in most cases: other text, other allowed values, other dates. */
export const validMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('text' as const), at, text: anyText }),
  fc.record({ op: fc.constant('enum' as const), at, pick: fc.nat() }),
  fc.record({ op: fc.constant('date' as const), at, date: fc.oneof(isoDay, instant) }),
  fc.record({ op: fc.constant('duplicate' as const), at }),
);
/** Mutations that break data: removed fields, wrong types, nulls, extra fields, impossible dates, emptied lists. */
export const brokenMutation: fc.Arbitrary<Mutation> = fc.oneof(
  validMutation,
  fc.record({ op: fc.constant('remove' as const), at }),
  fc.record({ op: fc.constant('wrong-type' as const), at, value: wrongValue }),
  fc.record({ op: fc.constant('extra' as const), at, key: fc.constantFrom('extra', 'onclick', 'innerHTML', 'constructor', 'x-portal'), text: anyText }),
  fc.record({ op: fc.constant('date' as const), at, date: brokenDate }),
  fc.record({ op: fc.constant('empty' as const), at }),
);

interface Slot {
  parent: Json | unknown[];
  key: string | number;
  value: unknown;
}

function slots(root: unknown): Slot[] {
  const found: Slot[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach((item, i) => (found.push({ parent: value, key: i, value: item }), visit(item)));
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) found.push({ parent: value as Json, key, value: item }), visit(item);
  };
  visit(root);
  return found;
}

const put = (slot: Slot, value: unknown) => ((slot.parent as Json)[slot.key as string] = value);
const isDateText = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value);

/** Applies mutations to a copy of `input`; a mutation with no place to apply is skipped. */
export function mutate<T>(input: T, mutations: readonly Mutation[]): T {
  const root = { value: structuredClone(input) };
  for (const mutation of mutations) {
    const all = slots(root.value).concat([{ parent: root as unknown as Json, key: 'value', value: root.value }]);
    const fitting = all.filter((slot) => {
      switch (mutation.op) {
        case 'text':
          return typeof slot.value === 'string';
        case 'enum':
          return typeof slot.value === 'string' && listOf(slot.value) !== undefined;
        case 'date':
          return isDateText(slot.value);
        case 'duplicate':
        case 'empty':
          return Array.isArray(slot.value);
        case 'extra':
          return slot.value !== null && typeof slot.value === 'object' && !Array.isArray(slot.value);
        case 'remove':
          // Removing the whole input is "not given" (the element waits for data), not broken data.
          return slot.parent !== (root as unknown);
        default:
          return true;
      }
    });
    if (fitting.length === 0) continue;
    const slot = fitting[mutation.at % fitting.length];
    switch (mutation.op) {
      case 'text':
        put(slot, mutation.text);
        break;
      case 'enum': {
        const list = listOf(slot.value as string)!;
        put(slot, list[mutation.pick % list.length]);
        break;
      }
      case 'date': {
        // Keep the shape of the field: a day stays a day, an instant an instant.
        const day = (slot.value as string).length === 10;
        put(slot, day ? mutation.date.slice(0, 10) : mutation.date.length === 10 ? `${mutation.date}T10:00:00Z` : mutation.date);
        break;
      }
      case 'remove':
        if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
        else delete (slot.parent as Json)[slot.key as string];
        break;
      case 'wrong-type':
        put(slot, structuredClone(mutation.value));
        break;
      case 'extra':
        Object.defineProperty(slot.value, mutation.key, { value: mutation.text, enumerable: true, configurable: true, writable: true });
        break;
      case 'duplicate': {
        const list = slot.value as unknown[];
        if (list.length > 0) list.push(structuredClone(list[mutation.at % list.length]));
        break;
      }
      case 'empty':
        put(slot, []);
        break;
    }
  }
  return root.value;
}

// ---------------------------------------------------------------------------------------------
// Invariants

/** Every element and its shadow roots, depth first. */
function* deepElements(root: ShadowRoot | Element): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

const INTERACTIVE = 'button, input, select, textarea, a[href], [role="button"], [role="switch"], [role="checkbox"], [role="radio"], [role="option"], [role="tab"], [role="menuitem"], [role="combobox"], [role="slider"], [role="spinbutton"], [role="textbox"]';

const byId = (el: Element, id: string) => (el.getRootNode() as ShadowRoot | Document).getElementById?.(id) ?? null;

/** A cheap accessible name: aria-labelledby, aria-label, a label, title, or text content (alt of images). */
export function accessibleName(el: Element): string {
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const text = labelledby
      .split(/\s+/)
      .map((id) => byId(el, id)?.textContent ?? '')
      .join(' ')
      .trim();
    if (text) return text;
  }
  const label = el.getAttribute('aria-label')?.trim();
  if (label) return label;
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
    const labels = [...(el.labels ?? [])].map((l) => l.textContent ?? '').join(' ').trim();
    if (labels) return labels;
    if (el instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(el.type)) return el.value;
  }
  const text = (el.textContent ?? '').trim() || [...el.querySelectorAll('img[alt], svg[aria-label]')].map((i) => i.getAttribute('alt') ?? i.getAttribute('aria-label')).join(' ').trim();
  if (text && !(el instanceof HTMLInputElement)) return text;
  return el.getAttribute('title')?.trim() ?? '';
}

const visible = (el: Element) => (el as HTMLElement).checkVisibility?.({ checkVisibilityCSS: true } as CheckVisibilityOptions) ?? true;

// Links from data must be contract-checked tel:/sms:/mailto:/https:; a blob: URL of this page is the element's own (the .ics file).
const SAFE_URL = new RegExp(`^(?:tel:|sms:|mailto:|https:|#|blob:${location.origin.replace(/[.*+?^${'$'}{}()|[\]\\]/g, '\\$&')}/)`, 'i');

export interface Observed {
  errors: string[];
  dataErrors: Array<{ entity: string; paths: string[] }>;
}

/** Checks what one render left in the element's shadow root; returns a list of violations. */
export function violations(el: HTMLElement, allowedTags: ReadonlySet<string>, observed: Observed, expectInvalid: boolean): string[] {
  const problems: string[] = [...observed.errors.map((e) => `threw: ${e}`)];
  const w = window as unknown as { __fuzzPwned?: unknown };
  if (w.__fuzzPwned !== undefined) problems.push('data ran as script (window.__fuzzPwned was set)');
  const root = el.shadowRoot!;
  const all = [...deepElements(root)];

  for (const node of all) {
    const tag = node.localName;
    if (!allowedTags.has(tag)) problems.push(`<${tag}> is not in the allow-list`);
    for (const attr of node.getAttributeNames()) {
      if (attr.startsWith('on')) problems.push(`<${tag}> has an event-handler attribute ${attr}`);
      if ((attr === 'href' || attr === 'src' || attr === 'action' || attr === 'formaction') && !SAFE_URL.test(node.getAttribute(attr) ?? '')) {
        problems.push(`<${tag} ${attr}="${(node.getAttribute(attr) ?? '').slice(0, 60)}"> is not a safe URL`);
      }
    }
  }

  const errorState = root.querySelector('[role="alert"][part~="state"][part~="error"]');
  if (observed.dataErrors.length > 0 || expectInvalid) {
    if (expectInvalid && observed.dataErrors.length === 0) problems.push('data that breaks the contract fired no care-data-error');
    if (!errorState) problems.push('data that breaks the contract did not show the data-error state');
    else if ((el as { audience?: unknown }).audience !== 'professional') {
      // A service user sees plain words only; the paths go to the event.
      if (errorState.querySelector('code, details')) problems.push('the data-error state shows contract paths to a service user');
      if (observed.dataErrors.flatMap((e) => e.paths).length === 0 && expectInvalid) problems.push('care-data-error named no path');
    } else {
      const shown = [...errorState.querySelectorAll('details code')].map((c) => c.textContent ?? '');
      const paths = observed.dataErrors.flatMap((e) => e.paths);
      // An element may put the input's name before a path: `responsibilities[2].status`; the input itself is `(root)` or its name.
      const names = (s: string, p: string) => (p === '' ? s === '(root)' || /^[a-z]+$/i.test(s) : s.endsWith(p) || p.endsWith(s));
      if (shown.length === 0) problems.push('the data-error state names no path');
      else if (shown.some((s) => s.endsWith('.'))) problems.push(`the data-error state names a path ending in a dot: ${JSON.stringify(shown)}`);
      else if (paths.length > 0 && !shown.some((s) => paths.some((p) => names(s, p)))) {
        problems.push(`the data-error state names ${JSON.stringify(shown.slice(0, 3))}, not one of ${JSON.stringify(paths.slice(0, 3))}`);
      }
    }
  } else {
    if (errorState && errorState.matches('[role="alert"]') && !errorState.querySelector('button')) problems.push(`valid data shows the data-error state: ${(errorState.textContent ?? '').slice(0, 200)}`);
    if ((root.textContent ?? '').trim() === '' && !root.querySelector('[role]')) problems.push('nothing was rendered');
  }

  for (const node of all) {
    if (!node.matches(INTERACTIVE) || !visible(node)) continue;
    if (node.closest('[hidden], [aria-hidden="true"]')) continue;
    if (node instanceof HTMLInputElement && node.type === 'hidden') continue;
    if (!accessibleName(node)) problems.push(`<${node.localName}${node.id ? `#${node.id}` : ''} role=${node.getAttribute('role') ?? ''}> has no accessible name`);
  }
  return [...new Set(problems)];
}

/** Tags that every element may show in its shared states (loading, load error, data error). */
export const STATE_TAGS = ['div', 'h2', 'p', 'ul', 'li', 'code', 'button', 'span', 'details', 'summary'];

/**
 * Runs one fuzz property: a fresh element per run gets the generated properties; the invariants
 * must hold after it has rendered. Prints how many cases ran.
 */
export async function fuzzElement<P extends Json>(options: {
  name: string;
  tag: string;
  /** Attributes set on the element once. */
  attributes?: Record<string, string>;
  props: fc.Arbitrary<P>;
  allowedTags: ReadonlySet<string>;
  expectInvalid: (props: P) => boolean;
  runs: number;
}): Promise<number> {
  let ran = 0;
  const observed: Observed = { errors: [], dataErrors: [] };
  const onError = (event: ErrorEvent) => observed.errors.push(String(event.error ?? event.message));
  const onRejection = (event: PromiseRejectionEvent) => observed.errors.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    const host = await fixture<HTMLDivElement>(html`<div style="inline-size: 60rem"></div>`);
    const details = await fc.check(
      fc.asyncProperty(options.props, async (props) => {
        ran++;
        observed.errors = [];
        observed.dataErrors = [];
        host.replaceChildren();
        const el = document.createElement(options.tag);
        for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
        el.addEventListener('care-data-error', (event) => {
          const detail = (event as unknown as CustomEvent<{ entity: string; issues: Array<{ path: string }> }>).detail;
          observed.dataErrors.push({ entity: detail.entity, paths: detail.issues.map((i) => i.path) });
        });
        Object.assign(el, props);
        host.append(el);
        try {
          await settle(el);
        } catch (error) {
          observed.errors.push(`settle: ${String(error)}`);
        }
        // Errors thrown in an update surface a task later.
        await new Promise((resolve) => setTimeout(resolve, 0));
        const found = violations(el, options.allowedTags, observed, options.expectInvalid(props));
        if (found.length > 0) throw new Error(`${options.name}:\n  - ${found.join('\n  - ')}`);
      }),
      { numRuns: options.runs, endOnFailure: true },
    );
    if (details.failed) {
      // The failing case can be huge (5,000-character names): print its start, the seed and the path to replay it.
      const example = JSON.stringify(details.counterexample) ?? '';
      throw new Error(
        `${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}\n` +
          `  replay with { seed: ${details.seed}, path: "${details.counterexamplePath}" }\n` +
          `  case (${example.length} characters): ${example.slice(0, 1500)}${example.length > 1500 ? '…' : ''}`,
      );
    }
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.log(`fuzz ${options.name}: ${ran} runs`);
  }
  return ran;
}
