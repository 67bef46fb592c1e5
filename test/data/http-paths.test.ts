import '../../src/components/team-roster/define.js';
import '../../src/context/define.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { HttpSource } from '../../src/data/http-source.js';
import { StoreError, type Change } from '../../src/data/types.js';
import type { CareRecord } from '../../src/contract/record.js';

/** A fetch that answers every GET with the Fjordvik record and every PUT with its body, and records each call. */
const recordingFetch = () => {
  const calls: string[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
    const body = init?.method === 'PUT' ? String(init.body) : JSON.stringify(fjordvik);
    return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"2"' } });
  }) as typeof fetch;
  return { calls, fetchImpl };
};

const consentChange = (value: CareRecord['consents'][number]): Change<'consent'> => ({
  entity: 'consent',
  action: 'withdraw',
  value,
  id: 'change-1',
  actor: { id: 'm-kari', name: 'Kari Nilsen' },
  at: '2026-12-01T09:30:00.000Z',
  baseVersion: '1',
  create: false,
});

async function rejectionOf(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error('expected the promise to reject');
}

describe('HttpSource addresses', () => {
  for (const id of ['.', '..']) {
    it(`refuses the care team id "${id}" before reading anything`, async () => {
      const { calls, fetchImpl } = recordingFetch();
      const error = await rejectionOf(new HttpSource({ baseUrl: 'https://portal.example/api', fetch: fetchImpl }).load(id));
      expect(error.kind).to.equal('contract');
      expect(error.message).to.contain('must not be "." or ".."');
      expect(calls).to.deep.equal([]);
    });

    it(`never writes a consent with the id "${id}" to the team's own address, and encodes every other id as one segment`, async () => {
      const { calls, fetchImpl } = recordingFetch();
      const source = new HttpSource({ baseUrl: 'https://portal.example/api', fetch: fetchImpl });
      const record = await source.load('team-ingrid');
      const error = await rejectionOf(source.save(consentChange({ ...record.consents[0], id })));
      expect(error.kind).to.equal('contract');
      await source.save(consentChange({ ...record.consents[0], id: `c/${id}/../x?y#z%` }));
      expect(calls).to.deep.equal([
        'GET https://portal.example/api/care-teams/team-ingrid/record',
        `PUT https://portal.example/api/care-teams/team-ingrid/consents/c%2F${id}%2F..%2Fx%3Fy%23z%25`,
      ]);
    });
  }
});

describe('<care-context src care-team="..">', () => {
  let calls: string[] = [];
  const realFetch = globalThis.fetch;
  beforeEach(() => {
    calls = [];
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response('{}', { status: 404 });
    }) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  const cases = [
    ['en', 'The page asks for a care team by an id that cannot be used'],
    ['nb', 'Siden ber om et behandlingsteam med en id som ikke kan brukes'],
    ['nn', 'Sida ber om eit behandlingsteam med ein id som ikkje kan brukast'],
    ['da', 'Siden beder om et behandlingsteam med et id, der ikke kan bruges'],
    ['sv', 'Sidan ber om ett vårdteam med ett id som inte kan användas'],
  ] as const;
  for (const [lang, sentence] of cases) {
    it(`never reads /api/record and says why, in ${lang}`, async () => {
      const reasons: string[] = [];
      const listen = (event: Event) => reasons.push((event as CustomEvent<{ reason: string }>).detail.reason);
      document.addEventListener('care-load-error', listen);
      const context = await fixture(html`<care-context src="/api" care-team=".." lang=${lang}><care-team-roster></care-team-roster></care-context>`);
      const roster = context.querySelector('care-team-roster')!;
      const alertText = () => (roster.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '').replace(/\s+/g, ' ');
      // The language's catalogue loads on demand; wait for the sentence in it.
      await waitUntil(() => alertText().includes(sentence), `load error in ${lang}`, { timeout: 5000 }).catch(() => undefined);
      const alert = alertText();
      expect(alert).to.contain(sentence);
      // The contract path (careTeam) is for developers: in the event and console, not on a service user's screen.
      expect(alert).not.to.contain('careTeam');
      expect(calls).to.deep.equal([]);
      document.removeEventListener('care-load-error', listen);
      // Nothing was asked of the server, so the host hears "rejected", not that a body was broken.
      expect(reasons).to.deep.equal(['rejected']);
    });
  }
});
