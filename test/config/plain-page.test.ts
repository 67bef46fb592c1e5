// Configuration without a bundler: a plain HTML page (an iframe's srcdoc) loads the BUILT
// single-file bundle, hands headers over through its named export `configureRequests` or the
// `headers` property, and sets credentials, timeout and retries as <care-context> attributes.
// The REST API is the loopback test server (test/server/plugins.mjs), cross-origin as in a portal.
import { expect, waitUntil } from '../helpers/fixture.js';
import { fjordvik } from '../../src/data/fixtures/fjordvik.js';
import { apiSession } from '../server/test-api.js';

interface PageWindow extends Window {
  __loadErrors: Array<{ reason: string; status?: number }>;
}

const TEAM = 'team-ingrid';
const BUNDLE = '/dist/care-elements.min.js';
const frames: HTMLIFrameElement[] = [];
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Opens `body` as a plain page; a first inline script records every care-load-error. */
async function plainPage(body: string): Promise<{ win: PageWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.title = 'plain page';
  frame.style.width = '900px';
  frame.style.height = '600px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plain page</title>
<script>window.__loadErrors = []; document.addEventListener('care-load-error', (e) => window.__loadErrors.push({ reason: e.detail.reason, status: e.detail.status }));</script>
</head><body>${body}</body></html>`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return { win: frame.contentWindow as PageWindow, doc: frame.contentDocument! };
}

const rosterText = (doc: Document) => text(doc.querySelector('care-team-roster')?.shadowRoot);

describe('Configuring the sources from a plain HTML page with the built bundle', function () {
  this.timeout(40_000);

  before(async () => {
    const response = await fetch(BUNDLE, { method: 'HEAD' });
    if (!response.ok) throw new Error(`${BUNDLE} is missing: run npm run build first`);
  });

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('headers from the bundle\u2019s named export configureRequests reach the REST API', async () => {
    const api = await apiSession(fjordvik);
    const { doc, win } = await plainPage(`
      <script type="module">
        import { configureRequests } from '${BUNDLE}';
        configureRequests({ headers: () => ({ Authorization: 'Bearer page-token' }) });
      </script>
      <care-context src="${api.baseUrl('ok')}" care-team="${TEAM}"><care-team-roster></care-team-roster></care-context>`);
    await waitUntil(() => rosterText(doc).includes('Kari Nilsen'), 'the roster did not load', { timeout: 20_000 });
    expect(win.__loadErrors).to.deep.equal([]);
    const reads = (await api.log()).requests.filter((r) => r.method === 'GET');
    expect(reads.map((r) => r.authorization)).to.deep.equal(['Bearer page-token']);
  });

  it('the headers property, set by a classic script before the bundle runs, goes on top of the page\u2019s', async () => {
    const api = await apiSession(fjordvik);
    const { doc } = await plainPage(`
      <script type="module" src="${BUNDLE}"></script>
      <care-context id="team" src="${api.baseUrl('ok')}" care-team="${TEAM}"><care-team-roster></care-team-roster></care-context>
      <script>document.getElementById('team').headers = { Authorization: 'Bearer element-token' };</script>`);
    await waitUntil(() => rosterText(doc).includes('Kari Nilsen'), 'the roster did not load', { timeout: 20_000 });
    const reads = (await api.log()).requests.filter((r) => r.method === 'GET');
    expect(reads.map((r) => r.authorization)).to.deep.equal(['Bearer element-token']);
  });

  it('timeout-ms and retries="0": a slow API fails with reason timeout after one request, well before it answers', async () => {
    const api = await apiSession(fjordvik);
    const { win } = await plainPage(`
      <script type="module" src="${BUNDLE}"></script>
      <care-context src="${api.baseUrl('slow')}" care-team="${TEAM}" timeout-ms="1500" retries="0"><care-team-roster></care-team-roster></care-context>`);
    await waitUntil(() => win.__loadErrors.length > 0, 'no care-load-error', { timeout: 20_000 });
    expect(win.__loadErrors[0].reason).to.equal('timeout');
    // Without the attribute the slow scenario's answer (after 3 s, within the default 15 s) would load.
    // 1.5 s, not less: the request must reach the test server before the timeout even on a loaded machine.
    expect((await api.log()).requests.filter((r) => r.method === 'GET')).to.have.length(1);
  });

  it('retries="1": a failing API is asked twice, not three times (the default)', async () => {
    const api = await apiSession(fjordvik);
    const { win } = await plainPage(`
      <script type="module" src="${BUNDLE}"></script>
      <care-context src="${api.baseUrl('error-500')}" care-team="${TEAM}" retries="1"><care-team-roster></care-team-roster></care-context>`);
    await waitUntil(() => win.__loadErrors.length > 0, 'no care-load-error', { timeout: 20_000 });
    expect(win.__loadErrors[0]).to.include({ reason: 'server', status: 500 });
    expect((await api.log()).requests.filter((r) => r.method === 'GET')).to.have.length(2);
  });

  it('credentials="include" is used: the browser refuses an answer that allows any origin (*) with credentials', async () => {
    const api = await apiSession(fjordvik);
    const { win } = await plainPage(`
      <script type="module" src="${BUNDLE}"></script>
      <care-context src="${api.baseUrl('ok')}" care-team="${TEAM}" credentials="include" retries="0"><care-team-roster></care-team-roster></care-context>`);
    await waitUntil(() => win.__loadErrors.length > 0, 'no care-load-error', { timeout: 20_000 });
    expect(win.__loadErrors[0].reason).to.equal('network');
  });

  it('the FHIR source takes the same settings: headers, timeout-ms and retries', async () => {
    const api = await apiSession(fjordvik);
    const { win } = await plainPage(`
      <script type="module">
        import { configureRequests } from '${BUNDLE}';
        configureRequests({ headers: { Authorization: 'Bearer fhir-token' } });
      </script>
      <care-context fhir-base="${api.baseUrl('slow')}" fhir-version="R4" patient="p-ingrid" care-team="${TEAM}" timeout-ms="1500" retries="0">
        <care-team-roster></care-team-roster>
      </care-context>`);
    await waitUntil(() => win.__loadErrors.length > 0, 'no care-load-error', { timeout: 20_000 });
    expect(win.__loadErrors[0].reason).to.equal('timeout');
    const requests = (await api.log()).requests;
    expect(requests).to.have.length(1);
    expect(requests[0].path).to.match(/^CareTeam/);
    expect(requests[0].authorization).to.equal('Bearer fhir-token');
  });
});
