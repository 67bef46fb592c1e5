import type { TemplateResult } from 'lit';
import '../../src/define.js';
import type { CareResponsibilityMatrix } from '../../src/components/responsibility-matrix/responsibility-matrix.js';
import type { CareContext } from '../../src/context/care-context.js';
import type { CareRecord } from '../../src/contract/record.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { HttpSource } from '../../src/data/http-source.js';
import type { CareStore } from '../../src/data/store.js';
import type { CareDataSource } from '../../src/data/types.js';
import { fixture, html, settle, waitUntil } from '../helpers/fixture.js';
import { press } from '../helpers/keys.js';
import { apiSession, type Scenario } from '../server/test-api.js';

export const TEAM = 'team-ingrid';
export const kari = { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' };
export const lars = { id: 'm-lars', name: 'Lars Haugen', organisationId: 'org-gp' };

/** How long one request may take in these tests before it counts as timed out. */
export const TIMEOUT_MS = 600;

export type Api = Awaited<ReturnType<typeof apiSession>>;

/** A fresh data set on the loopback API, seeded with the Fjordvik case. */
export const freshApi = (): Promise<Api> => apiSession(fjordvik);

/** An HttpSource on `api` for `scenario`: short timeout, reads not retried (so faults show). */
export const sourceFor = (api: Api, scenario: Scenario = 'ok') =>
  new HttpSource({ baseUrl: api.baseUrl(scenario), timeoutMs: TIMEOUT_MS, retries: 0 });

/**
 * Elements inside a `<care-context>` whose source is an HttpSource on the loopback API, loaded.
 * Returns the context, its store, and the first element matching `selector`.
 */
export async function connect<E extends HTMLElement>(
  source: CareDataSource,
  inner: TemplateResult,
  selector: string,
  actor = kari,
): Promise<{ context: CareContext; store: CareStore; el: E; all: E[] }> {
  const context = await fixture<CareContext>(
    html`<care-context .source=${source} care-team=${TEAM} lang="en" .actor=${actor}>${inner}</care-context>`,
  );
  await waitUntil(() => context.store?.snapshot.status === 'ready', 'the record never loaded', { timeout: 15_000 });
  const all = [...context.querySelectorAll<E>(selector)];
  for (const el of all) await settle(el);
  return { context, store: context.store!, el: all[0], all };
}

/** The stored record on the server. */
export const serverRecord = async (api: Api): Promise<CareRecord> => (await api.log()).records[TEAM];

/** Writes the server saw. */
export const writes = async (api: Api) => (await api.log()).requests.filter((r) => r.method === 'PUT');

/** The text a person sees, whitespace collapsed. */
export const textOf = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** One element inside a shadow root, or null. */
export const inShadow = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

/** Waits until `predicate` holds, then lets the element settle. */
export async function until(el: Element, predicate: () => unknown, message: string, timeout = 5000): Promise<void> {
  await waitUntil(predicate, message, { timeout });
  await settle(el);
}

/** Opens the part editor of a member's cell in the matrix and chooses the part with these words. */
export async function choosePart(el: CareResponsibilityMatrix, id: string, memberName: string, words: string) {
  const headers = [...el.shadowRoot!.querySelectorAll('thead th')];
  const column = headers.findIndex((th) => th.querySelector('.member-name')?.textContent?.startsWith(memberName));
  const cell = el.shadowRoot!.querySelector<HTMLTableRowElement>(`tr[data-row="r:${id}"]`)!.cells[column];
  cell.focus();
  await press('Enter');
  await settle(el);
  const option = [...cell.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => textOf(o).includes(words));
  if (!option) throw new Error(`no option "${words}"`);
  option.click();
  await settle(el);
  return cell;
}

/** The state cell of a matrix row (saving, not saved, Try again). */
export const rowState = (el: Element, id: string) => el.shadowRoot!.querySelector<HTMLTableRowElement>(`tr[data-row="r:${id}"]`)!.cells[1];
