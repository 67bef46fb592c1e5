// Mounting an element inside <care-context> over the loopback HTTP API, seeded with a record in
// which some entries break the contract: the load leaves them out and names them.
import '../../src/context/define.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { fixture, html, settle, waitUntil } from '../helpers/fixture.js';
import { apiSession } from '../server/test-api.js';

export const TEAM = 'team-ingrid';
export const people = {
  ingrid: { id: 'm-ingrid', name: 'Ingrid Solberg' },
  kari: { id: 'm-kari', name: 'Kari Nilsen', organisationId: 'org-home-care' },
};
export const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
export const leftOutNotice = (el: Element) => el.shadowRoot!.querySelector('[part~="left-out"]');

type Lists = 'consents' | 'crisisPlans' | 'responsibilities' | 'meetings' | 'meetingOutcomes' | 'availability';
/** The Fjordvik record with some lists replaced (entries in them may break the contract). */
export const broken = (changes: Partial<Record<Lists, unknown[]>>) => ({ ...fjordvik, ...changes }) as unknown as typeof fjordvik;
/** The Fjordvik record with the entry `id` of `list` changed by `change` (to break it). */
export const breaking = (list: Lists, id: string, change: Record<string, unknown>) =>
  broken({ [list]: (fjordvik[list] as Array<{ id?: string; memberId?: string }>).map((item) => ((item.id ?? item.memberId) === id ? { ...item, ...change } : item)) });

/**
 * Mounts `inner` in a <care-context> reading `record` from a fresh session of the test API, and
 * waits until the element `tag` shows it. Resolves with the element and the session (what the
 * server holds after a save).
 */
export const mountOnApi = async <T extends Element>(record: typeof fjordvik, inner: ReturnType<typeof html>, tag: string, options: { lang?: string; actor?: object } = {}) => {
  const api = await apiSession(record);
  const actor = JSON.stringify(options.actor ?? people.ingrid);
  const context = await fixture(html`<care-context src=${api.baseUrl('ok')} care-team=${TEAM} actor=${actor} lang=${options.lang ?? 'en'}>${inner}</care-context>`);
  const el = context.querySelector(tag) as T & { updateComplete: Promise<unknown> };
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="heading"], [role="heading"], [part="access"], [part~="state"]') && !el.shadowRoot.querySelector('.loading'), `${tag} never showed the record`, { timeout: 10_000 });
  await settle(el);
  return { el, api };
};
